#include "index_writer.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "analysis/unicode_text.h"
#include "schema/schema.h"

namespace kb {
namespace {

using nlohmann::json;

// A figure as stored in its passage's data (schema.h lists the keys).
json figure_json(const analysis::Figure& f, std::size_t text_size) {
  json j = {
      {schema::kKeySurface, f.surface},
      {schema::kKeyValue, f.value},
      {schema::kKeyHigh, f.high},
      {schema::kKeyUnit, f.unit},
      {schema::kKeyKind, analysis::kind_name(f.kind)},
      {schema::kKeyCounter, f.counter},
      {schema::kKeyQualifier, analysis::qualifier_name(f.qualifier)},
      {schema::kKeyYear, f.year},
      {schema::kKeySpan, {f.begin, f.end}},
  };
  if (f.sentence_begin <= f.sentence_end && f.sentence_end <= text_size)
    j[schema::kKeySentenceSpan] = {f.sentence_begin, f.sentence_end};
  return j;
}

// What every record carries for filters (kb-search --lang, --under, --type, --since/--until),
// so that a filter is a boolean term or a value range on any listing, never a post-filter.
// Computed once per document.
struct FilterTerms {
  std::vector<std::string> terms;
  std::string date;  // kDateSlot's value, or empty

  FilterTerms(const SourceInfo& source, const analysis::AnalyzedDocument& doc)
      : terms(schema::folder_terms(source.path)), date(schema::date_value(doc.date)) {
    terms.push_back(schema::lang_term(doc.lang));
    if (!source.format.empty()) terms.push_back(schema::format_term(source.format));
  }
  void add_to(Xapian::Document& record) const {
    for (const std::string& term : terms) record.add_boolean_term(term);
    if (!date.empty()) record.add_value(schema::kDateSlot, date);
  }
};

json speaker_json(const analysis::Speaker& speaker) {
  return {{schema::kKeyName, speaker.name},
          {schema::kKeyNameEn, speaker.name_en},
          {schema::kKeyRole, speaker.title},
          {schema::kKeyOrg, speaker.org},
          {schema::kKeySpeakerKind, analysis::speaker_kind_name(analysis::speaker_kind(speaker))}};
}

// A figure's terms on its passage: unit, kind, and its value under each (schema.h, XV), so that
// `--figure UNIT>=X` is exact without a record per figure.
void add_figure_terms(Xapian::Document& record, const analysis::Figure& figure) {
  const std::string unit = schema::unit_term(figure.unit);
  const std::string kind = schema::kind_term(analysis::kind_name(figure.kind));
  record.add_boolean_term(unit);
  record.add_boolean_term(kind);
  record.add_boolean_term(schema::figure_value_term(unit, figure.value));
  record.add_boolean_term(schema::figure_value_term(kind, figure.value));
}

Xapian::Document passage_record(const SourceInfo& source, const analysis::AnalyzedDocument& doc,
                                const FilterTerms& filters, const analysis::AnalyzedPassage& passage,
                                unsigned& quote_number) {
  Xapian::Document record;
  record.add_boolean_term(schema::passage_uid_term(source.id, passage.ordinal));
  record.add_boolean_term(schema::parent_term(source.id));
  record.add_boolean_term(schema::type_term(schema::kTypePassage));
  if (passage.ordinal == doc.passages.front().ordinal) record.add_boolean_term(schema::type_term(schema::kTypeFirst));
  filters.add_to(record);
  // No word positions (issue 16): they were a quarter of the index and of the writing time, and
  // only the proximity rerank and phrases read them, on a few passages per query, which the
  // searcher analyses again from their text (Searcher::passage_tokens).
  for (const analysis::Token& token : passage.tokens)
    analysis::for_each_index_term(token, [&](const std::string& term, std::uint32_t) { record.add_term(term); });
  record.add_value(schema::kDocIdSlot, source.id);
  record.add_value(schema::kOrdinalSlot, Xapian::sortable_serialise(passage.ordinal));
  record.add_value(schema::kLangSlot, doc.lang);
  json quotes = json::array();
  for (const analysis::Quote& quote : passage.quotes) {
    for (const std::string& form : analysis::speaker_name_forms(quote.speaker))
      record.add_boolean_term(schema::speaker_term(form));
    quotes.push_back({{schema::kKeyText, quote.text},
                      {schema::kKeySpeaker, speaker_json(quote.speaker)},
                      {schema::kKeyQuote, quote_number++},
                      {schema::kKeyOffset, passage.offset + quote.begin}});
  }
  if (!passage.quotes.empty()) record.add_boolean_term(schema::type_term(schema::kTypeQuote));
  json data = {
      {schema::kKeyDoc, source.id}, {schema::kKeyPath, source.path},        {schema::kKeyTitle, doc.title},
      {schema::kKeyLang, doc.lang}, {schema::kKeyOrdinal, passage.ordinal}, {schema::kKeyOffset, passage.offset},
  };
  json figures = json::array();
  for (const analysis::Figure& f : passage.figures) {
    figures.push_back(figure_json(f, doc.text.size()));
    add_figure_terms(record, f);
  }
  if (!passage.figures.empty()) record.add_boolean_term(schema::type_term(schema::kTypeFigure));
  data[schema::kKeyFigures] = std::move(figures);
  if (!quotes.empty()) data[schema::kKeyQuotes] = std::move(quotes);
  // Citation fields, only where known.
  if (!doc.date.empty()) data[schema::kKeyDate] = doc.date;
  if (!doc.author.empty()) data[schema::kKeyAuthor] = doc.author;
  if (!doc.source_url.empty()) data[schema::kKeyUrl] = doc.source_url;
  if (passage.page > 0) data[schema::kKeyPage] = passage.page;
  if (passage.line_begin > 0) data[schema::kKeyLines] = {passage.line_begin, passage.line_end};
  // The text follows the JSON, not inside it (schema::passage_data).
  record.set_data(schema::passage_data(data.dump(-1, ' ', false, json::error_handler_t::replace),
                                       analysis::repair_utf8(passage.text)));
  return record;
}

// The `doc:` metadata entry of a source file (schema.h).
std::string document_entry(const SourceInfo& source, const analysis::AnalyzedDocument& doc) {
  json data = {
      {schema::kKeyPath, source.path},
      {schema::kKeyTitle, doc.title},
      {schema::kKeyLang, doc.lang},
      {schema::kKeyHash, source.hash},
      {schema::kKeySize, source.size},
      {schema::kKeyMtime, source.mtime},
      {schema::kKeyPassages, doc.passages.size()},
      {schema::kKeyIndexedAt, static_cast<std::int64_t>(std::time(nullptr))},
  };
  if (!doc.date.empty()) {
    data[schema::kKeyDate] = doc.date;
    data[schema::kKeyDateSource] = doc.date_source;
  }
  if (!doc.author.empty()) data[schema::kKeyAuthor] = doc.author;
  if (!doc.source_url.empty()) data[schema::kKeyUrl] = doc.source_url;
  if (!source.format.empty()) data[schema::kKeyFormat] = source.format;
  std::size_t figures = 0, quotes = 0;
  for (const auto& passage : doc.passages) {
    figures += passage.figures.size();
    quotes += passage.quotes.size();
  }
  data[schema::kKeyFigureCount] = figures;
  data[schema::kKeyQuoteCount] = quotes;
  return data.dump(-1, ' ', false, json::error_handler_t::replace);
}

// Adds `text` to the newline-separated list stored under `key`, once.
void add_metadata_line(Xapian::WritableDatabase& db, const std::string& key, const std::string& text) {
  std::string value = db.get_metadata(key);
  std::size_t pos = 0;
  while (pos <= value.size()) {
    std::size_t nl = value.find('\n', pos);
    if (nl == std::string::npos) nl = value.size();
    if (value.compare(pos, nl - pos, text) == 0) return;
    pos = nl + 1;
  }
  if (!value.empty()) value += '\n';
  value += text;
  db.set_metadata(key, value);
}

}  // namespace

namespace {

// A folder that exists and holds something, but no Xapian database (glass, chert or a stub file).
bool is_foreign_folder(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return false;
  if (fs::is_empty(dir, ec) || ec) return false;
  for (const char* marker : {"iamglass", "iamchert", "XAPIANDB"})
    if (fs::exists(fs::path(dir) / marker, ec)) return false;
  return true;
}

}  // namespace

namespace {

// The shard folders a stub file names, resolved against the index folder. Remote shards are
// searched but never written by kb-index: it refuses them with their line.
std::vector<std::string> read_stub(const std::filesystem::path& dir) {
  std::ifstream in(dir / schema::kStubFile);
  if (!in) throw IndexError("cannot open index " + dir.string() + ": cannot read its " + schema::kStubFile);
  std::vector<std::string> shards;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    const std::size_t space = line.find(' ');
    const std::string kind = line.substr(0, space);
    const std::string where = space == std::string::npos ? std::string() : line.substr(space + 1);
    if ((kind != "auto" && kind != "glass") || where.empty())
      throw IndexError("cannot write to index " + dir.string() + ": its shard '" + line +
                       "' is not a local folder (kb-index writes local shards only)");
    shards.push_back(
        (std::filesystem::path(where).is_absolute() ? std::filesystem::path(where) : dir / where).string());
  }
  if (shards.empty())
    throw IndexError("cannot open index " + dir.string() + ": its " + schema::kStubFile + " names no shard");
  return shards;
}

}  // namespace

