#include "filter_decider.h"

#include <algorithm>

#include "schema/schema.h"

namespace kb::search {

bool FilterDecider::operator()(const Xapian::Document& record) const {
  const auto& langs = filter_.langs;
  if (!langs.empty() && std::find(langs.begin(), langs.end(), record.get_value(schema::kLangSlot)) == langs.end())
    return false;
  if (filter_.since.empty() && filter_.until.empty()) return true;
  const std::string date = record.get_value(schema::kDateSlot);
  if (date.empty()) return false;
  return (filter_.since.empty() || date >= filter_.since) && (filter_.until.empty() || date <= filter_.until);
}

SplitFilter split_filter(const Xapian::Database& db, const RecordFilter& filter, bool decider_allowed) {
  SplitFilter split;
  split.in_query = filter;
  if (!decider_allowed) return split;
  split.in_query.since.clear();
  split.in_query.until.clear();
  split.decided.since = filter.since;
  split.decided.until = filter.until;
  if (!filter.langs.empty()) {
    double records = 0;
    for (const std::string& lang : filter.langs) records += db.get_termfreq(schema::lang_term(lang));
    if (records * 2 >= db.get_doccount()) {
      split.decided.langs = filter.langs;
      split.in_query.langs.clear();
    }
  }
  return split;
}

}  // namespace kb::search
