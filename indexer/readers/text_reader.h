// Plain text. The decoded lines go through LineUnwrapper (readers/line_unwrapper.h): hard-wrapped
// lines (wire copy, e-mail, reports printed at a fixed width) are joined into paragraphs, while
// one-paragraph-per-line files, tables, lists, quoted e-mail lines and header fields keep their
// lines. Blank lines and indentation open paragraphs. Each paragraph keeps the source lines it
// spans (Paragraph::line_begin/line_end), so a citation names the line it starts on.
#pragma once

#include "readers/reader.h"

namespace kb {

class TextReader final : public Reader {
 public:
  std::string_view name() const override { return "text"; }
  ReadResult read(std::string_view bytes) const override;
};

}  // namespace kb
