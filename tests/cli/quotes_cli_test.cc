// Issue 5: the quote modes of kb-search over an index of our own corpus. JSON output is decoded
// and asserted on typed fields.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "support/test_support.h"

namespace kb::test {
namespace {

using nlohmann::json;

std::vector<json> json_lines(const std::string& out) {
  std::vector<json> rows;
  for (const std::string& line : split_lines(out))
    if (!line.empty()) rows.push_back(json::parse(line));
  return rows;
}

class QuotesCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    const auto r = run_program("kb-index", {"--db", db(), "-q", (corpus_dir() / "seed").string(),
                                            (corpus_dir() / "en").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  static std::string db() { return (dir_->path() / "db").string(); }
  static CommandResult search(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db()});
    return run_program("kb-search", args);
  }
  static TempDir* dir_;
};
TempDir* QuotesCli::dir_ = nullptr;

TEST_F(QuotesCli, Issue5_QuotesListsEveryQuoteWithSpeakerDocAndPassage) {
  const auto r = search({"--quotes", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto rows = json_lines(r.out);
  std::size_t seed = 0;
  for (const json& q : rows) {
    ASSERT_TRUE(q["text"].is_string());
    ASSERT_TRUE(q["speaker"]["name"].is_string());
    ASSERT_TRUE(q["speaker"]["name_en"].is_string());
    ASSERT_TRUE(q["speaker"]["title"].is_string());
    ASSERT_TRUE(q["speaker"]["org"].is_string());
    ASSERT_TRUE(q["doc"]["id"].is_string());
    ASSERT_TRUE(q["passage"]["ordinal"].is_number_unsigned());
    EXPECT_EQ(q["passage"]["id"], q["doc"]["id"].get<std::string>() + "#" + std::to_string(q["passage"]["ordinal"].get<unsigned>()));
    if (q["doc"]["path"].get<std::string>().ends_with("korea_us_ai_seminar.txt")) ++seed;
  }
  EXPECT_EQ(seed, 15u);
  EXPECT_EQ(rows.size(), 15u + 4u + 3u + 1u);  // the seed and the three English briefs
}

TEST_F(QuotesCli, Issue5_SpeakerInEitherScriptFindsTheSameQuotes) {
  std::set<std::string> by_script[4];
  const std::vector<std::string> names = {"란돌프", "Sean Randolph", "션 란돌프", "randolph"};
  for (std::size_t i = 0; i < names.size(); ++i) {
    const auto r = search({"--quotes", "--speaker", names[i], "--format", "json"});
    ASSERT_EQ(r.exit_code, 0) << names[i] << ": " << r.err;
    for (const json& q : json_lines(r.out)) {
      EXPECT_EQ(q["speaker"]["name_en"], "Sean Randolph");
      by_script[i].insert(q["text"].get<std::string>());
    }
  }
  EXPECT_EQ(by_script[0].size(), 5u + 2u);  // the seed's five, and the English brief's two (linked across scripts)
  EXPECT_EQ(by_script[0], by_script[1]);
  EXPECT_EQ(by_script[0], by_script[2]);
  EXPECT_EQ(by_script[0], by_script[3]);
}

TEST_F(QuotesCli, Issue5_QuotesWithQueryRanksQuotedWords) {
  const auto r = search({"--quotes", "규제", "혁신", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto rows = json_lines(r.out);
  ASSERT_FALSE(rows.empty());
  EXPECT_NE(rows[0]["text"].get<std::string>().find("규제"), std::string::npos);
  EXPECT_GT(rows[0]["score"].get<double>(), 0);
}

TEST_F(QuotesCli, Issue5_HitsCarryTheirPassageQuotes) {
  const auto r = search({"조사관", "민관", "--format", "json", "-n", "20"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  bool found = false;
  for (const json& hit : json_lines(r.out)) {
    ASSERT_TRUE(hit["quotes"].is_array());
    for (const json& q : hit["quotes"])
      if (q["text"].get<std::string>().starts_with("민관 협력, 규제 혁신")) {
        found = true;
        EXPECT_EQ(q["speaker"]["name"], "정준화");
        EXPECT_EQ(q["speaker"]["org"], "국회입법조사처");
        EXPECT_EQ(q["speaker"]["title"], "입법조사관");
      }
  }
  EXPECT_TRUE(found);
  const auto human = search({"조사관", "민관", "-n", "20"});
  EXPECT_NE(human.out.find("\xE2\x80\x94 정준화 (국회입법조사처 입법조사관): \"민관 협력"), std::string::npos) << human.out;
}

TEST_F(QuotesCli, Issue5_SpeakerFiltersPassages) {
  const auto r = search({"AI", "--speaker", "강석구", "--format", "json", "-n", "50"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto rows = json_lines(r.out);
  ASSERT_FALSE(rows.empty());
  for (const json& hit : rows) {
    bool kang = false;
    for (const json& q : hit["quotes"]) kang = kang || q["speaker"]["name"] == "강석구";
    EXPECT_TRUE(kang) << hit["passage"]["text"];
  }
}

TEST_F(QuotesCli, Issue5_PeopleListsWhoIsQuotedHowOftenAndWhere) {
  const auto r = search({"--people", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::map<std::string, unsigned> quotes;
  for (const json& p : json_lines(r.out)) {
    ASSERT_TRUE(p["docs"].is_array());
    quotes[p["name_en"].get<std::string>().empty() ? p["name"].get<std::string>() : p["name_en"].get<std::string>()] =
        p["quotes"].get<unsigned>();
  }
  EXPECT_EQ(quotes["Sean Randolph"], 7u);
  EXPECT_EQ(quotes["정준화"] + quotes["Jung Jun-hwa"], 8u);
  const auto csv = search({"--people", "--format", "csv"});
  EXPECT_TRUE(csv.out.starts_with("name,name_en,title,org,quotes,docs,paths,kind\r\n"));
}

TEST_F(QuotesCli, Issue5_QuotesCsvHasHeaderAndOneRowPerQuote) {
  const auto r = search({"--quotes", "--speaker", "이규엽", "--format", "csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto lines = split_lines(r.out);
  ASSERT_GE(lines.size(), 2u);
  EXPECT_TRUE(lines[0].starts_with("rank,score,text,speaker_name,speaker_name_en,speaker_title,speaker_org,doc_id"));
  EXPECT_NE(lines[1].find("이규엽"), std::string::npos);
}

TEST_F(QuotesCli, Issue5_UnknownSpeakerFindsNothingAndExitsOne) {
  const auto r = search({"--quotes", "--speaker", "Nobody Atall"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("no quotes found"), std::string::npos);
}

}  // namespace
}  // namespace kb::test
