// Korean word normalisation for retrieval, by rules rather than a dictionary:
//   * stem(): strips one trailing particle (josa) or verbal ending (eomi), the longest that
//     leaves a long enough stem (and a particle of two syllables stacked under a particle:
//     `서울까지도` → `서울`), so `실리콘밸리가`/`실리콘밸리와` → `실리콘밸리`,
//     `당선된`/`당선되었다` → `당선`, `발표했다`/`발표하는`/`발표하며` → `발표`; the past tense
//     goes (`태어났다` → `태어나`, `불렸다` → `불리`, `선고받았다` → `선고받`), and so does the
//     adnominal ㄴ after the syllables that end verbs (`태어난` → `태어나`, `지어진` → `지어지`);
//   * is_question_word(): interrogatives (`언제`, `누가`, `무엇을`, `몇`, `얼마나`, `어디에서`,
//     `왜`) that a question carries and its answer passage does not;
//   * compose_jamo(): Hangul typed as compatibility jamo (`ㅎㅏㄴ`) composed into syllables;
//   * hanja_country(): one-character hanja abbreviations of countries in headlines (`美` → `미국`).
//
// Known weaknesses: a rule list, not a morphological analyser. A noun that ends in a particle's
// or ending's syllable loses it when the stem left is long enough (`천안함` → `천안`); irregular
// verbs (`들어`/`듣다`), two-syllable verbs (`만든`/`만들었다`) and contractions without the
// past tense (`불려`) stay apart. Both sides of the search use the same rules, so a wrong cut
// costs precision, not recall; the Hangul bigram terms (analyzer.h) recover what stemming
// misses, including compounds spaced either way.
#pragma once

#include <array>
#include <bitset>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace kb::analysis {

class KoreanFilter {
 public:
  KoreanFilter();

  // The stem of a folded Hangul word: the word minus one trailing particle or ending, or the
  // word itself.
  std::string stem(std::string_view word) const;

  // True when the whole word is a particle, as in the `가` of `KBS가`: such a piece carries no
  // content of its own.
  bool is_particle(std::string_view word) const;

  // True for an interrogative word with whatever particle follows it (`무엇으로`, `누구인가`).
  bool is_question_word(std::string_view word) const;

  // A Hangul word in which compatibility jamo (U+3131–U+318E) spell out syllables, composed:
  // `ㅎㅏㄴㄱㅜㄱ` → `한국`. Other text comes back unchanged.
  std::string compose_jamo(std::string_view word) const;
  static bool has_compatibility_jamo(std::string_view word);

  // The Hangul country name a one-character hanja abbreviation stands for (`美` → `미국`,
  // `韓` → `한국`, `中` → `중국`, `日` → `일본`, `北` → `북한`), if it is one.
  std::optional<std::string_view> hanja_country(char32_t cp) const;

 private:
  static constexpr std::size_t kMaxSuffix = 5;  // syllables of the longest suffix
  // What a suffix may be; a minimum of 0 means "not of this kind".
  struct SuffixInfo {
    std::uint8_t particle_min_stem = 0;
    std::uint8_t ending_min_stem = 0;
    bool after_past = false;
  };
  // Every strippable suffix, so that stemming is a handful of lookups per word.
  std::unordered_map<std::string_view, SuffixInfo> suffixes_;
  // Index (code point − U+AC00) of the Hangul syllables that end some suffix / begin some
  // interrogative, so that most words are passed over with one bit test. The last bit stands for
  // "not a Hangul syllable" and stays clear.
  static constexpr std::size_t kSyllables = 11172, kNotSyllable = kSyllables;
  static std::size_t syllable_index(std::string_view utf8);
  // Where the last 1…kMaxSuffix code points of `word` start (starts[n - 1]: the last n, so that
  // each suffix is one lookup), how many there are and the word's length in code points.
  struct Tail {
    std::array<std::size_t, kMaxSuffix + 1> starts{};
    std::size_t found = 0;      // at most kMaxSuffix
    std::size_t syllables = 0;  // code points of the whole word
  };
  static Tail tail_of(std::string_view word);
  // `word` without a trailing particle of two syllables or more (the inner one of a stack:
  // `서울까지` of `서울까지도`), or `word` itself.
  std::string strip_stacked_particle(std::string_view word) const;
  std::bitset<kSyllables + 1> suffix_finals_;
  std::bitset<kSyllables + 1> question_initials_;
};

}  // namespace kb::analysis
