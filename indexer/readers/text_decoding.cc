#include "readers/text_decoding.h"

#include "analysis/unicode_text.h"

namespace kb {

DecodedText decode_text(std::string_view bytes) {
  DecodedText out;
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  if (bytes.find('\0') != std::string_view::npos) {
    out.status = ReadStatus::kBinary;
    out.message = "binary content (NUL bytes), not text";
    return out;
  }
  std::size_t repaired = 0;
  if (analysis::is_valid_utf8(bytes)) {
    out.text.assign(bytes);
  } else {
    out.text = analysis::repair_utf8(bytes, &repaired);
    out.warnings.push_back("invalid UTF-8: " + std::to_string(repaired) +
                           " sequence(s) replaced with U+FFFD");
  }
  return out;
}

}  // namespace kb
