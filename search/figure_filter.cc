#include "figure_filter.h"

#include <cctype>
#include <cmath>
#include <cstdlib>

#include "analysis/figure.h"
#include "schema/schema.h"

namespace kb::search {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

// The unit or kind term for what the user typed; nullopt when unknown.
std::optional<std::string> unit_term_for(std::string_view typed) {
  const std::string u = lower(trim(typed));
  if (u == "any" || u == "*") return std::string();
  for (std::string_view iso : {"USD", "KRW", "EUR", "JPY", "CNY", "GBP"})
    if (u == lower(iso)) return schema::unit_term(iso);
  struct Alias {
    std::string_view typed, unit;
  };
  static constexpr Alias kAliases[] = {
      {"%", "percent"},
      {"pct", "percent"},
      {"percent", "percent"},
      {"pp", "percentage-point"},
      {"%p", "percentage-point"},
      {"percentage-point", "percentage-point"},
      {"x", "ratio"},
      {"times", "ratio"},
      {"ratio", "ratio"},
      {"count", "count"},
      {"number", "number"},
      {"$", "USD"},
      {"dollar", "USD"},
      {"dollars", "USD"},
      {"won", "KRW"},
      {"원", "KRW"},
      {"달러", "USD"},
      {"₩", "KRW"},
      {"€", "EUR"},
      {"km", "km"},
      {"m", "m"},
      {"cm", "cm"},
      {"mm", "mm"},
      {"kg", "kg"},
      {"g", "g"},
      {"t", "t"},
      {"ha", "ha"},
      {"m2", "m2"},
      {"l", "l"},
      {"kwh", "kWh"},
      {"mw", "MW"},
      {"gw", "GW"},
      {"gb", "GB"},
      {"tb", "TB"},
      {"pyeong", "pyeong"},
      // Units of issue 14's figure stages: speeds, areas, pressure, voltage, imperial lengths.
      {"m/s", "m/s"},
      {"km/h", "km/h"},
      {"km/s", "km/s"},
      {"km2", "km2"},
      {"m3", "m3"},
      {"hpa", "hPa"},
      {"v", "V"},
      {"mi", "mi"},
      {"ft", "ft"},
      {"yd", "yd"},
      {"degc", "degC"},
      {"℃", "degC"},
      {"ghz", "GHz"},
      {"kw", "kW"},
      {"mah", "mAh"},
      {"kcal", "kcal"},
      {"mg", "mg"},
      {"ml", "ml"},
      {"mb", "MB"},
      {"cc", "cc"},
  };
  for (const Alias& a : kAliases)
    if (u == a.typed) return schema::unit_term(a.unit);
  if (u == "money" || u == "measure") return schema::kind_term(u);
  return std::nullopt;
}

std::optional<double> parse_number(std::string_view text) {
  std::string clean;
  for (char c : trim(text))
    if (c != ',' && c != '_') clean.push_back(c);
  if (clean.empty()) return std::nullopt;
  char* end = nullptr;
  const double v = std::strtod(clean.c_str(), &end);
  if (end != clean.c_str() + clean.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

}  // namespace

std::variant<FigureFilter, FigureFilterError> parse_figure_filter(std::string_view spec) {
  const std::string s = trim(spec);
  auto error = [&](const std::string& why) {
    return FigureFilterError{"bad --figure '" + std::string(spec) + "': " + why};
  };
  const std::size_t op_at = s.find_first_of("<>=:");
  FigureFilter filter;
  const auto term = unit_term_for(op_at == std::string::npos ? s : s.substr(0, op_at));
  if (!term) return error("unknown unit (try USD, KRW, EUR, JPY, CNY, percent, percentage-point, ratio, count, money)");
  filter.term = *term;
  if (op_at == std::string::npos) return filter;
  std::string rest = s.substr(op_at);
  if (rest[0] == ':') {
    const std::size_t dots = rest.find("..");
    if (dots == std::string::npos) return error("a range is written UNIT:LOW..HIGH");
    const std::string lo = trim(rest.substr(1, dots - 1));
    const std::string hi = trim(rest.substr(dots + 2));
    if (lo.empty() && hi.empty()) return error("a range needs at least one bound");
    if (!lo.empty() && !(filter.low = parse_number(lo))) return error("'" + lo + "' is not a number");
    if (!hi.empty() && !(filter.high = parse_number(hi))) return error("'" + hi + "' is not a number");
    if (filter.low && filter.high && *filter.low > *filter.high) return error("the low end is above the high end");
    return filter;
  }
  std::string op;
  while (!rest.empty() && (rest[0] == '<' || rest[0] == '>' || rest[0] == '=')) {
    op.push_back(rest[0]);
    rest.erase(0, 1);
  }
  const auto v = parse_number(rest);
  if (!v) {
    const std::string shown = trim(rest);  // a named string: GCC 12 -O3 warns (-Wrestrict, falsely) on "'" + temporary
    return error("'" + shown + "' is not a number");
  }
  // Strict bounds: the next representable double, since value ranges are inclusive.
  if (op == ">=")
    filter.low = *v;
  else if (op == ">")
    filter.low = std::nextafter(*v, HUGE_VAL);
  else if (op == "<=")
    filter.high = *v;
  else if (op == "<")
    filter.high = std::nextafter(*v, -HUGE_VAL);
  else if (op == "=" || op == "==")
    filter.low = filter.high = *v;
  else
    return error("unknown comparison '" + op + "' (use >=, >, <=, <, = or UNIT:LOW..HIGH)");
  return filter;
}

namespace {

// The figure value terms under `prefix` (schema::figure_value_prefix) whose value lies in
// [low, high]: terms sort as their values do, so the range is one walk of the term list.
void value_terms_in_range(const Xapian::Database& db, const std::string& prefix, const FigureFilter& f,
                          std::vector<Xapian::Query>& out) {
  const std::string low = f.low ? Xapian::sortable_serialise(*f.low) : std::string();
  const std::string high = f.high ? Xapian::sortable_serialise(*f.high) : std::string();
  Xapian::TermIterator it = db.allterms_begin(prefix);
  const Xapian::TermIterator end = db.allterms_end(prefix);
  if (f.low) it.skip_to(prefix + low);
  for (; it != end; ++it) {
    const std::string term = *it;
    if (f.high && term.compare(prefix.size(), std::string::npos, high) > 0) break;
    out.emplace_back(term);
  }
}

// Every unit's value prefix (`XVXUUSD:`, `XVXUKRW:` …) the index holds: `any` with a range.
std::vector<std::string> unit_value_prefixes(const Xapian::Database& db) {
  const std::string all = schema::figure_value_prefix(schema::unit_term(""));  // "XVXU:"
  const std::string stem = all.substr(0, all.size() - 1);                      // "XVXU"
  std::vector<std::string> prefixes;
  for (Xapian::TermIterator it = db.allterms_begin(stem); it != db.allterms_end(stem);) {
    const std::string term = *it;
    const std::size_t colon = term.find(':', stem.size());
    if (colon == std::string::npos) {
      ++it;
      continue;
    }
    prefixes.push_back(term.substr(0, colon + 1));
    // Skip this unit's other values: the next term after every "<prefix>…" is past "<prefix>\xff…".
    it.skip_to(prefixes.back() + std::string(8, '\xff'));
  }
  return prefixes;
}

}  // namespace

Xapian::Query figure_filter_query(const Xapian::Database& db, const std::vector<FigureFilter>& filters) {
  const Xapian::Query figures(schema::type_term(schema::kTypeFigure));
  if (filters.empty()) return figures;
  std::vector<Xapian::Query> alternatives;
  for (const FigureFilter& f : filters) {
    if (!f.low && !f.high) {
      alternatives.push_back(f.term.empty() ? figures : Xapian::Query(f.term));
      continue;
    }
    if (!f.term.empty()) {
      value_terms_in_range(db, schema::figure_value_prefix(f.term), f, alternatives);
    } else {
      for (const std::string& prefix : unit_value_prefixes(db)) value_terms_in_range(db, prefix, f, alternatives);
    }
  }
  if (alternatives.empty()) return Xapian::Query::MatchNothing;
  return Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
}

bool figure_matches(const std::vector<FigureFilter>& filters, const FigureRef& figure) {
  if (filters.empty()) return true;
  for (const FigureFilter& f : filters) {
    if (!f.term.empty() && f.term != schema::unit_term(figure.unit) && f.term != schema::kind_term(figure.kind))
      continue;
    if (f.low && figure.value < *f.low) continue;
    if (f.high && figure.value > *f.high) continue;
    return true;
  }
  return false;
}

}  // namespace kb::search
