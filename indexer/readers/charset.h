// Charset detection and conversion to UTF-8 for readers whose input may not be UTF-8 (plain
// text, HTML, legacy Korean files in EUC-KR/CP949, UTF-16 files with a BOM).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kb {

struct CharsetMatch {
  std::string name;    // ICU's name, e.g. "EUC-KR", "ISO-8859-1"
  int confidence = 0;  // 0..100
};

// Candidates from ICU's detector, best first. `declared` is a hint (an HTML meta charset).
std::vector<CharsetMatch> detect_charsets(std::string_view bytes, std::string_view declared = {});

// Converts `bytes` in `charset` to UTF-8. Strict: nullopt when a byte sequence is not valid in
// that charset or the converter is unknown.
std::optional<std::string> convert_to_utf8(std::string_view bytes, std::string_view charset);

}  // namespace kb
