// Issue 4: figures through kb-index and kb-search, JSON decoded and asserted on fields.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/test_support.h"

namespace kb::test {
namespace {

using nlohmann::json;

class FiguresCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    const auto r = run_program("kb-index", {"--db", db(), "-q", corpus_dir().string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() { delete dir_; }
  static std::string db() { return (dir_->path() / "db").string(); }

  static std::vector<json> json_lines(const std::string& out) {
    std::vector<json> records;
    for (const std::string& line : split_lines(out))
      if (!line.empty()) records.push_back(json::parse(line));
    return records;
  }

  static TempDir* dir_;
};

TempDir* FiguresCli::dir_ = nullptr;

TEST_F(FiguresCli, Issue4_OneRangeQueryFindsKoreanAndEnglish) {
  const auto r = run_program("kb-search", {"--db", db(), "--figures", "--figure", "USD:1e11..1.2e11", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  bool korean = false, english = false;
  for (const json& j : json_lines(r.out)) {
    EXPECT_EQ(j["unit"], "USD");
    EXPECT_EQ(j["kind"], "money");
    EXPECT_DOUBLE_EQ(j["value"].get<double>(), 1.09e11);
    const std::string path = j["doc"]["path"];
    const std::string surface = j["surface"];
    const auto span = j["span"];
    EXPECT_EQ(span[1].get<std::size_t>() - span[0].get<std::size_t>(), surface.size());
    EXPECT_NE(j["sentence"].get<std::string>().find(surface), std::string::npos);
    if (path.ends_with("korea_us_ai_seminar.txt") && surface == "1,090억달러") {
      korean = true;
      EXPECT_EQ(j["year"], 2024);
    }
    if (path.ends_with("ai_investment_gap_brief.md") && surface == "$109 billion") english = true;
  }
  EXPECT_TRUE(korean);
  EXPECT_TRUE(english);
}

TEST_F(FiguresCli, Issue4_ListingWithoutQueryGivesEveryFigure) {
  const auto all = run_program("kb-search", {"--db", db(), "--figures", "--format", "json"});
  ASSERT_EQ(all.exit_code, 0) << all.err;
  const auto records = json_lines(all.out);
  EXPECT_GT(records.size(), 100u);  // more than the default passage limit
  const auto seed = run_program("kb-search", {"--db", db(), "--figures", "--format", "json", "실리콘밸리"});
  ASSERT_EQ(seed.exit_code, 0) << seed.err;
  EXPECT_LT(json_lines(seed.out).size(), records.size());
}

TEST_F(FiguresCli, Issue4_CsvHasOneRowPerFigure) {
  const auto r = run_program("kb-search", {"--db", db(), "--figures", "--figure", "percent=37", "--format", "csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto lines = split_lines(r.out);
  ASSERT_GE(lines.size(), 3u);
  EXPECT_TRUE(lines[0].starts_with("rank,surface,value,high,unit,kind,counter,qualifier,year,doc_id,path,title,"));
}

TEST_F(FiguresCli, Issue4_PassageHitsCarryFiguresAndObeyTheFilter) {
  const auto r = run_program("kb-search", {"--db", db(), "--figure", "ratio>=80", "--format", "json", "투자"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto hits = json_lines(r.out);
  ASSERT_FALSE(hits.empty());
  for (const json& h : hits) {
    bool has = false;
    for (const json& f : h["figures"]) has |= f["unit"] == "ratio" && f["value"].get<double>() >= 80;
    EXPECT_TRUE(has) << h["passage"]["text"];
  }
}

TEST_F(FiguresCli, Issue4_BadFilterExitsWithTwo) {
  const auto r = run_program("kb-search", {"--db", db(), "--figures", "--figure", "parsecs>1"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("parsecs>1"), std::string::npos);
}

}  // namespace
}  // namespace kb::test
