// Markdown front matter: a YAML-ish block that opens the file between `---` lines, as static
// site generators and note apps write it. Only flat `key: value` lines are read; the keys kb
// uses are title, date (else published, pubDate, created), url (else link, source), author and
// lang. The block is metadata, never text: the Markdown reader parses what follows it.
// Known weaknesses: YAML lists, block scalars and nested maps are skipped, not read (`author:`
// followed by `- name` lines gives no author); TOML `+++` blocks are not recognised.
#pragma once

#include <string>
#include <string_view>

namespace kb {

struct FrontMatter {
  bool found = false;
  std::size_t body_offset = 0;  // bytes: where the Markdown after the block starts
  std::string title, date, url, author, lang;
};

// The front matter at the start of `text` (a UTF-8 BOM skipped); found = false when the text
// does not open with `---` or the block is never closed within its first 200 lines.
FrontMatter read_front_matter(std::string_view text);

}  // namespace kb
