// A figure: one quantity stated in a text (`1,090억달러`, `$109 billion`, `37%`, `72만장`), with
// its value normalised to a finite double and a canonical unit, so that the same figure written
// in Korean and in English compares equal. Plain data; FigureExtractor fills it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kb::analysis {

// What a figure measures. The canonical unit follows from the kind except for money (an ISO 4217
// code) and measures (an SI-style symbol).
enum class FigureKind : std::uint8_t {
  kMoney,            // unit KRW, USD, EUR, JPY, CNY, GBP
  kPercent,          // unit "percent": 37% → 37
  kPercentagePoint,  // unit "percentage-point": 0.5%p → 0.5
  kRatio,            // unit "ratio": 80배, 3.5 times, 10-fold
  kCount,            // unit "count", with the counter word (명, 개, 장, GPUs …)
  kMeasure,          // unit km, m, cm, mm, kg, g, t, ha, m2, l, kWh, MW, GW, GB, TB, pyeong
  kNumber,           // unit "number": a bare number with no unit or counter
};

// How the text qualifies the value.
enum class Qualifier : std::uint8_t {
  kExact,
  kApprox,   // 약, 여, 가량, 정도, 안팎, about, nearly, roughly
  kAtLeast,  // 이상, 최소, at least, or more
  kAbove,    // 초과, 넘는, over, more than
  kAtMost,   // 이하, 최대, up to
  kBelow,    // 미만, less than, under
  kRange,    // 3~5%, 10-20%: value is the low end, high the high end
};

const char* kind_name(FigureKind kind);
const char* qualifier_name(Qualifier qualifier);
std::optional<FigureKind> kind_from_name(std::string_view name);
std::optional<Qualifier> qualifier_from_name(std::string_view name);

struct Figure {
  std::string surface;         // the figure as written, qualifier words excluded
  double value = 0;            // always finite
  double high = 0;             // the high end of a range; equals value otherwise
  std::string unit;            // canonical unit (see FigureKind)
  FigureKind kind = FigureKind::kNumber;
  std::string counter;         // the counter or counted noun of a count: 명, 개, GPUs
  Qualifier qualifier = Qualifier::kExact;
  std::uint32_t begin = 0;     // byte span of `surface` in the analysed text
  std::uint32_t end = 0;
  std::uint32_t sentence_begin = 0;  // byte span of its sentence in the analysed text
  std::uint32_t sentence_end = 0;
  int year = 0;                // the year the sentence states (2024년, in 2024), 0 when none
};

// Number-like text that is deliberately not a figure, kept so tests and tools can see why.
enum class MentionKind : std::uint8_t {
  kDate,     // 2024년, 17일, 11월, 3시, 2008-2010년, in 2024
  kOrdinal,  // 두 번째, 제44대, 22대 국회, 3rd, 1차
  kRank,     // 2위, 1등
  kCode,     // H100, S8, COVID-19, 1e400, digits glued to letters
  kIdiom,    // 다시 한 번
};

const char* mention_name(MentionKind kind);

struct Mention {
  std::uint32_t begin = 0;  // byte span in the analysed text
  std::uint32_t end = 0;
  MentionKind kind = MentionKind::kCode;
  int year = 0;  // for a date that names a year
};

}  // namespace kb::analysis
