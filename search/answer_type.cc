#include "answer_type.h"

#include <array>
#include <string>

#include "analysis/unicode_text.h"

namespace kb::search {

namespace {

constexpr std::array kTimeCues = {
    std::string_view("언제"),      std::string_view("몇 년"),     std::string_view("몇년"),
    std::string_view("연도"),      std::string_view("년도"),      std::string_view("날짜"),
    std::string_view("몇 월"),     std::string_view("몇월"),      std::string_view("며칠"),
    std::string_view("when "),     std::string_view("what year"), std::string_view("which year"),
    std::string_view("what date"), std::string_view("when?"),
};
constexpr std::array kQuantityCues = {
    std::string_view("몇"),
    std::string_view("얼마"),
    std::string_view("how many"),
    std::string_view("how much"),
};

bool contains_any(std::string_view text, const auto& cues) {
  for (std::string_view cue : cues)
    if (text.find(cue) != std::string_view::npos) return true;
  return false;
}

}  // namespace

AnswerType answer_type_of(std::string_view question) {
  const std::string folded = analysis::fold(question) + " ";
  if (contains_any(folded, kTimeCues)) return AnswerType::kTime;
  if (contains_any(folded, kQuantityCues)) return AnswerType::kQuantity;
  return AnswerType::kAny;
}

}  // namespace kb::search
