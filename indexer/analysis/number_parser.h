// Number parsing, the first figure stage: digits with thousands separators and decimals
// (`1,090`, `1.3`), Korean magnitudes (`4천 820만`, `667만5천`, `3억5천203만`), fractions
// (`4분의 1` = 0.25) and the signs before a number (`-`, `+`, `△ ▽ ▼` a decrease, `▲` an
// increase). It reads digits only; what follows them (units, counters, dates) is the next
// stages' business.
//
// Known weaknesses: a number with more than 15 integer digits or 17 significant digits is
// refused (no double holds it exactly); `1.2.3` and `1,2,3` are refused as versions and lists;
// fractions take digits only (`삼분의 일` is not read); slash fractions (`1/3`) are codes.
#pragma once

#include <optional>

#include "analysis/figure_text.h"

namespace kb::analysis::figures {

struct Amount {
  double value = 0;
  Pos end = 0;
  bool plain_integer = false;  // digits only, no separator, decimal or magnitude
  int int_digits = 0;
};

// An amount, or where the number-like text that is no usable number ends (`junk_end`).
struct NumberRead {
  std::optional<Amount> amount;
  Pos junk_end = 0;
};

// Digits with optional comma grouping and decimals at p.
NumberRead read_plain_number(const SentenceText& s, Pos p);

// A Korean-style amount at p: digit groups with 천/백/십 and 만/억/조. A space is crossed only
// after 만/억/조 and before a smaller group (`5만 8200`, `4천 820만`).
NumberRead read_korean_amount(const SentenceText& s, Pos p);

// 천 백 십 and 만 억 조 at the start of `s` (0 when none).
double small_magnitude(std::string_view s);
double big_magnitude(std::string_view s);

// `N분의 M` after a denominator already read: M/N and the end of M. nullopt when no fraction
// follows; a zero denominator gives `zero_denominator` so the caller can drop the whole.
struct Fraction {
  double value = 0;
  Pos end = 0;
  bool zero_denominator = false;
};
std::optional<Fraction> read_fraction(const SentenceText& s, const Amount& denominator);

// A sign at p that applies to a number right after it (one space allowed after a triangle):
// its factor and where the number starts. nullopt when p holds no sign or no digit follows.
struct Sign {
  double factor = 1;
  Pos number = 0;
};
std::optional<Sign> read_sign(const SentenceText& s, Pos p);

}  // namespace kb::analysis::figures
