// PDF through poppler's core API (PDFDoc + TextOutputDev): one pass over the pages, text in poppler's reading order; each page's
// text is split into paragraphs at blank lines (lines inside a paragraph joined with a space),
// and every paragraph keeps its 1-based page number for citations. Title and author come from
// the Info dictionary, the date from its CreationDate.
//
// Refusals and warnings, so that no garbage reaches the index:
//   * a PDF that needs a user password → encrypted (an owner-password-only PDF opens and is read);
//   * no text on any page → "no text layer" (a scan: kb does not run OCR);
//   * a page whose text is mostly unmappable glyphs (control characters or U+FFFD: fonts without
//     a ToUnicode map, e.g. Identity-H CID fonts) is dropped with a warning; when every page with
//     text is like that the file is refused; private-use characters (Type 3 fonts) are removed
//     with a warning;
//   * pages without text in an otherwise textual PDF are listed in one warning.
// Poppler's own error chatter is silenced (a no-op error callback). The catalog's /OutputIntents is
// ignored: poppler would build a colour transform per page for it, which text does not need.
//
// Known weaknesses: a line-wrapped Korean word is rejoined with a space; a font whose wrong
// ToUnicode map yields plausible letters (shifted Latin) is not detected; multi-column layouts
// follow poppler's reading order.
#pragma once

#include <memory>

#include "readers/reader.h"

class GlobalParamsIniter;  // poppler's; keeps its global parameters alive while a reader exists

namespace kb {

class PdfReader final : public Reader {
 public:
  PdfReader();
  ~PdfReader() override;
  std::string_view name() const override { return "pdf"; }
  ReadResult read(std::string_view bytes) const override;

 private:
  std::unique_ptr<GlobalParamsIniter> poppler_;
};

// Counts used to judge a page's text (exposed for tests).
struct TextQuality {
  std::size_t letters = 0;     // non-space code points
  std::size_t unmapped = 0;    // C0 controls other than whitespace, U+FFFD
  std::size_t private_use = 0; // U+E000–U+F8FF, planes 15–16
  bool unreadable() const { return unmapped >= 3 && unmapped * 20 >= letters; }  // ≥ 5 %
};
TextQuality judge_text(std::string_view utf8);

}  // namespace kb
