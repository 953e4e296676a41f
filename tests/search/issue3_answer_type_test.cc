// Issue 3: what a question asks for (answer_type.h); the ranking that uses it is tested in
// issue3_ranking_evidence_test.cc.
#include <gtest/gtest.h>

#include <string>

#include "answer_type.h"

namespace kb::search {
namespace {

struct AnswerTypeCase {
  std::string question;
  AnswerType type;
};

void PrintTo(const AnswerTypeCase& c, std::ostream* os) { *os << c.question; }

class Issue3AnswerType : public ::testing::TestWithParam<AnswerTypeCase> {};

TEST_P(Issue3AnswerType, ReadsTheInterrogative) { EXPECT_EQ(answer_type_of(GetParam().question), GetParam().type); }

INSTANTIATE_TEST_SUITE_P(
    Questions, Issue3AnswerType,
    ::testing::Values(AnswerTypeCase{"천안함 침몰 사건이 일어난 것은 언제인가?", AnswerType::kTime},
                      AnswerTypeCase{"정도전이 관직에 나간 년도는?", AnswerType::kTime},
                      AnswerTypeCase{"김영삼이 서울대학교에 입학한 해는 몇 년인가?", AnswerType::kTime},
                      AnswerTypeCase{"When did OpenAI buy the GPUs?", AnswerType::kTime},
                      AnswerTypeCase{"What year was the seminar held?", AnswerType::kTime},
                      AnswerTypeCase{"바이오쇼크의 엔딩은 총 몇가지로 나뉘는가?", AnswerType::kQuantity},
                      AnswerTypeCase{"한국의 GPU는 얼마나 되는가?", AnswerType::kQuantity},
                      AnswerTypeCase{"How many GPUs does Korea have?", AnswerType::kQuantity},
                      AnswerTypeCase{"How much did private AI investment reach?", AnswerType::kQuantity},
                      AnswerTypeCase{"바이오쇼크의 엔딩 내레이션은 누가 맡았는가?", AnswerType::kAny},
                      AnswerTypeCase{"Who is Sean Randolph?", AnswerType::kAny}, AnswerTypeCase{"", AnswerType::kAny}));

}  // namespace
}  // namespace kb::search