IndexWriter::IndexWriter(const std::string& db_dir, unsigned shards) : db_dir_(db_dir) {
  namespace fs = std::filesystem;
  if (is_foreign_folder(db_dir))
    throw IndexError("cannot open index " + db_dir +
                     ": the folder holds other files and is not a kb index (give a new or empty folder, or an "
                     "existing index)");
  std::error_code ec;
  const bool has_stub = fs::exists(fs::path(db_dir) / schema::kStubFile, ec);
  const bool has_database =
      fs::exists(fs::path(db_dir) / "iamglass", ec) || fs::exists(fs::path(db_dir) / "iamchert", ec);
  std::vector<std::string> dirs;
  if (has_stub) {
    dirs = read_stub(db_dir);
  } else if (has_database || shards <= 1) {
    dirs.push_back(db_dir);
  } else {
    // A new sharded index: the shard databases first, the stub that names them last, so an
    // interrupted creation never leaves a stub naming a missing shard.
    fs::create_directories(db_dir, ec);
    std::string stub;
    for (unsigned i = 0; i < shards; ++i) {
      char name[32];
      std::snprintf(name, sizeof name, "shard-%02u", i);
      dirs.push_back((fs::path(db_dir) / name).string());
      stub += std::string("auto ") + name + "\n";
    }
    try {
      for (const std::string& dir : dirs) Xapian::WritableDatabase(dir, Xapian::DB_CREATE_OR_OPEN);
    } catch (const Xapian::Error& e) {
      throw IndexError("cannot create index " + db_dir + ": " + e.get_msg());
    }
    const fs::path tmp = fs::path(db_dir) / (std::string(schema::kStubFile) + ".tmp");
    std::ofstream(tmp) << stub;
    fs::rename(tmp, fs::path(db_dir) / schema::kStubFile, ec);
    if (ec) throw IndexError("cannot create index " + db_dir + ": " + ec.message());
  }
  if (shards != 0 && shards != dirs.size())
    throw IndexError("index " + db_dir + " has " + std::to_string(dirs.size()) + " shard(s); --shards " +
                     std::to_string(shards) +
                     " asks for another number (the number is fixed when an index is created)");
  for (const std::string& dir : dirs) {
    auto shard = std::make_unique<Shard>();
    shard->dir = dir;
    try {
      shard->db = Xapian::WritableDatabase(dir, Xapian::DB_CREATE_OR_OPEN);
    } catch (const Xapian::Error& e) {
      throw IndexError("cannot open index " + (dirs.size() > 1 ? "shard " + dir : db_dir) + ": " + e.get_msg());
    }
    migrate_to_current_layout(*shard);
    shards_.push_back(std::move(shard));
  }
}

