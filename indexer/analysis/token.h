// A token is the unit that flows through the analysis chain: a word piece with its offsets into
// the analysed text, its position, its script and the terms the filters derived from it.
#pragma once

#include <cstdint>
#include <string>

#include "analysis/unicode_text.h"

namespace kb::analysis {

struct Token {
  std::string term;            // positional index term: the folded word after script filters
  std::string stem;            // English stem (indexed with the Z prefix); empty otherwise
  // Korean: the syllable bigram across the space before this word (last syllable of the previous
  // Korean stem + first of this one), so `쿠알라룸푸르 국제공항` meets `쿠알라룸푸르국제공항`;
  // empty when the previous word is not Korean or punctuation comes between.
  std::string bridge;
  std::uint32_t begin = 0;     // byte offsets into the analysed text
  std::uint32_t end = 0;
  std::uint32_t position = 0;  // 1-based word position within the analysed text
  Script script = Script::kOther;
  bool stopword = false;       // indexed, but left out of free-text queries
};

}  // namespace kb::analysis
