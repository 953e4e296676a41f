// One run of kb-index: walks the given paths, reads each supported file with its reader, runs
// the index chain and hands the result to the IndexWriter. A bad file is reported in one line
// and skipped; the run goes on. Commits every `commit_every` documents and at the end, so an
// interrupted run keeps what was committed and the index always opens.
//
// Known weaknesses: single-threaded; documents whose files disappeared are not removed yet.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <set>
#include <string>

#include "analysis/document_analyzer.h"
#include "index_writer.h"
#include "readers/registry.h"

namespace kb {

struct IndexCounts {
  std::size_t added = 0;
  std::size_t updated = 0;
  std::size_t unchanged = 0;
  std::size_t failed = 0;
  std::size_t skipped = 0;  // files no reader handles, met during a folder walk
  std::size_t passages = 0;
  std::uint64_t text_bytes = 0;  // extracted text analysed
};

struct IndexOptions {
  std::uint64_t max_file_bytes = 256ull << 20;  // larger files are refused
  std::size_t commit_every = 200;
};

// Receives one-line messages: errors make the run fail, warnings do not.
struct Diagnostics {
  std::function<void(const std::string& path, const std::string& reason)> error;
  std::function<void(const std::string& path, const std::string& message)> warning;
};

class IndexingRun {
 public:
  IndexingRun(IndexWriter& writer, const ReaderRegistry& readers, Diagnostics diagnostics,
              IndexOptions options = {});

  // A file or a folder (walked recursively; symbolic links followed, loops detected; hidden
  // entries and names matching the folder's .kbignore patterns skipped).
  void add(const std::filesystem::path& path);
  void finish();  // commits
  const IndexCounts& counts() const { return counts_; }

 private:
  void walk(const std::filesystem::path& dir);
  void index_file(const std::filesystem::path& path, bool named_by_user);
  void fail(const std::filesystem::path& path, const std::string& reason);

  IndexWriter& writer_;
  const ReaderRegistry& readers_;
  Diagnostics diagnostics_;
  IndexOptions options_;
  analysis::DocumentAnalyzer analyzer_;
  IndexCounts counts_;
  std::set<std::filesystem::path> visited_dirs_;
  std::size_t uncommitted_ = 0;
};

// 16 hex digits of a 64-bit FNV-1a hash of the content.
std::string content_hash(std::string_view bytes);

}  // namespace kb
