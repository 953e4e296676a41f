// Issue 15: documents keep the date their text or metadata states, with where it came from, and
// --status tells how many are dated and from where (JSON `dates`: source → documents).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/test_support.h"

namespace kb::test {
namespace {

void write_docs(TempDir& dir) {
  dir.write("docs/plan.md",
            "---\ntitle: 지역 데이터센터 전력 계획\ndate: 2024-03-05\nurl: https://example.org/plan\n---\n\n"
            "전력망 여유가 있는 지역에 데이터센터를 먼저 짓는다.\n");
  dir.write("docs/news.txt",
            "데이터센터 전력 수요 늘어\n\n(서울=연합뉴스) 김하늘 기자 = 2024.3.6\n\n"
            "국내 데이터센터의 전력 사용량이 1년 새 12% 늘었다.\n");
  dir.write("docs/20240307_메모.txt", "연구자 공용 GPU 클러스터는 분기마다 사용률을 공개한다.\n");
  dir.write("docs/undated.txt", "Regional data centres are built first where the grid has spare capacity.\n");
}

TEST(Issue15_DatesStatus, JsonCountsDatedDocumentsBySource) {
  TempDir dir;
  write_docs(dir);
  const std::string db = (dir / "db").string();
  ASSERT_EQ(run_program("kb-index", {"--db", db, (dir / "docs").string()}).exit_code, 0);
  const CommandResult r = run_program("kb-search", {"--db", db, "--status", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json s = nlohmann::json::parse(r.out);
  EXPECT_EQ(s["documents"].get<int>(), 4);
  ASSERT_TRUE(s["dates"].is_object()) << r.out;
  EXPECT_EQ(s["dates"].size(), 3u) << r.out;
  EXPECT_EQ(s["dates"]["front-matter"].get<int>(), 1);
  EXPECT_EQ(s["dates"]["dateline"].get<int>(), 1);
  EXPECT_EQ(s["dates"]["filename"].get<int>(), 1);

  const CommandResult human = run_program("kb-search", {"--db", db, "--status"});
  EXPECT_NE(human.out.find("dates:          3 of 4 documents dated (dateline 1, filename 1, front-matter 1)"),
            std::string::npos)
      << human.out;
}

TEST(Issue15_DatesStatus, CitationsCarryTheSettledDateAndFrontMatterIsNoPassage) {
  TempDir dir;
  write_docs(dir);
  const std::string db = (dir / "db").string();
  ASSERT_EQ(run_program("kb-index", {"--db", db, (dir / "docs").string()}).exit_code, 0);
  const CommandResult r = run_program("kb-search", {"--db", db, "--json", "-n", "20", "데이터센터"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  int seen = 0;
  for (const std::string& line : split_lines(r.out)) {
    const nlohmann::json hit = nlohmann::json::parse(line);
    const std::string path = hit["doc"]["path"];
    const std::string text = hit["passage"]["text"];
    EXPECT_EQ(text.find("date:"), std::string::npos) << text;
    if (path.ends_with("plan.md")) {
      ++seen;
      EXPECT_EQ(hit["doc"]["title"], "지역 데이터센터 전력 계획");
      EXPECT_EQ(hit["citation"]["date"], "2024-03-05");
      EXPECT_EQ(hit["citation"]["url"], "https://example.org/plan");
    } else if (path.ends_with("news.txt")) {
      ++seen;
      EXPECT_EQ(hit["citation"]["date"], "2024-03-06");
    }
  }
  EXPECT_GE(seen, 2) << r.out;
}

}  // namespace
}  // namespace kb::test
