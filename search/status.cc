#include "status.h"

#include <ctime>

#include "printer/json_record.h"
#include "readers/registry.h"
#include "schema/schema.h"
#include "shard_set.h"

namespace kb::search {
namespace {

std::string iso_utc(std::int64_t seconds) {
  if (seconds <= 0) return {};
  const std::time_t t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace

KnowledgeBaseStatus collect_status(const ShardSet& shards, const std::string& db_path) {
  KnowledgeBaseStatus s;
  s.db_path = db_path;
  s.passages = shards.combined().get_termfreq(schema::type_term(schema::kTypePassage));
  std::size_t figures = 0, quotes = 0;
  const std::string doc_prefix(schema::kMetaDocumentPrefix);
  for (const ShardSet::Shard& shard : shards.shards()) {
    const Xapian::Database& db = shard.db;
    for (auto it = db.metadata_keys_begin(doc_prefix); it != db.metadata_keys_end(doc_prefix); ++it) {
      const nlohmann::json data = nlohmann::json::parse(db.get_metadata(*it), nullptr, false);
      if (!data.is_object()) continue;
      ++s.documents;
      ++s.languages[data.value(schema::kKeyLang, std::string("und"))];
      std::string ext = extension_of(data.value(schema::kKeyPath, std::string()));
      ++s.extensions[ext.empty() ? "(none)" : ext];
      if (!data.value(schema::kKeyDate, std::string()).empty())
        ++s.dates[data.value(schema::kKeyDateSource, std::string("unknown"))];
      s.last_update = std::max<std::int64_t>(s.last_update, data.value(schema::kKeyIndexedAt, std::int64_t{0}));
      s.source_bytes += data.value(schema::kKeySize, std::uint64_t{0});
      figures += data.value(schema::kKeyFigureCount, std::size_t{0});
      quotes += data.value(schema::kKeyQuoteCount, std::size_t{0});
    }
  }
  s.records[std::string(schema::kTypeLegacyDocument)] = s.documents;
  s.records[std::string(schema::kTypePassage)] = s.passages;
  s.records[std::string(schema::kTypeFigure)] = figures;
  s.records[std::string(schema::kTypeQuote)] = quotes;
  const Xapian::Database& first = shards.shards().front().db;  // alias lines live in the first shard
  const std::string alias_prefix(schema::kMetaAliasPrefix);
  for (auto it = first.metadata_keys_begin(alias_prefix); it != first.metadata_keys_end(alias_prefix); ++it)
    ++s.aliases;
  return s;
}

nlohmann::json status_to_json(const KnowledgeBaseStatus& s) {
  const std::string last = iso_utc(s.last_update);
  return with_envelope(
      {
          {"db", s.db_path},
          {"documents", s.documents},
          {"passages", s.passages},
          {"records", s.records},
          {"languages", s.languages},
          {"extensions", s.extensions},
          {"dates", s.dates},
          {"last_update", last.empty() ? nlohmann::json(nullptr) : nlohmann::json(last)},
          {"source_bytes", s.source_bytes},
          {"aliases", s.aliases},
      },
      "status");
}

void print_status_human(const KnowledgeBaseStatus& s, std::ostream& out) {
  out << "knowledge base: " << s.db_path << '\n';
  out << "documents:      " << s.documents << " (" << s.source_bytes << " bytes of source files)\n";
  out << "passages:       " << s.passages << '\n';
  for (const auto& [type, count] : s.records)
    if (type != schema::kTypeLegacyDocument && type != schema::kTypePassage)
      out << type << (type.size() < 14 ? std::string(14 - type.size(), ' ') : "") << "  " << count << '\n';
  out << "languages:     ";
  for (const auto& [lang, count] : s.languages) out << ' ' << lang << ' ' << count;
  out << "\nformats:       ";
  for (const auto& [ext, count] : s.extensions) out << ' ' << ext << ' ' << count;
  std::size_t dated = 0;
  for (const auto& [source, count] : s.dates) dated += count;
  out << "\ndates:          " << dated << " of " << s.documents << " documents dated";
  if (!s.dates.empty()) {
    out << " (";
    const char* sep = "";
    for (const auto& [source, count] : s.dates) {
      out << sep << source << ' ' << count;
      sep = ", ";
    }
    out << ')';
  }
  out << "\naliases:        " << s.aliases << " learned cross-language keys\n";
  const std::string last = iso_utc(s.last_update);
  out << "last update:    " << (last.empty() ? "never" : last) << '\n';
}

}  // namespace kb::search
