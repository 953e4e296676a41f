// Parsing and analysis of one file, in this process (parse_file) or in a child process
// (AnalysisWorkerProcess), so that a file which crashes its reader or the analysis — SIGSEGV,
// abort, a sanitizer report, an endless loop — fails alone: kb-index names it with the reason,
// counts it as failed and goes on with the next file, and the index keeps everything written
// before and after it.
//
// Why processes: a crash in C++ cannot be caught and undone inside the process that crashed
// (its heap may be corrupt), and the readers sit on large C libraries (poppler, libgsf, libzip)
// whose bugs we cannot fix. Recoll and Tika isolate their parsers for the same reason. A child
// is started by exec'ing the kb-index binary (`kb-index --analysis-worker`), not by a bare
// fork: kb-index is multi-threaded by then, and a fresh process inherits no locks held by
// other threads. Each worker thread of the pool (worker_pool.h) owns one child and keeps it for
// the whole run, so the start-up cost (readers, analyzer tables) is paid once per child, not
// per file. A job and its result cross a socket pair as framed messages (wire_format.h); the
// records come back as Xapian serialises documents.
//
// Known weaknesses: the child uses the standard reader table (ReaderRegistry::standard()),
// whatever table the parent was given; the file's bytes are copied through the socket once
// more; a child that allocates without bound is stopped by the kernel's OOM killer, not by a
// limit of ours (its death is then reported like any crash).
#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/document_analyzer.h"
#include "index_writer.h"
#include "readers/reader.h"

namespace kb {

// What reading and analysing one file gives: the read's status, message and warnings (its text
// is dropped once the records are built), the counts, and the records.
struct ParsedFile {
  ReadResult read;
  std::size_t passages = 0;
  std::uint64_t text_bytes = 0;
  IndexWriter::Prepared prepared;
  // Set by the thread that wrote the records into their shard (indexing_run.cc): then
  // `prepared` is spent, and `write_error` holds the reason when the write failed.
  bool written = false;
  std::string write_error;
};

// Reads, analyses and builds the records in this process. Exceptions from the reader or the
// analysis propagate.
ParsedFile parse_file(const Reader& reader, std::string_view bytes, const SourceInfo& source,
                      analysis::DocumentAnalyzer& analyzer);

// How to start a worker: the program and its arguments (kb-index passes itself and
// `--analysis-worker`), and how long one file may take before its worker is stopped.
struct WorkerCommand {
  std::vector<std::string> argv;
  std::chrono::seconds timeout{600};
  bool enabled() const { return !argv.empty(); }
};

class AnalysisWorkerProcess {
 public:
  explicit AnalysisWorkerProcess(WorkerCommand command);
  ~AnalysisWorkerProcess();  // closes the socket and waits for the child
  AnalysisWorkerProcess(const AnalysisWorkerProcess&) = delete;
  AnalysisWorkerProcess& operator=(const AnalysisWorkerProcess&) = delete;

  // Reads and analyses one file in the child (started on first use). A child that dies is
  // replaced and the file tried once more, since a crash that does not repeat was not the
  // file's; a second death, a timeout or a child that cannot be started gives a
  // ReadStatus::kCrashed failure whose message starts with "crashed" and says how.
  ParsedFile parse(const SourceInfo& source, const std::string& bytes);

 private:
  enum class Outcome { kDone, kDied, kTimedOut };
  Outcome attempt(const std::string& job, ParsedFile& out, std::string& how);
  void start();
  // Closes the socket and reaps the child; `kill` first when it may not exit by itself.
  void stop(bool kill);
  std::string death_of_child();

  WorkerCommand command_;
  std::string reply_;  // kept across files, so its pages are not faulted in again for each result
  int socket_ = -1;
  pid_t pid_ = -1;
};

// The child's side: reads jobs on standard input and writes results on the standard output it
// was started with, until its input closes; stray output of libraries goes to standard error.
// Returns the process exit code. For tests, the environment variable KB_INJECT_FAULT=MODE:TEXT
// makes the worker fail on purpose on every file whose path contains TEXT, MODE being `segv`
// (a segmentation fault), `abort`, `exit` (exit code 3) or `hang` (sleeps until stopped).
int serve_analysis_worker();

}  // namespace kb
