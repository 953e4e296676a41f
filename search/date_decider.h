// `--since`/`--until` on passage searches as a Xapian::MatchDecider instead of a value range in
// the query (issue 15 goal: a filter costs at most 1 ms more than the same query unfiltered, on
// 100,000 passages).
//
// Measured on a 100,715-passage index (tools/kb_bench_filters.cc, README): OP_VALUE_GE on
// kDateSlot inside OP_FILTER added about 20 ms per search — Xapian 1.4 tests the range on every
// candidate the text query matches, before any is weighed, reading each one's value from the
// slot's stream (and may even lead the AND with it). A match decider is asked only about the
// candidates that would enter the result set after weighting, so it costs little. It is part
// of the match, not a post-filter of the top N: pages and counts are those of the filtered
// collection, as with the value range.
//
// Known weaknesses: only the passage search uses it (figure, quote and people listings keep the
// value range of record_filter.h); Xapian's match-count estimate is scaled by the share of
// candidates the decider accepted, so `estimated_matches` is rougher; a match decider cannot run
// on a remote shard (`remote TCP …` in a stub file), which then fails with Xapian's error.
#pragma once

#include <string>

#include <xapian.h>

#include "record_filter.h"

namespace kb::search {

class DateDecider final : public Xapian::MatchDecider {
 public:
  explicit DateDecider(const RecordFilter& filter) : since_(filter.since), until_(filter.until) {}
  bool active() const { return !since_.empty() || !until_.empty(); }
  // Whether a record's kDateSlot value lies within the bounds (both inclusive, as ISO strings
  // compare; record_filter.h). A record without a date never does.
  bool operator()(const Xapian::Document& record) const override;

 private:
  std::string since_, until_;
};

// `filter` without its date bounds: what the query carries when a DateDecider checks the dates.
RecordFilter without_dates(RecordFilter filter);

}  // namespace kb::search