void IndexWriter::migrate_to_current_layout(Shard& shard) {
  const std::string layout = std::to_string(schema::kLayout);
  try {
    if (shard.db.get_metadata(schema::kMetaLayout) == layout) return;
    // Layout 1 kept a document record per file and a record per figure and quote. Their
    // passages stay (re-indexed, since the analysis version is part of each stored hash); the
    // document records become `doc:` entries, so files deleted since are still found and removed.
    Xapian::WritableDatabase& db = shard.db;
    const std::string legacy_doc = schema::type_term(schema::kTypeLegacyDocument);
    for (auto it = db.postlist_begin(legacy_doc); it != db.postlist_end(legacy_doc); ++it) {
      const Xapian::Document record = db.get_document(*it);
      db.set_metadata(schema::document_metadata_key(record.get_value(schema::kDocIdSlot)), record.get_data());
    }
    for (const std::string_view type : {schema::kTypeLegacyDocument, schema::kTypeFigure, schema::kTypeQuote})
      db.delete_document(schema::type_term(type));
    db.set_metadata(schema::kMetaLayout, layout);
    db.commit();
  } catch (const Xapian::Error& e) {
    throw IndexError("cannot open index shard " + shard.dir + ": " + e.get_msg());
  }
}

IndexWriter::~IndexWriter() {
  // Uncommitted work is dropped on purpose: only commit() publishes.
  for (auto& shard : shards_) {
    try {
      if (shard->in_transaction) shard->db.cancel_transaction();
    } catch (const Xapian::Error&) {
    }
  }
}

