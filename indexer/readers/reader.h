// The one interface every format reader implements: bytes in, an ExtractedDoc or a typed
// failure out. Readers never touch the index and never print; the caller reports failures.
#pragma once

#include <string>
#include <string_view>

#include "readers/extracted_doc.h"

namespace kb {

enum class ReadStatus {
  kOk,
  kUnsupported,  // no reader for this kind of file
  kBinary,       // binary content where text was expected
  kEmpty,        // nothing to index
  kCorrupt,      // malformed container or markup
  kEncrypted,
  kTooLarge,
  kNoText,  // readable, but no text layer (scans)
  kIoError,
  kCrashed,  // reading or analysing it crashed or hung its worker process (analysis_worker.h)
};

const char* read_status_name(ReadStatus status);

struct ReadResult {
  ReadStatus status = ReadStatus::kOk;
  std::string message;  // one line, for the user: why the file was refused
  ExtractedDoc doc;

  bool ok() const { return status == ReadStatus::kOk; }
  static ReadResult success(ExtractedDoc doc) { return {ReadStatus::kOk, {}, std::move(doc)}; }
  static ReadResult failure(ReadStatus status, std::string message) { return {status, std::move(message), {}}; }
};

class Reader {
 public:
  virtual ~Reader() = default;
  virtual std::string_view name() const = 0;
  virtual ReadResult read(std::string_view bytes) const = 0;
};

}  // namespace kb
