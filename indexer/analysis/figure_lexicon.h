// The words the figure stages look up: units, scales, qualifiers, particles, date words and
// native numerals (tables here), and the Korean counters and ordinal nouns (a data file,
// data/figure_lexicon_ko.txt, compiled in). Each table is small and searched linearly at a
// number's end only, which is rare enough in text not to matter for speed.
//
// Known weaknesses: English unit words are matched case-insensitively but not stemmed (`tonne`
// and `tonnes` are both listed); `¥` and `엔` are always JPY.
#pragma once

#include <array>
#include <span>
#include <string_view>

#include "analysis/figure.h"

namespace kb::analysis::figures {

struct UnitWord {
  std::string_view text;
  FigureKind kind;
  std::string_view unit;
  double factor = 1;  // 61 cents = 0.61 USD
};

inline constexpr FigureKind kMoney = FigureKind::kMoney;
inline constexpr FigureKind kPct = FigureKind::kPercent;
inline constexpr FigureKind kPp = FigureKind::kPercentagePoint;
inline constexpr FigureKind kRatio = FigureKind::kRatio;
inline constexpr FigureKind kMeasure = FigureKind::kMeasure;

// Units written right after a Korean-style number (glued or after one space).
inline constexpr std::array kKoreanUnits = {
    UnitWord{"퍼센트포인트", kPp, "percentage-point"},
    UnitWord{"%포인트", kPp, "percentage-point"},
    UnitWord{"%p", kPp, "percentage-point"},
    UnitWord{"%P", kPp, "percentage-point"},
    UnitWord{"％p", kPp, "percentage-point"},
    UnitWord{"퍼센트", kPct, "percent"},
    UnitWord{"프로", kPct, "percent"},
    UnitWord{"%", kPct, "percent"},
    UnitWord{"％", kPct, "percent"},
    UnitWord{"달러", kMoney, "USD"},
    UnitWord{"센트", kMoney, "USD", 0.01},
    UnitWord{"원", kMoney, "KRW"},
    UnitWord{"엔", kMoney, "JPY"},
    UnitWord{"위안", kMoney, "CNY"},
    UnitWord{"유로", kMoney, "EUR"},
    UnitWord{"파운드", kMoney, "GBP"},
    UnitWord{"배", kRatio, "ratio"},
    UnitWord{"킬로미터", kMeasure, "km"},
    UnitWord{"킬로그램", kMeasure, "kg"},
    UnitWord{"센티미터", kMeasure, "cm"},
    UnitWord{"밀리미터", kMeasure, "mm"},
    UnitWord{"제곱미터", kMeasure, "m2"},
    UnitWord{"평방미터", kMeasure, "m2"},
    UnitWord{"제곱킬로미터", kMeasure, "km2"},
    UnitWord{"평방킬로미터", kMeasure, "km2"},
    UnitWord{"미터", kMeasure, "m"},
    UnitWord{"그램", kMeasure, "g"},
    UnitWord{"톤", kMeasure, "t"},
    UnitWord{"평", kMeasure, "pyeong"},
    UnitWord{"헥타르", kMeasure, "ha"},
    UnitWord{"리터", kMeasure, "l"},
    UnitWord{"메가와트", kMeasure, "MW"},
    UnitWord{"기가와트", kMeasure, "GW"},
    UnitWord{"㎞", kMeasure, "km"},
    UnitWord{"㎏", kMeasure, "kg"},
    UnitWord{"㎡", kMeasure, "m2"},
    UnitWord{"배럴", kMeasure, "bbl"},
    UnitWord{"인치", kMeasure, "in"},
    UnitWord{"야드", kMeasure, "yd"},
    UnitWord{"마일", kMeasure, "mi"},
    UnitWord{"피트", kMeasure, "ft"},
    UnitWord{"킬로칼로리", kMeasure, "kcal"},
    UnitWord{"칼로리", kMeasure, "kcal"},
    UnitWord{"볼트", kMeasure, "V"},
    UnitWord{"헥토파스칼", kMeasure, "hPa"},
    UnitWord{"℃", kMeasure, "degC"},
    UnitWord{"°C", kMeasure, "degC"},
    UnitWord{"℉", kMeasure, "degF"},
    UnitWord{"°F", kMeasure, "degF"},
};

// Latin unit symbols glued to or after a number; matched case-sensitively and as whole words.
inline constexpr std::array kLatinUnits = {
    UnitWord{"km", kMeasure, "km"},     UnitWord{"cm", kMeasure, "cm"},   UnitWord{"mm", kMeasure, "mm"},
    UnitWord{"kg", kMeasure, "kg"},     UnitWord{"m", kMeasure, "m"},     UnitWord{"g", kMeasure, "g"},
    UnitWord{"t", kMeasure, "t"},       UnitWord{"ha", kMeasure, "ha"},   UnitWord{"m2", kMeasure, "m2"},
    UnitWord{"l", kMeasure, "l"},       UnitWord{"kWh", kMeasure, "kWh"}, UnitWord{"MW", kMeasure, "MW"},
    UnitWord{"GW", kMeasure, "GW"},     UnitWord{"GB", kMeasure, "GB"},   UnitWord{"TB", kMeasure, "TB"},
    UnitWord{"kcal", kMeasure, "kcal"}, UnitWord{"mg", kMeasure, "mg"},   UnitWord{"ml", kMeasure, "ml"},
    UnitWord{"cc", kMeasure, "cc"},     UnitWord{"kW", kMeasure, "kW"},   UnitWord{"mAh", kMeasure, "mAh"},
    UnitWord{"GHz", kMeasure, "GHz"},   UnitWord{"MB", kMeasure, "MB"},   UnitWord{"hPa", kMeasure, "hPa"},
    UnitWord{"USD", kMoney, "USD"},     UnitWord{"KRW", kMoney, "KRW"},   UnitWord{"EUR", kMoney, "EUR"},
    UnitWord{"JPY", kMoney, "JPY"},     UnitWord{"CNY", kMoney, "CNY"},   UnitWord{"GBP", kMoney, "GBP"},
};

// Units of speed written `<length>/<time>` after a number: 34m/s, 300km/h.
inline constexpr std::array kSpeedUnits = {
    UnitWord{"m/s", kMeasure, "m/s"},   UnitWord{"km/h", kMeasure, "km/h"}, UnitWord{"km/s", kMeasure, "km/s"},
    UnitWord{"㎞/h", kMeasure, "km/h"}, UnitWord{"m/sec", kMeasure, "m/s"},
};

// English unit words, matched case-insensitively as whole words.
inline constexpr std::array kEnglishUnits = {
    UnitWord{"dollars", kMoney, "USD"},
    UnitWord{"dollar", kMoney, "USD"},
    UnitWord{"dlrs", kMoney, "USD"},
    UnitWord{"dlr", kMoney, "USD"},
    UnitWord{"cents", kMoney, "USD", 0.01},
    UnitWord{"won", kMoney, "KRW"},
    UnitWord{"yen", kMoney, "JPY"},
    UnitWord{"yuan", kMoney, "CNY"},
    UnitWord{"euros", kMoney, "EUR"},
    UnitWord{"euro", kMoney, "EUR"},
    UnitWord{"percent", kPct, "percent"},
    UnitWord{"pct", kPct, "percent"},
    UnitWord{"times", kRatio, "ratio"},
    UnitWord{"fold", kRatio, "ratio"},
    UnitWord{"points", kPp, "percentage-point"},
    UnitWord{"miles", kMeasure, "mi"},
    UnitWord{"mile", kMeasure, "mi"},
    UnitWord{"kilometres", kMeasure, "km"},
    UnitWord{"kilometers", kMeasure, "km"},
    UnitWord{"metres", kMeasure, "m"},
    UnitWord{"meters", kMeasure, "m"},
    UnitWord{"tonnes", kMeasure, "t"},
    UnitWord{"tons", kMeasure, "t"},
    UnitWord{"volts", kMeasure, "V"},
    UnitWord{"barrels", kMeasure, "bbl"},
};

struct Scale {
  std::string_view text;
  double factor;
};

inline constexpr std::array kEnglishScales = {
    Scale{"thousand", 1e3}, Scale{"million", 1e6}, Scale{"billion", 1e9}, Scale{"trillion", 1e12}, Scale{"mln", 1e6},
    Scale{"bln", 1e9},      Scale{"bn", 1e9},      Scale{"mn", 1e6},      Scale{"tn", 1e12},       Scale{"trn", 1e12},
};

// Date units: a number before them is a date or a time (a mention, not a figure). Prefix match:
// 년 covers 년대, 년간, 년도; 시 covers 시간.
inline constexpr std::string_view kDateUnits[] = {"년",   "월",   "일",   "시", "분기", "분", "초",   "개월",
                                                  "주년", "주간", "주일", "주", "세기", "박", "학기", "개년"};

// Particles, copulas and qualifiers that may follow a unit inside the same word.
inline constexpr std::string_view kTails[] = {
    "에서부터", "으로부터", "이었지만", "이라고", "이라며", "이라는", "에서는", "에서도", "으로는", "으로도", "으로서",
    "까지는",   "에게는",   "에서의",   "이었다", "이었고", "입니다", "이지만", "에서만", "이라도", "에서",   "에게",
    "부터",     "까지",     "마다",     "조차",   "마저",   "처럼",   "보다",   "으로",   "라고",   "라는",   "에는",
    "에도",     "에의",     "와는",     "과는",   "로는",   "로도",   "로서",   "이나",   "이며",   "이고",   "이다",
    "이란",     "였다",     "였고",     "인데",   "이면",   "이니",   "라도",   "인가",   "밖에",   "이상",   "이하",
    "미만",     "초과",     "가량",     "정도",   "안팎",   "내외",   "남짓",   "짜리",   "씩이나", "이던",   "였던",
    "만에",     "뿐",       "인",       "이",     "가",     "을",     "를",     "은",     "는",     "의",     "에",
    "와",       "과",       "도",       "로",     "만",     "씩",     "나",     "며",     "고",     "다",     "라",
    "란",       "께",       "쯤",       "당",     "대",     "여",     "째",     "야",     "간",     "간의",   "간에",
    "동안",     "면",       "뿐인",     "꼴",     "이서"};

struct TailQualifier {
  std::string_view text;
  Qualifier qualifier;
};

// Qualifiers after a figure (glued or after one space).
inline constexpr std::array kAfterQualifiers = {
    TailQualifier{"이상", Qualifier::kAtLeast}, TailQualifier{"이하", Qualifier::kAtMost},
    TailQualifier{"미만", Qualifier::kBelow},   TailQualifier{"초과", Qualifier::kAbove},
    TailQualifier{"넘는", Qualifier::kAbove},   TailQualifier{"넘게", Qualifier::kAbove},
    TailQualifier{"가량", Qualifier::kApprox},  TailQualifier{"정도", Qualifier::kApprox},
    TailQualifier{"안팎", Qualifier::kApprox},  TailQualifier{"내외", Qualifier::kApprox},
    TailQualifier{"남짓", Qualifier::kApprox},  TailQualifier{"쯤", Qualifier::kApprox},
    TailQualifier{"대", Qualifier::kApprox},
};

// Qualifier words before a figure. English ones are lower case and may be two words.
inline constexpr std::array kBeforeQualifiers = {
    TailQualifier{"약", Qualifier::kApprox},        TailQualifier{"대략", Qualifier::kApprox},
    TailQualifier{"최소", Qualifier::kAtLeast},     TailQualifier{"최대", Qualifier::kAtMost},
    TailQualifier{"about", Qualifier::kApprox},     TailQualifier{"around", Qualifier::kApprox},
    TailQualifier{"roughly", Qualifier::kApprox},   TailQualifier{"nearly", Qualifier::kApprox},
    TailQualifier{"almost", Qualifier::kApprox},    TailQualifier{"approximately", Qualifier::kApprox},
    TailQualifier{"some", Qualifier::kApprox},      TailQualifier{"over", Qualifier::kAbove},
    TailQualifier{"more than", Qualifier::kAbove},  TailQualifier{"above", Qualifier::kAbove},
    TailQualifier{"at least", Qualifier::kAtLeast}, TailQualifier{"up to", Qualifier::kAtMost},
    TailQualifier{"at most", Qualifier::kAtMost},   TailQualifier{"less than", Qualifier::kBelow},
    TailQualifier{"fewer than", Qualifier::kBelow}, TailQualifier{"under", Qualifier::kBelow},
    TailQualifier{"below", Qualifier::kBelow},
};

// Words after a number that make it no count: function words, and time words (a date).
inline constexpr std::string_view kEnglishNonCounted[] = {
    "of", "in", "on", "at", "to", "and", "or", "the", "a", "an", "for", "from", "by", "with", "as", "per", "than", "is",
    "are", "was", "were", "be", "this", "that", "it", "its", "they", "he", "she", "we", "you", "i", "which", "who",
    "am", "pm", "vs", "versus", "against", "out", "into", "after", "before", "but", "if", "so",
    // Determiners, pronouns and verbs that follow a year or a number in running text (`in 2024
    // all have`, `the 2024 figures they`): the number counts nothing.
    "all", "both", "each", "have", "has", "had", "will", "would", "could", "should", "can", "also", "only", "when",
    "while", "then", "there", "their", "these", "those", "them", "not", "said", "says"};

inline constexpr std::string_view kEnglishTimeWords[] = {"year",   "years",   "month",  "months", "week",   "weeks",
                                                         "day",    "days",    "hour",   "hours",  "minute", "minutes",
                                                         "second", "seconds", "decade", "decades"};

inline constexpr std::string_view kMonths[] = {"january", "february", "march",     "april",   "may",      "june",
                                               "july",    "august",   "september", "october", "november", "december",
                                               "jan",     "feb",      "mar",       "apr",     "jun",      "jul",
                                               "aug",     "sep",      "sept",      "oct",     "nov",      "dec"};

// Time nouns a native numeral makes a span of time (a date mention): 두 달, 한 해, 사흘.
inline constexpr std::string_view kNativeTimeNouns[] = {"달", "해", "날", "시간", "밤", "낮", "주일", "주", "시"};

// Titles after the surname 한 (`한 의원`, `한 씨`), which is then no numeral.
inline constexpr std::string_view kTitles[] = {
    "씨",   "의원", "대표", "장관", "감독", "위원장", "총리", "교수",   "회장", "후보", "전",     "모", "모씨", "부장",
    "판사", "검사", "원장", "청장", "대사", "총장",   "사장", "이사장", "단장", "코치", "변호사", "군", "양"};

// Words after `N대` that make it an ordinal (the 22nd National Assembly), not a count of 22.
inline constexpr std::string_view kOrdinalDaeNouns[] = {"국회",   "대통령", "총선",     "대선",  "의회",
                                                        "회장",   "총장",   "지방선거", "국왕",  "교황",
                                                        "당대표", "사장",   "이사장",   "위원장"};

// The Korean lists of data/figure_lexicon_ko.txt, parsed once.
struct KoreanFigureWords {
  std::span<const std::string_view> counters;
  std::span<const std::string_view> glued_native_counters;
  std::span<const std::string_view> ordinal_nouns;
};
const KoreanFigureWords& korean_figure_words();

}  // namespace kb::analysis::figures
