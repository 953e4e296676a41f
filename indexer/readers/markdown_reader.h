// Markdown through md4c (CommonMark + GitHub tables). Each paragraph, heading, list item, code
// block and table row becomes a paragraph; the first level-1 heading is the title. Image alt
// text, raw HTML and link targets are not indexed.
//
// Known weaknesses: HTML entities other than the common named ones and numeric references are
// kept as written; front matter (YAML) is read as text.
#pragma once

#include "readers/reader.h"

namespace kb {

class MarkdownReader final : public Reader {
 public:
  std::string_view name() const override { return "markdown"; }
  ReadResult read(std::string_view bytes) const override;
};

}  // namespace kb
