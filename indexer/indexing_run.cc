#include "indexing_run.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>

#include "schema/schema.h"

namespace kb {
namespace fs = std::filesystem;

std::string content_hash(std::string_view bytes) {
  std::uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(hash));
  return buf;
}

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

}  // namespace

IndexingRun::IndexingRun(IndexWriter& writer, const ReaderRegistry& readers, Diagnostics diagnostics,
                         IndexOptions options)
    : writer_(writer), readers_(readers), diagnostics_(std::move(diagnostics)), options_(options) {}

void IndexingRun::fail(const fs::path& path, const std::string& reason) {
  ++counts_.failed;
  std::error_code ec;
  const fs::path canonical = fs::weakly_canonical(path, ec);
  failed_paths_.insert(ec ? path.string() : canonical.string());
  diagnostics_.error(path.string(), reason);
}

void IndexingRun::count_change() {
  if (++uncommitted_ >= options_.commit_every) {
    writer_.commit();
    uncommitted_ = 0;
  }
}

void IndexingRun::add(const fs::path& path) {
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    if (fs::is_symlink(fs::symlink_status(path, ec)))
      fail(path, "broken or looping symbolic link");
    else
      fail(path, "no such file or directory");
    return;
  }
  if (fs::is_directory(status)) {
    std::vector<fs::path> files;
    walk(path, files);
    index_batch(files, false);
    const fs::path canonical = fs::canonical(path, ec);
    if (!ec) prune(canonical.string());
  } else if (fs::is_regular_file(status)) {
    index_batch({path}, true);
  } else {
    fail(path, "not a regular file or folder");
  }
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
  for (; it != end; it.increment(ec)) {
    if (ec) {
      fail(dir, "cannot list folder: " + ec.message());
      break;
    }
    const std::string name = it->path().filename().string();
    if (name.starts_with(".")) continue;  // hidden files and folders, .kb and .git included
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

void IndexingRun::index_batch(const std::vector<fs::path>& files, bool named_by_user) {
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (diagnostics_.progress) diagnostics_.progress(i, files.size(), files[i].string());
    index_file(files[i], named_by_user);
  }
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

void IndexingRun::index_file(const fs::path& path, bool named_by_user) {
  std::error_code ec;
  fs::path canonical = fs::canonical(path, ec);
  if (ec) {
    fail(path, "cannot resolve path: " + ec.message());
    return;
  }
  std::string bytes, reason;
  if (!read_file(canonical, options_.max_file_bytes, bytes, reason)) {
    fail(path, reason);
    return;
  }
  if (bytes.empty()) {
    fail(path, "empty file (0 bytes)");
    return;
  }
  const Reader* reader = readers_.find(canonical.string(), std::string_view(bytes).substr(0, 16));
  if (reader == nullptr) {
    if (named_by_user) fail(path, "unsupported file type '" + extension_of(canonical.string()) + "'");
    return;
  }
  SourceInfo source;
  source.path = canonical.string();
  source.id = schema::document_id_for_path(source.path);
  source.hash = content_hash(bytes) + "-a" + std::to_string(schema::kAnalysisVersion);
  source.size = bytes.size();
  struct stat st {};
  if (::stat(canonical.c_str(), &st) == 0) source.mtime = static_cast<std::int64_t>(st.st_mtime);

  // Unchanged content is decided before parsing: re-running over a large folder costs one read
  // and one hash per file.
  const std::optional<std::string> previous = writer_.stored_hash(source.id);
  if (previous && *previous == source.hash) {
    ++counts_.unchanged;
    return;
  }
  ReadResult result = reader->read(bytes);
  if (!result.ok()) {
    fail(path, result.message);
    return;
  }
  for (const std::string& w : result.doc.warnings) diagnostics_.warning(path.string(), w);
  const analysis::AnalyzedDocument doc = analyzer_.analyze(result.doc);
  try {
    writer_.replace(source, doc);
  } catch (const IndexError& e) {
    fail(path, e.what());
    return;
  }
  (previous ? counts_.updated : counts_.added)++;
  counts_.passages += doc.passages.size();
  counts_.text_bytes += doc.text.size();
  count_change();
}

void IndexingRun::finish() {
  writer_.commit();
  uncommitted_ = 0;
}

}  // namespace kb
