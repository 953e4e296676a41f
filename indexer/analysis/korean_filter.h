// Korean word normalisation for retrieval: strips the particle (josa) that follows a noun, so
// `실리콘밸리가`, `실리콘밸리와` and `실리콘밸리의` all index as `실리콘밸리`.
//
// Known weaknesses: a rule list, not a morphological analyser. A noun that happens to end in a
// particle's syllable loses it when the stem left is long enough (`사과` keeps its `과` because
// single-syllable particles need a two-syllable stem, but `컴퓨터과` would lose it); verb and
// adjective endings (eomi) are not handled yet. Both sides of the search use the same rules, so a
// wrong cut costs precision, not recall.
#pragma once

#include <string>
#include <string_view>

namespace kb::analysis {

class KoreanFilter {
 public:
  // The stem of a folded Hangul word: the word minus one trailing particle, or the word itself.
  std::string stem(std::string_view word) const;

  // True when the whole word is a particle, as in the `가` of `KBS가`: such a piece carries no
  // content of its own.
  bool is_particle(std::string_view word) const;
};

}  // namespace kb::analysis
