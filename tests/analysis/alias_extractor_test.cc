// Issue 7: aliases learned from the documents themselves.
#include "analysis/alias_extractor.h"

#include <gtest/gtest.h>

namespace kb::analysis {
namespace {

struct AliasCase {
  std::string text;
  std::vector<Alias> expected;
};

void PrintTo(const AliasCase& c, std::ostream* os) { *os << c.text; }

class Issue7AliasTable : public ::testing::TestWithParam<AliasCase> {};

TEST_P(Issue7AliasTable, Extracts) {
  AliasExtractor extractor;
  EXPECT_EQ(extractor.extract(GetParam().text), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, Issue7AliasTable,
    ::testing::Values(AliasCase{"이번 세미나에는 션 란돌프(Sean Randolph) 시니어 디렉터",
                                {{"션 란돌프", "Sean Randolph"}, {"션", "Sean"}, {"란돌프", "Randolph"}}},
                      AliasCase{"미국은 민간기업 오픈AI(OpenAI) 한 곳에서만", {{"오픈AI", "OpenAI"}}},
                      AliasCase{"공공부문 AX(디지털 전환) 확산", {{"AX", "디지털 전환"}}},
                      AliasCase{"베이 카운슬 이코노믹 인스티튜트(The Bay Council Economic Institute) 시니어",
                                {{"베이 카운슬 이코노믹 인스티튜트", "Bay Council Economic Institute"},
                                 {"베이", "Bay"},
                                 {"카운슬", "Council"},
                                 {"이코노믹", "Economic"},
                                 {"인스티튜트", "Institute"}}},
                      AliasCase{"said Sean Randolph (션 란돌프) of the institute",
                                {{"Sean Randolph", "션 란돌프"}, {"Sean", "션"}, {"Randolph", "란돌프"}}},
                      // Glosses in the same script, figures and unclosed parentheses are not aliases.
                      AliasCase{"유니콘 기업(기업가치 10억달러 이상) 161개 가운데 64개(40%)", {}},
                      AliasCase{"인공지능(AI)을 축으로", {{"인공지능", "AI"}}}, AliasCase{"a note (unclosed 한국", {}},
                      AliasCase{"(Sean Randolph) at the start", {}}));

TEST(Issue7Alias, ManyParenthesesStayLinear) {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "한국(Korea) ";
  AliasExtractor extractor;
  const auto aliases = extractor.extract(text);
  ASSERT_EQ(aliases.size(), 1u);  // the same pair once
  EXPECT_EQ(aliases[0], (Alias{"한국", "Korea"}));
}

// Issue 12: each parenthesis rescanned its whole line (and each '(' searched to the next ')'), so
// one long line with many of them took 25 s here and timed out under the sanitizers.
TEST(Issue12_Alias, OneLongLineOfOpenParenthesesStaysLinear) {
  std::string text;
  for (int i = 0; i < 50000; ++i) text += "한국 (";
  text += "Korea)";
  for (int i = 0; i < 50000; ++i) text += " 미국(United States)";
  AliasExtractor extractor;
  const auto aliases = extractor.extract(text);
  // `(한국 (Korea)`: the word before the last parenthesis is `(한국`, inside another one: no pair.
  ASSERT_EQ(aliases.size(), 1u);
  EXPECT_EQ(aliases[0], (Alias{"미국", "United States"}));
}

}  // namespace
}  // namespace kb::analysis
