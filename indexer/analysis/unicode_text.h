// Unicode services for the analysis chain: UTF-8 repair, ICU word and sentence boundaries, script
// classification and NFKC case folding. This is the only file of the analysis chain that includes
// ICU headers (readers/charset.cc is the readers' one, for charsets), so
// the rest of the code base sees plain UTF-8 and byte offsets.
//
// Known weaknesses: ICU has no Korean dictionary, so a Hangul word comes back with its particles
// (later filters strip them); word boundaries inside Han runs use ICU's CJ dictionary, tuned for
// Chinese and Japanese rather than hanja in Korean text.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kb::analysis {

// The script class of a word piece. Words are split where the class changes between Hangul,
// Han and the rest, so `AI분야가` gives `AI` + `분야가` and `1,090억달러` gives `1,090` + `억달러`.
enum class Script : std::uint8_t { kHangul, kHan, kLatin, kDigit, kOther };

const char* script_name(Script script);

// A word piece: byte offsets into the analysed UTF-8 text, and its script class.
struct WordSpan {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  Script script = Script::kOther;
  // True when the piece starts exactly where the previous piece ended with no space between,
  // e.g. the `가` of `KBS가`.
  bool glued_to_previous = false;
};

// Finds word pieces with ICU's word break rules, split further at script changes. Holds one ICU
// BreakIterator, so an instance must not be shared between threads.
class WordSegmenter {
 public:
  WordSegmenter();
  ~WordSegmenter();
  WordSegmenter(const WordSegmenter&) = delete;
  WordSegmenter& operator=(const WordSegmenter&) = delete;

  // `text` must be valid UTF-8 (see repair_utf8); spans never leave it.
  std::vector<WordSpan> segment(std::string_view text);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Sentence spans (byte offsets) by ICU's sentence rules; the spans tile the text.
class SentenceSegmenter {
 public:
  SentenceSegmenter();
  ~SentenceSegmenter();
  SentenceSegmenter(const SentenceSegmenter&) = delete;
  SentenceSegmenter& operator=(const SentenceSegmenter&) = delete;

  std::vector<std::pair<std::uint32_t, std::uint32_t>> segment(std::string_view text);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// NFKC with case folding: `Ｈ１００` → `h100`, decomposed (NFD) Hangul → composed syllables.
std::string fold(std::string_view utf8);

// True when `text` is well-formed UTF-8.
bool is_valid_utf8(std::string_view text);

// Replaces each ill-formed UTF-8 sequence by U+FFFD; `repaired` counts the replacements.
std::string repair_utf8(std::string_view text, std::size_t* repaired = nullptr);

// Decodes one code point at `pos` of valid UTF-8 and advances `pos`.
char32_t next_code_point(std::string_view text, std::size_t& pos);

// Appends `cp` as UTF-8.
void append_utf8(std::string& out, char32_t cp);

bool is_hangul_syllable(char32_t cp);

}  // namespace kb::analysis
