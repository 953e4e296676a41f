// The status view of a knowledge base: what is in it and when it last changed.
#pragma once

#include <cstdint>
#include <map>
#include <ostream>
#include <string>

#include <xapian.h>
#include <nlohmann/json.hpp>

namespace kb::search {

struct KnowledgeBaseStatus {
  std::string db_path;
  std::size_t documents = 0;
  std::size_t passages = 0;
  // What the index holds by kind: doc, passage, figure, quote (figures and quotes counted from
  // the documents' `doc:` entries, since they live inside passages).
  std::map<std::string, std::size_t> records;
  std::map<std::string, std::size_t> languages;   // documents per language
  std::map<std::string, std::size_t> extensions;  // documents per file extension
  // Dated documents per date_source (metadata, front-matter, html-meta, dateline, filename;
  // "unknown" for records indexed before date_source existed); undated documents are not counted.
  std::map<std::string, std::size_t> dates;
  std::int64_t last_update = 0;    // newest indexed_at, seconds since the epoch
  std::uint64_t source_bytes = 0;  // total size of the indexed files
  std::uint64_t aliases = 0;       // learned cross-language alias keys
};

class ShardSet;
// Reads every shard's `doc:` entries (metadata a multi-database would read from its first shard
// only).
KnowledgeBaseStatus collect_status(const ShardSet& shards, const std::string& db_path);

// {"db", "documents", "passages", "records":{…}, "languages":{…}, "extensions":{…}, "dates":{…},
//  "last_update" (ISO 8601 UTC or null), "source_bytes", "aliases"}
nlohmann::json status_to_json(const KnowledgeBaseStatus& status);
void print_status_human(const KnowledgeBaseStatus& status, std::ostream& out);

}  // namespace kb::search
