// Issue 14: organisations and described speakers speak in Korean news, and the speaker record
// says which kind speaks: `kind` is person, organization, description or unknown in the JSON and
// CSV of --quotes and --people; --people lists organisations and described speakers beside
// people; --speaker finds an organisation by its name.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support/test_support.h"

namespace kb::test {
namespace {
using nlohmann::json;

class Issue14_SpeakerKind : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new TempDir();
    tmp_->write("news/defense.txt",
                "합동참모본부는 7일 \"북한이 동해상으로 단거리 탄도미사일 2발을 발사했다\"고 밝혔다.\n\n"
                "국방부는 \"대비 태세를 유지하고 있다\"고 말했다.\n\n"
                "합참 관계자는 \"추가 발사 가능성에 대비하고 있다\"고 전했다.\n\n"
                "김철수 국방부 대변인은 \"한미 공조를 강화하겠다\"고 밝혔다.\n");
    const CommandResult r = run_program("kb-index", {"--db", db(), (tmp_->path() / "news").string()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() {
    delete tmp_;
    tmp_ = nullptr;
  }
  static std::string db() { return (tmp_->path() / "db").string(); }
  static std::vector<json> lines(const std::string& out) {
    std::vector<json> v;
    std::istringstream in(out);
    for (std::string line; std::getline(in, line);) v.push_back(json::parse(line));
    return v;
  }
  static inline TempDir* tmp_ = nullptr;
};

TEST_F(Issue14_SpeakerKind, QuotesCarryTheKind) {
  const CommandResult r = run_program("kb-search", {"--db", db(), "--quotes", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::map<std::string, std::string> kind_of;  // first words of the quote → kind
  for (const json& q : lines(r.out)) kind_of[q["text"].get<std::string>().substr(0, 6)] = q["speaker"]["kind"];
  EXPECT_EQ(kind_of["북한"], "organization");  // 합동참모본부
  EXPECT_EQ(kind_of["대비"], "organization");  // 국방부
  EXPECT_EQ(kind_of["추가"], "description");   // 합참 관계자
  EXPECT_EQ(kind_of["한미"], "person");        // 김철수
  const CommandResult csv = run_program("kb-search", {"--db", db(), "--quotes", "--format", "csv"});
  EXPECT_NE(csv.out.find(",speaker_kind\r\n"), std::string::npos) << csv.out;
  EXPECT_NE(csv.out.find(",organization\r\n"), std::string::npos) << csv.out;
}

TEST_F(Issue14_SpeakerKind, PeopleListsOrganisationsAndDescribedSpeakers) {
  const CommandResult r = run_program("kb-search", {"--db", db(), "--people", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::map<std::string, std::string> kinds;  // org or name → kind
  for (const json& p : lines(r.out)) {
    const std::string label = !p["name"].get<std::string>().empty() ? p["name"].get<std::string>()
                              : p["kind"] == "organization"         ? p["org"].get<std::string>()
                                                                    : p["title"].get<std::string>();
    kinds[label] = p["kind"];
  }
  EXPECT_EQ(kinds["합동참모본부"], "organization") << r.out;
  EXPECT_EQ(kinds["국방부"], "organization") << r.out;
  EXPECT_EQ(kinds["김철수"], "person") << r.out;
  bool described = false;
  for (const auto& [label, kind] : kinds)
    described |= kind == "description" && label.find("관계자") != std::string::npos;
  EXPECT_TRUE(described) << r.out;
}

TEST_F(Issue14_SpeakerKind, SpeakerFindsAnOrganisation) {
  const CommandResult r = run_program("kb-search", {"--db", db(), "--quotes", "--json", "--speaker", "국방부"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<json> quotes = lines(r.out);
  ASSERT_FALSE(quotes.empty());
  for (const json& q : quotes) EXPECT_NE(q["speaker"].dump().find("국방부"), std::string::npos) << q.dump();
}

}  // namespace
}  // namespace kb::test
