// Plain text. Paragraphs are separated by blank lines when the file has any (lines inside a
// paragraph are joined with a space); otherwise every non-empty line is a paragraph, as in news
// text saved one paragraph per line.
#pragma once

#include "readers/reader.h"

namespace kb {

class TextReader final : public Reader {
 public:
  std::string_view name() const override { return "text"; }
  ReadResult read(std::string_view bytes) const override;
};

}  // namespace kb
