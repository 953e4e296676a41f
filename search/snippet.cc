#include "snippet.h"

#include <algorithm>

namespace kb::search {
namespace {

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";  // …

bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Byte offsets of every code point start, and the text's end.
std::vector<std::uint32_t> code_point_starts(std::string_view text) {
  std::vector<std::uint32_t> starts;
  for (std::uint32_t i = 0; i < text.size(); ++i)
    if (!continuation(text[i])) starts.push_back(i);
  starts.push_back(static_cast<std::uint32_t>(text.size()));
  return starts;
}

// Index (in `starts`) of the code point holding byte `b`.
std::size_t index_of(const std::vector<std::uint32_t>& starts, std::uint32_t b) {
  return static_cast<std::size_t>(std::upper_bound(starts.begin(), starts.end(), b) - starts.begin()) - 1;
}

}  // namespace

Snippet make_snippet(std::string_view text, const ByteRanges& highlights, std::size_t width) {
  const std::vector<std::uint32_t> starts = code_point_starts(text);
  const std::size_t chars = starts.size() - 1;
  if (chars <= width || width == 0) return {std::string(text), highlights};

  // The window start (in characters): a little before the highlight from which a window of
  // `width` covers the most highlights; the text's start when nothing matched.
  const std::size_t lead = width / 5;
  std::size_t best_from = 0, best_count = 0;
  for (std::size_t i = 0; i < highlights.size(); ++i) {
    const std::size_t from = index_of(starts, highlights[i].first);
    std::size_t count = 0;
    for (std::size_t j = i; j < highlights.size(); ++j)
      if (index_of(starts, highlights[j].second - 1) < from + width - lead) ++count;
    if (count > best_count) {
      best_count = count;
      best_from = from;
    }
  }
  std::size_t begin = best_from > lead ? best_from - lead : 0;
  std::size_t end = std::min(chars, begin + width);
  if (end == chars) begin = chars > width ? chars - width : 0;
  // Cut at a space within a few characters, so words stay whole.
  const std::size_t slack = std::min<std::size_t>(12, width / 8);
  if (begin > 0)
    for (std::size_t k = begin; k < std::min(chars, begin + slack); ++k)
      if (text[starts[k]] == ' ') {
        begin = k + 1;
        break;
      }
  if (end < chars)
    for (std::size_t k = end; k > begin && k + slack > end; --k)
      if (text[starts[k]] == ' ') {
        end = k;
        break;
      }

  Snippet out;
  const std::uint32_t b = starts[begin], e = starts[end];
  const std::uint32_t shift = begin > 0 ? static_cast<std::uint32_t>(kEllipsis.size()) : 0;
  if (begin > 0) out.text = kEllipsis;
  out.text.append(text.substr(b, e - b));
  if (end < chars) out.text.append(kEllipsis);
  for (auto [hb, he] : highlights) {
    if (he <= b || hb >= e) continue;
    out.highlights.emplace_back(std::max(hb, b) - b + shift, std::min(he, e) - b + shift);
  }
  return out;
}

}  // namespace kb::search
