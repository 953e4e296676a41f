// One run of kb-index: walks the given paths, reads each supported file with its reader, runs
// the index chain and hands the result to the IndexWriter. A bad file is reported in one line
// and skipped; the run goes on, and whatever the index held for that file stays. Commits every
// `commit_every` documents (or sooner, every `commit_bytes` of text) and at the end, so an interrupted (even SIGKILLed)
// run keeps what was committed and the index always opens.
//
// Incremental rules:
//   * a file whose content hash (and kb's analysis version) matches the index is unchanged and
//     not read again; a changed file is re-indexed in place (same document id: its path);
//   * when a folder is indexed, documents under that folder whose file no longer exists are
//     removed, unless the file failed in this very run (it vanished mid-run: the next run
//     removes it); prune_missing() does the same over the whole index (kb-index --prune);
//   * a file that fails (unreadable, corrupt, too large) keeps its previous document; its
//     failure is remembered with its content hash (or size and time, when too large to read),
//     and the same content is not tried again until it changes (retry_failed forces it): it
//     counts as an unchanged failure, which does not fail the run.
//
// Parallelism: the main thread lists files, reads them, hashes them and checks the index; files
// that changed are parsed, analysed and turned into index records (IndexWriter::prepare) by a
// pool of `threads` workers (each with its own analyzer, or with `isolation` its own child
// process that does the work: a file that crashes it fails alone, analysis_worker.h), and the
// main thread adds those records
// to the index in listing order, so document ids and commits do not depend on timing. Up to
// 16 × threads files (and at most 128 MiB of their bytes) are in flight, so a slow file at the
// head of the line does not leave the other workers idle; one worker parses in listing order
// (feeding the writer), the others take the biggest files first (worker_pool.h). Only the main
// thread touches the Xapian database.
//
// Known weaknesses: a folder's files are listed before they are read, so a
// file added mid-run waits for the next run; pruning lists every document record (fine for
// tens of thousands of files).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <future>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "analysis/document_analyzer.h"
#include "analysis_worker.h"
#include "index_writer.h"
#include "readers/registry.h"
#include "worker_pool.h"

namespace kb {

struct IndexCounts {
  std::size_t added = 0;
  std::size_t updated = 0;
  std::size_t unchanged = 0;
  std::size_t failed = 0;
  std::size_t removed = 0;             // documents whose file is gone
  std::size_t skipped = 0;             // files no reader handles, met during a folder walk
  std::size_t unchanged_failures = 0;  // failed before with the same content: not tried again
  std::size_t passages = 0;
  std::uint64_t text_bytes = 0;  // extracted text analysed
};

struct IndexOptions {
  std::uint64_t max_file_bytes = 256ull << 20;  // larger files are refused
  // Each commit makes Xapian merge every changed posting list into its tables: committing every
  // 200 small files made the index a third larger before compaction (106 vs 78 MB for 10,000
  // KorQuAD-sized passages) and spent the time in fsync. Large files commit by text instead, so
  // the transaction kept in memory stays bounded.
  std::size_t commit_every = 1000;
  std::uint64_t commit_bytes = 64ull << 20;
  unsigned threads = 0;  // parse/analyse workers; 0: one per hardware thread; 1: no worker threads
  // When enabled, each worker parses and analyses in a child process of its own
  // (analysis_worker.h), so a file that crashes or hangs fails alone; otherwise in this process.
  WorkerCommand isolation;
  // Try files again whose content failed in an earlier run (by default they are counted as
  // unchanged failures and skipped until the file changes).
  bool retry_failed = false;
  // The index's own folder, never indexed when it lies inside an indexed folder.
  std::filesystem::path db_dir;
};

// Receives one-line messages: errors make the run fail, warnings do not.
struct Diagnostics {
  std::function<void(const std::string& path, const std::string& reason)> error;
  std::function<void(const std::string& path, const std::string& message)> warning;
  // Called before each file of a planned batch (optional): files done so far, batch size, path.
  std::function<void(std::size_t done, std::size_t total, const std::string& path)> progress = {};
};

class IndexingRun {
 public:
  IndexingRun(IndexWriter& writer, const ReaderRegistry& readers, Diagnostics diagnostics, IndexOptions options = {});

  // Files and folders (walked recursively; symbolic links followed, loops detected; hidden
  // entries, names matching the folder's .kbignore patterns and the index's own folder
  // skipped), listed first and indexed as one batch, so progress counts the whole run.
  void add(const std::vector<std::filesystem::path>& paths);
  void add(const std::filesystem::path& path) { add(std::vector<std::filesystem::path>{path}); }
  // Removes the documents of every indexed file that no longer exists (whole index).
  void prune_missing();
  void finish();  // commits
  const IndexCounts& counts() const { return counts_; }

 private:
  void walk(const std::filesystem::path& dir, std::vector<std::filesystem::path>& files);
  struct Listed {
    std::filesystem::path path;
    bool named_by_user = false;  // given on the command line rather than met in a folder
  };
  void index_batch(const std::vector<Listed>& files);
  struct Pending;
  // Reads, hashes and compares one file; null when there is nothing more to do (unchanged,
  // failed, unsupported).
  std::unique_ptr<Pending> prepare(const std::filesystem::path& path, bool named_by_user);
  void launch(Pending& pending);
  void complete(Pending& pending);
  // Removes documents under `folder` (all when empty) whose file is gone.
  void prune(const std::string& folder);
  void count_change(std::uint64_t text_bytes = 0);
  void fail(const std::filesystem::path& path, const std::string& reason);
  // fail(), and remember the failure with the content it failed on (schema: failed:<doc id>).
  void fail_remembered(const std::filesystem::path& path, const SourceInfo& source, const std::string& reason);
  // True when this content failed before and is not to be tried again.
  bool failed_before(const std::filesystem::path& canonical, const SourceInfo& source);

  IndexWriter& writer_;
  const ReaderRegistry& readers_;
  Diagnostics diagnostics_;
  IndexOptions options_;
  std::vector<std::unique_ptr<analysis::DocumentAnalyzer>> analyzers_;  // one per worker, in process
  std::vector<std::unique_ptr<AnalysisWorkerProcess>> processes_;       // one per worker, isolated
  std::unique_ptr<WorkerPool> pool_;  // null with one thread: files are parsed on the main thread
  std::size_t max_in_flight_ = 1;
  std::uint64_t in_flight_bytes_ = 0;
  IndexCounts counts_;
  std::set<std::filesystem::path> visited_dirs_;
  std::set<std::string> failed_paths_;  // canonical where known, as given otherwise
  std::size_t uncommitted_ = 0;
  std::uint64_t uncommitted_bytes_ = 0;
};

// 16 hex digits of a 64-bit FNV-1a hash of the content.
std::string content_hash(std::string_view bytes);

}  // namespace kb
