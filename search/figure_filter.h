// The figure filter of kb-search: `--figure SPEC` keeps passages (and, with --figures, figures)
// stating a figure in a unit and a value range.
//
//   SPEC   := UNIT [ OP NUMBER | ':' [NUMBER] '..' [NUMBER] ]
//   UNIT   := a canonical unit (USD, KRW, EUR, JPY, CNY, GBP, percent, percentage-point, ratio,
//             count, number, km, kg …; case-insensitive), an alias (% → percent, pp and %p →
//             percentage-point, x and times → ratio, $ → USD, ₩ and won → KRW), a kind (money,
//             measure) or `any`
//   OP     := >= | > | <= | < | =
//   NUMBER := a decimal or exponent number; `,` and `_` are ignored (1,000,000 = 1e6)
//
// Examples: `USD>=1e9`, `USD:1e11..1.2e11`, `percent<50`, `count:1e4..`, `money`. Several
// filters are OR-ed: a figure matches when it matches any of them. A range figure (3~5%) is
// compared by its low end.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <xapian.h>

#include "hit.h"

namespace kb::search {

struct FigureFilter {
  std::string term;           // the unit (XU…) or kind (XK…) term; empty for `any`
  std::optional<double> low;  // inclusive bounds on the figure's value
  std::optional<double> high;
};

struct FigureFilterError {
  std::string message;  // one line, names the spec and what is wrong
};

std::variant<FigureFilter, FigureFilterError> parse_figure_filter(std::string_view spec);

// The passages stating a figure that matches any of `filters` (every passage with a figure when
// empty). A range is the OR of the figure value terms in it (schema.h, XV), read from `db`'s
// term list, so the query is exact.
Xapian::Query figure_filter_query(const Xapian::Database& db, const std::vector<FigureFilter>& filters);

// Whether `figure` matches any of `filters` (true when empty): which of a passage's figures a
// listing shows.
bool figure_matches(const std::vector<FigureFilter>& filters, const FigureRef& figure);

}  // namespace kb::search
