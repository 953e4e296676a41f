// Issue 3: `kb-search --batch FILE` runs one query per line (`query` or `id<TAB>query`) and
// prints JSON Lines hits, each carrying "query":{"id","text"}; a bad line is reported on stderr
// with its line number and the run goes on.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/test_support.h"

namespace kb::test {
namespace {

class Issue3_Batch : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_.write("docs/a.txt", "헤이그는 네덜란드의 도시이다. 국제사법재판소가 헤이그에 있다.");
    dir_.write("docs/b.txt", "쿠알라룸푸르 국제공항은 말레이시아의 관문이다.");
    const CommandResult indexed = run_program("kb-index", {"--db", db(), "-q", (dir_ / "docs").string()});
    ASSERT_EQ(indexed.exit_code, 0) << indexed.err;
  }
  std::string db() const { return (dir_ / "db").string(); }
  TempDir dir_;
};

TEST_F(Issue3_Batch, JsonLinesWithQueryIdAndText) {
  dir_.write("queries.tsv", "q1\t헤이그가 어디에 있나?\n쿠알라룸푸르국제공항은 어느 나라에 있나?\n\n");
  const CommandResult r = run_program("kb-search", {"--db", db(), "--batch", (dir_ / "queries.tsv").string(), "-n", "1"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<std::string> lines = split_lines(r.out);
  ASSERT_EQ(lines.size(), 2u) << r.out;
  const auto first = nlohmann::json::parse(lines[0]);
  EXPECT_EQ(first["query"]["id"], "q1");
  EXPECT_EQ(first["query"]["text"], "헤이그가 어디에 있나?");
  EXPECT_TRUE(first["doc"]["path"].get<std::string>().ends_with("a.txt"));
  EXPECT_EQ(first["rank"], 1);
  const auto second = nlohmann::json::parse(lines[1]);
  EXPECT_EQ(second["query"]["id"], "2");  // no id given: the line number
  EXPECT_TRUE(second["doc"]["path"].get<std::string>().ends_with("b.txt"));
}

TEST_F(Issue3_Batch, BadLinesReportedAndSkipped) {
  dir_.write("queries.txt", "?!…\n\xFF\xFE\n헤이그\n\"unbalanced\n");
  const CommandResult r = run_program("kb-search", {"--db", db(), "--batch", (dir_ / "queries.txt").string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("queries.txt:1: the query has no searchable words"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("queries.txt:2: the query has no searchable words"), std::string::npos) << r.err;
  for (const std::string& line : split_lines(r.out)) {
    const auto hit = nlohmann::json::parse(line);
    EXPECT_TRUE(hit["query"]["id"] == "3" || hit["query"]["id"] == "4") << line;
  }
}

TEST_F(Issue3_Batch, MissingFileAndMixedUseAreErrors) {
  CommandResult r = run_program("kb-search", {"--db", db(), "--batch", (dir_ / "nope.txt").string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("cannot read batch file"), std::string::npos) << r.err;
  dir_.write("q.txt", "헤이그\n");
  r = run_program("kb-search", {"--db", db(), "--batch", (dir_ / "q.txt").string(), "헤이그"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("not both"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace kb::test
