// Issue 6: kb-index over bad input and over changing folders. Each bad file gives one line
// naming it and the reason, the run goes on, the exit code is 2, and nothing indexed before is
// lost; unchanged files are skipped, changed ones updated, vanished ones removed.
#include <gtest/gtest.h>
#include <unistd.h>

#include <xapian.h>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "indexing_run.h"
#include "readers/registry.h"
#include "schema/schema.h"
#include "support/test_support.h"

namespace kb::test {
namespace {
namespace fs = std::filesystem;
using nlohmann::json;

const std::string kGood =
    "지방 데이터센터는 전력망 여유가 있는 곳에 먼저 짓는다.\n\nRegional data centres come first.\n";

fs::path fixture(std::string_view name) { return source_dir() / "tests/data/readers" / name; }

json index_json(const fs::path& db, const std::vector<std::string>& paths, CommandResult* raw = nullptr,
                std::vector<std::string> extra = {}) {
  std::vector<std::string> args{"--db", db.string(), "--json"};
  args.insert(args.end(), extra.begin(), extra.end());
  args.insert(args.end(), paths.begin(), paths.end());
  CommandResult r = run_program("kb-index", args);
  if (raw != nullptr) *raw = r;
  const json j = json::parse(r.out, nullptr, false);
  EXPECT_TRUE(j.is_object()) << r.out << r.err;
  return j;
}

std::size_t document_count(const fs::path& db) {
  Xapian::Database d(db.string());
  std::size_t n = 0;
  const std::string prefix(schema::kMetaDocumentPrefix);
  for (auto it = d.metadata_keys_begin(prefix); it != d.metadata_keys_end(prefix); ++it) ++n;
  return n;
}

bool indexed(const fs::path& db, const fs::path& file) {
  Xapian::Database d(db.string());
  return !d.get_metadata(schema::document_metadata_key(schema::document_id_for_path(fs::canonical(file).string())))
              .empty();
}

// The lines of stderr that name `path` (errors, not warnings).
std::vector<std::string> error_lines_for(const std::string& err, const std::string& path) {
  std::vector<std::string> out;
  for (const std::string& line : split_lines(err))
    if (line.find(path) != std::string::npos && line.find("warning:") == std::string::npos) out.push_back(line);
  return out;
}

TEST(Issue6_IndexRun, BadFilesAreReportedOnceAndCostNothing) {
  TempDir tmp;
  const fs::path docs = tmp / "docs", db = tmp / "db";
  fs::create_directories(docs);
  const fs::path good = tmp.write("docs/good.txt", kGood);
  ASSERT_EQ(index_json(db, {docs.string()})["added"], 1);

  // Now the bad ones arrive beside it.
  const std::vector<std::string> bad_fixtures = {
      "truncated.docx", "zipbomb.docx", "traversal.docx", "billion_laughs.xml", "malformed.xml", "encrypted.pdf",
      "truncated.pdf",  "scan.pdf",     "encrypted.hwpx", "truncated.hwp",      "empty.txt",     "no_unicode_map.pdf"};
  for (const std::string& f : bad_fixtures) fs::copy_file(fixture(f), docs / f);
  tmp.write("docs/too_large.txt", std::string(5000, 'a'));
  fs::create_symlink("loop_b.txt", docs / "loop_a.txt");
  fs::create_symlink("loop_a.txt", docs / "loop_b.txt");
  fs::create_directories(docs / "sub");
  fs::create_directory_symlink("..", docs / "sub" / "up");  // a directory loop
  const bool root = ::geteuid() == 0;                       // root reads files whatever their mode
  const fs::path locked = tmp.write("docs/locked.txt", kGood);
  fs::permissions(locked, fs::perms::none);

  CommandResult r;
  const json j = index_json(db, {docs.string()}, &r, {"--max-file-size", "4000"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  std::vector<std::string> expected_bad = bad_fixtures;
  expected_bad.insert(expected_bad.end(), {"too_large.txt", "loop_a.txt", "loop_b.txt"});
  if (!root) expected_bad.push_back("locked.txt");
  for (const std::string& f : expected_bad)
    EXPECT_EQ(error_lines_for(r.err, (docs / f).string()).size(), 1u) << f << "\n" << r.err;
  EXPECT_NE(r.err.find("directory loop"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("file too large"), std::string::npos);
  EXPECT_EQ(j["failed"].get<std::size_t>(), expected_bad.size() + 1);  // + the directory loop
  EXPECT_EQ(j["failures"].size(), j["failed"].get<std::size_t>());
  EXPECT_EQ(j["removed"], 0);
  // Nothing indexed before is lost.
  EXPECT_TRUE(indexed(db, good));
  EXPECT_EQ(document_count(db), root ? 2u : 1u);  // root could read locked.txt
  const CommandResult search = run_program("kb-search", {"--db", db.string(), "--format", "json", "데이터센터"});
  EXPECT_EQ(search.exit_code, 0) << search.err;
  EXPECT_NE(search.out.find("good.txt"), std::string::npos);
  fs::permissions(locked, fs::perms::owner_all);
}

TEST(Issue6_IndexRun, AFileThatTurnsBadKeepsItsPreviousDocument) {
  TempDir tmp;
  const fs::path db = tmp / "db";
  const fs::path file = tmp.write("docs/brief.docx", "");
  fs::copy_file(fixture("brief.docx"), file, fs::copy_options::overwrite_existing);
  ASSERT_EQ(index_json(db, {file.string()})["added"], 1);
  fs::copy_file(fixture("truncated.docx"), file, fs::copy_options::overwrite_existing);
  CommandResult r;
  const json j = index_json(db, {(tmp / "docs").string()}, &r);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(j["failed"], 1);
  EXPECT_EQ(j["removed"], 0);
  EXPECT_TRUE(indexed(db, file));
}

TEST(Issue6_IndexRun, IncrementalCounts) {
  TempDir tmp;
  const fs::path docs = tmp / "docs", db = tmp / "db";
  const fs::path a = tmp.write("docs/a.txt", kGood);
  const fs::path b = tmp.write("docs/sub/b.md", "# 제목\n\nGPU 클러스터 사용률 공개.\n");
  fs::copy_file(fixture("brief.hwpx"), docs / "c.hwpx");
  fs::copy_file(fixture("brief.pdf"), docs / "d.pdf");

  json j = index_json(db, {docs.string()});
  EXPECT_EQ(j["added"], 4);
  EXPECT_EQ(j["failed"], 0);
  j = index_json(db, {docs.string()});
  EXPECT_EQ(j["added"], 0);
  EXPECT_EQ(j["unchanged"], 4);
  EXPECT_EQ(j["updated"], 0);

  tmp.write("docs/a.txt", kGood + "\n새 문단이 추가되었다.\n");
  fs::remove(b);
  tmp.write("docs/e.html", "<html><head><title>새 보고서</title></head><body><p>새 문서.</p></body></html>");
  j = index_json(db, {docs.string()});
  EXPECT_EQ(j["added"], 1);
  EXPECT_EQ(j["updated"], 1);
  EXPECT_EQ(j["unchanged"], 2);
  EXPECT_EQ(j["removed"], 1);
  EXPECT_EQ(document_count(db), 4u);

  // A vanished file outside the folders named is left alone, unless --prune is asked for.
  const fs::path other = tmp.write("elsewhere/x.txt", kGood);
  ASSERT_EQ(index_json(db, {other.string()})["added"], 1);
  fs::remove(other);
  j = index_json(db, {docs.string()});
  EXPECT_EQ(j["removed"], 0);
  EXPECT_EQ(document_count(db), 5u);
  CommandResult r;
  j = index_json(db, {}, &r, {"--prune"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(j["removed"], 1);
  EXPECT_EQ(document_count(db), 4u);
}

TEST(Issue6_IndexRun, FileDeletedMidRunIsReportedAndTheRunGoesOn) {
  TempDir tmp;
  const fs::path docs = tmp / "docs";
  tmp.write("docs/1.txt", kGood);
  tmp.write("docs/2.txt", kGood + "둘");
  tmp.write("docs/3.txt", kGood + "셋");
  std::vector<std::string> errors;
  IndexCounts counts;
  {
    IndexWriter writer((tmp / "db").string());
    Diagnostics diagnostics{
        [&](const std::string& path, const std::string& reason) { errors.push_back(path + ": " + reason); },
        [](const std::string&, const std::string&) {},
        [&](std::size_t done, std::size_t, const std::string& path) {
          // The folder is listed; just before the second file is read, it disappears.
          if (done == 1) fs::remove(path);
        }};
    IndexingRun run(writer, ReaderRegistry::standard(), diagnostics);
    run.add(docs);
    run.finish();
    counts = run.counts();
  }
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("2.txt"), std::string::npos) << errors[0];
  EXPECT_NE(errors[0].find("No such file"), std::string::npos) << errors[0];
  EXPECT_EQ(counts.added, 2u);
  EXPECT_EQ(counts.failed, 1u);
}

TEST(Issue6_IndexRun, JsonSummaryHasEveryCount) {
  TempDir tmp;
  const fs::path f = tmp.write("a.txt", kGood);
  const json j = index_json(tmp / "db", {f.string()});
  for (const char* key : {"db", "added", "updated", "unchanged", "removed", "failed", "skipped", "passages",
                          "text_bytes", "seconds", "failures"})
    EXPECT_TRUE(j.contains(key)) << key;
}

// Everything a record holds except the time it was indexed, in docid order.
std::vector<std::string> record_dump(const fs::path& db) {
  Xapian::Database d(db.string());
  std::vector<std::string> out;
  for (Xapian::docid id = 1; id <= d.get_lastdocid(); ++id) {
    const Xapian::Document doc = d.get_document(id);
    json data = json::parse(doc.get_data(), nullptr, false);
    if (data.is_object()) data.erase(schema::kKeyIndexedAt);
    std::string line = std::to_string(id) + " " + data.dump();
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
      line += " " + *t + ":" + std::to_string(t.get_wdf()) + ":" + std::to_string(t.positionlist_count());
    for (auto v = doc.values_begin(); v != doc.values_end(); ++v)
      line += " v" + std::to_string(v.get_valueno()) + "=" + *v;
    out.push_back(std::move(line));
  }
  return out;
}

// Issue 6 (indexing speed): files are parsed by a pool of workers, out of order, but written in
// listing order, so a parallel run stores exactly what a one-thread run stores, docids included.
TEST(Issue6_IndexRun, ParallelRunStoresTheSameRecordsAsOneThread) {
  TempDir tmp;
  const std::vector<std::string> inputs{corpus_dir().string(), (source_dir() / "tests/data/readers").string()};
  index_json(tmp / "one", inputs, nullptr, {"-j", "1"});
  index_json(tmp / "four", inputs, nullptr, {"-j", "4"});
  const std::vector<std::string> one = record_dump(tmp / "one");
  const std::vector<std::string> four = record_dump(tmp / "four");
  ASSERT_GT(one.size(), 100u);
  ASSERT_EQ(one.size(), four.size());
  for (std::size_t i = 0; i < one.size(); ++i) ASSERT_EQ(one[i], four[i]) << "record " << i + 1;
}

}  // namespace
}  // namespace kb::test
