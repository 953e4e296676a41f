// Issue 7: the status view, human and JSON, decoded field by field.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/test_support.h"

namespace kb::test {
namespace {

TEST(Issue7Status, JsonCountsWhatWasIndexed) {
  TempDir dir;
  dir.write("docs/a.txt", "한국 정부가 추경을 통해 GPU를 확보했다.\n\n두 번째 문단이다.\n");
  dir.write("docs/b.md", "# OpenAI\n\nOpenAI runs 720,000 H100 GPUs, the brief says.\n");
  const std::string db = (dir / "db").string();
  ASSERT_EQ(run_program("kb-index", {"--db", db, (dir / "docs").string()}).exit_code, 0);
  const CommandResult r = run_program("kb-search", {"--db", db, "--status", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json s = nlohmann::json::parse(r.out);
  EXPECT_EQ(s["db"], db);
  EXPECT_EQ(s["documents"].get<int>(), 2);
  EXPECT_EQ(s["passages"].get<int>(), 4);
  EXPECT_EQ(s["records"]["passage"].get<int>(), 4);
  EXPECT_EQ(s["languages"]["ko"].get<int>(), 1);
  EXPECT_EQ(s["languages"]["en"].get<int>(), 1);
  EXPECT_EQ(s["extensions"][".md"].get<int>(), 1);
  EXPECT_EQ(s["extensions"][".txt"].get<int>(), 1);
  EXPECT_GT(s["source_bytes"].get<int>(), 50);
  const std::string last = s["last_update"];
  EXPECT_EQ(last.size(), 20u) << last;  // 2026-11-30T15:14:21Z
  EXPECT_EQ(last.back(), 'Z');
  EXPECT_TRUE(s["aliases"].is_number_unsigned());
}

TEST(Issue7Status, HumanAndMissingIndex) {
  TempDir dir;
  dir.write("docs/a.txt", "텍스트\n");
  const std::string db = (dir / "db").string();
  ASSERT_EQ(run_program("kb-index", {"--db", db, (dir / "docs").string()}).exit_code, 0);
  const CommandResult human = run_program("kb-search", {"--db", db, "--status"});
  EXPECT_EQ(human.exit_code, 0);
  EXPECT_NE(human.out.find("documents:      1"), std::string::npos) << human.out;
  const CommandResult missing = run_program("kb-search", {"--db", (dir / "none").string(), "--status"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("no index"), std::string::npos);
}

}  // namespace
}  // namespace kb::test
