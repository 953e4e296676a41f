#include "duplicate_text.h"

#include "schema/schema.h"

namespace kb::search {
namespace {

// Decodes the code point at `i` and advances `i`; invalid bytes decode as U+FFFD.
char32_t next_code_point(std::string_view s, std::size_t& i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = byte(i);
  std::size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (length == 0 || i + length > s.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = length == 1 ? c : length == 2 ? (c & 0x1F) : length == 3 ? (c & 0x0F) : (c & 0x07);
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  i += length;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Spaces, punctuation and symbols of the blocks documents use; letters of every script stay.
bool dropped(char32_t cp) {
  if (cp < 0x80) return !((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'));
  return cp <= 0xBF || cp == 0xD7 || cp == 0xF7 ||          // Latin-1 spaces, signs, ×, ÷
         (cp >= 0x2000 && cp <= 0x2BFF) ||                  // punctuation, arrows, math, boxes, shapes
         (cp >= 0x3000 && cp <= 0x303F) ||                  // CJK spaces and punctuation (「」、。)
         (cp >= 0xFE30 && cp <= 0xFE4F) || cp == 0xFEFF ||  // CJK compatibility forms, BOM
         (cp >= 0xFF00 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40) ||
         (cp >= 0xFF5B && cp <= 0xFF65) || cp == 0xFFFD;
}

}  // namespace

std::string fold_for_fingerprint(std::string_view text) {
  static constexpr std::string_view kLigatures[] = {"ff", "fi", "fl", "ffi", "ffl", "st", "st"};  // U+FB00…FB06
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = next_code_point(text, i);
    if (cp >= 0xFB00 && cp <= 0xFB06) {
      out += kLigatures[cp - 0xFB00];
      continue;
    }
    if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;  // full-width ASCII
    if (dropped(cp)) continue;
    if (cp >= 'A' && cp <= 'Z') cp += 'a' - 'A';
    append_utf8(out, cp);
  }
  return out;
}

std::optional<TextFingerprint> text_fingerprint(std::string_view text) {
  const std::string folded = fold_for_fingerprint(text);
  if (folded.empty()) return std::nullopt;
  std::size_t chars = 0;
  for (char c : folded)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++chars;
  return TextFingerprint{schema::fnv1a(folded), chars >= kMinFingerprintChars};
}

}  // namespace kb::search
