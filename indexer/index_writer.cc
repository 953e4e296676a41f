#include "index_writer.h"

#include <ctime>

#include <nlohmann/json.hpp>

#include "schema/schema.h"

namespace kb {
namespace {

using nlohmann::json;

Xapian::Document passage_record(const SourceInfo& source, const analysis::AnalyzedDocument& doc,
                                const analysis::AnalyzedPassage& passage) {
  Xapian::Document record;
  record.add_boolean_term(schema::passage_uid_term(source.id, passage.ordinal));
  record.add_boolean_term(schema::parent_term(source.id));
  record.add_boolean_term(schema::type_term(schema::kTypePassage));
  record.add_boolean_term(schema::lang_term(doc.lang));
  for (const analysis::Token& token : passage.tokens) {
    analysis::for_each_index_term(token, [&](const std::string& term, std::uint32_t pos) {
      if (pos == 0) record.add_term(term);
      else record.add_posting(term, pos);
    });
  }
  record.add_value(schema::kDocIdSlot, source.id);
  record.add_value(schema::kOrdinalSlot, Xapian::sortable_serialise(passage.ordinal));
  record.add_value(schema::kLangSlot, doc.lang);
  json data = {
      {schema::kKeyDoc, source.id},     {schema::kKeyPath, source.path},
      {schema::kKeyTitle, doc.title},   {schema::kKeyLang, doc.lang},
      {schema::kKeyOrdinal, passage.ordinal}, {schema::kKeyText, passage.text},
      {schema::kKeyOffset, passage.offset},
  };
  record.set_data(data.dump(-1, ' ', false, json::error_handler_t::replace));
  return record;
}

Xapian::Document document_record(const SourceInfo& source, const analysis::AnalyzedDocument& doc) {
  Xapian::Document record;
  record.add_boolean_term(schema::document_uid_term(source.id));
  record.add_boolean_term(schema::parent_term(source.id));
  record.add_boolean_term(schema::type_term(schema::kTypeDocument));
  record.add_boolean_term(schema::path_term(source.path));
  record.add_boolean_term(schema::lang_term(doc.lang));
  record.add_value(schema::kDocIdSlot, source.id);
  record.add_value(schema::kLangSlot, doc.lang);
  json data = {
      {schema::kKeyPath, source.path},  {schema::kKeyTitle, doc.title},
      {schema::kKeyLang, doc.lang},     {schema::kKeyHash, source.hash},
      {schema::kKeySize, source.size},  {schema::kKeyMtime, source.mtime},
      {schema::kKeyPassages, doc.passages.size()},
      {schema::kKeyIndexedAt, static_cast<std::int64_t>(std::time(nullptr))},
  };
  record.set_data(data.dump(-1, ' ', false, json::error_handler_t::replace));
  return record;
}

}  // namespace

IndexWriter::IndexWriter(const std::string& db_dir) {
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

void IndexWriter::replace(const SourceInfo& source, const analysis::AnalyzedDocument& doc) {
  try {
    ensure_transaction();
    db_.delete_document(schema::parent_term(source.id));
    db_.add_document(document_record(source, doc));
    for (const auto& passage : doc.passages) db_.add_document(passage_record(source, doc, passage));
  } catch (const Xapian::Error& e) {
    throw IndexError("cannot write " + source.path + " to the index: " + e.get_msg());
  }
}

void IndexWriter::remove(const std::string& doc_id) {
  try {
    ensure_transaction();
    db_.delete_document(schema::parent_term(doc_id));
  } catch (const Xapian::Error& e) {
    throw IndexError("cannot remove document " + doc_id + ": " + e.get_msg());
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
