// English number words, a figure stage: `four`, `twenty-five`, `a dozen`, `two hundred`, read
// at a word start into a value. The driver decides whether the number is a figure (a scale, a
// unit or a plural noun must follow: `four billion dlrs`, `three people`).
//
// Known weaknesses: `one` is read but rarely a figure (`one of them`); ordinals (`fourth`) and
// fractions (`half`, `a third`) are not read; `hundred and five` stops at `hundred`.
#pragma once

#include <optional>

#include "analysis/figure_text.h"

namespace kb::analysis::figures {

struct EnglishNumber {
  double value = 0;
  Pos end = 0;
};

// The number words starting at p (a word start), case-insensitive.
std::optional<EnglishNumber> read_english_number(const SentenceText& s, Pos p);

}  // namespace kb::analysis::figures
