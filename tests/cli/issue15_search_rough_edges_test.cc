// Issue 15, the rough edges of kb-search: `--json` as kb-index has it, options that a mode does
// not read are errors (not silently ignored), a --batch line with no hits still answers, and
// pages are slices of one order with ties broken by passage id.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/test_support.h"

namespace kb::test {
namespace {
using nlohmann::json;

class Issue15_Search : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    const CommandResult indexed =
        run_program("kb-index", {"--db", db(), "-q", (corpus_dir() / "seed").string(), (corpus_dir() / "en").string(),
                                 (corpus_dir() / "ko").string()});
    ASSERT_EQ(indexed.exit_code, 0) << indexed.err;
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  static std::string db() { return (*dir_ / "db").string(); }
  static CommandResult search(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db()});
    return run_program("kb-search", args);
  }
  static std::vector<std::string> passage_ids(const std::string& jsonl) {
    std::vector<std::string> ids;
    for (const std::string& line : split_lines(jsonl)) ids.push_back(json::parse(line)["passage"]["id"]);
    return ids;
  }
  static TempDir* dir_;
};
TempDir* Issue15_Search::dir_ = nullptr;

TEST_F(Issue15_Search, JsonIsASynonymOfFormatJson) {
  const CommandResult a = search({"--json", "실리콘밸리"});
  const CommandResult b = search({"--format", "json", "실리콘밸리"});
  EXPECT_EQ(a.exit_code, 0) << a.err;
  EXPECT_FALSE(a.out.empty());
  EXPECT_EQ(a.out, b.out);
}

struct Misapplied {
  std::vector<std::string> args;
  std::string message;
};

TEST_F(Issue15_Search, OptionsAModeDoesNotReadAreErrors) {
  dir_->write("q.txt", "실리콘밸리\n");
  const std::string batch = (*dir_ / "q.txt").string();
  const std::vector<Misapplied> cases = {
      {{"--status", "--format", "csv"}, "--format csv does not apply to --status"},
      {{"--people", "대통령"}, "query words do not apply to --people"},
      {{"--batch", batch, "--format", "csv"}, "--format csv does not apply to --batch"},
      {{"--figures", "--speaker", "란돌프"}, "--speaker does not apply to --figures"},
      {{"--counts", "-n", "5", "투자"}, "--limit does not apply to --counts"},
      {{"--quotes", "--no-expand", "투자"}, "--no-expand does not apply to --quotes"},
      {{"--status", "--figures"}, "cannot be combined"},
      {{"--format", "cite", "--counts", "투자"}, "--format cite does not apply to --counts"},
  };
  for (const Misapplied& c : cases) {
    const CommandResult r = search(c.args);
    EXPECT_EQ(r.exit_code, 2) << c.args[0] << " " << r.out;
    EXPECT_NE(r.err.find(c.message), std::string::npos) << r.err;
  }
  // What each mode does read is still accepted.
  EXPECT_EQ(search({"--counts", "--no-expand", "투자"}).exit_code, 0);
  EXPECT_EQ(search({"--people", "--speaker", "란돌프", "--format", "csv"}).exit_code, 0);
  EXPECT_EQ(search({"--status", "--json"}).exit_code, 0);
}

TEST_F(Issue15_Search, ABatchLineWithNoHitsWritesARecord) {
  dir_->write("batch.tsv", "q1\t실리콘밸리\nq2\tzyzzogeton\n");
  const CommandResult r = search({"--batch", (*dir_ / "batch.tsv").string(), "-n", "1"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const std::vector<std::string> lines = split_lines(r.out);
  ASSERT_EQ(lines.size(), 2u) << r.out;
  const json none = json::parse(lines[1]);
  EXPECT_EQ(none["type"], "query");
  EXPECT_EQ(none["hits"], 0);
  EXPECT_EQ(none["query"]["id"], "q2");
  EXPECT_EQ(none["schema"], "kb/1");
}

TEST_F(Issue15_Search, PagesAreSlicesOfOneOrder) {
  for (const std::string query : {"AI investment", "실리콘밸리 투자", "정부 정책"}) {
    const std::vector<std::string> twenty = passage_ids(search({"--json", "-n", "20", query}).out);
    const std::vector<std::string> first = passage_ids(search({"--json", "-n", "10", query}).out);
    const std::vector<std::string> second = passage_ids(search({"--json", "-n", "10", "--offset", "10", query}).out);
    ASSERT_GE(twenty.size(), 15u) << query;
    std::vector<std::string> joined = first;
    joined.insert(joined.end(), second.begin(), second.end());
    EXPECT_EQ(joined, twenty) << query;
  }
}

// Human output shows a snippet and at most --figures-per-hit figures; --full the whole passage.
TEST_F(Issue15_Search, SnippetsByDefaultWholePassagesWithFull) {
  const CommandResult json_out = search({"--json", "-n", "1", "--snippet", "40", "추경을 통해 최신 GPU를 확보"});
  ASSERT_EQ(json_out.exit_code, 0) << json_out.err;
  const json hit = json::parse(split_lines(json_out.out)[0]);
  const std::string passage = hit["passage"]["text"], snippet = hit["snippet"];
  ASSERT_GT(passage.size(), snippet.size());
  EXPECT_FALSE(hit["snippet_highlights"].empty());

  const CommandResult human =
      search({"-n", "1", "--snippet", "40", "--figures-per-hit", "1", "추경을 통해 최신 GPU를 확보"});
  const CommandResult full = search({"-n", "1", "--full", "추경을 통해 최신 GPU를 확보"});
  EXPECT_EQ(human.out.find(passage.substr(passage.size() - 30)), std::string::npos) << human.out;
  EXPECT_NE(human.out.find("more figures (--full)"), std::string::npos) << human.out;
  EXPECT_NE(full.out.find(passage.substr(passage.size() - 30)), std::string::npos) << full.out;
  EXPECT_EQ(full.out.find("more figures"), std::string::npos) << full.out;
  EXPECT_EQ(search({"--figures", "--full"}).exit_code, 2);
}

TEST(Issue15_Ties, EqualScoresComeInPassageIdOrder) {
  TempDir dir;
  const std::string text = "반도체 보조금 정책은 지방 데이터센터 전력 문제와 함께 다뤄야 한다.\n";
  for (const char* name : {"c.txt", "a.txt", "e.txt", "b.txt", "d.txt"}) dir.write(std::string("docs/") + name, text);
  ASSERT_EQ(run_program("kb-index", {"--db", (dir / "db").string(), "-q", (dir / "docs").string()}).exit_code, 0);
  for (const char* limit : {"2", "5"}) {
    // Five copies of one text: kept apart (--duplicates keep), else they are one hit (result_view.h).
    const CommandResult r = run_program("kb-search", {"--db", (dir / "db").string(), "--json", "--duplicates", "keep",
                                                      "-n", limit, "반도체 보조금 데이터센터"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::vector<std::string> ids;
    for (const std::string& line : split_lines(r.out)) ids.push_back(json::parse(line)["passage"]["id"]);
    EXPECT_EQ(ids.size(), std::stoul(limit)) << r.out;
    EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end())) << r.out;
  }
}

}  // namespace
}  // namespace kb::test
