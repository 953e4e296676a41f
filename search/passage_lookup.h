// The passage a figure record belongs to, read once per passage. Figure records store only the
// figure and links (doc id, passage id, the sentence's byte span in the document text): the
// document's path and title and the sentence's words live in the passage record, so that the
// many figure records of a table-heavy report do not repeat them (smaller records, less for
// kb-index to serialise and compress).
//
// Known weaknesses: a sentence that the passage splitter cut across two passages is returned up
// to the passage's end; records of databases older than kAnalysisVersion 7 carry their own path,
// title and sentence, which callers prefer when present.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>

#include <xapian.h>
#include <nlohmann/json.hpp>

#include "hit.h"

namespace kb::search {

// A passage record's document data, read through schema::split_passage_data (records written
// before kAnalysisVersion 11 keep their text in a value slot, ≤ 6 in the JSON).
struct PassageRecord {
  nlohmann::json data;  // the JSON part parsed; not an object when unreadable
  std::string text;
};
// The text alone.
std::string passage_text(const Xapian::Document& record);
PassageRecord read_passage_record(const Xapian::Document& record);
// The JSON part alone, parsed (listings that print no text).
nlohmann::json passage_json(const Xapian::Document& record);

class PassageLookup {
 public:
  explicit PassageLookup(const Xapian::Database& db) : db_(db) {}

  struct Passage {
    DocRef doc;
    std::string text;
    std::uint32_t offset = 0;  // of the passage in the document text
  };

  // A passage as read from its record (`record.data` must be an object).
  static Passage from_record(const PassageRecord& record);

  // The passage with id "<doc>#<ordinal>"; nullptr when the index has none (or it is unreadable).
  const Passage* find(const std::string& passage_id);

  // The bytes [begin, end) of the document text, cut to what `passage` holds; empty when the span
  // lies outside it.
  static std::string slice(const Passage& passage, std::uint32_t begin, std::uint32_t end);

 private:
  const Xapian::Database& db_;
  std::unordered_map<std::string, std::optional<Passage>> cache_;
};

}  // namespace kb::search
