// Issue 15, the rough edges of kb-index: a --db that is somebody's folder of notes, an index
// inside the folder it indexes, a summary that reads like an empty index, failures retried (and
// exit 2) on every run, a progress bar that restarts for each path.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "indexing_run.h"
#include "support/test_support.h"

namespace kb::test {
namespace {
namespace fs = std::filesystem;
using nlohmann::json;

const std::string kReport = "정부는 지방 데이터센터 전력 대책을 발표했다.\n\nThe ministry announced a grid plan.\n";

fs::path fixture(std::string_view name) { return source_dir() / "tests/data/readers" / name; }

json index_json(const std::vector<std::string>& args, CommandResult* raw = nullptr) {
  std::vector<std::string> all{"--json"};
  all.insert(all.end(), args.begin(), args.end());
  CommandResult r = run_program("kb-index", all);
  if (raw != nullptr) *raw = r;
  const json j = json::parse(r.out, nullptr, false);
  EXPECT_TRUE(j.is_object()) << r.out << r.err;
  return j;
}

TEST(Issue15_IndexDb, RefusesAFolderOfNotes) {
  TempDir tmp;
  tmp.write("notes/todo.txt", "buy milk\n");
  tmp.write("docs/a.txt", kReport);
  const CommandResult r = run_program("kb-index", {"--db", (tmp / "notes").string(), (tmp / "docs").string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("not a kb index"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(tmp / "notes" / "iamglass"));
  EXPECT_EQ(std::distance(fs::directory_iterator(tmp / "notes"), fs::directory_iterator{}), 1);
}

TEST(Issue15_IndexDb, TakesAnEmptyFolderAndAnExistingIndex) {
  TempDir tmp;
  fs::create_directories(tmp / "empty");
  tmp.write("docs/a.txt", kReport);
  CommandResult r;
  EXPECT_EQ(index_json({"--db", (tmp / "empty").string(), (tmp / "docs").string()}, &r)["added"], 1) << r.err;
  EXPECT_EQ(index_json({"--db", (tmp / "empty").string(), (tmp / "docs").string()}, &r)["unchanged"], 1) << r.err;
  EXPECT_EQ(r.exit_code, 0);
}

TEST(Issue15_IndexDb, ItsOwnFolderInsideAnIndexedFolderIsSkipped) {
  TempDir tmp;
  tmp.write("docs/a.txt", kReport);
  const std::string db = (tmp / "docs" / "index").string();
  CommandResult r;
  json j = index_json({"--db", db, (tmp / "docs").string()}, &r);
  EXPECT_EQ(j["added"], 1);
  j = index_json({"--db", db, (tmp / "docs").string()}, &r);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(j["skipped"], 0) << r.err;
  EXPECT_EQ(r.err.find(".glass"), std::string::npos) << r.err;
  EXPECT_EQ(j["unchanged"], 1);
}

TEST(Issue15_IndexSummary, NamesWhatTheIndexHolds) {
  TempDir tmp;
  tmp.write("docs/a.txt", kReport);
  tmp.write("docs/b.txt", "두 번째 보고서.\n");
  const std::string db = (tmp / "db").string();
  run_program("kb-index", {"--db", db, (tmp / "docs").string()});
  const CommandResult r = run_program("kb-index", {"--db", db, (tmp / "docs").string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("0 passages indexed now; the index holds 2 documents, 3 passages"), std::string::npos) << r.out;
  const json j = index_json({"--db", db, (tmp / "docs").string()});
  EXPECT_EQ(j["index"]["documents"], 2);
  EXPECT_EQ(j["index"]["passages"], 3);
}

TEST(Issue15_FailureMemory, TheSameContentIsNotTriedAgainUntilItChanges) {
  TempDir tmp;
  const fs::path bad = tmp / "docs" / "broken.docx";
  tmp.write("docs/a.txt", kReport);
  fs::copy_file(fixture("truncated.docx"), bad);
  const std::string db = (tmp / "db").string();
  CommandResult r;
  json j = index_json({"--db", db, (tmp / "docs").string()}, &r);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(j["failed"], 1);

  j = index_json({"--db", db, (tmp / "docs").string()}, &r);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(j["failed"], 0);
  EXPECT_EQ(j["unchanged_failures"], 1);
  EXPECT_EQ(r.err.find("broken.docx"), std::string::npos) << r.err;
  const CommandResult human = run_program("kb-index", {"--db", db, (tmp / "docs").string()});
  EXPECT_NE(human.out.find("1 unchanged failures"), std::string::npos) << human.out;

  j = index_json({"--db", db, "--retry-failed", (tmp / "docs").string()}, &r);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(j["failed"], 1);

  // Changed content is tried again; once it reads, the failure is forgotten.
  fs::copy_file(fixture("brief.docx"), bad, fs::copy_options::overwrite_existing);
  j = index_json({"--db", db, (tmp / "docs").string()}, &r);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(j["added"], 1);
  fs::copy_file(fixture("truncated.docx"), bad, fs::copy_options::overwrite_existing);
  j = index_json({"--db", db, (tmp / "docs").string()}, &r);
  EXPECT_EQ(r.exit_code, 2) << "the content that failed before is new again after a good version";
  EXPECT_EQ(j["failed"], 1);
}

TEST(Issue15_FailureMemory, ATooLargeFileIsRememberedBySizeAndTime) {
  TempDir tmp;
  tmp.write("docs/big.txt", std::string(400, 'a') + "\n");
  const std::string db = (tmp / "db").string();
  CommandResult r;
  json j = index_json({"--db", db, "--max-file-size", "100", (tmp / "docs").string()}, &r);
  EXPECT_EQ(j["failed"], 1);
  j = index_json({"--db", db, "--max-file-size", "100", (tmp / "docs").string()}, &r);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(j["unchanged_failures"], 1);
}

// Several paths are one run: one list, one progress count from 0 to the total.
TEST(Issue15_Progress, OneBarForTheWholeRun) {
  TempDir tmp;
  tmp.write("a/1.txt", kReport);
  tmp.write("a/2.txt", kReport + "둘\n");
  tmp.write("b/3.txt", kReport + "셋\n");
  const fs::path single = tmp.write("c.txt", kReport + "넷\n");
  std::vector<std::pair<std::size_t, std::size_t>> calls;
  {
    IndexWriter writer((tmp / "db").string());
    Diagnostics diagnostics{
        [](const std::string&, const std::string&) {}, [](const std::string&, const std::string&) {},
        [&](std::size_t done, std::size_t total, const std::string&) { calls.emplace_back(done, total); }};
    IndexingRun run(writer, ReaderRegistry::standard(), diagnostics);
    run.add(std::vector<fs::path>{tmp / "a", tmp / "b", single});
    run.finish();
    EXPECT_EQ(run.counts().added, 4u);
  }
  ASSERT_FALSE(calls.empty());
  for (const auto& [done, total] : calls) EXPECT_EQ(total, 4u);
  EXPECT_EQ(calls.front().first, 0u);
  EXPECT_EQ(calls.back().first, 4u);
}

}  // namespace
}  // namespace kb::test
