// Chooses the reader for a file from one table of extensions and magic bytes.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "readers/reader.h"

namespace kb {

class ReaderRegistry {
 public:
  // The registry with every reader kb ships.
  static const ReaderRegistry& standard();

  // The reader for a file: magic bytes first (they do not lie), then the extension. nullptr when
  // none fits.
  const Reader* find(std::string_view path, std::string_view head_bytes) const;

  // True when some reader claims the path's extension (used to skip other files during a walk).
  bool handles_extension(std::string_view path) const;

  struct Entry {
    std::vector<std::string> extensions;  // lower case, with the dot
    std::string magic;                    // leading bytes; empty: none
    std::shared_ptr<const Reader> reader;
  };

  explicit ReaderRegistry(std::vector<Entry> entries) : entries_(std::move(entries)) {}

 private:
  std::vector<Entry> entries_;
};

// Lower-cased extension with its dot ("" when none).
std::string extension_of(std::string_view path);

}  // namespace kb
