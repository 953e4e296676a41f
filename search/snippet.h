// The part of a passage around the words that matched (issue 15): about `width` characters
// (code points), chosen where the most highlights fall, cut at a space where one is near, with
// `…` where text was left out at either end. Highlights are moved into the snippet's bytes, so
// printers mark them as they mark a whole passage.
//
// Known weaknesses: one window per passage (matches far apart show only the best cluster);
// Korean has spaces between words, Chinese-style text without spaces is cut mid-word.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kb::search {

using ByteRanges = std::vector<std::pair<std::uint32_t, std::uint32_t>>;

struct Snippet {
  std::string text;
  ByteRanges highlights;  // byte ranges of `text`
};

// The whole text when it has at most `width` characters.
Snippet make_snippet(std::string_view text, const ByteRanges& highlights, std::size_t width);

}  // namespace kb::search
