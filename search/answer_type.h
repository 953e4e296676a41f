// What kind of answer a question asks for, read off its interrogative: `언제`, `몇 년`, `연도는`,
// when, what year → a time; `몇`, `얼마`, how many, how much → a quantity. The proximity rerank
// (searcher.h) then counts a year or a number near the matched words as one more matched word:
// the passage that answers a when-question states the year next to the event it paraphrases,
// while its sibling passages name the event without it.
//
// Known weaknesses: keyword rules on the surface; `몇 번째` (an ordinal) reads as a quantity;
// who/where/what questions get no answer type (names and places are not indexed as such).
#pragma once

#include <string_view>

namespace kb::search {

enum class AnswerType { kAny, kTime, kQuantity };

AnswerType answer_type_of(std::string_view question);

}  // namespace kb::search
