#include "analysis/analyzer.h"

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

}  // namespace

std::vector<Token> TextAnalyzer::analyze(std::string_view text) {
  std::vector<Token> tokens;
  const std::vector<WordSpan> spans = segmenter_.segment(text);
  tokens.reserve(spans.size());
  std::uint32_t position = 0;
  Script previous_script = Script::kOther;
  for (const WordSpan& span : spans) {
    Token token;
    token.begin = span.begin;
    token.end = span.end;
    token.script = span.script;
    std::string folded = fold(text.substr(span.begin, span.end - span.begin));
    switch (span.script) {
      case Script::kHangul:
        // `KBS가`, `H100을`: a particle glued to a non-Hangul word belongs to that word.
        if (span.glued_to_previous && previous_script != Script::kHangul && korean_.is_particle(folded)) {
          previous_script = span.script;
          continue;
        }
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
    token.term = schema::clamp_term(std::move(token.term));
    token.position = ++position;
    tokens.push_back(std::move(token));
  }
  return tokens;
}

void for_each_index_term(const Token& token,
                         const std::function<void(const std::string& term, std::uint32_t pos)>& emit) {
  emit(token.term, token.position);
  if (token.script == Script::kLatin) emit(schema::stem_term(token.stem.empty() ? token.term : token.stem), 0);
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
