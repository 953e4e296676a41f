// Issue 5 follow-up: one person quoted in Korean and in English documents is counted once by
// `--counts`, under the Hangul name the documents taught (`션 란돌프(Sean Randolph)` in the seed).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/test_support.h"

namespace kb::test {
namespace {

using nlohmann::json;

TEST(Issue5SpeakerCounts, OnePersonQuotedInBothScriptsIsCountedOnce) {
  TempDir dir;
  const std::string db = (dir / "db").string();
  const CommandResult indexed = run_program("kb-index", {"--db", db, corpus_dir().string()});
  ASSERT_EQ(indexed.exit_code, 0) << indexed.err;
  // Korean and English passages quoting Randolph: the seed, the Korean and the English brief.
  const CommandResult r =
      run_program("kb-search", {"--db", db, "--counts", "--format", "json", "Randolph 란돌프 investment"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json counts = json::parse(r.out);
  const json& speakers = counts["speakers"];
  ASSERT_TRUE(speakers.contains("션 란돌프")) << speakers.dump();
  EXPECT_FALSE(speakers.contains("Sean Randolph")) << speakers.dump();
  // The English brief's passages count too: more than the Korean documents alone give.
  const CommandResult korean_only =
      run_program("kb-search", {"--db", db, "--counts", "--format", "json", "--no-expand", "란돌프"});
  ASSERT_EQ(korean_only.exit_code, 0) << korean_only.err;
  EXPECT_GT(speakers["션 란돌프"].get<int>(), json::parse(korean_only.out)["speakers"]["션 란돌프"].get<int>());
}

}  // namespace
}  // namespace kb::test