IndexWriter::Shard& IndexWriter::shard_of(const std::string& doc_id) {
  if (shards_.size() == 1) return *shards_.front();
  // FNV-1a of the id: stable across runs and machines, so a document stays in its shard.
  return *shards_[schema::fnv1a(doc_id) % shards_.size()];
}

void IndexWriter::ensure_transaction(Shard& shard) {
  if (!shard.in_transaction) {
    shard.db.begin_transaction();
    shard.in_transaction = true;
    // Every shard written names its layout and analysis version: kb-search refuses a set of
    // shards that disagree.
    const std::string analysis = std::to_string(schema::kAnalysisVersion);
    if (shard.db.get_metadata(schema::kMetaAnalysis) != analysis)
      shard.db.set_metadata(schema::kMetaAnalysis, analysis);
  }
}

IndexWriter::Prepared IndexWriter::prepare(const SourceInfo& source, const analysis::AnalyzedDocument& doc) {
  Prepared out;
  out.id = source.id;
  out.path = source.path;
  out.document = document_entry(source, doc);
  out.records.reserve(doc.passages.size());
  const FilterTerms filters(source, doc);
  unsigned quote_number = 0;
  for (const auto& passage : doc.passages)
    out.records.push_back(passage_record(source, doc, filters, passage, quote_number));
  for (const auto& learned : doc.aliases) {
    out.metadata_lines.emplace_back(schema::alias_metadata_key(learned.left_key), learned.alias.right);
    out.metadata_lines.emplace_back(schema::alias_metadata_key(learned.right_key), learned.alias.left);
  }
  return out;
}

void IndexWriter::Prepared::encode(WireWriter& out) const {
  out.str(id);
  out.str(path);
  out.str(document);
  out.u64(records.size());
  for (const Xapian::Document& record : records) out.str(record.serialise());
  out.u64(metadata_lines.size());
  for (const auto& [key, line] : metadata_lines) {
    out.str(key);
    out.str(line);
  }
}

