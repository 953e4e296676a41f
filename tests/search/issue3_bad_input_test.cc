// Issue 3: bad queries never crash. Each gives either a clear SearchError or a (possibly empty)
// list of hits whose offsets stay inside their passages.
#include <gtest/gtest.h>

#include <random>

#include "analysis/unicode_text.h"
#include "index_writer.h"
#include "indexing_run.h"
#include "readers/registry.h"
#include "searcher.h"
#include "support/test_support.h"

namespace kb::test {
namespace {

class CollectSink final : public search::HitSink {
 public:
  void on_hit(const search::Hit& hit) override { hits.push_back(hit); }
  std::vector<search::Hit> hits;
};

class Issue3_BadQueries : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    dir_->write("docs/seminar.txt",
                "실리콘밸리가 AI를 축으로 다시 세계 투자의 중심이 됐다. 美 정부와 韓 기업의 협력도 늘었다.\n\n"
                "Randolph's view: San Francisco's AI boom drew 37 percent of all venture investment in 2024.");
    dir_->write("docs/gpu.md", "# GPU\n\n정부는 추경으로 GPU 1만3천장을 확보했다. 오픈AI(OpenAI)는 H100을 72만 장 운용한다.");
    IndexWriter writer((dir_->path() / "db").string());
    Diagnostics diagnostics{[](const std::string& path, const std::string& reason) { ADD_FAILURE() << path << ": " << reason; },
                            [](const std::string&, const std::string&) {}};
    IndexingRun run(writer, ReaderRegistry::standard(), diagnostics);
    run.add(dir_->path() / "docs");
    run.finish();
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }

  // Runs a query; returns "error: <message>" or "hits: <n>", checking every hit on the way.
  static std::string outcome(const std::string& query) {
    search::Searcher searcher((dir_->path() / "db").string());
    CollectSink sink;
    try {
      searcher.search({query, 10, 0}, sink);
    } catch (const search::SearchError& e) {
      EXPECT_NE(std::string(e.what()), "");
      return std::string("error: ") + e.what();
    }
    for (const search::Hit& hit : sink.hits) {
      EXPECT_TRUE(analysis::is_valid_utf8(hit.passage.text));
      for (auto [b, e] : hit.highlights) {
        EXPECT_LT(b, e);
        EXPECT_LE(e, hit.passage.text.size());
      }
    }
    return "hits: " + std::to_string(sink.hits.size());
  }

  static TempDir* dir_;
};

TempDir* Issue3_BadQueries::dir_ = nullptr;

TEST_F(Issue3_BadQueries, EmptyOrPunctuationOnlyIsAClearError) {
  EXPECT_EQ(outcome(""), "error: the query has no searchable words");
  EXPECT_EQ(outcome("   \t "), "error: the query has no searchable words");
  EXPECT_EQ(outcome("?!… ■△ \"\" ()"), "error: the query has no searchable words");
}

TEST_F(Issue3_BadQueries, OnlyStopwordsOrQuestionWordsStillSearch) {
  // With nothing else in the query, stopwords and interrogatives are searched for themselves.
  EXPECT_EQ(outcome("the and"), "hits: 0");
  EXPECT_EQ(outcome("언제 누가 무엇을 왜"), "hits: 0");
  EXPECT_EQ(outcome("the of and"), "hits: 1");  // `of` is in a passage
}

TEST_F(Issue3_BadQueries, UnbalancedQuotes) {
  EXPECT_EQ(outcome("\"실리콘밸리가 다시"), "hits: 1");
  EXPECT_EQ(outcome("GPU \"H100 \"OpenAI"), "hits: 1");
  EXPECT_EQ(outcome("\""), "error: the query has no searchable words");
}

TEST_F(Issue3_BadQueries, InvalidUtf8IsRepaired) {
  EXPECT_EQ(outcome("\xFF\xFE 실리콘밸리\xED\xA0\x80"), "hits: 1");
  EXPECT_EQ(outcome("\xC3"), "error: the query has no searchable words");
}

TEST_F(Issue3_BadQueries, MixedScriptGarbage) {
  EXPECT_NE(outcome("AI분야가漢字ㅋㅋ😀Ωβ123$%^&*ㅎㅏㄴ\u0301\u200B"), "");
  EXPECT_EQ(outcome("美韓"), "hits: 1");  // 미국, 한국
}

TEST_F(Issue3_BadQueries, TenThousandCharacterQuery) {
  const std::vector<std::string> alphabet = {"실리콘", "밸리가 ", "GPU", " ", "漢", "😀", "\"", "1,000", "의", "ㅋ", "'s "};
  std::mt19937 rng(3);
  std::string query;
  while (query.size() < 10000) query += alphabet[rng() % alphabet.size()];
  EXPECT_EQ(outcome(query).substr(0, 5), "hits:");
  EXPECT_EQ(outcome(std::string(10000, 'a')), "hits: 0");
  EXPECT_EQ(outcome(std::string(10000, '"')), "error: the query has no searchable words");
}

}  // namespace
}  // namespace kb::test
