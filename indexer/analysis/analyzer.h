// The analysis chain, defined once for indexing and searching.
//
//   index chain:  segment → fold → script filters → (document stages: figures, quotes, aliases)
//   query chain:  segment → fold → script filters          (a declared prefix of the index chain)
//
// `TextAnalyzer::analyze` runs the stages both chains share; the indexer adds the document
// stages in DocumentAnalyzer. Which terms a token becomes in the index and in a query is decided
// by the functions below, side by side, so the two can never drift apart.
//
// Terms of a token, in separate spaces (schema.h):
//   * the word space: the token's term, positional — Korean stems (KoreanFilter), English words
//     unstemmed, numbers without grouping; English stems (Z) beside them for ranking;
//   * the bigram space (XB): the overlapping syllable bigrams of a Korean stem plus the bigram
//     across a space between two Korean words (Token::bridge), not positional, so that compounds
//     spaced either way and stems the rules cut differently still meet (`쿠알라룸푸르국제공항`
//     and `쿠알라룸푸르 국제공항` give the same bigrams).
// A query weighs each space on its own (search/query_builder.h).
//
// Known weaknesses: Korean stems come from suffix rules, not a dictionary (see KoreanFilter); Han
// words other than country abbreviations are kept as ICU words and not read as Hangul.
#pragma once

#include <array>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/english_filter.h"
#include "analysis/korean_filter.h"
#include "analysis/token.h"
#include "analysis/unicode_text.h"

namespace kb::analysis {

enum class Stage { kSegment, kFold, kScriptFilters, kFigures, kQuotes, kAliases };

inline constexpr std::array kIndexChain = {Stage::kSegment, Stage::kFold,   Stage::kScriptFilters,
                                           Stage::kFigures, Stage::kQuotes, Stage::kAliases};
inline constexpr std::size_t kQueryChainLength = 3;
inline constexpr std::array kQueryChain = {kIndexChain[0], kIndexChain[1], kIndexChain[2]};
static_assert(kQueryChain.size() == kQueryChainLength);

// Runs the text stages (the query chain). One instance per thread.
class TextAnalyzer {
 public:
  // `text` must be valid UTF-8. Tokens come in text order with increasing positions; a token
  // whose filters leave no term (a bare particle glued to a Latin word) is dropped.
  std::vector<Token> analyze(std::string_view text);

 private:
  WordSegmenter segmenter_;
  // A run of hanja country abbreviations becomes one Hangul token per character (offsets set,
  // positions not); empty when `raw` is not such a run.
  std::vector<Token> expand_hanja(std::string_view raw, std::uint32_t begin) const;

  KoreanFilter korean_;
  EnglishFilter english_;
};

// Index side: every term a token contributes, with its position (0 = no position).
void for_each_index_term(const Token& token,
                         const std::function<void(const std::string& term, std::uint32_t pos)>& emit);

// The terms that together hold the postings of the bigram term `bigram` (schema::bigram_term):
// the bigram term itself and the word term of the same two syllables. A word of exactly two
// syllables is indexed as its word term only, not also as its one bigram — the two would hold
// the same postings (a quarter of all bigram postings on Korean news) — so a query reads a
// bigram as the synonym of both.
std::array<std::string, 2> bigram_posting_terms(std::string_view bigram);

// The term spaces a query weighs separately.
enum class TermSpace { kWord, kBigram };

// Query side: every term a free-text query searches for this token, by space; the word-space
// term is ranking_term().
void for_each_query_term(const Token& token, const std::function<void(const std::string& term, TermSpace space)>& emit);

// Whether `token` is a compound holding `word` (`총면적` for `면적`, `티베트고원` for `고원`): a
// Hangul word of three syllables or more, longer than `word`, that contains it. The proximity
// rerank counts a query word met inside a compound at a share of its weight.
bool is_compound_containing(const Token& token, std::string_view word);

// The overlapping syllable bigrams of a Hangul term (none for a single syllable).
void for_each_hangul_bigram(std::string_view term, const std::function<void(std::string_view)>& emit);

// Query side: the word-space term a free-text query searches for this token (ranking), and the
// term a phrase uses (positional).
std::string ranking_term(const Token& token);
std::string phrase_term(const Token& token);

// The key under which a word or phrase is looked up in cross-language lexicons (glossary,
// learned aliases): the ranking terms of its non-stopword tokens joined by spaces, so that
// `Randolph's` and `Randolph`, `실리콘밸리가` and `실리콘밸리` share a key.
std::string lexicon_key(const std::vector<Token>& tokens);

// The language of a text by its letters: "ko" when Hangul makes up at least a fifth of them,
// "en" when Latin letters dominate, "und" otherwise.
std::string detect_language(std::string_view text);

}  // namespace kb::analysis
