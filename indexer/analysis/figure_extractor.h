// The figure stage of the index chain (Stage::kFigures): finds the quantities a text states —
// money, percentages, percentage points, multiples, counts, measures and bare numbers — in Korean
// and English, and normalises each to a finite value and a canonical unit (see figure.h).
//
//   1,090억달러 → 1.09e11 USD     $109 billion → 1.09e11 USD     12.5 mln dlrs → 1.25e7 USD
//   4천 820만   → 48,200,000       667만5천원   → 6,675,000 KRW   1.3만장 → 13,000 count (장)
//   약 70여 명  → 70 count (명), approximate     10억달러 이상 → 1e9 USD, at least
//   3~5%        → 3..5 percent, range            삼십억 원 → 3e9 KRW      세 곳 → 3 count (곳)
//   4분의 1     → 0.25                           △25.4억 달러 → −2.54e9 USD
//   34m/s       → 34 m/s                         four billion dlrs → 4e9 USD, three people → 3
//
// The driver reads each sentence left to right and hands every number to the stages in turn:
// number_parser (digits, 만/억/조, fractions, signs) → units and counters (figure_lexicon,
// data/figure_lexicon_ko.txt) → range → qualifiers; Hangul words go to korean_numerals and
// Latin words to english_numbers. figure_text.h reads the sentence for all of them.
//
// Number-like text that is not a quantity is reported as a Mention instead: dates and years
// (2024년, 17일, in 2024, September 14), ordinals and ranks (두 번째, 제44대, 22대 국회, 2위,
// 3rd, 1심, 9단, 1호기), codes and model names (H100, S8, COVID-19, UTC+02, URLs, footnote
// markers [1], character references &#44419;), idioms (다시 한 번, 한 번도). `한` counts only as
// a word of its own before a counter (`한 곳`), never before an ordinary noun (`한 행성`: a
// planet) nor inside a word (`한국`, `한·미`).
//
// Sentences are cut at line breaks and at . ? ! followed by a space (not after an abbreviated
// month, `Sept. 11`); a figure never spans two sentences, so a figure broken across a line is not
// joined. Each figure records the first year its sentence states.
//
// A native numeral other than `한` standing alone before any noun counts it (`두 배우` → 2,
// counter 배우); `네` never (your, yes). Numbers naming one of a series are ordinals (1호선,
// 22사단, 3학년, 6회말, 형사1부), month-day pairs naming an event are dates (4·19, 8.15 광복절;
// not after 규모: `규모 8.8`), and a unit or counter glued to a word of its own ends the figure
// there (`5만원권` → 5만원).
//
// Second round (issue 14): `엘리자베스 2세`, `교포 3세` (a regnal number, a generation after a
// noun) and `7호 태풍` are ordinals; `을지로 2가` an address, `‘90210’` (a number alone in quotes)
// and `007`, `02-123-4567` (a leading zero) codes; `6·25전쟁`, `8, 9일`, `2013~14 시즌`, `7: 45
// p.m.` and `1분9초56` dates; `22도` is degC, `180도` an angle (`deg`), `95 degrees` degF above 50
// and degC below unless named (`degrees Celsius`); `4 1/3 innings` and `5/12에` (before a
// particle) are fractions; `half a percent` is 0.5; a score line (`53대 46`, `4-3`) is one
// figure, its first number; `26~7살` is 26..27; `백명`, `천개`, `한개반` (1.5) are counts.
//
// Known weaknesses: rules, not a model. English number words count only before a plural noun
// within three words, a scale or a unit (`one` only before a scale or a unit); `네 신사` (four
// gentlemen) is missed; a score line keeps only its first number as its value; a bare
// month-day like `평점 6.2 역시` before an adverb is read as a date; a regnal number after a
// name ending in a particle-like syllable (`…이 2세`) reads as an age; slash fractions other
// than before a particle or after a whole number (`5/12`) are codes; bare `degrees` guesses its
// scale from the value; numbers glued to a name (`부산2`, `시즌2`) are counted as numbers; a
// number with more than 15 digits is dropped (no double holds it exactly); `¥` is read as JPY;
// ranges keep the low end as `value`.
#pragma once

#include <string_view>
#include <vector>

#include "analysis/figure.h"

namespace kb::analysis {

struct FigureExtraction {
  std::vector<Figure> figures;    // in text order, not overlapping
  std::vector<Mention> mentions;  // number-like text that is not a figure, in text order
};

// Stateless apart from its tables; one instance may be shared between threads.
class FigureExtractor {
 public:
  // `text` should be UTF-8; ill-formed bytes are skipped, never read past the end.
  FigureExtraction extract(std::string_view text) const;
};

}  // namespace kb::analysis
