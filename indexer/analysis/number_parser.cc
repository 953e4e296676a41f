#include "analysis/number_parser.h"

#include <cmath>
#include <cstdlib>
#include <string>

namespace kb::analysis::figures {

NumberRead read_plain_number(const SentenceText& s, Pos p) {
  // A stack buffer, because this runs for every number of the text: at most 15 integer and 17
  // significant digits are ever used, so anything longer is refused before it is copied.
  char digits[40];
  std::size_t n_digits = 0;
  bool too_long = false;
  auto push = [&](char c) {
    if (n_digits < sizeof digits - 1)
      digits[n_digits++] = c;
    else
      too_long = true;
  };
  Pos q = p;
  int group = 0, int_digits = 0;
  bool grouped = false;
  while (is_digit(s.at(q).cp)) {
    push(static_cast<char>('0' + digit_value(s.at(q).cp)));
    q += s.at(q).len;
    ++group;
    ++int_digits;
  }
  // Comma groups: only after a first group of 1-3 digits, each of exactly 3 digits.
  while (group <= 3) {
    if (s.at(q).cp != ',') break;
    Pos r = q + 1;
    int n = 0;
    while (is_digit(s.at(r).cp) && n < 4) {
      r += s.at(r).len;
      ++n;
    }
    if (n != 3) break;
    for (Pos i = q + 1; i < r; i += s.at(i).len) push(static_cast<char>('0' + digit_value(s.at(i).cp)));
    int_digits += 3;
    q = r;
    grouped = true;
  }
  // 1,2,3,4 or 12,34: commas that are no thousands separators make a list or a code, not a number.
  if (s.at(q).cp == ',' && is_digit(s.at(q + 1).cp)) {
    Pos skip_to = q;
    while (is_digit(s.at(skip_to).cp) || (s.at(skip_to).cp == ',' && is_digit(s.at(skip_to + 1).cp))) skip_to += 1;
    return {std::nullopt, skip_to};
  }
  bool decimal = false;
  int significant = int_digits;
  if (s.at(q).cp == '.' && is_digit(s.at(q + 1).cp)) {
    decimal = true;
    push('.');
    ++q;
    while (is_digit(s.at(q).cp)) {
      push(static_cast<char>('0' + digit_value(s.at(q).cp)));
      q += s.at(q).len;
      ++significant;
    }
    if (s.at(q).cp == '.' && is_digit(s.at(q + 1).cp)) return {std::nullopt, s.code_run_end(q)};  // 1.2.3
  }
  if (int_digits > 15 || significant > 17 || too_long) {
    Pos skip_to = s.code_run_end(q);
    while (is_digit(s.at(skip_to).cp) || s.at(skip_to).cp == ',') skip_to += s.at(skip_to).len;
    return {std::nullopt, skip_to};
  }
  digits[n_digits] = '\0';
  Amount a;
  a.value = std::strtod(digits, nullptr);
  a.end = q;
  a.plain_integer = !grouped && !decimal;
  a.int_digits = int_digits;
  if (!std::isfinite(a.value)) return {std::nullopt, q};
  return {a, 0};
}

double small_magnitude(std::string_view s) {
  if (s.starts_with("천")) return 1e3;
  if (s.starts_with("백")) return 1e2;
  if (s.starts_with("십")) return 1e1;
  return 0;
}

double big_magnitude(std::string_view s) {
  if (s.starts_with("만")) return 1e4;
  if (s.starts_with("억")) return 1e8;
  if (s.starts_with("조")) return 1e12;
  return 0;
}

NumberRead read_korean_amount(const SentenceText& s, Pos p) {
  NumberRead first = read_plain_number(s, p);
  if (!first.amount) return first;
  double total = 0, group = 0, last_big = 1e300, last_small = 1e300;
  Amount seg = *first.amount;
  Amount result = *first.amount;
  bool any_magnitude = false;
  for (;;) {
    double v = seg.value;
    Pos q = seg.end;
    const double small = small_magnitude(s.rest(q));
    if (small > 0 && small < last_small) {
      v *= small;
      q += 3;
      last_small = small;
      any_magnitude = true;
    }
    group += v;
    const double big = big_magnitude(s.rest(q));
    if (big > 0 && big < last_big) {
      total += group * big;
      group = 0;
      last_big = big;
      last_small = 1e300;
      q += 3;
      any_magnitude = true;
    } else if (small == 0 || big > 0) {
      // No magnitude after a plain group: the amount ends here.
      result.end = q;
      break;
    }
    result.end = q;
    // Continue with a glued group (`667만5천`) or, after a magnitude, one space and a smaller
    // group: `5만 8200원` (after 만), `4천 820만` (820 < 천, so 4천 820 is one group before 만).
    Pos next = q;
    if (!is_digit(s.at(next).cp) && is_space(s.at(next).cp) && is_digit(s.at(next + 1).cp)) ++next;
    if (!is_digit(s.at(next).cp)) break;
    const NumberRead more = read_plain_number(s, next);
    if (!more.amount) break;
    if (next != q) {
      const std::string_view after = s.rest(more.amount->end);
      const double m_small = small_magnitude(after);
      const double m_big = big_magnitude(after);
      if (big > 0) {
        const double scaled = more.amount->value * (m_big > 0 ? m_big : m_small > 0 ? m_small : 1);
        if (scaled >= last_big) break;
      } else {
        if (more.amount->value >= last_small || m_small >= last_small) break;
      }
    }
    seg = *more.amount;
  }
  result.value = total + group;
  result.plain_integer = result.plain_integer && !any_magnitude;
  if (!std::isfinite(result.value)) return {std::nullopt, result.end};
  return {result, 0};
}

std::optional<Fraction> read_fraction(const SentenceText& s, const Amount& denominator) {
  if (!s.starts(denominator.end, "분의")) return std::nullopt;
  const Pos n = s.skip_spaces(denominator.end + 6);
  if (!is_digit(s.at(n).cp)) return std::nullopt;
  const NumberRead numerator = read_korean_amount(s, n);
  if (!numerator.amount) return std::nullopt;
  Fraction f;
  f.end = numerator.amount->end;
  if (denominator.value == 0) {
    f.zero_denominator = true;
    return f;
  }
  f.value = numerator.amount->value / denominator.value;
  if (!std::isfinite(f.value)) f.zero_denominator = true;  // too small a denominator to divide by
  return f;
}

std::optional<Sign> read_sign(const SentenceText& s, Pos p) {
  const Cp c = s.at(p);
  double factor = 0;
  bool triangle = false;
  switch (c.cp) {
    case '-':
    case 0x2212:  // minus sign
      factor = -1;
      break;
    case '+':
      factor = 1;
      break;
    case 0x25B3:  // △ a decrease in Korean tables
    case 0x25BD:  // ▽
    case 0x25BC:  // ▼
      factor = -1;
      triangle = true;
      break;
    case 0x25B2:  // ▲ an increase
      factor = 1;
      triangle = true;
      break;
    default:
      return std::nullopt;
  }
  const Pos after = p + c.len;
  const Pos number = triangle ? s.skip_spaces(after) : after;
  if (!is_digit(s.at(number).cp)) return std::nullopt;
  return Sign{factor, number};
}

}  // namespace kb::analysis::figures
