// The format of kb's compiled-in word lists (data/*.txt, embedded by kb_embed_text): one entry
// per line, `[section]` headers, `#` comments, blank lines ignored, spaces and tabs around an
// entry trimmed. One reader for every list, so the lists cannot drift apart in format.
#pragma once

#include <string_view>

namespace kb::analysis {

inline std::string_view trim_lexicon_line(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Calls visit(section, entry) for every entry of `text`, `section` being the name inside the
// last `[…]` header before it (empty before the first). The views point into `text`.
template <typename Visit>
void for_each_lexicon_entry(std::string_view text, Visit&& visit) {
  std::string_view section;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    const std::string_view line = trim_lexicon_line(text.substr(pos, nl - pos));
    pos = nl + 1;
    if (line.empty() || line.front() == '#') continue;
    if (line.front() == '[' && line.back() == ']') {
      section = line.substr(1, line.size() - 2);
      continue;
    }
    visit(section, line);
  }
}

}  // namespace kb::analysis
