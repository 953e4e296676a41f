#include "indexing_run.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <deque>
#include <fstream>
#include <thread>

#include <fnmatch.h>

#include "schema/schema.h"

namespace kb {
namespace fs = std::filesystem;

std::string content_hash(std::string_view bytes) { return schema::fnv1a_hex(bytes); }

namespace {

// Reads a whole file; on failure returns false and sets `reason`.
bool read_file(const fs::path& path, std::uint64_t limit, std::string& out, std::string& reason) {
  std::error_code ec;
  const std::uintmax_t size = fs::file_size(path, ec);
  if (ec) {
    reason = ec.message();
    return false;
  }
  if (size > limit) {
    reason = "file too large (" + std::to_string(size) + " bytes, limit " + std::to_string(limit) + ")";
    return false;
  }
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    reason = std::strerror(errno);
    return false;
  }
  out.resize(size);
  const std::size_t got = size == 0 ? 0 : std::fread(out.data(), 1, size, f);
  const bool error = std::ferror(f) != 0;
  std::fclose(f);
  if (error) {
    reason = "read error";
    return false;
  }
  out.resize(got);
  return true;
}

// Names to skip in a folder: its `.kbignore` lists shell patterns (fnmatch), one per line, matched
// against entry names; `#` starts a comment.
std::vector<std::string> ignore_patterns(const fs::path& dir) {
  std::vector<std::string> patterns;
  std::ifstream in(dir / ".kbignore");
  for (std::string line; std::getline(in, line);) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (!line.empty() && line.front() != '#') patterns.push_back(line);
  }
  return patterns;
}

bool ignored(const std::vector<std::string>& patterns, const std::string& name) {
  for (const std::string& p : patterns)
    if (fnmatch(p.c_str(), name.c_str(), 0) == 0) return true;
  return false;
}

}  // namespace

struct IndexingRun::Pending {
  fs::path path;  // as listed, for messages
  const Reader* reader = nullptr;
  std::string bytes;
  std::uint64_t size = 0;  // of `bytes`, which moves to the worker
  SourceInfo source;
  bool had_previous = false;
  std::future<ParsedFile> parsed;
};

// Bounds what waits in memory between the readers and the writer.
constexpr std::uint64_t kMaxInFlightBytes = 128ull << 20;

IndexingRun::IndexingRun(IndexWriter& writer, const ReaderRegistry& readers, Diagnostics diagnostics,
                         IndexOptions options)
    : writer_(writer), readers_(readers), diagnostics_(std::move(diagnostics)), options_(options) {
  unsigned threads = options_.threads != 0 ? options_.threads : std::max(1u, std::thread::hardware_concurrency());
  options_.threads = std::min(threads, 16u);
  if (options_.isolation.enabled()) {
    for (unsigned i = 0; i < options_.threads; ++i)
      processes_.push_back(std::make_unique<AnalysisWorkerProcess>(options_.isolation));
  } else {
    for (unsigned i = 0; i < options_.threads; ++i)
      analyzers_.push_back(std::make_unique<analysis::DocumentAnalyzer>());
  }
  // Worker threads for more than one worker, and for one isolated worker too: its thread waits
  // on the child while the main thread writes.
  if (options_.threads > 1 || options_.isolation.enabled()) {
    pool_ = std::make_unique<WorkerPool>(options_.threads);
    max_in_flight_ = 16 * static_cast<std::size_t>(options_.threads);
  }
}

void IndexingRun::fail(const fs::path& path, const std::string& reason) {
  ++counts_.failed;
  std::error_code ec;
  const fs::path canonical = fs::weakly_canonical(path, ec);
  failed_paths_.insert(ec ? path.string() : canonical.string());
  diagnostics_.error(path.string(), reason);
}

void IndexingRun::fail_remembered(const fs::path& path, const SourceInfo& source, const std::string& reason) {
  fail(path, reason);
  try {
    writer_.remember_failure(source.id, source.hash, reason);
  } catch (const IndexError&) {
    // Not remembering costs a retry next run, nothing more.
  }
}

bool IndexingRun::failed_before(const fs::path& canonical, const SourceInfo& source) {
  if (options_.retry_failed || !writer_.remembered_failure(source.id, source.hash)) return false;
  ++counts_.unchanged_failures;
  failed_paths_.insert(canonical.string());  // keeps its previous document, like a new failure
  return true;
}

void IndexingRun::count_change(std::uint64_t text_bytes) {
  uncommitted_bytes_ += text_bytes;
  if (++uncommitted_ >= options_.commit_every || uncommitted_bytes_ >= options_.commit_bytes) finish();
}

