// Filters of a passage search checked by a Xapian::MatchDecider instead of the query (issue 15
// goal: a filter costs at most 1 ms more than the same query unfiltered, on 100,000 passages).
//
// Measured on a 100,715-passage index (tools/kb_bench_filters.cc, README "filter cost"):
// OP_VALUE_GE on kDateSlot inside OP_FILTER added about 20 ms per search, and the term `Lko` on
// a collection almost all Korean about 3 ms per ranked list. Xapian 1.4 tests a filter of the
// query on every candidate the text query matches, before any is weighed — a value range by
// reading each candidate's value, a term that nearly every record carries by stepping through a
// posting list as long as the collection. A match decider is asked only about the candidates
// that would enter the result set after weighting. It is part of the match, not a post-filter of
// the top N: pages and counts are those of the filtered collection either way.
//
// So: `--since`/`--until` always go to the decider; `--lang` goes there when its languages hold
// at least half of the records (a rare language is better in the query, where its short posting
// list leads the match and skips most candidates); folders and formats stay terms (no value
// slot holds them).
//
// Known weaknesses: only the passage search uses it (figure, quote and people listings keep the
// filter in the query, record_filter.h); Xapian's match-count estimate is scaled by the share of
// candidates the decider accepted, so `estimated_matches` is rougher; a date range few documents
// pass costs about what the value range did (the decider then sees most candidates); a match
// decider cannot run on a remote shard (`remote HOST:PORT` in a stub file): with one, every filter
// stays in the query (split_filter's `decider_allowed`), at the cost measured above.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

#include "record_filter.h"

namespace kb::search {

// What the decider checks: languages (empty: not checked here) and date bounds (empty: open).
struct DecidedFilter {
  std::vector<std::string> langs;
  std::string since, until;
  bool empty() const { return langs.empty() && since.empty() && until.empty(); }
};

// A filter split between the query (`in_query`, for apply_record_filter) and a decider.
struct SplitFilter {
  RecordFilter in_query;
  DecidedFilter decided;
};

// With `decider_allowed` false (a remote shard is searched: Xapian 1.4's remote backend runs no
// match decider), everything stays in the query.
SplitFilter split_filter(const Xapian::Database& db, const RecordFilter& filter, bool decider_allowed = true);

class FilterDecider final : public Xapian::MatchDecider {
 public:
  explicit FilterDecider(DecidedFilter filter) : filter_(std::move(filter)) {}
  bool active() const { return !filter_.empty(); }
  // Whether a record passes: its kLangSlot among the languages (when checked here) and its
  // kDateSlot within the bounds (inclusive, as ISO strings compare; record_filter.h). A record
  // without a date never passes a date bound.
  bool operator()(const Xapian::Document& record) const override;

 private:
  DecidedFilter filter_;
};

}  // namespace kb::search
