// Cuts a document's paragraphs into passages, the unit a search returns. A paragraph is a
// passage; a paragraph longer than the limit is cut at sentence boundaries (ICU), and a single
// sentence longer than the limit at the last space before it.
//
// Known weaknesses: headings stay passages of their own rather than being attached to the
// paragraph they introduce.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/unicode_text.h"

namespace kb::analysis {

struct PassageSpan {
  std::uint32_t begin = 0;  // byte offsets into the paragraph text
  std::uint32_t end = 0;
};

class PassageSplitter {
 public:
  static constexpr std::size_t kMaxPassageBytes = 1500;

  std::vector<PassageSpan> split(std::string_view paragraph);

 private:
  SentenceSegmenter sentences_;
};

}  // namespace kb::analysis
