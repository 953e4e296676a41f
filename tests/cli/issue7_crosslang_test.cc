// Issue 7: English queries find Korean passages and the reverse, through the learned aliases and
// the glossary; --no-expand turns that off.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/corpus_index_suite.h"
#include "support/test_support.h"

namespace kb::test {
namespace {

using nlohmann::json;

class Issue7CrossLanguage : public CorpusIndexSuite {
 protected:
  // The passages of the top `k` hits.
  static std::vector<json> top(const std::string& query, unsigned k, bool expand = true) {
    std::vector<std::string> args = {"--db", db(), "--format", "json", "--limit", std::to_string(k)};
    if (!expand) args.push_back("--no-expand");
    args.push_back(query);
    const CommandResult r = run_program("kb-search", args);
    std::vector<json> hits;
    for (const std::string& line : split_lines(r.out)) hits.push_back(json::parse(line));
    return hits;
  }

  static bool any_contains(const std::vector<json>& hits, const std::string& lang, const std::string& needle) {
    for (const json& h : hits)
      if (h["doc"]["lang"] == lang && h["passage"]["text"].get<std::string>().find(needle) != std::string::npos)
        return true;
    return false;
  }
};

struct CrossCase {
  std::string query;
  std::string lang;    // language of the passage that must be in the top 3
  std::string needle;  // a substring of that passage
};

TEST_F(Issue7CrossLanguage, EnglishQueriesFindKoreanPassages) {
  const std::vector<CrossCase> cases = {
      {"Sean Randolph Silicon Valley investment", "ko", "션 란돌프"},
      {"OpenAI H100 GPUs", "ko", "72만장의 H100"},
      {"Korea private AI investment 2024", "ko", "AI 민간 투자"},
  };
  for (const auto& c : cases) {
    const auto hits = top(c.query, 3);
    EXPECT_TRUE(any_contains(hits, c.lang, c.needle)) << c.query;
  }
}

TEST_F(Issue7CrossLanguage, KoreanQueriesFindEnglishBriefs) {
  const std::vector<CrossCase> cases = {
      {"란돌프 실리콘밸리 투자", "en", "Silicon Valley"},
      {"데이터센터 전력망", "en", "power grid"},
      {"금산분리 규제 완화", "en", "banking and commerce"},
  };
  for (const auto& c : cases) {
    const auto hits = top(c.query, 3);
    EXPECT_TRUE(any_contains(hits, c.lang, c.needle)) << c.query;
  }
}

TEST_F(Issue7CrossLanguage, NoExpandStaysInTheQueryLanguage) {
  // Without expansion every hit says "Randolph" (Korean passages only where they give the Latin
  // name); with it, Korean passages that only say 란돌프 are found too.
  for (const json& h : top("Randolph", 50, /*expand=*/false))
    EXPECT_NE(h["passage"]["text"].get<std::string>().find("Randolph"), std::string::npos);
  bool korean_only = false;
  for (const json& h : top("Randolph", 50)) {
    const std::string text = h["passage"]["text"];
    korean_only |= text.find("란돌프") != std::string::npos && text.find("Randolph") == std::string::npos;
  }
  EXPECT_TRUE(korean_only);
}

TEST(Issue7Glossary, UserGlossaryExtendsExpansion) {
  TempDir dir;
  dir.write("docs/note.txt", "쿼타랩은 투자 데이터 분석을 맡는다.\n");
  dir.write("extra.tsv", "# ours\n분석\tzorbanalysis\n");
  ASSERT_EQ(run_program("kb-index", {"--db", (dir / "db").string(), (dir / "docs").string()}).exit_code, 0);
  const std::string db = (dir / "db").string();
  EXPECT_EQ(run_program("kb-search", {"--db", db, "zorbanalysis"}).exit_code, 1);
  EXPECT_EQ(
      run_program("kb-search", {"--db", db, "--glossary", (dir / "extra.tsv").string(), "zorbanalysis"}).exit_code, 0);
  EXPECT_EQ(
      run_program("kb-search", {"--db", db, "zorbanalysis"}, {"KB_GLOSSARY=" + (dir / "extra.tsv").string()}).exit_code,
      0);
  dir.write("bad.tsv", "no tab here\n");
  const CommandResult bad = run_program("kb-search", {"--db", db, "--glossary", (dir / "bad.tsv").string(), "투자"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("bad.tsv: 1 malformed line"), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace kb::test
