#include "analysis/analyzer.h"

#include <algorithm>

#include "schema/schema.h"

namespace kb::analysis {
namespace {

// Numbers are indexed without grouping separators so `1,090` and `1090` meet.
std::string strip_grouping(std::string_view number) {
  std::string out;
  out.reserve(number.size());
  for (char c : number)
    if (c != ',') out.push_back(c);
  return out;
}

// Only spaces between two Korean words: a compound may be written with or without them.
std::string bridge_bigram(std::string_view text, const Token& previous, const Token& token) {
  if (previous.script != Script::kHangul || previous.stopword || token.begin < previous.end) return {};
  const std::string_view gap = text.substr(previous.end, token.begin - previous.end);
  if (gap.empty() || gap.find_first_not_of(' ') != std::string_view::npos) return {};
  std::size_t last = previous.term.size();
  while (last > 0 && (static_cast<unsigned char>(previous.term[--last]) & 0xC0) == 0x80) {
  }
  std::size_t first_end = 0;
  next_code_point(token.term, first_end);
  return previous.term.substr(last) + token.term.substr(0, first_end);
}

}  // namespace

std::vector<Token> TextAnalyzer::analyze(std::string_view text) {
  std::vector<Token> tokens;
  const std::vector<WordSpan> spans = segmenter_.segment(text);
  tokens.reserve(spans.size());
  std::uint32_t position = 0;
  Script previous_script = Script::kOther;
  auto push = [&](Token&& token) {
    token.term = schema::clamp_term(std::move(token.term));
    if (token.script == Script::kHangul && !tokens.empty()) token.bridge = bridge_bigram(text, tokens.back(), token);
    token.position = ++position;
    tokens.push_back(std::move(token));
  };
  for (const WordSpan& span : spans) {
    Token token;
    token.begin = span.begin;
    token.end = span.end;
    token.script = span.script;
    const std::string_view raw = text.substr(span.begin, span.end - span.begin);
    if (span.script == Script::kHan) {
      std::vector<Token> countries = expand_hanja(raw, span.begin);
      if (!countries.empty()) {
        for (Token& t : countries) push(std::move(t));
        previous_script = Script::kHangul;
        continue;
      }
    }
    std::string folded = span.script == Script::kHangul && KoreanFilter::has_compatibility_jamo(raw)
                             ? fold(korean_.compose_jamo(raw))
                             : fold(raw);
    switch (span.script) {
      case Script::kHangul:
        // `KBS가`, `H100을`: a particle glued to a non-Hangul word belongs to that word.
        if (span.glued_to_previous && previous_script != Script::kHangul && korean_.is_particle(folded)) {
          previous_script = span.script;
          continue;
        }
        token.stopword = korean_.is_question_word(folded);
        token.term = korean_.stem(folded);
        break;
      case Script::kLatin:
        token.term = english_.strip_possessive(folded);
        token.stopword = english_.is_stopword(token.term);
        token.stem = english_.stem(token.term);
        if (token.stem == token.term) token.stem.clear();
        break;
      case Script::kDigit:
        token.term = strip_grouping(folded);
        break;
      default:
        token.term = std::move(folded);
        break;
    }
    previous_script = span.script;
    if (token.term.empty()) continue;
    push(std::move(token));
  }
  return tokens;
}

std::vector<Token> TextAnalyzer::expand_hanja(std::string_view raw, std::uint32_t begin) const {
  // Only short runs made entirely of country abbreviations (`美`, `韓美`, `美中日`): a longer
  // Han word is a real hanja word and stays as it is.
  constexpr std::size_t kMaxAbbreviations = 4;
  std::vector<std::pair<std::string_view, std::uint32_t>> names;  // name, byte offset in raw
  for (std::size_t pos = 0; pos < raw.size();) {
    const std::size_t at = pos;
    const auto name = korean_.hanja_country(next_code_point(raw, pos));
    if (!name || names.size() == kMaxAbbreviations) return {};
    names.emplace_back(*name, static_cast<std::uint32_t>(at));
  }
  std::vector<Token> out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    Token token;
    token.script = Script::kHangul;
    token.term = std::string(names[i].first);
    token.begin = begin + names[i].second;
    token.end = begin + (i + 1 < names.size() ? names[i + 1].second : static_cast<std::uint32_t>(raw.size()));
    out.push_back(std::move(token));
  }
  return out;
}

void for_each_hangul_bigram(std::string_view term, const std::function<void(std::string_view)>& emit) {
  std::size_t a = 0;  // start of the previous syllable
  std::size_t pos = 0;
  if (term.empty()) return;
  next_code_point(term, pos);
  std::size_t b = pos;  // start of the current syllable
  while (b < term.size()) {
    next_code_point(term, pos);
    emit(term.substr(a, pos - a));
    a = b;
    b = pos;
  }
}

void for_each_index_term(const Token& token,
                         const std::function<void(const std::string& term, std::uint32_t pos)>& emit) {
  emit(token.term, token.position);
  if (token.script == Script::kLatin) emit(schema::stem_term(token.stem.empty() ? token.term : token.stem), 0);
  if (token.script == Script::kHangul) {
    // A word that is one bigram is held by its word term (bigram_posting_terms).
    for_each_hangul_bigram(token.term, [&](std::string_view gram) {
      if (gram.size() != token.term.size()) emit(schema::bigram_term(gram), 0);
    });
    if (!token.bridge.empty()) emit(schema::bigram_term(token.bridge), 0);
  }
}

std::array<std::string, 2> bigram_posting_terms(std::string_view bigram) {
  std::string_view word = bigram;
  if (word.starts_with(schema::kPrefixBigram)) word.remove_prefix(schema::kPrefixBigram.size());
  return {std::string(bigram), std::string(word)};
}

void for_each_query_term(const Token& token,
                         const std::function<void(const std::string& term, TermSpace space)>& emit) {
  emit(ranking_term(token), TermSpace::kWord);
  if (token.script == Script::kHangul) {
    for_each_hangul_bigram(token.term,
                           [&](std::string_view gram) { emit(schema::bigram_term(gram), TermSpace::kBigram); });
    if (!token.bridge.empty()) emit(schema::bigram_term(token.bridge), TermSpace::kBigram);
  }
}

bool is_compound_containing(const Token& token, std::string_view word) {
  // Three syllables are nine bytes; Hangul terms hold nothing but syllables.
  return !word.empty() && token.script == Script::kHangul && token.position != 0 && token.term.size() >= 9 &&
         token.term.size() > word.size() && token.term.find(word) != std::string::npos;
}

std::string ranking_term(const Token& token) {
  if (token.script == Script::kLatin) return schema::stem_term(token.stem.empty() ? token.term : token.stem);
  return token.term;
}

std::string phrase_term(const Token& token) { return token.term; }

std::string lexicon_key(const std::vector<Token>& tokens) {
  std::string key;
  for (const Token& t : tokens) {
    if (t.stopword) continue;
    if (!key.empty()) key += ' ';
    key += ranking_term(t);
  }
  return key;
}

std::string detect_language(std::string_view text) {
  std::size_t hangul = 0, latin = 0, other = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    const char32_t cp = next_code_point(text, pos);
    if (cp < 0x80) {
      if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') ++latin;
      continue;
    }
    if (is_hangul_syllable(cp) || (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x3130 && cp <= 0x318F))
      ++hangul;
    else
      ++other;
  }
  const std::size_t letters = hangul + latin;
  if (letters == 0) return "und";
  if (hangul * 5 >= letters) return "ko";
  if (latin * 2 > letters + other) return "en";
  return "und";
}

}  // namespace kb::analysis
