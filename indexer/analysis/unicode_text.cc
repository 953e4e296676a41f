#include "analysis/unicode_text.h"

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/unistr.h>

#include <stdexcept>

namespace kb::analysis {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

// Decodes UTF-8 that may be ill-formed; returns the code point and its byte length. An ill-formed
// sequence yields U+FFFD with the length of its maximal ill-formed prefix (at least 1).
std::pair<char32_t, std::size_t> decode(std::string_view s, std::size_t pos) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char b0 = byte(pos);
  if (b0 < 0x80) return {b0, 1};
  std::size_t len = 0;
  char32_t cp = 0;
  unsigned char lo = 0x80, hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
    cp = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    cp = b0 & 0x0F;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    cp = b0 & 0x07;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return {kReplacement, 1};
  }
  for (std::size_t i = 1; i < len; ++i) {
    if (pos + i >= s.size()) return {kReplacement, i};
    const unsigned char b = byte(pos + i);
    const unsigned char l = i == 1 ? lo : 0x80, h = i == 1 ? hi : 0xBF;
    if (b < l || b > h) return {kReplacement, i};
    cp = (cp << 6) | (b & 0x3F);
  }
  return {cp, len};
}

Script classify(UChar32 cp) {
  if (u_isdigit(cp)) return Script::kDigit;
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode sc = uscript_getScript(cp, &status);
  if (sc == USCRIPT_HANGUL) return Script::kHangul;
  if (sc == USCRIPT_HAN) return Script::kHan;
  if (sc == USCRIPT_LATIN) return Script::kLatin;
  return Script::kOther;
}

// Pieces split where Hangul, Han and everything else meet; Latin letters and digits stay
// together (`H100`, `COVID-19`'s `covid`).
int split_class(Script s) {
  switch (s) {
    case Script::kHangul: return 0;
    case Script::kHan: return 1;
    default: return 2;
  }
}

// UTF-16 text plus, for every UTF-16 unit, the byte offset in the UTF-8 source.
struct Utf16Text {
  icu::UnicodeString text;
  std::vector<std::uint32_t> byte_at;  // size = length + 1

  explicit Utf16Text(std::string_view utf8) {
    byte_at.reserve(utf8.size() + 1);
    std::size_t pos = 0;
    while (pos < utf8.size()) {
      auto [cp, len] = decode(utf8, pos);
      const int before = text.length();
      text.append(static_cast<UChar32>(cp));
      for (int i = before; i < text.length(); ++i) byte_at.push_back(static_cast<std::uint32_t>(pos));
      pos += len;
    }
    byte_at.push_back(static_cast<std::uint32_t>(utf8.size()));
  }
};

const icu::Normalizer2& nfkc_casefold() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status) || n == nullptr) throw std::runtime_error("ICU NFKC_Casefold is unavailable");
  return *n;
}

}  // namespace

const char* script_name(Script script) {
  switch (script) {
    case Script::kHangul: return "hangul";
    case Script::kHan: return "han";
    case Script::kLatin: return "latin";
    case Script::kDigit: return "digit";
    case Script::kOther: return "other";
  }
  return "other";
}

struct WordSegmenter::Impl {
  std::unique_ptr<icu::BreakIterator> words;
};

WordSegmenter::WordSegmenter() : impl_(std::make_unique<Impl>()) {
  UErrorCode status = U_ZERO_ERROR;
  impl_->words.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status)) throw std::runtime_error("ICU word break iterator is unavailable");
}

WordSegmenter::~WordSegmenter() = default;

