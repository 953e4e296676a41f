#include "analysis/quote_marks.h"

#include <cctype>

#include "analysis/unicode_text.h"

namespace kb::analysis {
namespace {

enum class Mark { kNone, kDoubleAny, kDoubleOpen, kDoubleClose, kSingleAny, kSingleOpen, kSingleClose };

Mark classify(char32_t cp) {
  switch (cp) {
    case U'"': case U'\uFF02': return Mark::kDoubleAny;
    case U'\u201C': case U'\u201E': return Mark::kDoubleOpen;
    case U'\u201D': return Mark::kDoubleClose;
    case U'\'': return Mark::kSingleAny;
    case U'\u2018': return Mark::kSingleOpen;
    case U'\u2019': return Mark::kSingleClose;
    default: return Mark::kNone;
  }
}

bool is_space(char32_t cp) { return cp == U' ' || cp == U'\t' || cp == U'\r' || cp == U'\n' || cp == U'\u00A0'; }

bool is_word_char(char32_t cp) {
  if (cp < 0x80) return std::isalnum(static_cast<int>(cp)) != 0;
  return is_hangul_syllable(cp) || (cp >= 0x3130 && cp <= 0x318F) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
         (cp >= 0xC0 && cp <= 0x24F);
}

struct CodePoint {
  char32_t cp;
  std::uint32_t begin, end;
};

}  // namespace

std::vector<QuoteSpan> find_quote_spans(std::string_view paragraph, std::uint32_t base) {
  std::vector<CodePoint> cps;
  cps.reserve(paragraph.size());
  for (std::size_t pos = 0; pos < paragraph.size();) {
    const auto begin = static_cast<std::uint32_t>(pos);
    const char32_t cp = next_code_point(paragraph, pos);
    cps.push_back({cp, begin, static_cast<std::uint32_t>(pos)});
  }
  auto prev_cp = [&](std::size_t i) { return i == 0 ? U' ' : cps[i - 1].cp; };
  auto next_cp = [&](std::size_t i) { return i + 1 >= cps.size() ? U' ' : cps[i + 1].cp; };

  std::vector<QuoteSpan> spans;
  // Double marks.
  std::vector<bool> inside_double(cps.size(), false);
  bool open = false;
  std::size_t open_index = 0;
  int depth = 0;
  for (std::size_t i = 0; i < cps.size(); ++i) {
    const Mark m = classify(cps[i].cp);
    if (m != Mark::kDoubleAny && m != Mark::kDoubleOpen && m != Mark::kDoubleClose) continue;
    if (!open) {
      // A closing curly mark glued to a word with nothing open is a stray: ignore it.
      if (m == Mark::kDoubleClose && is_word_char(prev_cp(i))) continue;
      open = true;
      open_index = i;
      depth = 0;
      continue;
    }
    const bool opens_nested = m != Mark::kDoubleClose && is_space(prev_cp(i)) && !is_space(next_cp(i)) &&
                              i + 1 < cps.size();
    if (opens_nested) {
      ++depth;
      continue;
    }
    if (depth > 0) {
      --depth;
      continue;
    }
    QuoteSpan span;
    span.open = base + cps[open_index].begin;
    span.text_begin = base + cps[open_index].end;
    span.text_end = base + cps[i].begin;
    span.close_end = base + cps[i].end;
    for (std::size_t k = open_index; k <= i; ++k) inside_double[k] = true;
    spans.push_back(span);
    open = false;
  }

  // Single marks, outside double quotes: an opener after a non-word character, a closer before a
  // non-Latin-letter character (a Hangul particle, a space, punctuation).
  std::vector<QuoteSpan> singles;
  bool s_open = false;
  std::size_t s_index = 0;
  for (std::size_t i = 0; i < cps.size(); ++i) {
    if (inside_double[i]) {
      s_open = false;
      continue;
    }
    const Mark m = classify(cps[i].cp);
    if (m != Mark::kSingleAny && m != Mark::kSingleOpen && m != Mark::kSingleClose) continue;
    const bool can_open = m != Mark::kSingleClose && !is_word_char(prev_cp(i)) && !is_space(next_cp(i));
    const bool can_close = m != Mark::kSingleOpen && s_open && !is_space(prev_cp(i)) &&
                           !(next_cp(i) < 0x80 && std::isalpha(static_cast<int>(next_cp(i))));
    if (can_close && i > s_index + 1) {
      QuoteSpan span;
      span.open = base + cps[s_index].begin;
      span.text_begin = base + cps[s_index].end;
      span.text_end = base + cps[i].begin;
      span.close_end = base + cps[i].end;
      span.single = true;
      singles.push_back(span);
      s_open = false;
    } else if (can_open) {
      s_open = true;
      s_index = i;
    }
  }
  if (singles.empty()) return spans;
  std::vector<QuoteSpan> merged;
  merged.reserve(spans.size() + singles.size());
  std::size_t a = 0, b = 0;
  while (a < spans.size() || b < singles.size()) {
    if (b == singles.size() || (a < spans.size() && spans[a].open < singles[b].open)) merged.push_back(spans[a++]);
    else merged.push_back(singles[b++]);
  }
  return merged;
}

}  // namespace kb::analysis
