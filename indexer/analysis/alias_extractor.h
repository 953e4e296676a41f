// Learns cross-language aliases from a document's own text: a name or term followed by its
// equivalent in the other script in parentheses — `션 란돌프(Sean Randolph)`, `오픈AI(OpenAI)`,
// `AX(디지털 전환)`, `Sean Randolph (션 란돌프)`. When both sides have the same number of words, each
// word pair is an alias too (`란돌프` ↔ `Randolph`), so a surname alone crosses languages.
//
// Known weaknesses: only the parenthetical pattern; the left side is taken as the words right
// before the parenthesis that share a script, so a Korean phrase whose first word lies further
// back loses it; a leading English article (`The`) is dropped; nothing checks that the two sides
// really mean the same thing (`회사(2024)` is ignored only because it has no letters).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kb::analysis {

struct Alias {
  std::string left;   // as written, e.g. "션 란돌프"
  std::string right;  // e.g. "Sean Randolph"
  bool operator==(const Alias&) const = default;
};

class AliasExtractor {
 public:
  std::vector<Alias> extract(std::string_view text) const;
};

}  // namespace kb::analysis
