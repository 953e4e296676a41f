#include "analysis/korean_numerals.h"

#include <cstdint>

#include "analysis/number_parser.h"

namespace kb::analysis::figures {

bool may_start_numeral(char32_t syllable) {
  static constexpr std::u32string_view kStarts =
      U"첫제하다여일아열스서마쉰예한두세네석넉둘셋넷이삼사오육칠팔구십백천만억조";
  // A bit per Hangul syllable, built once: this runs for every Hangul word of the text.
  static const std::array<std::uint64_t, (0xD7A4 - 0xAC00 + 63) / 64> kTable = [] {
    std::array<std::uint64_t, (0xD7A4 - 0xAC00 + 63) / 64> t{};
    for (char32_t c : kStarts) t[(c - 0xAC00) / 64] |= std::uint64_t{1} << ((c - 0xAC00) % 64);
    return t;
  }();
  if (syllable < 0xAC00 || syllable > 0xD7A3) return false;
  return (kTable[(syllable - 0xAC00) / 64] >> ((syllable - 0xAC00) % 64)) & 1;
}

std::optional<SinoNumeral> parse_sino_numeral(std::string_view run) {
  static constexpr std::string_view digits[] = {"일", "이", "삼", "사", "오", "육", "칠", "팔", "구"};
  double total = 0, group = 0, cur = -1, last_big = 1e300;
  SinoNumeral n;
  std::size_t q = 0;
  while (q + 3 <= run.size()) {
    const std::string_view s = run.substr(q, 3);
    int dv = -1;
    for (int i = 0; i < 9; ++i)
      if (s == digits[static_cast<std::size_t>(i)]) dv = i + 1;
    if (dv > 0) {
      if (cur >= 0) break;
      cur = dv;
    } else if (const double m = small_magnitude(s); m > 0) {
      group += (cur < 0 ? 1 : cur) * m;
      cur = -1;
      n.small_magnitude = true;
    } else if (const double b = big_magnitude(s); b > 0) {
      if (b >= last_big) break;
      group += cur < 0 ? 0 : cur;
      if (group == 0) group = 1;
      total += group * b;
      group = 0;
      cur = -1;
      last_big = b;
      n.big_magnitude = true;
    } else {
      break;
    }
    q += 3;
    ++n.syllables;
  }
  if (n.syllables < 2 || big_magnitude(run) > 0) return std::nullopt;
  n.value = total + group + (cur < 0 ? 0 : cur);
  n.bytes = q;
  return n;
}

}  // namespace kb::analysis::figures
