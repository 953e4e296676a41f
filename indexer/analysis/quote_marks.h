// Pairs quotation marks within one paragraph, in one left-to-right pass (linear in its length).
//
// Double marks: straight `"`, curly `“ ”`, `„` and full-width `＂`, paired regardless of style so
// that mismatched `"…”` and `“…"` close. Inside an open quote, a mark after a space and before a
// word opens a nested quote (`"a “b” c"`); otherwise it closes. A quote still open at the end of
// the paragraph (a missing closing mark) is recovered, and marked `unclosed`:
//   - cut before its attribution when one follows (`"It is late, said Jane Roe. …`);
//   - else, when more marks follow, its opener is taken for a stray and the later marks are
//     paired again without it (one missing mark no longer spoils the rest of the paragraph);
//   - else it runs to the paragraph end when the next paragraph opens with a quote mark (the
//     newswire convention for a quote going on over paragraphs) or when the rest of the paragraph
//     is one short run ending in `.?!`; otherwise it is dropped.
// Spans never cross a paragraph: the continuation is the next paragraph's own span.
// Single marks (`' ‘ ’`) are paired only outside double quotes and only as candidates: the
// extractor keeps one only when Korean quotative endings follow it (`'…'라고 말했다`), since
// single marks are mostly scare quotes and apostrophes.
//
// Known weaknesses: a straight mark that should open a nested quote but follows no space is read
// as a close; a missing closing mark is guessed, not known (the attribution cut knows English
// speech verbs only); the parts of a quote continued over paragraphs stay separate spans.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace kb::analysis {

struct QuoteSpan {
  std::uint32_t open = 0;        // byte offset of the opening mark
  std::uint32_t text_begin = 0;  // first byte after the opening mark
  std::uint32_t text_end = 0;    // the closing mark's first byte
  std::uint32_t close_end = 0;   // first byte after the closing mark
  bool single = false;
  bool unclosed = false;         // no closing mark: text_end == close_end is a guessed end
};

// Spans in text order, not overlapping (nested quotes are inside their outer span and not listed).
// Offsets are relative to `paragraph` plus `base`. `next_paragraph_quotes`: the paragraph after
// this one starts with a quote mark.
std::vector<QuoteSpan> find_quote_spans(std::string_view paragraph, std::uint32_t base = 0,
                                        bool next_paragraph_quotes = false);

}  // namespace kb::analysis
