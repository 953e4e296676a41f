// The filters every listing takes (issue 15): language, document date range, folder, format.
// Each is a boolean term or a value range that index_writer.cc puts on every record (passage,
// figure, quote, document), so a filter is part of the Xapian query — the match set, counts and
// pages are those of the filtered collection, never a post-filtered top N.
//
// Dates are compared as ISO strings: `--since 2024` is the bound `2024` (before every 2024
// date), `--until 2024-03` the bound `2024-03~` (after every March date, `~` sorting after digits).
//
// Known weaknesses: a record without a date (many plain-text files) never passes --since or
// --until; a document dated only to the month (`2024-03`) counts as the month's start, so it
// fails `--since 2024-03-15` and passes `--until 2024-03-15`.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <xapian.h>

namespace kb::search {

struct RecordFilter {
  std::vector<std::string> langs;    // ko, en, und: any of them
  std::string since, until;          // kDateSlot bounds, inclusive; empty: open
  std::vector<std::string> folders;  // canonical folders or files: under any of them
  std::vector<std::string> formats;  // reader names: any of them
  bool empty() const { return langs.empty() && since.empty() && until.empty() && folders.empty() && formats.empty(); }
};

// What the user typed (--lang, --since, --until, --under, --type), checked: a language other
// than ko/en/und, a date that is not YYYY, YYYY-MM or YYYY-MM-DD (`yesterday`, `2024-13-40`), a
// path that does not exist or an unknown format is an error message naming the value.
struct RecordFilterInput {
  std::vector<std::string> langs;
  std::optional<std::string> since, until;
  std::vector<std::string> under;
  std::vector<std::string> types;
};
std::variant<RecordFilter, std::string> make_record_filter(const RecordFilterInput& input);

// `query` restricted to records passing `filter` (unchanged when the filter is empty).
Xapian::Query apply_record_filter(const RecordFilter& filter, Xapian::Query query);

}  // namespace kb::search
