// English number words, a figure stage: `four`, `twenty-five`, `a dozen`, `two hundred`, read
// at a word start into a value. The driver decides whether the number is a figure (a scale, a
// unit or a plural noun must follow: `four billion dlrs`, `three people`).
//
// It also holds the word tests the driver applies after a number word.
//
// Known weaknesses: `one` is read but rarely a figure (`one of them`); ordinals (`fourth`) and
// fractions (`half`, `a third`) are not read; `hundred and five` stops at `hundred`.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "analysis/figure_text.h"

namespace kb::analysis::figures {

struct EnglishNumber {
  double value = 0;
  Pos end = 0;
};

// The number words starting at p (a word start), case-insensitive.
std::optional<EnglishNumber> read_english_number(const SentenceText& s, Pos p);

// The word in lower case (ASCII letters only are folded).
std::string lower_word(std::string_view word);

// `billion`, `dlrs`, `percent`, `per` (cent), `percentage` (points): a word that makes the
// number before it a figure by itself.
bool is_english_unit_or_scale(std::string_view lower);

// A plural noun by its ending (`passengers`, not `various`, `this`), or one of the common
// irregular plurals (`people`, `feet`); `lower` is lower case.
bool is_plural_noun(std::string_view lower);

}  // namespace kb::analysis::figures
