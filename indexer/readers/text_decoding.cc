#include "readers/text_decoding.h"

#include "analysis/unicode_text.h"
#include "readers/charset.h"

namespace kb {
namespace {

bool is_korean_charset(std::string_view name) {
  return name == "EUC-KR" || name == "windows-949" || name == "CP949" || name == "ISO-2022-KR";
}

DecodedText binary() {
  DecodedText out;
  out.status = ReadStatus::kBinary;
  out.message = "binary content (NUL bytes), not text";
  return out;
}

// Tries the detector's candidates; Korean charsets are read as CP949.
std::optional<DecodedText> decode_legacy(std::string_view bytes, std::string_view declared) {
  const std::vector<CharsetMatch> matches = detect_charsets(bytes, declared);
  auto converted = [&](std::string_view icu_name, std::string label) -> std::optional<DecodedText> {
    std::optional<std::string> text = convert_to_utf8(bytes, icu_name);
    if (!text) return std::nullopt;
    DecodedText out;
    out.text = std::move(*text);
    out.charset = std::move(label);
    return out;
  };
  for (const CharsetMatch& m : matches) {
    if (m.name.starts_with("UTF-")) continue;  // not valid UTF-8 / no BOM: detector is guessing
    if (is_korean_charset(m.name)) {
      if (auto d = converted("windows-949-2000", "CP949")) return d;
      continue;
    }
    if (m.confidence >= 50)
      if (auto d = converted(m.name, m.name)) return d;
  }
  // Low confidence everywhere: kb's legacy files are mostly Korean, so try CP949 strictly.
  if (auto d = converted("windows-949-2000", "CP949")) return d;
  for (const CharsetMatch& m : matches)
    if (!m.name.starts_with("UTF-"))
      if (auto d = converted(m.name, m.name)) return d;
  return std::nullopt;
}

}  // namespace

DecodedText decode_text(std::string_view bytes, std::string_view declared) {
  DecodedText out;
  if (bytes.starts_with("\xEF\xBB\xBF")) {
    bytes.remove_prefix(3);
  } else if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    const bool little = bytes[0] == '\xFF';
    std::string_view body = bytes.substr(2);
    if (body.size() % 2 != 0) {
      out.warnings.push_back("UTF-16 text with an odd number of bytes: last byte dropped");
      body.remove_suffix(1);
    }
    std::optional<std::string> text = convert_to_utf8(body, little ? "UTF-16LE" : "UTF-16BE");
    if (!text) {
      out.status = ReadStatus::kCorrupt;
      out.message = "invalid UTF-16 text (unpaired surrogates)";
      return out;
    }
    if (text->find('\0') != std::string::npos) return binary();
    out.text = std::move(*text);
    out.charset = little ? "UTF-16LE" : "UTF-16BE";
    return out;
  }
  if (bytes.find('\0') != std::string_view::npos) return binary();
  if (analysis::is_valid_utf8(bytes)) {
    out.text.assign(bytes);
    return out;
  }
  if (std::optional<DecodedText> legacy = decode_legacy(bytes, declared)) {
    legacy->warnings.push_back("not UTF-8: read as " + legacy->charset);
    return std::move(*legacy);
  }
  std::size_t repaired = 0;
  out.text = analysis::repair_utf8(bytes, &repaired);
  out.warnings.push_back("invalid UTF-8: " + std::to_string(repaired) + " sequence(s) replaced with U+FFFD");
  return out;
}

}  // namespace kb
