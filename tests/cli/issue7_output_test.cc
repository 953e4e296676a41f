// Issue 7: every JSON record carries the schema envelope; hits carry citations; CSV decodes to
// the header's columns; --format cite prints one pasteable line per hit.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "printer/csv.h"
#include "support/test_support.h"

namespace kb::test {
namespace {

using nlohmann::json;

class Issue7Output : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    // Lines 3–4 are one paragraph: line 3 breaks its sentence after a particle (issue 13: lines that
    // each end a sentence are paragraphs of their own in a file that is not hard-wrapped).
    dir_->write("docs/seminar.txt",
                "첫 줄은 제목이다\n\n"
                "정준화 국회입법조사처 입법조사관은\n"
                "\"한국 정부가 최근 추경을 통해 1.3만장의 최신 GPU를 확보했다\"고 말했다. 둘째 줄도 같은 문단이다.\n");
    const CommandResult r = run_program("kb-index", {"--db", db(), (*dir_ / "docs").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
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
  static TempDir* dir_;
};
TempDir* Issue7Output::dir_ = nullptr;

TEST_F(Issue7Output, HitCarriesEnvelopeAndCitation) {
  const CommandResult r = search({"--format", "json", "추경"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto lines = split_lines(r.out);
  ASSERT_EQ(lines.size(), 1u);
  const json hit = json::parse(lines[0]);
  EXPECT_EQ(hit["schema"], "kb/1");
  EXPECT_EQ(hit["type"], "hit");
  const json& c = hit["citation"];
  EXPECT_EQ(c["path"], hit["doc"]["path"]);
  EXPECT_EQ(c["title"], "첫 줄은 제목이다");
  EXPECT_EQ(c["passage"].get<unsigned>(), 1u);
  EXPECT_EQ(c["lines"], json::array({3, 4}));  // blank-line paragraphs: lines 3–4
  EXPECT_TRUE(c["page"].is_null());
  EXPECT_TRUE(c["date"].is_null());
  EXPECT_TRUE(c["url"].is_null());
  const std::string text = c["text"];
  EXPECT_EQ(text, "첫 줄은 제목이다. " + hit["doc"]["path"].get<std::string>() +
                      ", passage 1 (lines 3\xE2\x80\x93"
                      "4).");
  // The figure and the quote of the passage come with it.
  ASSERT_EQ(hit["figures"].size(), 1u);
  EXPECT_EQ(hit["figures"][0]["value"].get<double>(), 13000.0);
  ASSERT_EQ(hit["quotes"].size(), 1u);
  EXPECT_EQ(hit["quotes"][0]["speaker"]["name"], "정준화");
}

TEST_F(Issue7Output, EveryListingRecordHasTheEnvelope) {
  const std::vector<std::pair<std::vector<std::string>, std::string>> modes = {
      {{"--figures", "--format", "json"}, "figure"},
      {{"--quotes", "--format", "json"}, "quote"},
      {{"--people", "--format", "json"}, "person"},
      {{"--status", "--format", "json"}, "status"},
  };
  for (const auto& [args, type] : modes) {
    const CommandResult r = search(args);
    ASSERT_EQ(r.exit_code, 0) << type << ": " << r.err;
    const auto lines = split_lines(r.out);
    ASSERT_FALSE(lines.empty()) << type;
    for (const std::string& line : lines) {
      const json record = json::parse(line);
      EXPECT_EQ(record["schema"], "kb/1") << type;
      EXPECT_EQ(record["type"], type);
    }
  }
}

TEST_F(Issue7Output, CsvRowsMatchTheirHeaders) {
  const std::vector<std::vector<std::string>> modes = {{"--format", "csv", "추경"},
                                                       {"--figures", "--format", "csv"},
                                                       {"--quotes", "--format", "csv"},
                                                       {"--people", "--format", "csv"}};
  for (const auto& args : modes) {
    const CommandResult r = search(args);
    ASSERT_EQ(r.exit_code, 0) << args[0] << ": " << r.err;
    const auto rows = kb::search::read_csv(r.out);
    ASSERT_GE(rows.size(), 2u) << r.out;
    for (const auto& row : rows) EXPECT_EQ(row.size(), rows[0].size()) << args[0];
  }
  const auto hits = kb::search::read_csv(search({"--format", "csv", "추경"}).out);
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0][10], "citation");
  // Issue 15: columns are only added at the end (snippet; then group and also).
  EXPECT_EQ(hits[0][11], "snippet");
  EXPECT_EQ(hits[0].back(), "also");
  EXPECT_NE(hits[1][10].find("passage 1 (lines 3"), std::string::npos);
  EXPECT_NE(hits[1][9].find("\"한국 정부가"), std::string::npos) << "quotes inside a field survive CSV";
}

TEST_F(Issue7Output, CiteFormatIsOneLinePerHit) {
  const CommandResult r = search({"--format", "cite", "추경"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto lines = split_lines(r.out);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].rfind("[1] 첫 줄은 제목이다. ", 0), 0u) << lines[0];
  EXPECT_NE(lines[0].find("\xE2\x80\x9C"
                          "정준화"),
            std::string::npos)
      << lines[0];
}

TEST_F(Issue7Output, CountsByDocumentLanguageSpeakerYear) {
  const CommandResult r = search({"--counts", "--format", "json", "추경"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json c = json::parse(r.out);
  EXPECT_EQ(c["schema"], "kb/1");
  EXPECT_EQ(c["type"], "counts");
  EXPECT_EQ(c["query"], "추경");
  EXPECT_EQ(c["passages"].get<int>(), 1);
  ASSERT_EQ(c["documents"].size(), 1u);
  EXPECT_EQ(c["documents"][0]["passages"].get<int>(), 1);
  EXPECT_NE(c["documents"][0]["path"].get<std::string>().find("seminar.txt"), std::string::npos);
  EXPECT_EQ(c["languages"]["ko"].get<int>(), 1);
  EXPECT_EQ(c["speakers"]["정준화"].get<int>(), 1);
  EXPECT_TRUE(c["years"].is_object());
  const auto csv = kb::search::read_csv(search({"--counts", "--format", "csv", "추경"}).out);
  ASSERT_GE(csv.size(), 4u);
  EXPECT_EQ(csv[0], (std::vector<std::string>{"facet", "key", "count"}));
  EXPECT_EQ(search({"--counts", "zyzzyvaquux"}).exit_code, 1);
}

}  // namespace
}  // namespace kb::test
