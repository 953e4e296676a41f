// Issue 16 (a smaller index): a kb index keeps no word positions and holds a passage's text in its
// compressed document data. Phrases ("double quoted") and the proximity rerank read the positions
// of the passages they look at from their text, analysed again (Searcher::passage_tokens), so a
// phrase still matches only its words in order, on one database and on shards.
#include <gtest/gtest.h>

#include <set>
#include <sstream>
#include <string>

#include <xapian.h>
#include <nlohmann/json.hpp>

#include "schema/schema.h"
#include "support/test_support.h"

namespace kb::test {
namespace {
using nlohmann::json;

class Issue16_NoPositions : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    dir_->write("docs/strategy_ko.txt",
                "정부는 올해 AI 전략을 새로 발표했다.\n\n"
                "전략 회의에서는 AI 예산과 인재 양성이 함께 논의됐다.\n\n"
                "반도체 수출 규제는 이번 전략에서 빠졌다.");
    dir_->write("docs/strategy_en.txt",
                "The government announced a new AI strategy this year.\n\n"
                "Strategy talks also covered the AI budget and training.\n\n"
                "Chip export controls were left out of the plan.");
    for (const char* name : {"one", "two"}) {
      std::vector<std::string> args{"--db", (dir_->path() / name).string()};
      if (std::string(name) == "two") args.insert(args.end(), {"--shards", "2"});
      args.push_back((dir_->path() / "docs").string());
      ASSERT_EQ(run_program("kb-index", args).exit_code, 0);
    }
  }
  static void TearDownTestSuite() { delete dir_; }
  static std::string db(const char* name) { return (dir_->path() / name).string(); }

  // The texts of the passages a search returns.
  static std::set<std::string> texts(const char* index, const std::string& query) {
    const CommandResult r = run_program("kb-search", {"--db", db(index), "--format", "json", "--no-expand", query});
    EXPECT_LE(r.exit_code, 1) << r.err;
    std::set<std::string> out;
    std::istringstream lines(r.out);
    for (std::string line; std::getline(lines, line);) {
      const json hit = json::parse(line, nullptr, false);
      if (hit.is_object() && hit.contains("passage")) out.insert(hit["passage"].value("text", ""));
    }
    return out;
  }
  static inline TempDir* dir_ = nullptr;
};

TEST_F(Issue16_NoPositions, TheIndexHoldsNoPositionsAndTheTextInTheData) {
  Xapian::Database index(db("one"));
  ASSERT_GT(index.get_doccount(), 0u);
  EXPECT_FALSE(index.has_positions());
  for (Xapian::docid id = 1; id <= index.get_lastdocid(); ++id) {
    const Xapian::Document record = index.get_document(id);
    const std::string data = record.get_data();
    const schema::PassageDataParts parts = schema::split_passage_data(data);
    EXPECT_FALSE(parts.legacy) << data;
    EXPECT_FALSE(parts.text.empty()) << data;
    EXPECT_TRUE(json::parse(parts.json.begin(), parts.json.end(), nullptr, false).is_object()) << data;
    EXPECT_TRUE(record.get_value(schema::kTextSlot).empty());
  }
}

TEST_F(Issue16_NoPositions, APhraseMatchesItsWordsInOrderOnly) {
  struct Row {
    std::string query;
    std::set<std::string> expected;
  };
  for (const Row& row : std::vector<Row>{
           {"\"AI 전략\"", {"정부는 올해 AI 전략을 새로 발표했다."}},
           {"\"AI strategy\"", {"The government announced a new AI strategy this year."}},
           {"\"strategy talks\"", {"Strategy talks also covered the AI budget and training."}},
           {"\"전략 AI\"", {}},
           {"\"budget AI\"", {}},
       }) {
    for (const char* index : {"one", "two"})
      EXPECT_EQ(texts(index, row.query), row.expected) << index << " " << row.query;
  }
  // Without quotes the same words also find the passage that holds them in another order.
  EXPECT_TRUE(texts("one", "AI 전략").count("전략 회의에서는 AI 예산과 인재 양성이 함께 논의됐다."));
}

TEST_F(Issue16_NoPositions, CountsOfAPhraseCountThePhrase) {
  const CommandResult r = run_program("kb-search", {"--db", db("one"), "--counts", "--json", "\"AI strategy\""});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json counts = json::parse(r.out, nullptr, false);
  ASSERT_TRUE(counts.is_object()) << r.out;
  EXPECT_EQ(counts.value("passages", -1), 1) << r.out;
}

}  // namespace
}  // namespace kb::test
