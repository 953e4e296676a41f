// Read-only access to a ZIP package held in memory (DOCX, HWPX), with the limits that keep a
// hostile archive from costing more than a bounded amount of memory and time.
//
// Refused as corrupt: a truncated or otherwise unreadable archive, more entries than
// `max_entries`, an entry name that is absolute or climbs out with "../" (never extracted to
// disk here, but such a package was made to attack someone). Refused as too large: reading an
// entry past `max_entry_bytes`, or all reads together past `max_total_bytes` (a zip bomb). Sizes
// are counted while inflating, never taken from the (forgeable) headers.
//
// Known weaknesses: encrypted ZIP entries (traditional PKWARE or WinZip AES) are reported as
// unreadable entries, not as encrypted packages.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "readers/reader.h"

namespace kb {

struct ZipLimits {
  std::size_t max_entries = 10000;
  std::uint64_t max_entry_bytes = 64ull << 20;
  std::uint64_t max_total_bytes = 256ull << 20;
};

class ZipArchive {
 public:
  struct Opened;
  // Opens `bytes` (which must outlive the archive), or says why it cannot.
  static Opened open(std::string_view bytes, ZipLimits limits = {});
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  const std::vector<std::string>& names() const { return names_; }
  bool contains(std::string_view name) const;

  // The entry's content, or a failure (missing entry, corrupt data, over a limit).
  struct Entry {
    ReadStatus status = ReadStatus::kOk;
    std::string message;
    std::string data;
    bool ok() const { return status == ReadStatus::kOk; }
  };
  Entry read(std::string_view name);

 private:
  struct Impl;
  explicit ZipArchive(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
  std::vector<std::string> names_;
  ZipLimits limits_;
  std::uint64_t total_read_ = 0;
};

struct ZipArchive::Opened {
  std::unique_ptr<ZipArchive> archive;  // null on failure
  ReadStatus status = ReadStatus::kOk;
  std::string message;
};

// True for a name that is absolute or has a ".." path component.
bool is_unsafe_entry_name(std::string_view name);

}  // namespace kb
