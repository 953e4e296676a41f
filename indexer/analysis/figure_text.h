// The figure stages' view of one sentence: code points read at byte positions, never past the
// sentence's end, and the small character classes the stages share. Header-only because every
// stage calls these per character.
//
// Known weaknesses: ill-formed UTF-8 reads as U+FFFD one byte at a time (the chain repairs text
// before it gets here, so this only guards direct callers); full-width digits are digits, other
// scripts' digits are not.
#pragma once

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <string_view>

namespace kb::analysis::figures {

using Pos = std::uint32_t;

struct Cp {
  char32_t cp = 0;
  Pos len = 0;  // 0 at the end of the range
};

inline bool is_ascii_letter(char32_t c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
inline bool is_digit(char32_t c) { return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19); }
inline int digit_value(char32_t c) { return c >= 0xFF10 ? static_cast<int>(c - 0xFF10) : static_cast<int>(c - '0'); }
// Same test as unicode_text.h's is_hangul_syllable, inline: the scanner asks it of every
// character, where an out-of-line call costs measurable throughput.
inline bool is_hangul(char32_t c) { return c >= 0xAC00 && c <= 0xD7A3; }
inline bool is_space(char32_t c) { return c == ' ' || c == '\t' || c == 0xA0 || c == 0x3000; }
inline bool is_word_char(char32_t c) { return is_ascii_letter(c) || is_digit(c) || is_hangul(c) || c == '_'; }
inline char to_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

inline bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (to_lower(a[i]) != to_lower(b[i])) return false;
  return true;
}

// `t` starts with `w`; a byte loop, because the lexicon loops compare many short words that
// mostly differ in their second byte, where a memcmp call costs more than the comparison.
inline bool has_prefix(std::string_view t, std::string_view w) {
  if (w.size() > t.size()) return false;
  for (std::size_t i = 0; i < w.size(); ++i)
    if (t[i] != w[i]) return false;
  return true;
}

template <typename List>
bool contains(const List& words, std::string_view w) {
  return std::find(std::begin(words), std::end(words), w) != std::end(words);
}

// The longest word of `list` that `rest` starts with, or empty.
template <typename List>
std::string_view longest_prefix(std::string_view rest, const List& list) {
  std::string_view best;
  for (std::string_view w : list)
    if (w.size() > best.size() && has_prefix(rest, w)) best = w;
  return best;
}

// One sentence of the text: reads never cross [begin, limit).
class SentenceText {
 public:
  SentenceText(std::string_view text, Pos begin, Pos limit) : text_(text), begin_(begin), limit_(limit) {}

  std::string_view text() const { return text_; }
  Pos begin() const { return begin_; }
  Pos limit() const { return limit_; }

  Cp at(Pos p) const {
    if (p >= limit_) return {};
    const auto b = static_cast<unsigned char>(text_[p]);
    if (b < 0x80) return {b, 1};
    const Pos len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
    if (len == 1 || p + len > limit_) return {0xFFFD, 1};
    char32_t cp = b & (0x3F >> (len - 1));
    for (Pos i = 1; i < len; ++i) {
      const auto c = static_cast<unsigned char>(text_[p + i]);
      if ((c & 0xC0) != 0x80) return {0xFFFD, 1};
      cp = (cp << 6) | (c & 0x3F);
    }
    return {cp, len};
  }

  // The code point ending just before p (within the sentence).
  Cp before(Pos p) const {
    if (p <= begin_ || p > limit_) return {};  // nothing before the sentence; a wrapped p reads nothing
    Pos q = p - 1;
    while (q > begin_ && (static_cast<unsigned char>(text_[q]) & 0xC0) == 0x80 && p - q < 4) --q;
    const Cp c = at(q);
    if (q + c.len != p) return {0xFFFD, 1};
    return c;
  }

  bool starts(Pos p, std::string_view lit) const {
    return p + lit.size() <= limit_ && text_.compare(p, lit.size(), lit) == 0;
  }

  // The text from p to the sentence's end.
  std::string_view rest(Pos p) const { return p >= limit_ ? std::string_view{} : text_.substr(p, limit_ - p); }
  std::string_view slice(Pos b, Pos e) const { return text_.substr(b, e - b); }

  Pos skip_spaces(Pos p, int max = 1) const {
    for (int i = 0; i < max; ++i) {
      const Cp c = at(p);
      if (!is_space(c.cp)) break;
      p += c.len;
    }
    return p;
  }

  Pos hangul_run_end(Pos p) const {
    for (Cp c = at(p); is_hangul(c.cp); c = at(p)) p += c.len;
    return p;
  }

  Pos latin_word_end(Pos p) const {
    while (p < limit_ && is_ascii_letter(static_cast<unsigned char>(text_[p]))) ++p;
    return p;
  }

  // The Latin word at p if it is a whole word (not glued to more letters or digits).
  std::string_view latin_word(Pos p) const {
    const Pos e = latin_word_end(p);
    if (e == p || is_digit(at(e).cp)) return {};
    return slice(p, e);
  }

  // End of a run of letters, digits and inner - _ . / : joining them (codes, URLs, versions).
  Pos code_run_end(Pos p) const {
    for (;;) {
      const Cp c = at(p);
      if (is_word_char(c.cp) && !is_hangul(c.cp)) {
        p += c.len;
        continue;
      }
      if (c.cp == '-' || c.cp == '_' || c.cp == '.' || c.cp == '/' || c.cp == ':' || c.cp == '=' || c.cp == '?' ||
          c.cp == '&' || c.cp == '%' || c.cp == '#' || c.cp == '+') {
        const Cp n = at(p + 1);
        if (is_word_char(n.cp) && !is_hangul(n.cp)) {
          p += 1;
          continue;
        }
      }
      return p;
    }
  }

 private:
  std::string_view text_;
  Pos begin_;
  Pos limit_;
};

}  // namespace kb::analysis::figures
