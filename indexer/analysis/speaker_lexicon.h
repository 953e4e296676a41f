// The Korean word lists the quotes stage reads to find and describe speakers: titles, title
// modifiers, heads of described speakers (`관계자`, `측근`), organisation suffixes and names,
// words that are not subjects or names, and reporting verbs. Kept as data in
// `indexer/analysis/data/speaker_lexicon_ko.txt`, compiled in (cmake/embed_text.cmake) and
// parsed once; the lists are immutable and their views point into the compiled-in text.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace kb::analysis {

struct SpeakerLexicon {
  std::vector<std::string_view> titles;  // title heads, longest first
  // The lists matched against word endings, as sets: a word's endings are looked up one code
  // point at a time (ending_in) instead of scanning a list for every Korean word.
  std::unordered_set<std::string_view> title_set, description_head_set, org_suffix_set, name_stop_ending_set;
  std::vector<std::string_view> title_modifiers;
  std::unordered_set<std::string_view> person_titles;  // titles only people bear (`대통령`, `감독`)
  std::vector<std::string_view> description_heads;     // longest first
  std::vector<std::string_view> org_suffixes;          // longest first
  std::unordered_set<std::string_view> org_names;
  std::unordered_set<std::string_view> not_subjects;
  std::unordered_set<std::string_view> not_speakers;  // subjects that never say anything (`결과`)
  std::unordered_set<std::string_view> np_stops;
  std::unordered_set<std::string_view> not_names;
  std::vector<std::string_view> name_stop_endings;
  std::unordered_set<std::string_view> reporting_verbs;
  std::vector<std::string_view> speech_nouns;  // `"…"라는 말로`: nouns that make a quote speech

  // The longest ending of `word` (whole code points) that `set` holds, or empty.
  static std::string_view ending_in(const std::unordered_set<std::string_view>& set, std::string_view word);

  // Parses the `[section]` / one-entry-a-line format; unknown sections are ignored.
  static SpeakerLexicon parse(std::string_view text);
  // The compiled-in Korean lexicon, parsed on first use.
  static const SpeakerLexicon& korean();
};

}  // namespace kb::analysis
