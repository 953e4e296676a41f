#include "analysis/speaker_lexicon.h"

#include "analysis/lexicon_text.h"

#include <algorithm>

namespace kb::generated {
std::string_view speaker_lexicon_ko();
}  // namespace kb::generated

namespace kb::analysis {
namespace {

void longest_first(std::vector<std::string_view>& v) {
  std::stable_sort(v.begin(), v.end(), [](std::string_view a, std::string_view b) { return a.size() > b.size(); });
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

}  // namespace

SpeakerLexicon SpeakerLexicon::parse(std::string_view text) {
  SpeakerLexicon lex;
  for_each_lexicon_entry(text, [&](std::string_view section, std::string_view line) {
    if (section == "titles")
      lex.titles.push_back(line);
    else if (section == "title_modifiers")
      lex.title_modifiers.push_back(line);
    else if (section == "description_heads")
      lex.description_heads.push_back(line);
    else if (section == "org_suffixes")
      lex.org_suffixes.push_back(line);
    else if (section == "org_names")
      lex.org_names.insert(line);
    else if (section == "not_subjects")
      lex.not_subjects.insert(line);
    else if (section == "np_stops")
      lex.np_stops.insert(line);
    else if (section == "not_names")
      lex.not_names.insert(line);
    else if (section == "name_stop_endings")
      lex.name_stop_endings.push_back(line);
    else if (section == "reporting_verbs")
      lex.reporting_verbs.insert(line);
    else if (section == "person_titles")
      lex.person_titles.insert(line);
    else if (section == "not_speakers")
      lex.not_speakers.insert(line);
    else if (section == "speech_nouns")
      lex.speech_nouns.push_back(line);
  });
  longest_first(lex.titles);
  lex.title_set.insert(lex.titles.begin(), lex.titles.end());
  lex.description_head_set.insert(lex.description_heads.begin(), lex.description_heads.end());
  lex.org_suffix_set.insert(lex.org_suffixes.begin(), lex.org_suffixes.end());
  lex.name_stop_ending_set.insert(lex.name_stop_endings.begin(), lex.name_stop_endings.end());
  longest_first(lex.description_heads);
  longest_first(lex.org_suffixes);
  longest_first(lex.name_stop_endings);
  return lex;
}

std::string_view SpeakerLexicon::ending_in(const std::unordered_set<std::string_view>& set, std::string_view word) {
  for (std::size_t i = 0; i < word.size(); ++i) {
    if ((static_cast<unsigned char>(word[i]) & 0xC0) == 0x80) continue;  // inside a code point
    if (set.contains(word.substr(i))) return word.substr(i);
  }
  return {};
}

const SpeakerLexicon& SpeakerLexicon::korean() {
  static const SpeakerLexicon lexicon = parse(generated::speaker_lexicon_ko());
  return lexicon;
}

}  // namespace kb::analysis
