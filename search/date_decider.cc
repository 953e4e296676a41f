#include "date_decider.h"

#include "schema/schema.h"

namespace kb::search {

bool DateDecider::operator()(const Xapian::Document& record) const {
  const std::string date = record.get_value(schema::kDateSlot);
  if (date.empty()) return false;
  return (since_.empty() || date >= since_) && (until_.empty() || date <= until_);
}

RecordFilter without_dates(RecordFilter filter) {
  filter.since.clear();
  filter.until.clear();
  return filter;
}

}  // namespace kb::search