IndexWriter::Prepared IndexWriter::Prepared::decode(WireReader& in) {
  Prepared out;
  out.id = in.str();
  out.path = in.str();
  out.document = in.str();
  const std::uint64_t record_count = in.u64();
  for (std::uint64_t i = 0; i < record_count; ++i) {
    try {
      out.records.push_back(Xapian::Document::unserialise(in.str()));
    } catch (const Xapian::Error& e) {
      throw WireError("bad record: " + e.get_msg());
    }
  }
  const std::uint64_t line_count = in.u64();
  for (std::uint64_t i = 0; i < line_count; ++i) {
    std::string key = in.str();
    out.metadata_lines.emplace_back(std::move(key), in.str());
  }
  return out;
}

void IndexWriter::write(const Prepared& prepared) {
  Shard& shard = shard_of(prepared.id);
  try {
    std::lock_guard lock(shard.mutex);
    ensure_transaction(shard);
    shard.db.delete_document(schema::parent_term(prepared.id));
    shard.db.set_metadata(schema::failed_metadata_key(prepared.id), "");
    shard.db.set_metadata(schema::document_metadata_key(prepared.id), prepared.document);
    for (const Xapian::Document& record : prepared.records) shard.db.add_document(record);
  } catch (const Xapian::Error& e) {
    throw IndexError("cannot write " + prepared.path + " to the index: " + e.get_msg());
  }
  if (prepared.metadata_lines.empty()) return;
  // Aliases go to the first shard: a multi-database reads metadata from its first database.
  Shard& first = *shards_.front();
  try {
    std::lock_guard lock(first.mutex);
    ensure_transaction(first);
    for (const auto& [key, line] : prepared.metadata_lines) add_metadata_line(first.db, key, line);
  } catch (const Xapian::Error& e) {
    throw IndexError("cannot write " + prepared.path + " to the index: " + e.get_msg());
  }
}

void IndexWriter::replace(const SourceInfo& source, const analysis::AnalyzedDocument& doc) {
  write(prepare(source, doc));
}

void IndexWriter::remove(const std::string& doc_id) {
  Shard& shard = shard_of(doc_id);
  try {
    std::lock_guard lock(shard.mutex);
    ensure_transaction(shard);
    shard.db.delete_document(schema::parent_term(doc_id));
    shard.db.set_metadata(schema::failed_metadata_key(doc_id), "");
    shard.db.set_metadata(schema::document_metadata_key(doc_id), "");
  } catch (const Xapian::Error& e) {
    throw IndexError("cannot remove document " + doc_id + ": " + e.get_msg());
  }
}

IndexWriter::Totals IndexWriter::totals() {
  Totals t;
  try {
    for (auto& shard : shards_) {
      std::lock_guard lock(shard->mutex);
      const std::string prefix(schema::kMetaDocumentPrefix);
      for (auto it = shard->db.metadata_keys_begin(prefix); it != shard->db.metadata_keys_end(prefix); ++it)
        ++t.documents;
      t.passages += shard->db.get_termfreq(schema::type_term(schema::kTypePassage));
    }
  } catch (const Xapian::Error& e) {
    throw IndexError("cannot read the index: " + e.get_msg());
  }
  return t;
}

std::optional<std::string> IndexWriter::remembered_failure(const std::string& doc_id, const std::string& hash) {
  std::string value;
  Shard& shard = shard_of(doc_id);
  try {
    std::lock_guard lock(shard.mutex);
    value = shard.db.get_metadata(schema::failed_metadata_key(doc_id));
  } catch (const Xapian::Error& e) {
    throw IndexError("cannot read the index: " + e.get_msg());
  }
  const std::size_t tab = value.find('\t');
  if (tab == std::string::npos || value.compare(0, tab, hash) != 0) return std::nullopt;
  return value.substr(tab + 1);
}

void IndexWriter::remember_failure(const std::string& doc_id, const std::string& hash, const std::string& reason) {
  Shard& shard = shard_of(doc_id);
  try {
    std::lock_guard lock(shard.mutex);
    ensure_transaction(shard);
    shard.db.set_metadata(schema::failed_metadata_key(doc_id), hash + "\t" + reason);
  } catch (const Xapian::Error& e) {
    throw IndexError("cannot write to the index: " + e.get_msg());
  }
}