void IndexingRun::add(const std::vector<fs::path>& paths) {
  std::vector<Listed> files;
  std::vector<std::string> folders;  // canonical, pruned after the batch
  for (const fs::path& path : paths) {
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      if (fs::is_symlink(fs::symlink_status(path, ec)))
        fail(path, "broken or looping symbolic link");
      else
        fail(path, "no such file or directory");
      continue;
    }
    if (fs::is_directory(status)) {
      const fs::path canonical = fs::canonical(path, ec);
      if (!ec && !options_.db_dir.empty() && canonical == options_.db_dir) {
        diagnostics_.warning(path.string(), "skipped: this is the index's own folder");
        continue;
      }
      std::vector<fs::path> found;
      walk(path, found);
      for (fs::path& f : found) files.push_back({std::move(f), false});
      if (!ec) folders.push_back(canonical.string());
    } else if (fs::is_regular_file(status)) {
      files.push_back({path, true});
    } else {
      fail(path, "not a regular file or folder");
    }
  }
  index_batch(files);
  for (const std::string& folder : folders) prune(folder);
}

void IndexingRun::walk(const fs::path& dir, std::vector<fs::path>& files) {
  std::error_code ec;
  const fs::path canonical = fs::canonical(dir, ec);
  if (ec) {
    fail(dir, "cannot resolve folder: " + ec.message());
    return;
  }
  if (!visited_dirs_.insert(canonical).second) {
    fail(dir, "directory loop (already visited as " + canonical.string() + "), not followed");
    return;
  }
  fs::directory_iterator it(dir, ec), end;
  if (ec) {
    fail(dir, "cannot list folder: " + ec.message());
    return;
  }
  std::vector<fs::path> entries;
  const std::vector<std::string> ignore = ignore_patterns(dir);
  for (; it != end; it.increment(ec)) {
    if (ec) {
      fail(dir, "cannot list folder: " + ec.message());
      break;
    }
    const std::string name = it->path().filename().string();
    if (name.starts_with(".")) continue;  // hidden files and folders, .kb and .git included
    if (ignored(ignore, name)) continue;
    entries.push_back(it->path());
  }
  std::sort(entries.begin(), entries.end());  // a stable order makes runs reproducible
  for (const fs::path& entry : entries) {
    const fs::file_status status = fs::status(entry, ec);
    if (ec) {
      fail(entry, fs::is_symlink(fs::symlink_status(entry, ec)) ? "broken or looping symbolic link"
                                                                : "cannot stat: " + ec.message());
      continue;
    }
    if (fs::is_directory(status)) {
      if (!options_.db_dir.empty() && fs::canonical(entry, ec) == options_.db_dir) continue;  // our own index
      walk(entry, files);
    } else if (fs::is_regular_file(status)) {
      if (readers_.handles_extension(entry.string())) {
        files.push_back(entry);
      } else {
        ++counts_.skipped;
        diagnostics_.warning(entry.string(), "skipped: unsupported file type '" + extension_of(entry.string()) + "'");
      }
    }
  }
}

void IndexingRun::index_batch(const std::vector<Listed>& files) {
  std::deque<std::unique_ptr<Pending>> in_flight;
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (diagnostics_.progress) diagnostics_.progress(i, files.size(), files[i].path.string());
    std::unique_ptr<Pending> pending = prepare(files[i].path, files[i].named_by_user);
    if (!pending) continue;
    // Window full: write the oldest (in listing order) first; the workers go on with the rest.
    while (!in_flight.empty() &&
           (in_flight.size() >= max_in_flight_ || in_flight_bytes_ + pending->size > kMaxInFlightBytes)) {
      complete(*in_flight.front());
      in_flight.pop_front();
    }
    launch(*pending);
    in_flight.push_back(std::move(pending));
  }
  for (; !in_flight.empty(); in_flight.pop_front()) complete(*in_flight.front());
  if (diagnostics_.progress && !files.empty()) diagnostics_.progress(files.size(), files.size(), {});
}

void IndexingRun::prune(const std::string& folder) {
  std::vector<IndexWriter::StoredDocument> documents;
  try {
    documents = writer_.documents();
  } catch (const IndexError& e) {
    diagnostics_.error(folder.empty() ? std::string("index") : folder, e.what());
    ++counts_.failed;
    return;
  }
  const std::string prefix = folder.empty() || folder.ends_with('/') ? folder : folder + "/";
  for (const IndexWriter::StoredDocument& doc : documents) {
    if (!doc.path.starts_with(prefix) || failed_paths_.count(doc.path) != 0) continue;
    std::error_code ec;
    const bool exists = fs::exists(fs::path(doc.path), ec);
    if (ec || exists) continue;  // when in doubt (e.g. no permission to look), keep
    writer_.remove(doc.id);
    ++counts_.removed;
    diagnostics_.warning(doc.path, "removed from the index: the file is gone");
    count_change();
  }
}

void IndexingRun::prune_missing() { prune(""); }

