// Turns raw bytes that should be text into UTF-8, or says why they are not text.
#pragma once

#include <string>
#include <string_view>

#include "readers/reader.h"

namespace kb {

struct DecodedText {
  ReadStatus status = ReadStatus::kOk;
  std::string message;
  std::string text;                   // UTF-8 without BOM
  std::vector<std::string> warnings;  // e.g. invalid UTF-8 repaired
};

// Accepts UTF-8 (BOM optional); refuses content with NUL bytes as binary; repairs ill-formed
// UTF-8 with U+FFFD and says how many sequences were replaced.
DecodedText decode_text(std::string_view bytes);

}  // namespace kb
