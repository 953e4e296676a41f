// Issue 2: kb-index and kb-search end to end — exit codes, JSON Lines decoded field by field,
// and bad input that is reported in one line while the run goes on.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "support/test_support.h"

namespace kb::test {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

CommandResult kb_index(const TempDir& db, std::vector<std::string> args) {
  args.insert(args.begin(), {"--db", (db / "db").string()});
  return run_program("kb-index", args);
}

CommandResult kb_search(const TempDir& db, std::vector<std::string> args) {
  args.insert(args.begin(), {"--db", (db / "db").string()});
  return run_program("kb-search", args);
}

std::vector<json> json_lines(const std::string& out) {
  std::vector<json> records;
  for (const std::string& line : split_lines(out)) records.push_back(json::parse(line));
  return records;
}

// The corpus indexed once for the whole suite: tests only read it.
class CorpusIndex : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    const CommandResult r = kb_index(*dir_, {corpus_dir().string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  static TempDir* dir_;
};
TempDir* CorpusIndex::dir_ = nullptr;

TEST_F(CorpusIndex, Issue2_KoreanParticleQueryFindsBothForms) {
  const CommandResult r = kb_search(*dir_, {"--format", "json", "--limit", "50", "실리콘밸리"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  bool with_ga = false, with_wa = false;
  for (const json& hit : json_lines(r.out)) {
    const std::string text = hit["passage"]["text"];
    with_ga |= text.find("실리콘밸리가") != std::string::npos;
    with_wa |= text.find("실리콘밸리와") != std::string::npos;
  }
  EXPECT_TRUE(with_ga);
  EXPECT_TRUE(with_wa);
}

TEST_F(CorpusIndex, Issue2_EnglishQueryFindsEnglishBrief) {
  const CommandResult r = kb_search(*dir_, {"--format", "json", "--limit", "3", "Silicon", "Valley", "investment"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto hits = json_lines(r.out);
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0]["doc"]["lang"], "en");
  const std::string text = hits[0]["passage"]["text"];
  EXPECT_NE(text.find("Silicon Valley"), std::string::npos) << text;
}

TEST_F(CorpusIndex, Issue2_GpuFigureQueryFindsSeedPassage) {
  const CommandResult r = kb_search(*dir_, {"--format", "json", "--limit", "3", "GPU 1.3만장"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto hits = json_lines(r.out);
  ASSERT_FALSE(hits.empty());
  bool seed_found = false;
  for (const json& hit : hits) {
    const std::string text = hit["passage"]["text"];
    seed_found |= text.find("1.3만장의 최신 GPU") != std::string::npos;
  }
  EXPECT_TRUE(seed_found);
}

TEST_F(CorpusIndex, Issue2_JsonRecordFieldByField) {
  const CommandResult r = kb_search(*dir_, {"--format", "json", "--limit", "5", "--no-expand", "란돌프"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto hits = json_lines(r.out);
  ASSERT_FALSE(hits.empty());
  unsigned expected_rank = 1;
  double previous_score = 1e300;
  for (const json& hit : hits) {
    EXPECT_EQ(hit["rank"].get<unsigned>(), expected_rank++);
    const double score = hit["score"].get<double>();
    EXPECT_GT(score, 0.0);
    EXPECT_LE(score, previous_score);
    previous_score = score;
    const json& doc = hit["doc"];
    const std::string id = doc["id"], path = doc["path"], lang = doc["lang"];
    EXPECT_EQ(id.size(), 16u);
    EXPECT_TRUE(fs::exists(path)) << path;
    EXPECT_FALSE(doc["title"].get<std::string>().empty());
    EXPECT_TRUE(lang == "ko" || lang == "en") << lang;
    const json& passage = hit["passage"];
    const std::string pid = passage["id"];
    EXPECT_EQ(pid, id + "#" + std::to_string(passage["ordinal"].get<unsigned>()));
    const std::string text = passage["text"];
    EXPECT_FALSE(text.empty());
    EXPECT_TRUE(passage["offset"].is_number_unsigned());
    for (const json& h : hit["highlights"]) {
      const unsigned b = h[0], e = h[1];
      ASSERT_LT(b, e);
      ASSERT_LE(e, text.size());
      EXPECT_EQ(text.substr(b, e - b).rfind("란돌프", 0), 0u) << text.substr(b, e - b);
    }
    EXPECT_FALSE(hit["highlights"].empty());
  }
}

TEST_F(CorpusIndex, Issue2_PhraseMustMatchInOrder) {
  const CommandResult in_order = kb_search(*dir_, {"--format", "json", "\"Silicon Valley\""});
  ASSERT_EQ(in_order.exit_code, 0) << in_order.err;
  for (const json& hit : json_lines(in_order.out)) {
    const std::string text = hit["passage"]["text"];
    EXPECT_NE(text.find("Silicon Valley"), std::string::npos) << text;
  }
  const CommandResult reversed = kb_search(*dir_, {"\"Valley Silicon\""});
  EXPECT_EQ(reversed.exit_code, 1);
}

TEST_F(CorpusIndex, Issue2_NoHitsExitsOne) {
  const CommandResult r = kb_search(*dir_, {"zyzzyvaquux"});
  EXPECT_EQ(r.exit_code, 1);
}

TEST_F(CorpusIndex, Issue2_EmptyQueryIsAnError) {
  const CommandResult r = kb_search(*dir_, {""});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("empty query"), std::string::npos) << r.err;
  const CommandResult punctuation = kb_search(*dir_, {"?!… \"\""});
  EXPECT_EQ(punctuation.exit_code, 2);
  EXPECT_NE(punctuation.err.find("no searchable words"), std::string::npos) << punctuation.err;
}

TEST_F(CorpusIndex, Issue2_CsvHasHeaderAndRows) {
  const CommandResult r = kb_search(*dir_, {"--format", "csv", "--limit", "2", "OpenAI"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto lines = split_lines(r.out);
  ASSERT_GE(lines.size(), 2u);
  EXPECT_EQ(lines[0], "rank,score,doc_id,path,title,lang,passage_id,ordinal,offset,text,citation,snippet,group,also\r");
}

TEST(Issue2Search, MissingIndexIsAnError) {
  TempDir dir;
  const CommandResult r = kb_search(dir, {"AI"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no index"), std::string::npos) << r.err;
}

TEST(Issue2Search, BadOptionIsAnError) {
  TempDir dir;
  EXPECT_EQ(kb_search(dir, {"--format", "xml", "AI"}).exit_code, 2);
  EXPECT_EQ(kb_search(dir, {"--limit", "0", "AI"}).exit_code, 2);
}

TEST(Issue2Index, ReindexReplacesTheDocument) {
  TempDir dir;
  const fs::path file = dir.write("docs/note.txt", "원래 문장은 사과에 관한 것이다.\n");
  ASSERT_EQ(kb_index(dir, {file.string()}).exit_code, 0);
  EXPECT_EQ(kb_search(dir, {"사과"}).exit_code, 0);
  dir.write("docs/note.txt", "바뀐 문장은 배에 관한 것이다.\n");
  const CommandResult again = kb_index(dir, {file.string()});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("1 updated"), std::string::npos) << again.out;
  EXPECT_EQ(kb_search(dir, {"사과"}).exit_code, 1);
  const CommandResult r = kb_search(dir, {"--format", "json", "바뀐"});
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_EQ(json_lines(r.out).size(), 1u);
  // Unchanged content is not indexed again.
  EXPECT_NE(kb_index(dir, {file.string()}).out.find("1 unchanged"), std::string::npos);
}

TEST(Issue2Index, DbFoundUpwardsLikeGit) {
  TempDir dir;
  dir.write("notes/a.md", "# 제목\n\n데이터센터 전력망 확보\n");
  fs::create_directories(dir / "project/.kb");
  fs::create_directories(dir / "project/sub");
  // Run from project/sub: the index lands in project/.kb.
  const std::string old = fs::current_path();
  fs::current_path(dir / "project/sub");
  const CommandResult r = run_program("kb-index", {(dir / "notes").string()});
  const CommandResult s = run_program("kb-search", {"전력망"});
  fs::current_path(old);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(s.exit_code, 0) << s.err;
  EXPECT_TRUE(fs::exists(dir / "project/.kb/iamglass") || fs::exists(dir / "project/.kb/iamchert"));
}

TEST(Issue2Index, KbDbEnvironmentVariable) {
  TempDir dir;
  const fs::path file = dir.write("a.txt", "Bay Council economic institute\n");
  const std::string env = "KB_DB=" + (dir / "envdb").string();
  ASSERT_EQ(run_program("kb-index", {file.string()}, {env}).exit_code, 0);
  EXPECT_TRUE(fs::exists(dir / "envdb"));
  EXPECT_EQ(run_program("kb-search", {"Bay", "Council"}, {env}).exit_code, 0);
}

// Bad input: one line naming the file and the reason, the run goes on, exit code 2, and what
// was indexed before stays searchable.
struct BadInputCase {
  std::string name;
  std::function<fs::path(const TempDir&)> make;  // returns the path handed to kb-index
  std::string reason;                            // expected in the error line
  int exit_code;
};

void PrintTo(const BadInputCase& c, std::ostream* os) { *os << c.name; }

class Issue2BadInput : public ::testing::TestWithParam<BadInputCase> {};

TEST_P(Issue2BadInput, ReportedSkippedAndNothingLost) {
  const BadInputCase& c = GetParam();
  TempDir dir;
  const fs::path good = dir.write("good/seminar.txt", "대한상공회의소는 세미나를 공동 개최했다.\n");
  ASSERT_EQ(kb_index(dir, {good.string()}).exit_code, 0);

  const fs::path bad = c.make(dir);
  const fs::path later = dir.write("later/brief.md", "# Brief\n\nData centers and the power grid.\n");
  const CommandResult r = kb_index(dir, {bad.string(), later.string()});
  EXPECT_EQ(r.exit_code, c.exit_code) << r.err;
  if (!c.reason.empty()) {
    bool found = false;
    for (const std::string& line : split_lines(r.err))
      found |= line.find(bad.filename().string()) != std::string::npos && line.find(c.reason) != std::string::npos;
    EXPECT_TRUE(found) << "stderr: " << r.err;
  }
  EXPECT_EQ(kb_search(dir, {"대한상공회의소"}).exit_code, 0) << "earlier document lost";
  EXPECT_EQ(kb_search(dir, {"power", "grid"}).exit_code, 0) << "the run did not go on";
}

INSTANTIATE_TEST_SUITE_P(
    Cases, Issue2BadInput,
    ::testing::Values(
        BadInputCase{"missing", [](const TempDir& d) { return d / "nope.txt"; }, "no such file", 2},
        BadInputCase{"binary_txt",
                     [](const TempDir& d) {
                       return d.write("bin.txt", std::string("\x7f"
                                                             "ELF\0\0\x01\x02",
                                                             8));
                     },
                     "binary", 2},
        BadInputCase{"unknown_extension", [](const TempDir& d) { return d.write("photo.png", "not really"); },
                     "unsupported file type", 2},
        BadInputCase{"empty", [](const TempDir& d) { return d.write("empty.txt", ""); }, "empty", 2},
        BadInputCase{"invalid_utf8",
                     // Mostly UTF-8 with a stray byte: repaired, not reinterpreted in another charset.
                     [](const TempDir& d) {
                       return d.write(
                           "stray.txt",
                           "한국 정부가 최근 추경을 통해 GPU를 확보했다 \xFF 그리고 데이터센터를 지원한다.\n");
                     },
                     "invalid UTF-8", 0},
        BadInputCase{"directory_loop",
                     [](const TempDir& d) {
                       fs::create_directories(d / "loop/inner");
                       d.write("loop/inner/x.txt", "loop text\n");
                       fs::create_directory_symlink(d / "loop", d / "loop/inner/back");
                       return d / "loop";
                     },
                     "directory loop", 2}));

TEST(Issue2Index, UnreadableFileNamedInError) {
  if (geteuid() == 0) GTEST_SKIP() << "root reads files without permission";
  TempDir dir;
  fs::path p = dir.write("secret.txt", "비밀\n");
  fs::permissions(p, fs::perms::none);
  const CommandResult r = kb_index(dir, {p.string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("secret.txt: Permission denied"), std::string::npos) << r.err;
}

TEST(Issue2Index, UnusableDbIsAnError) {
  TempDir dir;
  const fs::path not_a_dir = dir.write("db", "a file where the index should be");
  const fs::path doc = dir.write("a.txt", "text\n");
  const CommandResult r = run_program("kb-index", {"--db", not_a_dir.string(), doc.string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("cannot open index"), std::string::npos) << r.err;
}

TEST(Issue2Index, WalkSkipsUnsupportedAndIgnoredFilesWithoutFailing) {
  TempDir dir;
  dir.write("c/a.txt", "alpha text\n");
  dir.write("c/b.png", "png");
  dir.write("c/README.md", "# readme\n\nbeta text\n");
  dir.write("c/.kbignore", "README.md\n");
  const CommandResult r = kb_index(dir, {(dir / "c").string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("b.png: skipped: unsupported file type"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("1 added"), std::string::npos) << r.out;
  EXPECT_EQ(kb_search(dir, {"beta"}).exit_code, 1);
}

}  // namespace
}  // namespace kb::test
