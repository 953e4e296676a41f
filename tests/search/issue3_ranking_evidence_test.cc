// Issue 3: each kind of evidence the ranking adds to BM25 lifts the passage it should, and only
// through that evidence — with it switched off the other passage ranks first:
//   * answer types (answer_type.h): a year, or a number with a unit of time, beside the event a
//     when-question names;
//   * Korean paraphrases (search/data/paraphrase_ko.tsv): `태어났다` for a question asking `출생일`;
//   * compounds (kCompoundSlot): a query word inside a longer word of the passage, next to the
//     other query words.
#include <gtest/gtest.h>

#include "searcher.h"
#include "support/ranking_support.h"
#include "support/test_support.h"

namespace kb::search {
namespace {

class Issue3RankingEvidence : public ::testing::TestWithParam<test::EvidenceCase> {};

TEST_P(Issue3RankingEvidence, LiftsItsPassageFirst) {
  const test::EvidenceCase& c = GetParam();
  test::TempDir dir;
  const std::string db = (dir / "db").string();
  test::index_texts(db, {c.plain, c.lifted});
  RankingParams params;
  EXPECT_EQ(test::first_passage(db, c.question, params), c.lifted);
  c.switch_off(params);
  EXPECT_EQ(test::first_passage(db, c.question, params), c.plain);
}

INSTANTIATE_TEST_SUITE_P(
    Evidence, Issue3RankingEvidence,
    ::testing::Values(
        // Both passages name the event; only the longer one says when, so on the words alone
        // (BM25 prefers the shorter passage) it would rank second.
        test::EvidenceCase{"year", "천안함 침몰 사건이 일어난 것은 언제인가?",
                           "2010년 3월 26일 천안함 침몰 사건이 백령도 근처 해상에서 일어났다.",
                           "천안함 침몰 사건이 일어났다.", [](RankingParams& p) { p.answer = 0; }},
        // KorQuAD: the answer is `8월 29일`, no year.
        test::EvidenceCase{"day_and_month", "북한에 예인되었던 연안호 선원과 선박은 언제 귀환하였는가?",
                           "억류되었던 연안호 선원과 선박은 8월 29일 동해 군사분계선을 넘어 귀환하였다.",
                           "연안호 선원과 선박이 북한에서 귀환하였다.", [](RankingParams& p) { p.answer = 0; }},
        // The shorter passage would win on the name alone.
        test::EvidenceCase{"paraphrase", "김영삼의 출생일은?",
                           "김영삼은 1927년 12월 20일 경상남도 통영군 장목면 거제도에서 아버지 김홍조와 어머니 "
                           "박부련 사이에서 태어났다.",
                           "김영삼은 서울대학교에 입학하였다.", [](RankingParams& p) { p.spaces.paraphrase = 0; }},
        // KorQuAD 6478462-0-1: the answer passage writes `총면적` in one word next to `금강산`; the
        // other passage has the word `면적` itself, far from `금강산`.
        test::EvidenceCase{"compound", "금강산의 면적은?",
                           "금강산은 동서로 40킬로미터, 남북으로 60킬로미터, 총면적 530제곱킬로미터로 수많은 "
                           "봉우리가 솟아 있다.",
                           "금강산은 예로부터 아름답기로 유명하여 많은 예술가들의 표현 대상이 되었으며 계절에 따라 "
                           "봉래산, 풍악산, 개골산으로 불렸고 오늘날에도 수많은 관광객이 찾는 명소로 남아 있는데, "
                           "관광지구의 면적은 해마다 조금씩 넓어졌다.",
                           [](RankingParams& p) { p.compound = 0; }}),
    [](const ::testing::TestParamInfo<test::EvidenceCase>& row) { return row.param.name; });

}  // namespace
}  // namespace kb::search
