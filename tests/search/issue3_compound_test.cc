// Issue 3: a Hangul query word met inside a longer word of a passage (`면적` in `총면적`,
// `고원` in `티베트고원`) counts for proximity ranking (kCompoundSlot, analysis::compound_list).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analysis/analyzer.h"
#include "analysis/document_analyzer.h"
#include "index_writer.h"
#include "schema/schema.h"
#include "searcher.h"
#include "support/test_support.h"

namespace kb::search {
namespace {

std::vector<std::string> compounds_containing(const std::string& text, const std::string& word) {
  analysis::TextAnalyzer analyzer;
  const std::string list = analysis::compound_list(analyzer.analyze(text));
  std::vector<std::string> found;
  analysis::for_each_compound_containing(list, word, [&](std::string_view term) { found.emplace_back(term); });
  return found;
}

TEST(Issue3Compounds, ListsLongHangulWordsOnceSorted) {
  analysis::TextAnalyzer analyzer;
  // Two-syllable words and Latin words stay out; the stem is listed, not the surface form.
  EXPECT_EQ(analysis::compound_list(analyzer.analyze("총면적은 530제곱킬로미터, 총면적 AI분야 금강산 산")),
            "금강산\n제곱킬로미터\n총면적");
  EXPECT_EQ(analysis::compound_list(analyzer.analyze("GPU 1.3만 장")), "");
}

TEST(Issue3Compounds, FindsAWordInsideLongerWordsOnly) {
  EXPECT_EQ(compounds_containing("총면적 530제곱킬로미터", "면적"), std::vector<std::string>{"총면적"});
  EXPECT_EQ(compounds_containing("칭짱고원이라 불리는 티베트고원", "고원"),
            (std::vector<std::string>{"칭짱고원", "티베트고원"}));
  // The word itself is an exact match, found through its own positions.
  EXPECT_TRUE(compounds_containing("금강산 금강산은", "금강산").empty());
  EXPECT_TRUE(compounds_containing("금강산", "").empty());
  EXPECT_TRUE(compounds_containing("", "면적").empty());
}

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

std::string first_passage(const std::string& db, const std::string& question, const RankingParams& params) {
  Searcher searcher(db, params);
  SearchRequest request;
  request.query = question;
  request.expand = false;
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

TEST(Issue3CompoundRanking, AQuestionWordInsideACompoundCountsNearTheOthers) {
  test::TempDir dir;
  const std::string db = (dir / "db").string();
  // KorQuAD 6478462-0-1: the answer passage writes `총면적` in one word next to `금강산`; the
  // other passage has the word `면적` itself, far from `금강산`.
  const std::string area =
      "금강산은 동서로 40킬로미터, 남북으로 60킬로미터, 총면적 530제곱킬로미터로 수많은 봉우리가 솟아 있다.";
  const std::string temples =
      "금강산은 예로부터 아름답기로 유명하여 많은 예술가들의 표현 대상이 되었으며 계절에 따라 봉래산, 풍악산, "
      "개골산으로 불렸고 오늘날에도 수많은 관광객이 찾는 명소로 남아 있는데, 관광지구의 면적은 해마다 조금씩 넓어졌다.";
  index_texts(db, {temples, area});
  const std::string question = "금강산의 면적은?";
  RankingParams params;
  EXPECT_EQ(first_passage(db, question, params), area);
  params.compound = 0;
  EXPECT_EQ(first_passage(db, question, params), temples);
}

}  // namespace
}  // namespace kb::search
