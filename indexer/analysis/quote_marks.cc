#include "analysis/quote_marks.h"

#include <algorithm>
#include <cctype>
#include <string_view>

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

constexpr std::uint32_t kNoCut = ~0u;

// Where an unclosed quote most likely ended: at `, said …`, `, he said`, `, Smith added` — a comma
// followed within four words by a speech verb — between `from` and `limit`. kNoCut when none.
std::uint32_t attribution_cut(std::string_view p, std::uint32_t from, std::uint32_t limit) {
  static constexpr std::string_view kVerbs[] = {"said", "says", "added", "adds", "told", "noted", "according"};
  for (std::size_t c = p.find(", ", from); c != std::string_view::npos && c < limit; c = p.find(", ", c + 1)) {
    std::size_t pos = c + 2;
    for (int word = 0; word < 4 && pos < limit; ++word) {
      std::size_t e = pos;
      while (e < limit && std::isalpha(static_cast<unsigned char>(p[e]))) ++e;
      const std::string_view w = p.substr(pos, e - pos);
      if (w.empty()) break;
      // `, and the company said …` starts a clause of its own, not an attribution.
      if (word == 0 && (w == "and" || w == "but" || w == "while" || w == "which" || w == "who")) break;
      for (std::string_view v : kVerbs)
        if (w == v) return static_cast<std::uint32_t>(c);
      if (e >= limit || p[e] != ' ') break;
      pos = e + 1;
    }
  }
  return kNoCut;
}

struct CodePoint {
  char32_t cp;
  std::uint32_t begin, end;
};

}  // namespace

std::vector<QuoteSpan> find_quote_spans(std::string_view paragraph, std::uint32_t base, bool next_paragraph_quotes) {
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
  // Double marks. A quote still open at the end of the paragraph is recovered (see the header):
  // cut before an attribution, or its opener dropped and the marks after it paired again, or run
  // to the paragraph end. At most kMaxRecoveries per paragraph keep the pass linear.
  constexpr int kMaxRecoveries = 16;
  std::vector<bool> inside_double(cps.size(), false);
  auto make_span = [&](std::size_t open_i, std::uint32_t text_end, std::uint32_t close_end, bool unclosed) {
    QuoteSpan span;
    span.open = base + cps[open_i].begin;
    span.text_begin = base + cps[open_i].end;
    span.text_end = base + text_end;
    span.close_end = base + close_end;
    span.unclosed = unclosed;
    spans.push_back(span);
    for (std::size_t k = open_i; k < cps.size() && cps[k].begin < text_end; ++k) inside_double[k] = true;
  };
  int recoveries = 0;
  std::size_t from = 0;
  while (true) {
    bool open = false;
    std::size_t open_index = 0;
    std::size_t first_inner_mark = cps.size();  // the first double mark after the unclosed opener
    int depth = 0;
    for (std::size_t i = from; i < cps.size(); ++i) {
      const Mark m = classify(cps[i].cp);
      if (m != Mark::kDoubleAny && m != Mark::kDoubleOpen && m != Mark::kDoubleClose) continue;
      if (!open) {
        // A closing curly mark glued to a word with nothing open is a stray: ignore it.
        if (m == Mark::kDoubleClose && is_word_char(prev_cp(i))) continue;
        open = true;
        open_index = i;
        first_inner_mark = cps.size();
        depth = 0;
        continue;
      }
      if (first_inner_mark == cps.size()) first_inner_mark = i;
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
      make_span(open_index, cps[i].begin, cps[i].end, false);
      inside_double[i] = true;
      open = false;
    }
    if (!open || recoveries++ >= kMaxRecoveries) break;
    const std::uint32_t limit = first_inner_mark < cps.size() ? cps[first_inner_mark].begin
                                                              : static_cast<std::uint32_t>(paragraph.size());
    const std::uint32_t cut = attribution_cut(paragraph, cps[open_index].end, limit);
    if (cut != kNoCut) {
      // `"It is late, said Jane Roe. "Next …"`: the quote ends where its attribution starts.
      make_span(open_index, cut, cut, true);
      if (first_inner_mark == cps.size()) break;
      from = first_inner_mark;
      continue;
    }
    if (first_inner_mark < cps.size()) {
      // A stray opener: pair the marks after it as if it were not there.
      from = first_inner_mark;
      continue;
    }
    // The last mark of the paragraph: the quote runs to the paragraph end when the next paragraph
    // goes on with a quote (newswire convention) or when a short sentence ends the paragraph.
    std::uint32_t end = static_cast<std::uint32_t>(paragraph.size());
    while (end > cps[open_index].end && is_space(static_cast<unsigned char>(paragraph[end - 1]))) --end;
    const char last = end > cps[open_index].end ? paragraph[end - 1] : ' ';
    const bool sentence_end = last == '.' || last == '?' || last == '!';
    // A mark glued to the word before it closes something (a quote from an earlier paragraph).
    const bool looks_closing = is_word_char(prev_cp(open_index));
    if (!looks_closing && (next_paragraph_quotes || (sentence_end && end - cps[open_index].end <= 400)))
      make_span(open_index, end, end, true);
    break;
  }
  std::sort(spans.begin(), spans.end(), [](const QuoteSpan& a, const QuoteSpan& b) { return a.open < b.open; });

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
