// Issue 13, counts you can cite: `--counts`, `--quotes QUERY` and `--figures QUERY` count and list
// only passages that hold a query word as a word (or stem, or an equivalent); passages that share
// nothing but a syllable bigram with it (`정원`, `국정` for `국정원`) still rank in a passage search
// but are not counted.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "support/test_support.h"

namespace kb::test {
namespace {
using nlohmann::json;

class Issue13_StrictCounts : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new TempDir();
    tmp_->write("docs/a.txt", "국정원은 해킹 의혹을 부인했다.\n");
    tmp_->write("docs/b.txt", "서울 시내 정원 가꾸기 행사가 주말에 열렸다.\n");
    tmp_->write("docs/c.txt", "국정 감사에서 의원들이 장관에게 질의했다.\n");
    tmp_->write("docs/d.txt", "박 대변인은 \"국정원 개혁이 시급하다\"고 말했다.\n");
    tmp_->write("docs/e.txt", "김 교수는 \"정원 관리가 어렵다\"고 말했다.\n");
    tmp_->write("docs/f.txt", "국정원 예산은 1,000억원으로 늘었다.\n");
    tmp_->write("docs/g.txt", "정원 조성 예산은 500억원이다.\n");
    const CommandResult r = run_program("kb-index", {"--db", db(), "-q", "--no-progress", (*tmp_ / "docs").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() {
    delete tmp_;
    tmp_ = nullptr;
  }
  static std::string db() { return (*tmp_ / "db").string(); }
  static std::vector<json> lines(const std::vector<std::string>& args) {
    std::vector<std::string> all{"--db", db(), "--format", "json"};
    all.insert(all.end(), args.begin(), args.end());
    const CommandResult r = run_program("kb-search", all);
    EXPECT_NE(r.exit_code, 2) << r.err;
    std::vector<json> out;
    std::istringstream in(r.out);
    for (std::string line; std::getline(in, line);)
      if (json j = json::parse(line, nullptr, false); j.is_object()) out.push_back(j);
    return out;
  }
  static inline TempDir* tmp_ = nullptr;
};

TEST_F(Issue13_StrictCounts, CountsOnlyPassagesHoldingTheWord) {
  const std::vector<json> counts = lines({"--counts", "국정원"});
  ASSERT_EQ(counts.size(), 1u);
  EXPECT_EQ(counts[0]["passages"], 3) << counts[0].dump();  // a, d, f
  for (const json& d : counts[0]["documents"]) {
    const std::string path = d["path"];
    EXPECT_TRUE(path.ends_with("a.txt") || path.ends_with("d.txt") || path.ends_with("f.txt")) << path;
  }
  // The passage search still finds more than it counts: bigrams rank, they do not count.
  EXPECT_GT(lines({"-n", "20", "국정원"}).size(), 3u);
}

TEST_F(Issue13_StrictCounts, QuotesOnlyFromPassagesHoldingTheWord) {
  const std::vector<json> quotes = lines({"--quotes", "국정원"});
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_NE(quotes[0].dump().find("국정원 개혁이 시급하다"), std::string::npos) << quotes[0].dump();
}

TEST_F(Issue13_StrictCounts, FiguresOnlyFromPassagesHoldingTheWord) {
  const std::vector<json> figures = lines({"--figures", "국정원"});
  ASSERT_EQ(figures.size(), 1u);
  EXPECT_EQ(figures[0]["value"], 1e11) << figures[0].dump();
}

}  // namespace
}  // namespace kb::test
