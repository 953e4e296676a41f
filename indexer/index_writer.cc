#include "index_writer.h"

#include <ctime>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "analysis/unicode_text.h"
#include "schema/schema.h"

namespace kb {
namespace {

using nlohmann::json;

// A figure as stored in passage data and in figure records (schema.h lists the keys).
json figure_json(const analysis::Figure& f) {
  return {
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
}

// What every record carries for filters (kb-search --lang, --under, --type, --since/--until),
// so that a filter is a boolean term or a value range on any listing, never a post-filter.
void add_filter_terms(Xapian::Document& record, const SourceInfo& source, const analysis::AnalyzedDocument& doc) {
  record.add_boolean_term(schema::lang_term(doc.lang));
  for (const std::string& term : schema::folder_terms(source.path)) record.add_boolean_term(term);
  if (!source.format.empty()) record.add_boolean_term(schema::format_term(source.format));
  if (const std::string date = schema::date_value(doc.date); !date.empty()) record.add_value(schema::kDateSlot, date);
}

// Figure and quote records carry no text terms (they would skew the BM25 statistics passages are
// ranked by); a text query reaches them through their passage (search/passage_ranking.h).
Xapian::Document figure_record(const SourceInfo& source, const analysis::AnalyzedDocument& doc,
                               const analysis::AnalyzedPassage& passage, const analysis::Figure& figure) {
  Xapian::Document record;
  record.add_boolean_term(schema::parent_term(source.id));
  record.add_boolean_term(schema::type_term(schema::kTypeFigure));
  record.add_boolean_term(schema::passage_link_term(source.id, passage.ordinal));
  record.add_boolean_term(schema::unit_term(figure.unit));
  record.add_boolean_term(schema::kind_term(analysis::kind_name(figure.kind)));
  add_filter_terms(record, source, doc);
  record.add_value(schema::kDocIdSlot, source.id);
  record.add_value(schema::kOrdinalSlot, Xapian::sortable_serialise(passage.ordinal));
  record.add_value(schema::kLangSlot, doc.lang);
  record.add_value(schema::kFigureValueSlot, Xapian::sortable_serialise(figure.value));
  // Path, title and the sentence's words are read from the passage record at search time
  // (search/passage_lookup.h): a table-heavy report has thousands of figures.
  json data = figure_json(figure);
  data[schema::kKeyDoc] = source.id;
  data[schema::kKeyLang] = doc.lang;
  data[schema::kKeyPassage] = schema::passage_id(source.id, passage.ordinal);
  if (figure.sentence_begin <= figure.sentence_end && figure.sentence_end <= doc.text.size())
    data[schema::kKeySentenceSpan] = {figure.sentence_begin, figure.sentence_end};
  record.set_data(data.dump(-1, ' ', false, json::error_handler_t::replace));
  return record;
}

json speaker_json(const analysis::Speaker& speaker) {
  return {{schema::kKeyName, speaker.name},
          {schema::kKeyNameEn, speaker.name_en},
          {schema::kKeyRole, speaker.title},
          {schema::kKeyOrg, speaker.org}};
}

void add_speaker_terms(Xapian::Document& record, const analysis::Speaker& speaker) {
  for (const std::string& form : analysis::speaker_name_forms(speaker))
    record.add_boolean_term(schema::speaker_term(form));
}

// One record per quote: its words are searchable (`kb-search --quotes QUERY`), its speaker's
// name forms filter (`--speaker`).
Xapian::Document quote_record(const SourceInfo& source, const analysis::AnalyzedDocument& doc,
                              const analysis::AnalyzedPassage& passage, const analysis::Quote& quote, unsigned number) {
  Xapian::Document record;
  record.add_boolean_term(schema::quote_uid_term(source.id, number));
  record.add_boolean_term(schema::parent_term(source.id));
  record.add_boolean_term(schema::type_term(schema::kTypeQuote));
  add_filter_terms(record, source, doc);
  record.add_boolean_term(schema::passage_link_term(source.id, passage.ordinal));
  add_speaker_terms(record, quote.speaker);
  record.add_value(schema::kDocIdSlot, source.id);
  record.add_value(schema::kOrdinalSlot, Xapian::sortable_serialise(passage.ordinal));
  record.add_value(schema::kLangSlot, doc.lang);
  record.add_value(schema::kQuoteSlot, Xapian::sortable_serialise(number));
  json data = {
      {schema::kKeyDoc, source.id},
      {schema::kKeyPath, source.path},
      {schema::kKeyTitle, doc.title},
      {schema::kKeyLang, doc.lang},
      {schema::kKeyOrdinal, passage.ordinal},
      {schema::kKeyQuote, number},
      {schema::kKeyText, quote.text},
      {schema::kKeyOffset, passage.offset + quote.begin},
      {schema::kKeySpeaker, speaker_json(quote.speaker)},
  };
  record.set_data(data.dump(-1, ' ', false, json::error_handler_t::replace));
  return record;
}

Xapian::Document passage_record(const SourceInfo& source, const analysis::AnalyzedDocument& doc,
                                const analysis::AnalyzedPassage& passage) {
  Xapian::Document record;
  record.add_boolean_term(schema::passage_uid_term(source.id, passage.ordinal));
  record.add_boolean_term(schema::parent_term(source.id));
  record.add_boolean_term(schema::type_term(schema::kTypePassage));
  add_filter_terms(record, source, doc);
  for (const analysis::Token& token : passage.tokens) {
    analysis::for_each_index_term(token, [&](const std::string& term, std::uint32_t pos) {
      if (pos == 0)
        record.add_term(term);
      else
        record.add_posting(term, pos);
    });
  }
  record.add_value(schema::kDocIdSlot, source.id);
  record.add_value(schema::kOrdinalSlot, Xapian::sortable_serialise(passage.ordinal));
  record.add_value(schema::kLangSlot, doc.lang);
  json quotes = json::array();
  for (const analysis::Quote& quote : passage.quotes) {
    add_speaker_terms(record, quote.speaker);
    quotes.push_back({{schema::kKeyText, quote.text}, {schema::kKeySpeaker, speaker_json(quote.speaker)}});
  }
  json data = {
      {schema::kKeyDoc, source.id}, {schema::kKeyPath, source.path},        {schema::kKeyTitle, doc.title},
      {schema::kKeyLang, doc.lang}, {schema::kKeyOrdinal, passage.ordinal}, {schema::kKeyOffset, passage.offset},
  };
  // The text goes into a value slot, not the JSON: reading a hit then parses a few hundred bytes
  // of JSON instead of scanning the whole passage for escapes (most of a search's time).
  record.add_value(schema::kTextSlot, analysis::repair_utf8(passage.text));
  if (std::string compounds = analysis::compound_list(passage.tokens); !compounds.empty())
    record.add_value(schema::kCompoundSlot, compounds);
  json figures = json::array();
  for (const analysis::Figure& f : passage.figures) figures.push_back(figure_json(f));
  data[schema::kKeyFigures] = std::move(figures);
  if (!quotes.empty()) data[schema::kKeyQuotes] = std::move(quotes);
  // Citation fields, only where known.
  if (!doc.date.empty()) data[schema::kKeyDate] = doc.date;
  if (!doc.author.empty()) data[schema::kKeyAuthor] = doc.author;
  if (!doc.source_url.empty()) data[schema::kKeyUrl] = doc.source_url;
  if (passage.page > 0) data[schema::kKeyPage] = passage.page;
  if (passage.line_begin > 0) data[schema::kKeyLines] = {passage.line_begin, passage.line_end};
  record.set_data(data.dump(-1, ' ', false, json::error_handler_t::replace));
  return record;
}

Xapian::Document document_record(const SourceInfo& source, const analysis::AnalyzedDocument& doc) {
  Xapian::Document record;
  record.add_boolean_term(schema::document_uid_term(source.id));
  record.add_boolean_term(schema::parent_term(source.id));
  record.add_boolean_term(schema::type_term(schema::kTypeDocument));
  record.add_boolean_term(schema::path_term(source.path));
  add_filter_terms(record, source, doc);
  record.add_value(schema::kDocIdSlot, source.id);
  record.add_value(schema::kLangSlot, doc.lang);
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
  record.set_data(data.dump(-1, ' ', false, json::error_handler_t::replace));
  return record;
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

IndexWriter::IndexWriter(const std::string& db_dir) {
  if (is_foreign_folder(db_dir))
    throw IndexError("cannot open index " + db_dir +
                     ": the folder holds other files and is not a kb index (give a new or empty folder, or an "
                     "existing index)");
  try {
    db_ = Xapian::WritableDatabase(db_dir, Xapian::DB_CREATE_OR_OPEN);
  } catch (const Xapian::Error& e) {
    throw IndexError("cannot open index " + db_dir + ": " + e.get_msg());
  }
}

IndexWriter::~IndexWriter() {
  // Uncommitted work is dropped on purpose: only commit() publishes.
  try {
    if (in_transaction_) db_.cancel_transaction();
  } catch (const Xapian::Error&) {
  }
}

void IndexWriter::ensure_transaction() {
  if (!in_transaction_) {
    db_.begin_transaction();
    in_transaction_ = true;
  }
}

IndexWriter::Prepared IndexWriter::prepare(const SourceInfo& source, const analysis::AnalyzedDocument& doc) {
  Prepared out;
  out.id = source.id;
  out.path = source.path;
  std::size_t count = 1 + doc.passages.size();
  for (const auto& passage : doc.passages) count += passage.figures.size() + passage.quotes.size();
  out.records.reserve(count);
  out.records.push_back(document_record(source, doc));
  for (const auto& passage : doc.passages) out.records.push_back(passage_record(source, doc, passage));
  for (const auto& learned : doc.aliases) {
    out.metadata_lines.emplace_back(schema::alias_metadata_key(learned.left_key), learned.alias.right);
    out.metadata_lines.emplace_back(schema::alias_metadata_key(learned.right_key), learned.alias.left);
  }
  for (const auto& passage : doc.passages)
    for (const analysis::Figure& figure : passage.figures)
      out.records.push_back(figure_record(source, doc, passage, figure));
  unsigned quote_number = 0;
  for (const auto& passage : doc.passages)
    for (const auto& quote : passage.quotes)
      out.records.push_back(quote_record(source, doc, passage, quote, quote_number++));
  return out;
}

void IndexWriter::Prepared::encode(WireWriter& out) const {
  out.str(id);
  out.str(path);
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
  try {
    ensure_transaction();
    db_.delete_document(schema::parent_term(prepared.id));
    db_.set_metadata(schema::failed_metadata_key(prepared.id), "");
    for (const Xapian::Document& record : prepared.records) db_.add_document(record);
    for (const auto& [key, line] : prepared.metadata_lines) add_metadata_line(db_, key, line);
  } catch (const Xapian::Error& e) {
    throw IndexError("cannot write " + prepared.path + " to the index: " + e.get_msg());
  }
}

void IndexWriter::replace(const SourceInfo& source, const analysis::AnalyzedDocument& doc) {
  write(prepare(source, doc));
}

void IndexWriter::remove(const std::string& doc_id) {
  try {
    ensure_transaction();
    db_.delete_document(schema::parent_term(doc_id));
    db_.set_metadata(schema::failed_metadata_key(doc_id), "");
  } catch (const Xapian::Error& e) {
    throw IndexError("cannot remove document " + doc_id + ": " + e.get_msg());
  }
}

IndexWriter::Totals IndexWriter::totals() {
  Totals t;
  try {
    t.documents = db_.get_termfreq(schema::type_term(schema::kTypeDocument));
    t.passages = db_.get_termfreq(schema::type_term(schema::kTypePassage));
  } catch (const Xapian::Error& e) {
    throw IndexError("cannot read the index: " + e.get_msg());
  }
  return t;
}

std::optional<std::string> IndexWriter::remembered_failure(const std::string& doc_id, const std::string& hash) {
  std::string value;
  try {
    value = db_.get_metadata(schema::failed_metadata_key(doc_id));
  } catch (const Xapian::Error& e) {
    throw IndexError("cannot read the index: " + e.get_msg());
  }
  const std::size_t tab = value.find('\t');
  if (tab == std::string::npos || value.compare(0, tab, hash) != 0) return std::nullopt;
  return value.substr(tab + 1);
}

void IndexWriter::remember_failure(const std::string& doc_id, const std::string& hash, const std::string& reason) {
  try {
    ensure_transaction();
    db_.set_metadata(schema::failed_metadata_key(doc_id), hash + "\t" + reason);
  } catch (const Xapian::Error& e) {
    throw IndexError("cannot write to the index: " + e.get_msg());
  }
}

std::optional<std::string> IndexWriter::stored_hash(const std::string& doc_id) {
  const std::string uid = schema::document_uid_term(doc_id);
  Xapian::PostingIterator it = db_.postlist_begin(uid);
  if (it == db_.postlist_end(uid)) return std::nullopt;
  const json data = json::parse(db_.get_document(*it).get_data(), nullptr, false);
  if (!data.is_object() || !data.contains(schema::kKeyHash)) return std::nullopt;
  return data[schema::kKeyHash].get<std::string>();
}

std::vector<IndexWriter::StoredDocument> IndexWriter::documents() {
  std::vector<StoredDocument> out;
  try {
    const std::string type = schema::type_term(schema::kTypeDocument);
    for (Xapian::PostingIterator it = db_.postlist_begin(type); it != db_.postlist_end(type); ++it) {
      const Xapian::Document record = db_.get_document(*it);
      const json data = json::parse(record.get_data(), nullptr, false);
      if (!data.is_object() || !data.contains(schema::kKeyPath)) continue;
      out.push_back({record.get_value(schema::kDocIdSlot), data[schema::kKeyPath].get<std::string>()});
    }
  } catch (const Xapian::Error& e) {
    throw IndexError("cannot list the indexed documents: " + e.get_msg());
  }
  return out;
}

void IndexWriter::commit() {
  try {
    if (in_transaction_) {
      db_.commit_transaction();
      in_transaction_ = false;
    }
  } catch (const Xapian::Error& e) {
    in_transaction_ = false;
    throw IndexError("cannot commit the index: " + e.get_msg());
  }
}

void IndexWriter::cancel() {
  if (in_transaction_) {
    db_.cancel_transaction();
    in_transaction_ = false;
  }
}

}  // namespace kb
