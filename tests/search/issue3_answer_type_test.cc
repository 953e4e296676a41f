// Issue 3: what a question asks for (answer_type.h) and Korean paraphrases
// (search/data/paraphrase_ko.tsv) in ranking: the passage stating a year beside the event a
// when-question names, and the passage saying `태어났다` for a question asking `출생일`, rank first.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analysis/document_analyzer.h"
#include "answer_type.h"
#include "index_writer.h"
#include "schema/schema.h"
#include "searcher.h"
#include "support/test_support.h"

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

// Each text one document, indexed as kb-index would.
void index_texts(const std::string& db, const std::vector<std::string>& texts) {
  IndexWriter writer(db);
  analysis::DocumentAnalyzer analyzer;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    ExtractedDoc doc;
    doc.paragraphs.push_back({texts[i], 0, false});
    SourceInfo source;
    source.path = "/doc/" + std::to_string(i);
    source.id = schema::document_id_for_path(source.path);
    writer.replace(source, analyzer.analyze(doc));
  }
  writer.commit();
}

// The text of the first hit for `question` with ranking parameters `params`.
std::string first_hit(const std::string& db, const std::string& question, const RankingParams& params) {
  Searcher searcher(db, params);
  SearchRequest request;
  request.query = question;
  request.expand = false;
  const Ranking ranking = searcher.rank(request);
  if (ranking.passages.empty()) return {};
  struct First final : HitSink {
    std::string text;
    void on_hit(const Hit& hit) override {
      if (text.empty()) text = hit.passage.text;
    }
    void on_end(const SearchSummary&) override {}
  } sink;
  searcher.search(request, sink);
  return sink.text;
}

TEST(Issue3AnswerTypeRanking, AYearBesideTheEventWinsAWhenQuestion) {
  test::TempDir dir;
  const std::string db = (dir / "db").string();
  // Both passages name the event; only the longer one says when, so on the words alone (BM25
  // prefers the shorter passage) it would rank second.
  const std::string without_year = "천안함 침몰 사건이 일어났다.";
  const std::string with_year = "2010년 3월 26일 천안함 침몰 사건이 백령도 근처 해상에서 일어났다.";
  index_texts(db, {without_year, with_year});
  const std::string question = "천안함 침몰 사건이 일어난 것은 언제인가?";
  RankingParams params;
  EXPECT_EQ(first_hit(db, question, params), with_year);
  params.answer = 0;
  EXPECT_EQ(first_hit(db, question, params), without_year);
}

TEST(Issue3AnswerTypeRanking, ADayAndMonthAnswerAWhenQuestionWithoutAYear) {
  test::TempDir dir;
  const std::string db = (dir / "db").string();
  // KorQuAD 2009: the answer is `8월 29일`, no year; a number followed by 월, 일 or 세기 is a time.
  const std::string without_date = "연안호 선원과 선박이 북한에서 귀환하였다.";
  const std::string with_date = "억류되었던 연안호 선원과 선박은 8월 29일 동해 군사분계선을 넘어 귀환하였다.";
  index_texts(db, {without_date, with_date});
  const std::string question = "북한에 예인되었던 연안호 선원과 선박은 언제 귀환하였는가?";
  RankingParams params;
  EXPECT_EQ(first_hit(db, question, params), with_date);
  params.answer = 0;
  EXPECT_EQ(first_hit(db, question, params), without_date);
}

TEST(Issue3AnswerTypeRanking, TaeeonatdaAnswersAChulsaengQuestion) {
  test::TempDir dir;
  const std::string db = (dir / "db").string();
  // The shorter passage would win on the name alone.
  const std::string entered = "김영삼은 서울대학교에 입학하였다.";
  const std::string born =
      "김영삼은 1927년 12월 20일 경상남도 통영군 장목면 거제도에서 아버지 김홍조와 어머니 박부련 사이에서 태어났다.";
  index_texts(db, {entered, born});
  const std::string question = "김영삼의 출생일은?";
  RankingParams params;
  EXPECT_EQ(first_hit(db, question, params), born);
  params.spaces.paraphrase = 0;
  EXPECT_EQ(first_hit(db, question, params), entered);
}

}  // namespace
}  // namespace kb::search
