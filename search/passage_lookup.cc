#include "passage_lookup.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "passage_ranking.h"
#include "schema/schema.h"

namespace kb::search {

PassageRecord read_passage_record(const Xapian::Document& record) {
  const std::string data = record.get_data();
  const schema::PassageDataParts parts = schema::split_passage_data(data);
  PassageRecord read;
  read.data = nlohmann::json::parse(parts.json.begin(), parts.json.end(), nullptr, false);
  if (!parts.legacy) {
    read.text = parts.text;
    return read;
  }
  read.text = record.get_value(schema::kTextSlot);
  if (read.text.empty() && read.data.is_object()) read.text = read.data.value(schema::kKeyText, "");  // version ≤ 6
  return read;
}

std::string passage_text(const Xapian::Document& record) {
  const std::string data = record.get_data();
  const schema::PassageDataParts parts = schema::split_passage_data(data);
  return parts.legacy ? read_passage_record(record).text : std::string(parts.text);
}

nlohmann::json passage_json(const Xapian::Document& record) {
  const std::string data = record.get_data();
  const std::string_view json = schema::split_passage_data(data).json;
  return nlohmann::json::parse(json.begin(), json.end(), nullptr, false);
}

PassageLookup::Passage PassageLookup::from_record(const PassageRecord& record) {
  Passage passage;
  passage.doc = doc_ref_from_data(record.data);
  passage.text = record.text;
  passage.offset = record.data.value(schema::kKeyOffset, 0u);
  return passage;
}

const PassageLookup::Passage* PassageLookup::find(const std::string& passage_id) {
  auto [it, added] = cache_.try_emplace(passage_id);
  if (added) {
    const std::string uid = schema::clamp_term(std::string(schema::kPrefixUniqueId) + passage_id);
    const Xapian::PostingIterator p = db_.postlist_begin(uid);
    if (p != db_.postlist_end(uid)) {
      const PassageRecord record = read_passage_record(db_.get_document(*p));
      if (record.data.is_object()) it->second = from_record(record);
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
