// Pairs quotation marks within one paragraph, in one left-to-right pass (linear in its length).
//
// Double marks: straight `"`, curly `“ ”`, `„` and full-width `＂`, paired regardless of style so
// that mismatched `"…”` and `“…"` close. Inside an open quote, a mark after a space and before a
// word opens a nested quote (`"a “b” c"`); otherwise it closes. A quote still open at the end of
// the paragraph is dropped: a paragraph is never crossed.
// Single marks (`' ‘ ’`) are paired only outside double quotes and only as candidates: the
// extractor keeps one only when Korean quotative endings follow it (`'…'라고 말했다`), since
// single marks are mostly scare quotes and apostrophes.
//
// Known weaknesses: a straight mark that should open a nested quote but follows no space is read
// as a close; English quotes continued over several paragraphs are not joined.
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
};

// Spans in text order, not overlapping (nested quotes are inside their outer span and not listed).
// Offsets are relative to `paragraph` plus `base`.
std::vector<QuoteSpan> find_quote_spans(std::string_view paragraph, std::uint32_t base = 0);

}  // namespace kb::analysis
