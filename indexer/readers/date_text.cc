#include "readers/date_text.h"

#include <array>
#include <cstdio>
#include <ctime>

namespace kb {
namespace {

constexpr std::string_view kYearMark = "\xEB\x85\x84";   // 년
constexpr std::string_view kMonthMark = "\xEC\x9B\x94";  // 월
constexpr std::string_view kDayMark = "\xEC\x9D\xBC";    // 일

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::size_t digits_at(std::string_view s, std::size_t pos) {
  std::size_t n = 0;
  while (pos + n < s.size() && is_digit(s[pos + n])) ++n;
  return n;
}

int number_at(std::string_view s, std::size_t pos, std::size_t n) {
  int v = 0;
  for (std::size_t i = 0; i < n; ++i) v = v * 10 + (s[pos + i] - '0');
  return v;
}

std::size_t skip_spaces(std::string_view s, std::size_t pos) {
  while (pos < s.size() && s[pos] == ' ') ++pos;
  return pos;
}

bool has_at(std::string_view s, std::size_t pos, std::string_view what) { return s.substr(pos).starts_with(what); }

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[static_cast<std::size_t>(month - 1)];
}

// day 0: month precision.
std::optional<std::string> iso_of(int year, int month, int day) {
  if (year < 1900 || year > latest_date_year() || month < 1 || month > 12) return std::nullopt;
  if (day != 0 && (day < 1 || day > days_in_month(year, month))) return std::nullopt;
  char buf[48];
  if (day == 0)
    std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  else
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return std::string(buf);
}

// 24년 → 2024 while that is not after next year; 50–99 → 19YY; others (a year after next in
// this century or a far past one) absent.
int expand_two_digit_year(int yy) {
  if (2000 + yy <= latest_date_year()) return 2000 + yy;
  return yy >= 50 ? 1900 + yy : 0;
}

struct Found {
  int year = 0, month = 0, day = 0;
  std::size_t end = 0;
};

// `2024년 3월 5일`, `24년 3월` (the year's digits start at pos).
std::optional<Found> korean_at(std::string_view s, std::size_t pos, std::size_t year_digits) {
  std::size_t p = pos + year_digits;
  if (!has_at(s, p, kYearMark)) return std::nullopt;
  Found f;
  f.year = year_digits == 4 ? number_at(s, pos, 4) : expand_two_digit_year(number_at(s, pos, 2));
  p = skip_spaces(s, p + kYearMark.size());
  const std::size_t md = digits_at(s, p);
  if (md < 1 || md > 2 || !has_at(s, p + md, kMonthMark)) return std::nullopt;
  f.month = number_at(s, p, md);
  f.end = p + md + kMonthMark.size();
  p = skip_spaces(s, f.end);
  const std::size_t dd = digits_at(s, p);
  if (dd >= 1 && dd <= 2 && has_at(s, p + dd, kDayMark)) {
    f.day = number_at(s, p, dd);
    f.end = p + dd + kDayMark.size();
  }
  return f;
}

// `2024-03-05`, `2024.3.5`, `2024. 3. 5.`, `2024/03/05`, `2024-03` (year-first, one separator).
std::optional<Found> numeric_at(std::string_view s, std::size_t pos) {
  std::size_t p = pos + 4;
  if (p >= s.size()) return std::nullopt;
  const char sep = s[p];
  if (sep != '-' && sep != '.' && sep != '/') return std::nullopt;
  auto after_sep = [&](std::size_t at) { return sep == '.' ? skip_spaces(s, at + 1) : at + 1; };
  Found f;
  f.year = number_at(s, pos, 4);
  p = after_sep(p);
  const std::size_t md = digits_at(s, p);
  if (md < 1 || md > 2) return std::nullopt;
  f.month = number_at(s, p, md);
  p += md;
  if (p < s.size() && s[p] == sep) {
    const std::size_t q = after_sep(p);
    const std::size_t dd = digits_at(s, q);
    if (dd >= 1 && dd <= 2) {
      f.day = number_at(s, q, dd);
      f.end = q + dd;
      if (sep == '.' && f.end < s.size() && s[f.end] == '.') ++f.end;  // `2024. 3. 5.`
      return f;
    }
    if (dd > 2) return std::nullopt;
  }
  // Month precision only as ISO `2024-03` or with the closing dot Korean documents write
  // (`2022. 1.`, `2025.11.`): `2024.3` is a decimal number, `2024/3` a fraction.
  if (sep == '.' && p < s.size() && s[p] == '.' && (p + 1 == s.size() || !is_digit(s[p + 1]))) {
    f.end = p + 1;
    return f;
  }
  if (sep != '-' || md != 2) return std::nullopt;
  f.end = p;
  return f;
}

constexpr std::array<std::string_view, 12> kMonths{"january",   "february", "march",    "april",
                                                   "may",       "june",     "july",     "august",
                                                   "september", "october",  "november", "december"};

// A month name or its abbreviation (`Mar`, `Mar.`, `Sept`) at pos: {month, end}.
std::optional<std::pair<int, std::size_t>> month_word_at(std::string_view s, std::size_t pos) {
  std::size_t n = 0;
  while (pos + n < s.size() && is_alpha(s[pos + n])) ++n;
  if (n < 3) return std::nullopt;
  std::string word;
  for (std::size_t i = 0; i < n; ++i) word += lower(s[pos + i]);
  for (std::size_t m = 0; m < kMonths.size(); ++m) {
    const bool full = word == kMonths[m];
    const bool abbreviated = word.size() == 3 ? kMonths[m].starts_with(word) : (m == 8 && word == "sept");
    if (!full && !abbreviated) continue;
    std::size_t end = pos + n;
    if (!full && end < s.size() && s[end] == '.') ++end;
    return std::make_pair(static_cast<int>(m) + 1, end);
  }
  return std::nullopt;
}

std::size_t skip_ordinal(std::string_view s, std::size_t p) {
  if (p + 2 > s.size()) return p;
  const std::string two{lower(s[p]), lower(s[p + 1])};
  if ((two == "st" || two == "nd" || two == "rd" || two == "th") && (p + 2 == s.size() || !is_alpha(s[p + 2])))
    return p + 2;
  return p;
}

// A four-digit year at p (after optional `,` and spaces), not part of a longer number.
std::optional<std::pair<int, std::size_t>> year_after(std::string_view s, std::size_t p) {
  if (p < s.size() && s[p] == ',') ++p;
  const std::size_t spaced = skip_spaces(s, p);
  if (spaced == p) return std::nullopt;
  if (digits_at(s, spaced) != 4) return std::nullopt;
  return std::make_pair(number_at(s, spaced, 4), spaced + 4);
}

// `March 5, 2024`, `Mar. 5th 2024`, `March 2024`.
std::optional<Found> month_first_at(std::string_view s, std::size_t pos) {
  const auto month = month_word_at(s, pos);
  if (!month) return std::nullopt;
  Found f;
  f.month = month->first;
  const std::size_t p = skip_spaces(s, month->second);
  if (p == month->second) return std::nullopt;
  const std::size_t n = digits_at(s, p);
  if (n == 4) {
    f.year = number_at(s, p, 4);
    f.end = p + 4;
    return f;
  }
  if (n < 1 || n > 2) return std::nullopt;
  f.day = number_at(s, p, n);
  const auto year = year_after(s, skip_ordinal(s, p + n));
  if (!year) return std::nullopt;
  f.year = year->first;
  f.end = year->second;
  return f;
}

// `5 March 2024`, `05 Mar 2024`, `5th March, 2024`.
std::optional<Found> day_first_at(std::string_view s, std::size_t pos, std::size_t n) {
  if (n < 1 || n > 2) return std::nullopt;
  const std::size_t p = skip_spaces(s, skip_ordinal(s, pos + n));
  if (p == skip_ordinal(s, pos + n)) return std::nullopt;
  const auto month = month_word_at(s, p);
  if (!month) return std::nullopt;
  const auto year = year_after(s, month->second);
  if (!year) return std::nullopt;
  return Found{year->first, month->first, number_at(s, pos, n), year->second};
}

std::optional<Found> date_at(std::string_view s, std::size_t pos) {
  if (is_digit(s[pos])) {
    if (pos > 0 && (is_digit(s[pos - 1]) || s[pos - 1] == '.' || s[pos - 1] == '-' || s[pos - 1] == '/'))
      return std::nullopt;  // the middle of a number, code or another date
    const std::size_t n = digits_at(s, pos);
    if (n == 4 || n == 2)
      if (auto f = korean_at(s, pos, n)) return f;
    if (n == 4) return numeric_at(s, pos);
    return day_first_at(s, pos, n);
  }
  if (is_alpha(s[pos]) && (pos == 0 || !is_alpha(s[pos - 1]))) return month_first_at(s, pos);
  return std::nullopt;
}

// `20240305` as a whole run of digits at pos; `with_time`: also `20240305093000` (PDF dates).
std::optional<Found> compact_at(std::string_view s, std::size_t pos, bool with_time = false) {
  const std::size_t n = digits_at(s, pos);
  if (n != 8 && !(with_time && (n == 10 || n == 12 || n == 14))) return std::nullopt;
  return Found{number_at(s, pos, 4), number_at(s, pos + 4, 2), number_at(s, pos + 6, 2), pos + 8};
}

}  // namespace

