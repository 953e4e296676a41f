// HTML through gumbo (the HTML5 parsing algorithm, so malformed markup is recovered the way a
// browser would). The bytes are decoded first (UTF-8, UTF-16 BOM, else the meta charset as a hint
// to ICU's detector); the paragraph and metadata rules are HtmlBlockBuilder's.
//
// Known weaknesses: gumbo builds the whole tree in memory (a few times the file size); the meta
// description is kept in ExtractedDoc::description but not indexed as text.
#pragma once

#include "readers/reader.h"

namespace kb {

class HtmlReader final : public Reader {
 public:
  std::string_view name() const override { return "html"; }
  ReadResult read(std::string_view bytes) const override;
};

// The charset named by <meta charset=…> or http-equiv content-type in the first 2 KiB ("" when none).
std::string declared_html_charset(std::string_view bytes);

}  // namespace kb
