// One parser for the dates documents state, in the shapes Korean and English texts write them:
// `2024-03-05`, `2024.3.5`, `2024. 3. 5.`, `2024/03/05`, `2024년 3월 5일`, `'24년 3월`,
// `2022. 1.`, `March 5th, 2024`, `5 Mar 2024`, ISO 8601 with a time. Output is ISO 8601: `YYYY-MM-DD`, or
// `YYYY-MM` when only the month is stated.
//
// A date is parsed only when it is unambiguous, otherwise it is absent: kb would rather have no
// date than a wrong one. Decisions:
//   * Day-month order that cannot be told (`5/3/24`, `03/05/2024`, `05.03.2024`) is absent; only
//     year-first numeric dates and dates with a month name are read.
//   * A year alone (`2024`, `2024년`) is absent: it says too little to file a document under.
//   * Two-digit years are read only with 년 (`24년 3월`, `'24년`): 20YY when that is not after next
//     year, else 19YY (`98년` → 1998). `'24.3.5` and other two-digit numeric shapes are absent.
//   * Years before 1900 or after next year (`0000-00-00`, 9999, far future) are absent, as are
//     months and days that do not exist (`2024-13-40`, `2023-02-29`).
// Known weaknesses: year-less dates (`3월 5일`, `March 5`) are never completed from context;
// European dotted dates (`05.03.2024`) are refused though usually day-first; era names and
// hanja numerals are not read.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kb {

struct DateMatch {
  std::string iso;        // YYYY-MM-DD or YYYY-MM
  std::size_t begin = 0;  // bytes of the match in the text searched
  std::size_t end = 0;
};

// The first date stated in `text`. With `day_required`, month-only dates (`2024년 3월`,
// `March 2024`, `2024-03`) are skipped.
std::optional<DateMatch> find_date(std::string_view text, bool day_required = true);

// A metadata value that is meant to be a date (front matter, HTML meta, document properties,
// `Tue, 05 Mar 2024 10:00:00 GMT`): its date, day or month precision; "" when absent.
std::string parse_date(std::string_view value);

// A date in a file name (no folders): `20240305_보도자료.hwpx`, `2024-03-05-report.pdf`,
// `2024_03_05`, `2024.03.05`; "" when none. Compact dates need 8 digits on their own.
std::string date_in_file_name(std::string_view name);

// The newest year a date may have (next year, from the clock): later dates are absent.
int latest_date_year();

}  // namespace kb