std::optional<std::string> IndexWriter::stored_hash(const std::string& doc_id) {
  Shard& shard = shard_of(doc_id);
  std::string data_text;
  try {
    std::lock_guard lock(shard.mutex);
    data_text = shard.db.get_metadata(schema::document_metadata_key(doc_id));
  } catch (const Xapian::Error& e) {
    throw IndexError("cannot read the index: " + e.get_msg());
  }
  if (data_text.empty()) return std::nullopt;
  const json data = json::parse(data_text, nullptr, false);
  if (!data.is_object() || !data.contains(schema::kKeyHash) || !data[schema::kKeyHash].is_string()) return std::nullopt;
  return data[schema::kKeyHash].get<std::string>();
}

std::vector<IndexWriter::StoredDocument> IndexWriter::documents() {
  std::vector<StoredDocument> out;
  try {
    const std::string prefix(schema::kMetaDocumentPrefix);
    for (auto& shard : shards_) {
      std::lock_guard lock(shard->mutex);
      Xapian::WritableDatabase& db = shard->db;
      for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
        const json data = json::parse(db.get_metadata(*it), nullptr, false);
        if (!data.is_object() || !data.contains(schema::kKeyPath) || !data[schema::kKeyPath].is_string()) continue;
        out.push_back({(*it).substr(prefix.size()), data[schema::kKeyPath].get<std::string>()});
      }
    }
  } catch (const Xapian::Error& e) {
    throw IndexError("cannot list the indexed documents: " + e.get_msg());
  }
  return out;
}

void IndexWriter::commit() {
  for (auto& shard : shards_) {
    std::lock_guard lock(shard->mutex);
    try {
      if (shard->in_transaction) {
        shard->db.commit_transaction();
        shard->in_transaction = false;
      }
    } catch (const Xapian::Error& e) {
      shard->in_transaction = false;
      throw IndexError("cannot commit the index" + (shards_.size() > 1 ? " shard " + shard->dir : std::string()) +
                       ": " + e.get_msg());
    }
  }
}

void IndexWriter::cancel() {
  for (auto& shard : shards_) {
    std::lock_guard lock(shard->mutex);
    if (shard->in_transaction) {
      shard->db.cancel_transaction();
      shard->in_transaction = false;
    }
  }
}

void IndexWriter::compact() {
  namespace fs = std::filesystem;
  commit();
  for (auto& shard : shards_) {
    std::lock_guard lock(shard->mutex);
    const fs::path dir(shard->dir);
    const fs::path fresh = dir.parent_path() / ("." + dir.filename().string() + ".compact");
    std::error_code ec;
    fs::remove_all(fresh, ec);
    try {
      Xapian::Database(shard->dir).compact(fresh.string(), Xapian::DBCOMPACT_NO_RENUMBER);
      shard->db.close();
    } catch (const Xapian::Error& e) {
      fs::remove_all(fresh, ec);
      throw IndexError("cannot compact the index " + shard->dir + ": " + e.get_msg());
    }
    // Table by table, the version file last: a search opening the index meanwhile sees either
    // revision's version file and retries on a table it cannot read (Xapian's
    // DatabaseModifiedError), as when any writer commits.
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(fresh, ec)) files.push_back(entry.path());
    std::stable_partition(files.begin(), files.end(), [](const fs::path& p) { return p.filename() != "iamglass"; });
    for (const fs::path& file : files) fs::rename(file, dir / file.filename(), ec);
    fs::remove_all(fresh, ec);
    try {
      shard->db = Xapian::WritableDatabase(shard->dir, Xapian::DB_OPEN);
    } catch (const Xapian::Error& e) {
      throw IndexError("cannot reopen the index " + shard->dir + " after compacting: " + e.get_msg());
    }
  }
}

}  // namespace kb
