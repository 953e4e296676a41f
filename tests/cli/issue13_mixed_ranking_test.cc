// Issue 13: one ranking for a mixed Korean + English knowledge base. The query language's best
// passage comes first, the other language reaches the first page when it matches well, and
// expansion changes nothing on a collection in one language.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/corpus_index_suite.h"
#include "support/test_support.h"

namespace kb::test {
namespace {

using nlohmann::json;

std::vector<json> top_hits(const std::string& db, const std::string& query, unsigned k, bool expand = true) {
  std::vector<std::string> args = {"--db", db, "--format", "json", "--limit", std::to_string(k)};
  if (!expand) args.push_back("--no-expand");
  args.push_back(query);
  const CommandResult r = run_program("kb-search", args);
  EXPECT_NE(r.exit_code, 2) << query << ": " << r.err;
  std::vector<json> hits;
  for (const std::string& line : split_lines(r.out)) hits.push_back(json::parse(line));
  return hits;
}

std::vector<std::string> langs(const std::vector<json>& hits) {
  std::vector<std::string> out;
  for (const json& h : hits) out.push_back(h["doc"]["lang"].get<std::string>());
  return out;
}

class Issue13Corpus : public CorpusIndexSuite {};

struct ShapeCase {
  std::string query;
  std::string first;  // language of the first hit
  std::string other;  // a language that must appear in the top 5
};

TEST_F(Issue13Corpus, Issue13_QueryLanguageFirstOtherLanguageInTopFive) {
  const std::vector<ShapeCase> cases = {
      {"실리콘밸리", "ko", "en"},
      {"Silicon Valley", "en", "ko"},
      {"규제 혁신", "ko", "ko"},
  };
  for (const ShapeCase& c : cases) {
    const auto hits = top_hits(db(), c.query, 5);
    ASSERT_FALSE(hits.empty()) << c.query;
    const auto l = langs(hits);
    EXPECT_EQ(l.front(), c.first) << c.query;
    EXPECT_NE(std::find(l.begin(), l.end(), c.other), l.end()) << c.query;
  }
}

TEST_F(Issue13Corpus, Issue13_NoFloodingByTranslations) {
  // Without the merge, seven English passages came before the first Korean one.
  const auto l = langs(top_hits(db(), "실리콘밸리", 10));
  ASSERT_GE(l.size(), 3u);
  EXPECT_EQ(std::count(l.begin(), l.begin() + 3, "ko"), 2) << "top 3 of 실리콘밸리: two Korean, one English";
}

TEST_F(Issue13Corpus, Issue13_BadQueriesGiveAResultOrAClearEmptyOne) {
  // Mixed scripts, a name only in the other script, languages kb does not analyse: never a crash.
  for (const std::string query : {"AI반도체 investment 투자", "Randolph", "란돌프", "東京の半導体",
                                  "الاستثمار في الذكاء", "Silicon 밸리 Valley", "dlrs mln pct qtr"}) {
    const CommandResult r = run_program("kb-search", {"--db", db(), "--format", "json", query});
    EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 1) << query << ": exit " << r.exit_code << " " << r.err;
  }
}

// A Korean collection whose passages hold Latin words a Korean query is expanded to (`AI`,
// `GPU`, `Silicon Valley`): with expansion on, the first passages are the --no-expand ranking,
// and what expansion adds comes after it.
TEST(Issue13Monolingual, Issue13_ExpansionCostsNothingOnOneLanguage) {
  TempDir dir;
  dir.write("docs/a.txt",
            "정부는 반도체 산업에 대한 투자를 늘리기로 했다.\n\n"
            "실리콘밸리(Silicon Valley)의 투자자들은 AI 기업에 관심을 보였다.\n\n"
            "엔비디아 GPU 투자 경쟁에서 AI 기업들이 앞서 나갔다.\n\n"
            "데이터센터 전력망 부족이 인공지능 경쟁력의 걸림돌이라는 지적이 나왔다.\n");
  dir.write("docs/b.txt",
            "금융위원회는 금산분리 규제 완화를 검토하고 있다고 밝혔다.\n\n"
            "반도체 수출은 지난달 20% 증가했다.\n\n"
            "인공지능 투자 규모에서 한국은 미국과 중국에 크게 뒤졌다.\n\n"
            "AI investment와 semiconductor 수출을 함께 봐야 한다는 의견도 있다.\n");
  const std::string db = (dir / "db").string();
  ASSERT_EQ(run_program("kb-index", {"--db", db, (dir / "docs").string()}).exit_code, 0);
  for (const std::string query : {"인공지능 투자", "반도체", "실리콘밸리 투자", "규제 완화", "데이터센터 전력망"}) {
    std::vector<std::string> on, off;
    for (const json& h : top_hits(db, query, 10, true)) on.push_back(h["passage"]["id"]);
    for (const json& h : top_hits(db, query, 10, false)) off.push_back(h["passage"]["id"]);
    ASSERT_GE(on.size(), off.size()) << query;
    EXPECT_EQ(std::vector<std::string>(on.begin(), on.begin() + static_cast<std::ptrdiff_t>(off.size())), off) << query;
  }
}

}  // namespace
}  // namespace kb::test