std::vector<WordSpan> WordSegmenter::segment(std::string_view utf8) {
  std::vector<WordSpan> out;
  if (utf8.empty()) return out;
  Utf16Text u(utf8);
  icu::BreakIterator& it = *impl_->words;
  it.setText(u.text);
  std::uint32_t previous_end = UINT32_MAX;
  int32_t start = it.first();
  for (int32_t end = it.next(); end != icu::BreakIterator::DONE; start = end, end = it.next()) {
    // Rule status below UBRK_WORD_NONE_LIMIT marks spaces and punctuation; a piece of that kind
    // can still hold letters in odd input, so look at the code points themselves.
    int32_t i = start;
    while (i < end) {
      UChar32 cp = u.text.char32At(i);
      int32_t next = u.text.moveIndex32(i, 1);
      if (!(u_isalnum(cp) || u_hasBinaryProperty(cp, UCHAR_ALPHABETIC))) {
        i = next;
        continue;
      }
      // A run of word characters of one split class.
      const int cls = split_class(classify(cp));
      Script script = classify(cp);
      bool has_latin = script == Script::kLatin, has_digit = script == Script::kDigit;
      int32_t j = next;
      while (j < end) {
        UChar32 c = u.text.char32At(j);
        const bool wordish = u_isalnum(c) || u_hasBinaryProperty(c, UCHAR_ALPHABETIC) ||
                             u_getIntPropertyValue(c, UCHAR_GENERAL_CATEGORY) == U_NON_SPACING_MARK;
        Script s = classify(c);
        if (wordish && split_class(s) != cls) break;
        if (!wordish) {
          // Keep ICU's mid-word punctuation (`1,090`, `1.3`, `randolph's`) only when a word
          // character of the same class follows.
          int32_t k = u.text.moveIndex32(j, 1);
          if (k >= end) break;
          UChar32 after = u.text.char32At(k);
          if (!(u_isalnum(after) || u_hasBinaryProperty(after, UCHAR_ALPHABETIC)) ||
              split_class(classify(after)) != cls)
            break;
        } else {
          has_latin |= s == Script::kLatin;
          has_digit |= s == Script::kDigit;
        }
        j = u.text.moveIndex32(j, 1);
      }
      if (cls == 2) script = has_latin ? Script::kLatin : has_digit ? Script::kDigit : Script::kOther;
      WordSpan span;
      span.begin = u.byte_at[static_cast<std::size_t>(i)];
      span.end = u.byte_at[static_cast<std::size_t>(j)];
      span.script = script;
      span.glued_to_previous = previous_end == span.begin;
      previous_end = span.end;
      // ICU breaks between precomposed syllables and conjoining jamo (NFD text): glued Hangul
      // pieces are one word.
      if (span.glued_to_previous && span.script == Script::kHangul && !out.empty() &&
          out.back().script == Script::kHangul)
        out.back().end = span.end;
      else
        out.push_back(span);
      i = j;
    }
  }
  return out;
}

struct SentenceSegmenter::Impl {
  std::unique_ptr<icu::BreakIterator> sentences;
};

SentenceSegmenter::SentenceSegmenter() : impl_(std::make_unique<Impl>()) {
  UErrorCode status = U_ZERO_ERROR;
  impl_->sentences.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status)) throw std::runtime_error("ICU sentence break iterator is unavailable");
}

SentenceSegmenter::~SentenceSegmenter() = default;

std::vector<std::pair<std::uint32_t, std::uint32_t>> SentenceSegmenter::segment(std::string_view utf8) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
  if (utf8.empty()) return out;
  Utf16Text u(utf8);
  icu::BreakIterator& it = *impl_->sentences;
  it.setText(u.text);
  int32_t start = it.first();
  for (int32_t end = it.next(); end != icu::BreakIterator::DONE; start = end, end = it.next()) {
    out.emplace_back(u.byte_at[static_cast<std::size_t>(start)], u.byte_at[static_cast<std::size_t>(end)]);
  }
  return out;
}

std::string fold(std::string_view utf8) {
  // Fast paths: ASCII only needs lower-casing; precomposed Hangul syllables are already folded.
  bool ascii = true, hangul_only = true;
  for (std::size_t pos = 0; pos < utf8.size();) {
    const unsigned char b = static_cast<unsigned char>(utf8[pos]);
    if (b < 0x80) {
      hangul_only = false;
      ++pos;
      continue;
    }
    ascii = false;
    auto [cp, len] = decode(utf8, pos);
    if (!is_hangul_syllable(cp)) hangul_only = false;
    pos += len;
    if (!hangul_only) break;
  }
  if (ascii) {
    std::string out(utf8);
    for (char& c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
  }
  if (hangul_only) return std::string(utf8);
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  icu::UnicodeString folded = nfkc_casefold().normalize(in, status);
  std::string out;
  if (U_FAILURE(status)) return std::string(utf8);
  folded.toUTF8String(out);
  return out;
}

bool is_valid_utf8(std::string_view text) {
  for (std::size_t pos = 0; pos < text.size();) {
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      ++pos;
      continue;
    }
    auto [cp, len] = decode(text, pos);
    if (cp == kReplacement && !(len == 3 && text.substr(pos, 3) == "\xEF\xBF\xBD")) return false;
    pos += len;
  }
  return true;
}

std::string repair_utf8(std::string_view text, std::size_t* repaired) {
  std::string out;
  out.reserve(text.size());
  std::size_t count = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    const unsigned char b = static_cast<unsigned char>(text[pos]);
    if (b < 0x80) {
      out.push_back(static_cast<char>(b));
      ++pos;
      continue;
    }
    auto [cp, len] = decode(text, pos);
    if (cp == kReplacement && !(len == 3 && text.substr(pos, 3) == "\xEF\xBF\xBD")) ++count;
    append_utf8(out, cp);
    pos += len;
  }
  if (repaired != nullptr) *repaired = count;
  return out;
}

char32_t next_code_point(std::string_view text, std::size_t& pos) {
  auto [cp, len] = decode(text, pos);
  pos += len;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

bool is_hangul_syllable(char32_t cp) { return cp >= 0xAC00 && cp <= 0xD7A3; }

}  // namespace kb::analysis