std::unique_ptr<IndexingRun::Pending> IndexingRun::prepare(const fs::path& path, bool named_by_user) {
  std::error_code ec;
  fs::path canonical = fs::canonical(path, ec);
  if (ec) {
    fail(path, "cannot resolve path: " + ec.message());
    return nullptr;
  }
  auto pending = std::make_unique<Pending>();
  pending->path = path;
  SourceInfo& source = pending->source;
  source.path = canonical.string();
  source.id = schema::document_id_for_path(source.path);
  struct stat st {};
  if (::stat(canonical.c_str(), &st) == 0) {
    source.mtime = static_cast<std::int64_t>(st.st_mtime);
    // Too large to read: the failure is remembered by size and time instead of content.
    if (static_cast<std::uint64_t>(st.st_size) > options_.max_file_bytes) {
      source.hash = "size-" + std::to_string(st.st_size) + "-mtime-" + std::to_string(source.mtime);
      if (failed_before(canonical, source)) return nullptr;
    }
  }
  std::string reason;
  if (!read_file(canonical, options_.max_file_bytes, pending->bytes, reason)) {
    if (source.hash.empty())
      fail(path, reason);
    else
      fail_remembered(path, source, reason);
    return nullptr;
  }
  pending->size = pending->bytes.size();
  source.hash = content_hash(pending->bytes) + "-a" + std::to_string(schema::kAnalysisVersion);
  source.size = pending->bytes.size();

  // Unchanged content is decided before parsing: re-running over a large folder costs one read
  // and one hash per file.
  const std::optional<std::string> previous = writer_.stored_hash(source.id);
  if (previous && *previous == source.hash) {
    ++counts_.unchanged;
    return nullptr;
  }
  if (failed_before(canonical, source)) return nullptr;
  if (pending->bytes.empty()) {
    fail_remembered(path, source, "empty file (0 bytes)");
    return nullptr;
  }
  pending->reader = readers_.find(canonical.string(), std::string_view(pending->bytes).substr(0, 16));
  if (pending->reader == nullptr) {
    if (named_by_user) fail(path, "unsupported file type '" + extension_of(canonical.string()) + "'");
    return nullptr;
  }
  source.format = std::string(pending->reader->name());
  pending->had_previous = previous.has_value();
  return pending;
}

void IndexingRun::launch(Pending& pending) {
  in_flight_bytes_ += pending.size;
  if (!pool_) {  // one thread: parse when complete() asks
    pending.parsed = std::async(std::launch::deferred, [this, reader = pending.reader, bytes = std::move(pending.bytes),
                                                        source = pending.source] {
      return parse_file(*reader, bytes, source, *analyzers_.front());
    });
    return;
  }
  auto promise = std::make_shared<std::promise<ParsedFile>>();
  pending.parsed = promise->get_future();
  auto bytes = std::make_shared<std::string>(std::move(pending.bytes));
  // Weighed by size: the other workers start the biggest files early (worker_pool.h).
  pool_->submit(
      [this, promise, bytes, reader = pending.reader, source = pending.source](std::size_t worker) {
        try {
          ParsedFile parsed = processes_.empty() ? parse_file(*reader, *bytes, source, *analyzers_[worker])
                                                 : processes_[worker]->parse(source, *bytes);
          // With several shards the worker thread writes the records itself, so threads write
          // different shards in parallel (index_writer.h) and the main thread only counts. With
          // one, the main thread writes in listing order: docids (Xapian's order among equal
          // scores) are then those of a one-thread run.
          if (parsed.read.ok() && writer_.shard_count() > 1) {
            try {
              writer_.write(parsed.prepared);
            } catch (const IndexError& e) {
              parsed.write_error = e.what();
            }
            parsed.written = true;
            parsed.prepared = {};
          }
          promise->set_value(std::move(parsed));
        } catch (...) {
          promise->set_exception(std::current_exception());
        }
      },
      pending.size);
}

void IndexingRun::complete(Pending& pending) {
  ParsedFile parsed;
  try {
    parsed = pending.parsed.get();
  } catch (const std::exception& e) {  // a reader or the analyzer threw: this file only
    parsed.read = ReadResult::failure(ReadStatus::kCorrupt, std::string("reader failed: ") + e.what());
  }
  in_flight_bytes_ -= pending.size;
  if (!parsed.read.ok()) {
    fail_remembered(pending.path, pending.source, parsed.read.message);
    return;
  }
  for (const std::string& w : parsed.read.doc.warnings) diagnostics_.warning(pending.path.string(), w);
  if (!parsed.written) {
    try {
      writer_.write(parsed.prepared);
    } catch (const IndexError& e) {
      parsed.write_error = e.what();
    }
  }
  if (!parsed.write_error.empty()) {
    fail(pending.path, parsed.write_error);
    return;
  }
  (pending.had_previous ? counts_.updated : counts_.added)++;
  counts_.passages += parsed.passages;
  counts_.text_bytes += parsed.text_bytes;
  count_change(parsed.text_bytes);
}

void IndexingRun::finish() {
  writer_.commit();
  uncommitted_ = 0;
  uncommitted_bytes_ = 0;
}

}  // namespace kb
