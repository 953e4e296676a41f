// Korean numerals, a figure stage: native numerals (`한`, `두`, `세` … before a counter or a
// noun; `하나`, `둘` standing as nouns) and Sino-Korean numeral words (`삼십억`, `이천오백만`).
// This file holds the words and the parsing of a Sino-Korean run; whether a numeral counts
// something (a counter must follow `한`) is decided by the driver, which sees the context.
//
// Known weaknesses: Sino-Korean runs of two syllables without 십/백/천 (`구조`, `오만`) are
// words, not numerals, so `이만 명` is missed; native numerals above 99 do not exist and are not
// read.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace kb::analysis::figures {

struct NativeNumeral {
  std::string_view text;
  double value;
  double high;  // > value for 한두, 두세, 서너
};

// Native Korean numerals in their adnominal form (before a counter), longest first.
inline constexpr std::array kNativeAdnominal = {
    NativeNumeral{"다섯", 5, 5},   NativeNumeral{"여섯", 6, 6},   NativeNumeral{"일곱", 7, 7},
    NativeNumeral{"여덟", 8, 8},   NativeNumeral{"아홉", 9, 9},   NativeNumeral{"열한", 11, 11},
    NativeNumeral{"열두", 12, 12}, NativeNumeral{"열세", 13, 13}, NativeNumeral{"열네", 14, 14},
    NativeNumeral{"스무", 20, 20}, NativeNumeral{"서른", 30, 30}, NativeNumeral{"마흔", 40, 40},
    NativeNumeral{"한두", 1, 2},   NativeNumeral{"두세", 2, 3},   NativeNumeral{"서너", 3, 4},
    NativeNumeral{"두어", 2, 3},   NativeNumeral{"한", 1, 1},     NativeNumeral{"두", 2, 2},
    NativeNumeral{"세", 3, 3},     NativeNumeral{"네", 4, 4},     NativeNumeral{"석", 3, 3},
    NativeNumeral{"넉", 4, 4},     NativeNumeral{"열", 10, 10},   NativeNumeral{"쉰", 50, 50},
};

// Native numerals standing as nouns (`하나의`, `둘은`).
inline constexpr std::array kNativeNouns = {
    NativeNumeral{"하나", 1, 1},   NativeNumeral{"다섯", 5, 5},   NativeNumeral{"여섯", 6, 6},
    NativeNumeral{"일곱", 7, 7},   NativeNumeral{"여덟", 8, 8},   NativeNumeral{"아홉", 9, 9},
    NativeNumeral{"둘", 2, 2},     NativeNumeral{"셋", 3, 3},     NativeNumeral{"넷", 4, 4},
    NativeNumeral{"스물", 20, 20}, NativeNumeral{"서른", 30, 30}, NativeNumeral{"마흔", 40, 40},
    NativeNumeral{"예순", 60, 60}, NativeNumeral{"일흔", 70, 70}, NativeNumeral{"여든", 80, 80},
    NativeNumeral{"아흔", 90, 90},
};

// True when a Hangul word starting with `syllable` may be a numeral, an ordinal (첫, 제) or the
// start of one; most words are rejected here without further work.
bool may_start_numeral(char32_t syllable);

// A Sino-Korean numeral at the start of a Hangul run.
struct SinoNumeral {
  double value = 0;
  std::size_t bytes = 0;  // its length in the run
  int syllables = 0;
  bool small_magnitude = false;  // 십, 백 or 천 in it
  bool big_magnitude = false;    // 만, 억 or 조 in it
};

// nullopt for fewer than two numeral syllables, or a run that starts with a big magnitude
// (`조사`, `만이`: the numeral would be written 일조, 일만).
std::optional<SinoNumeral> parse_sino_numeral(std::string_view run);

}  // namespace kb::analysis::figures
