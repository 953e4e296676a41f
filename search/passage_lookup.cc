#include "passage_lookup.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "passage_ranking.h"
#include "schema/schema.h"

namespace kb::search {

PassageLookup::Passage PassageLookup::from_record(const Xapian::Document& record, const nlohmann::json& data) {
  Passage passage;
  passage.doc = doc_ref_from_data(data);
  passage.text = record.get_value(schema::kTextSlot);
  if (passage.text.empty()) passage.text = data.value(schema::kKeyText, "");  // kAnalysisVersion ≤ 6
  passage.offset = data.value(schema::kKeyOffset, 0u);
  return passage;
}

const PassageLookup::Passage* PassageLookup::find(const std::string& passage_id) {
  auto [it, added] = cache_.try_emplace(passage_id);
  if (added) {
    const std::string uid = schema::clamp_term(std::string(schema::kPrefixUniqueId) + passage_id);
    const Xapian::PostingIterator p = db_.postlist_begin(uid);
    if (p != db_.postlist_end(uid)) {
      const Xapian::Document record = db_.get_document(*p);
      const nlohmann::json data = nlohmann::json::parse(record.get_data(), nullptr, false);
      if (data.is_object()) it->second = from_record(record, data);
    }
  }
  return it->second ? &*it->second : nullptr;
}

std::string PassageLookup::slice(const Passage& passage, std::uint32_t begin, std::uint32_t end) {
  const std::uint64_t first = std::max<std::uint64_t>(begin, passage.offset);
  const std::uint64_t last = std::min<std::uint64_t>(end, std::uint64_t{passage.offset} + passage.text.size());
  if (first >= last) return {};
  // Both ends are code point boundaries: spans and passage offsets are, in the document text.
  return passage.text.substr(first - passage.offset, last - first);
}

}  // namespace kb::search
