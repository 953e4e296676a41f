#include "analysis/passage_splitter.h"

namespace kb::analysis {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Trims white space from both ends of [begin, end).
PassageSpan trimmed(std::string_view text, std::uint32_t begin, std::uint32_t end) {
  while (begin < end && is_space(text[begin])) ++begin;
  while (end > begin && is_space(text[end - 1])) --end;
  return {begin, end};
}

// Cuts an over-long sentence at spaces (or, without spaces, at UTF-8 boundaries).
void cut_long(std::string_view text, std::uint32_t begin, std::uint32_t end, std::size_t limit,
              std::vector<PassageSpan>& out) {
  while (end - begin > limit) {
    std::uint32_t cut = begin + static_cast<std::uint32_t>(limit);
    std::uint32_t space = cut;
    while (space > begin && !is_space(text[space])) --space;
    if (space > begin + limit / 2) {
      cut = space;
    } else {
      while (cut > begin && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    }
    PassageSpan piece = trimmed(text, begin, cut);
    if (piece.end > piece.begin) out.push_back(piece);
    begin = cut;
  }
  PassageSpan rest = trimmed(text, begin, end);
  if (rest.end > rest.begin) out.push_back(rest);
}

}  // namespace

std::vector<PassageSpan> PassageSplitter::split(std::string_view paragraph) {
  std::vector<PassageSpan> out;
  PassageSpan whole = trimmed(paragraph, 0, static_cast<std::uint32_t>(paragraph.size()));
  if (whole.end <= whole.begin) return out;
  if (whole.end - whole.begin <= kMaxPassageBytes) {
    out.push_back(whole);
    return out;
  }
  std::uint32_t start = whole.begin, last = whole.begin;
  for (auto [sb, se] : sentences_.segment(paragraph)) {
    if (se <= whole.begin) continue;
    if (se - start > kMaxPassageBytes && last > start) {
      out.push_back(trimmed(paragraph, start, last));
      start = last;
    }
    if (se - start > kMaxPassageBytes) {
      cut_long(paragraph, start, se, kMaxPassageBytes, out);
      start = se;
    }
    last = se;
    (void)sb;
  }
  if (whole.end > start) cut_long(paragraph, start, whole.end, kMaxPassageBytes, out);
  return out;
}

}  // namespace kb::analysis
