// Writes analysed documents into a Xapian database following schema.h: a passage record per
// passage (its figures and quotes inside it) and a `doc:` metadata entry per source file. Knows
// nothing of file formats. Changes are grouped in a
// Xapian transaction and become visible, atomically, on commit(): a crash before that leaves the database at its last
// commit.
//
// An index is one Xapian database or a list of shards (schema.h, "Shards"): a folder with a
// Xapian stub file `XAPIANDB` naming one database per shard. A document lives in the shard its
// id hashes to, so re-indexing a file replaces it in place; cross-language alias lines live in the
// first shard, where Xapian's multi-database reads metadata. Every method may be called from
// several threads at once: each shard has its own lock, so threads writing documents of
// different shards write in parallel (indexing_run.h).
// Known weaknesses: commit() commits the shards one after the other, so a crash in between leaves
// some shards at the new commit and some at the old one (each is consistent, the set is not);
// the number of shards is fixed when the index is created.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "analysis/document_analyzer.h"
#include "wire_format.h"

namespace kb {

class IndexError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Where a document came from: identity and what incremental indexing compares.
struct SourceInfo {
  std::string id;    // schema::document_id_for_path(path)
  std::string path;  // canonical absolute path
  std::string hash;  // content hash (hex)
  std::uint64_t size = 0;
  std::int64_t mtime = 0;  // seconds since the epoch
  std::string format;      // the reader's name (text, markdown, html, xml, docx, hwpx, hwp, pdf)
};

class IndexWriter {
 public:
  // Opens or creates the database at `db_dir`; throws IndexError with the reason. A folder that
  // exists, holds files and is not a Xapian database is refused rather than turned into one
  // (a mistyped --db must not fill a folder of notes with index files).
  // `shards`: for a new index, how many shard databases to create (1: a plain Xapian database,
  // as before shards existed); for an existing index 0 accepts what it has and any other number
  // must match it.
  explicit IndexWriter(const std::string& db_dir, unsigned shards = 0);
  ~IndexWriter();
  IndexWriter(const IndexWriter&) = delete;
  IndexWriter& operator=(const IndexWriter&) = delete;

  // The records of one document (its passages and its `doc:` entry) and the alias lines it
  // taught, built from its analysis alone. Building them touches no database, so worker threads
  // build them while the main thread writes earlier documents (indexing_run.h).
  class Prepared {
   public:
    Prepared() = default;
    // For the trip from an analysis worker process to the writer (analysis_worker.h): the
    // records as Xapian serialises documents, then the metadata lines.
    void encode(WireWriter& out) const;
    static Prepared decode(WireReader& in);

   private:
    friend class IndexWriter;
    std::string id;
    std::string path;
    std::string document;                                             // the `doc:` metadata entry (JSON)
    std::vector<Xapian::Document> records;                            // the passages, in order
    std::vector<std::pair<std::string, std::string>> metadata_lines;  // metadata key, line to add once
  };
  static Prepared prepare(const SourceInfo& source, const analysis::AnalyzedDocument& doc);
  // Replaces every record of the prepared document's id with its records.
  void write(const Prepared& prepared);
  // prepare() then write().
  void replace(const SourceInfo& source, const analysis::AnalyzedDocument& doc);
  void remove(const std::string& doc_id);
  // The content hash stored for a document, if it is indexed.
  std::optional<std::string> stored_hash(const std::string& doc_id);
  // Every indexed source file (`doc:` entries): its id and source path.
  struct StoredDocument {
    std::string id;
    std::string path;
  };
  std::vector<StoredDocument> documents();
  // What the index holds (committed or not): source files and passage records.
  struct Totals {
    std::size_t documents = 0;
    std::size_t passages = 0;
  };
  Totals totals();
  // Failures remembered by content (schema: failed:<doc id>): the reason, when `hash` is the
  // content that failed last time.
  std::optional<std::string> remembered_failure(const std::string& doc_id, const std::string& hash);
  void remember_failure(const std::string& doc_id, const std::string& hash, const std::string& reason);
  void commit();
  // Drops uncommitted changes.
  void cancel();
  std::size_t shard_count() const { return shards_.size(); }
  // Rewrites every shard compactly (Xapian::Database::compact): a freshly built index shrinks by
  // about a third. Commits first; the index stays readable by searches meanwhile.
  void compact();

 private:
  struct Shard {
    std::string dir;
    Xapian::WritableDatabase db;
    bool in_transaction = false;
    std::mutex mutex;
  };
  Shard& shard_of(const std::string& doc_id);
  static void ensure_transaction(Shard& shard);
  // Turns a shard of an older record layout into the current one (schema.h, "Layout 2").
  static void migrate_to_current_layout(Shard& shard);

  std::string db_dir_;
  std::vector<std::unique_ptr<Shard>> shards_;
};

}  // namespace kb
