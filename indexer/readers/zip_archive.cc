#include "readers/zip_archive.h"

#include <zip.h>

#include <algorithm>

namespace kb {

struct ZipArchive::Impl {
  zip_t* archive = nullptr;
  ~Impl() {
    if (archive != nullptr) zip_discard(archive);
  }
};

bool is_unsafe_entry_name(std::string_view name) {
  if (name.starts_with('/') || name.starts_with('\\')) return true;
  if (name.size() >= 2 && name[1] == ':') return true;  // C:\…
  std::size_t start = 0;
  while (start <= name.size()) {
    std::size_t end = name.find_first_of("/\\", start);
    if (end == std::string_view::npos) end = name.size();
    if (name.substr(start, end - start) == "..") return true;
    start = end + 1;
  }
  return false;
}

ZipArchive::ZipArchive(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ZipArchive::~ZipArchive() = default;

ZipArchive::Opened ZipArchive::open(std::string_view bytes, ZipLimits limits) {
  auto failure = [](ReadStatus status, std::string message) { return Opened{nullptr, status, std::move(message)}; };
  zip_error_t zerr;
  zip_error_init(&zerr);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &zerr);
  if (source == nullptr) {
    std::string why = std::string("cannot read ZIP: ") + zip_error_strerror(&zerr);
    zip_error_fini(&zerr);
    return failure(ReadStatus::kCorrupt, why);
  }
  auto impl = std::make_unique<Impl>();
  impl->archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &zerr);
  if (impl->archive == nullptr) {
    const int code = zip_error_code_zip(&zerr);
    std::string why = zip_error_strerror(&zerr);
    zip_source_free(source);
    zip_error_fini(&zerr);
    if (code == ZIP_ER_NOZIP || code == ZIP_ER_INCONS || code == ZIP_ER_READ || code == ZIP_ER_SEEK)
      why = "truncated or damaged ZIP archive (" + why + ")";
    else
      why = "cannot open ZIP archive: " + why;
    return failure(ReadStatus::kCorrupt, why);
  }
  zip_error_fini(&zerr);
  const zip_int64_t count = zip_get_num_entries(impl->archive, 0);
  if (count < 0 || static_cast<std::uint64_t>(count) > limits.max_entries) {
    return failure(ReadStatus::kTooLarge, "ZIP archive has " + std::to_string(count) +
                                                           " entries, more than the limit of " +
                                                           std::to_string(limits.max_entries));
  }
  std::unique_ptr<ZipArchive> archive(new ZipArchive(std::move(impl)));
  archive->limits_ = limits;
  for (zip_int64_t i = 0; i < count; ++i) {
    const char* name = zip_get_name(archive->impl_->archive, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_GUESS);
    if (name == nullptr) {
      return failure(ReadStatus::kCorrupt, "ZIP entry " + std::to_string(i) + " has no readable name");
    }
    if (is_unsafe_entry_name(name)) {
      return failure(ReadStatus::kCorrupt,
                                  std::string("unsafe ZIP entry name '") + name + "' (absolute or with ../)");
    }
    archive->names_.emplace_back(name);
  }
  return Opened{std::move(archive), ReadStatus::kOk, {}};
}

bool ZipArchive::contains(std::string_view name) const {
  return std::find(names_.begin(), names_.end(), name) != names_.end();
}

ZipArchive::Entry ZipArchive::read(std::string_view name) {
  Entry entry;
  const std::string key(name);
  zip_file_t* file = zip_fopen(impl_->archive, key.c_str(), 0);
  if (file == nullptr) {
    zip_error_t* e = zip_get_error(impl_->archive);
    const int code = zip_error_code_zip(e);
    entry.status = code == ZIP_ER_NOENT ? ReadStatus::kCorrupt
                   : code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD ? ReadStatus::kEncrypted
                                                                           : ReadStatus::kCorrupt;
    entry.message = code == ZIP_ER_NOENT ? "missing package part " + key
                                         : "cannot read package part " + key + ": " + zip_error_strerror(e);
    zip_error_clear(impl_->archive);
    return entry;
  }
  char buffer[64 * 1024];
  for (;;) {
    const zip_int64_t n = zip_fread(file, buffer, sizeof buffer);
    if (n < 0) {
      entry.status = ReadStatus::kCorrupt;
      entry.message = "damaged package part " + key + ": " + zip_error_strerror(zip_file_get_error(file));
      break;
    }
    if (n == 0) break;
    entry.data.append(buffer, static_cast<std::size_t>(n));
    total_read_ += static_cast<std::uint64_t>(n);
    if (entry.data.size() > limits_.max_entry_bytes || total_read_ > limits_.max_total_bytes) {
      entry.status = ReadStatus::kTooLarge;
      entry.message = "package part " + key + " inflates past the limit (" +
                      std::to_string(entry.data.size() > limits_.max_entry_bytes ? limits_.max_entry_bytes
                                                                                 : limits_.max_total_bytes) +
                      " bytes): zip bomb?";
      break;
    }
  }
  zip_fclose(file);
  if (!entry.ok()) entry.data.clear();
  return entry;
}

}  // namespace kb
