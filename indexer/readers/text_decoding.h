// Turns raw bytes that should be text into UTF-8, or says why they are not text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "readers/reader.h"

namespace kb {

struct DecodedText {
  ReadStatus status = ReadStatus::kOk;
  std::string message;
  std::string text;                   // UTF-8 without BOM
  std::vector<std::string> warnings;  // e.g. invalid UTF-8 repaired
  std::string charset = "UTF-8";      // what the bytes were read as
};

// In order: a UTF-8 BOM is dropped; a UTF-16 BOM (LE or BE) means UTF-16; content with NUL
// bytes is refused as binary; valid UTF-8 is taken as it is; otherwise the charset is detected
// with ICU (`declared`, e.g. an HTML meta charset, is a hint) and converted. EUC-KR is read as
// its superset CP949 (windows-949), since Korean files labelled EUC-KR often use UHC syllables.
// When nothing converts cleanly, ill-formed UTF-8 is repaired with U+FFFD and a warning says
// how many sequences were replaced.
//
// Known weaknesses: UTF-16 without a BOM is refused as binary; a short Latin-1 file may be
// detected as another single-byte charset.
DecodedText decode_text(std::string_view bytes, std::string_view declared = {});

}  // namespace kb