int latest_date_year() {
  static const int year = [] {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    return tm.tm_year + 1900 + 1;
  }();
  return year;
}

std::optional<DateMatch> find_date(std::string_view text, bool day_required) {
  for (std::size_t pos = 0; pos < text.size(); ++pos) {
    const std::optional<Found> f = date_at(text, pos);
    if (!f || (day_required && f->day == 0)) continue;
    if (f->end < text.size() && is_digit(text[f->end])) continue;  // `2024-03-051`
    if (std::optional<std::string> iso = iso_of(f->year, f->month, f->day)) return DateMatch{*iso, pos, f->end};
  }
  return std::nullopt;
}

std::string parse_date(std::string_view value) {
  std::size_t b = skip_spaces(value, 0);
  if (std::optional<Found> f = compact_at(value, b, true))  // `20240305`, `20240305T0900`
    if (std::optional<std::string> iso = iso_of(f->year, f->month, f->day)) return *iso;
  if (std::optional<DateMatch> m = find_date(value, false)) return m->iso;
  return {};
}

std::string date_in_file_name(std::string_view name) {
  for (std::size_t pos = 0; pos < name.size(); ++pos) {
    if (!is_digit(name[pos]) || (pos > 0 && is_digit(name[pos - 1]))) continue;
    std::optional<Found> f = compact_at(name, pos);
    const std::size_t n = digits_at(name, pos);
    if (!f && n == 4 && pos + 10 <= name.size()) {
      const char sep = name[pos + 4];
      if ((sep == '-' || sep == '_' || sep == '.') && digits_at(name, pos + 5) == 2 && name[pos + 7] == sep &&
          digits_at(name, pos + 8) == 2)
        f = Found{number_at(name, pos, 4), number_at(name, pos + 5, 2), number_at(name, pos + 8, 2), pos + 10};
    }
    if (!f) continue;
    if (std::optional<std::string> iso = iso_of(f->year, f->month, f->day)) return *iso;
  }
  return {};
}

}  // namespace kb
