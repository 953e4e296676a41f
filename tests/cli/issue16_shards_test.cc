// Issue 16: an index spread over shards (kb-index --shards N) holds every document once, is
// searched as one, keeps its number of shards, refuses shards it cannot write, and a sharded
// search never crashes on a word that only some shards hold (Xapian 1.4.22's OP_MAX across
// shards does: query_builder.cc); kb-index --compact keeps every answer.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support/test_support.h"

namespace kb::test {
namespace {
namespace fs = std::filesystem;
using nlohmann::json;

json run_json(const std::string& program, const std::vector<std::string>& args, CommandResult* raw = nullptr) {
  std::vector<std::string> all{"--json"};
  all.insert(all.end(), args.begin(), args.end());
  CommandResult r = run_program(program, all);
  if (raw != nullptr) *raw = r;
  const json j = json::parse(r.out, nullptr, false);
  EXPECT_TRUE(j.is_object()) << program << ": " << r.out << r.err;
  return j;
}

// Passage ids of the hits, in order.
std::vector<std::string> passage_ids(const std::string& db, const std::string& query, bool expand = true) {
  std::vector<std::string> args{"--db", db, "--format", "json", "-n", "5", query};
  if (!expand) args.push_back("--no-expand");
  const CommandResult r = run_program("kb-search", args);
  EXPECT_NE(r.exit_code, 2) << query << ": " << r.err;
  std::vector<std::string> ids;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    const json hit = json::parse(line, nullptr, false);
    if (hit.is_object() && hit.contains("passage")) ids.push_back(hit["passage"]["id"]);
  }
  return ids;
}

// Words of the shipped corpus in both languages; several occur in one or two documents only, so
// some shards lack them.
const std::vector<std::string> kQueries = {
    "실리콘밸리",           "Silicon Valley",    "란돌프 디렉터", "GPU 1.3만장",      "반도체 수출 규제",
    "AI 전략 세미나",       "데이터센터 전력",   "Sean Randolph", "chips investment", "장소는 서울",
    "인공지능 인재 양성은", "quantum computing", "\"AI 전략\"",
};

class Issue16_Shards : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new TempDir();
    const std::string corpus = (source_dir() / "corpus").string();
    CommandResult r;
    single_index_ = run_json("kb-index", {"--db", (*tmp_ / "one").string(), "--shards", "1", corpus}, &r);
    sharded_index_ = run_json("kb-index", {"--db", (*tmp_ / "three").string(), "--shards", "3", corpus}, &r);
    EXPECT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() {
    delete tmp_;
    tmp_ = nullptr;
  }
  static std::string db(const char* name) { return (*tmp_ / name).string(); }

  static inline TempDir* tmp_ = nullptr;
  static inline json single_index_, sharded_index_;
};

TEST_F(Issue16_Shards, EveryDocumentOnceInOneOfTheShards) {
  ASSERT_TRUE(fs::exists(fs::path(db("three")) / "XAPIANDB"));
  std::ifstream stub(fs::path(db("three")) / "XAPIANDB");
  std::string line;
  int shards = 0;
  while (std::getline(stub, line)) {
    EXPECT_EQ(line.rfind("auto shard-", 0), 0u) << line;
    ++shards;
  }
  EXPECT_EQ(shards, 3);
  EXPECT_EQ(sharded_index_["index"]["shards"], 3);
  EXPECT_EQ(single_index_["index"]["shards"], 1);
  EXPECT_GT(single_index_["index"]["documents"].get<int>(), 5);
  EXPECT_EQ(sharded_index_["index"]["documents"], single_index_["index"]["documents"]);
  EXPECT_EQ(sharded_index_["index"]["passages"], single_index_["index"]["passages"]);
  // Documents are spread, not all in one shard.
  int non_empty = 0;
  for (const char* shard : {"shard-00", "shard-01", "shard-02"})
    if (fs::file_size(fs::path(db("three")) / shard / "docdata.glass") > 0) ++non_empty;
  EXPECT_GE(non_empty, 2);
}

// Korean words may rank a little differently across shards (README, "Shards": kb's passage
// weighting class on a multi-database), so the same order is required of queries without Hangul
// searched as typed (no translation brings Korean words in); every query must come back with hits.
TEST_F(Issue16_Shards, SearchedAsOne) {
  for (const std::string& query : kQueries) {
    const std::vector<std::string> one = passage_ids(db("one"), query), three = passage_ids(db("three"), query);
    ASSERT_FALSE(one.empty()) << query;
    ASSERT_FALSE(three.empty()) << query;
    const bool hangul = query.find("\xEA") != std::string::npos || query.find("\xEB") != std::string::npos ||
                        query.find("\xEC") != std::string::npos || query.find("\xED") != std::string::npos;
    if (!hangul) {
      EXPECT_EQ(passage_ids(db("one"), query, false), passage_ids(db("three"), query, false)) << query;
    }
  }
  const json status = run_json("kb-search", {"--db", db("three"), "--status"});
  EXPECT_EQ(status["documents"], single_index_["index"]["documents"]) << status.dump();
}

TEST_F(Issue16_Shards, UnchangedFilesAreFoundInTheirShards) {
  CommandResult r;
  const json again = run_json("kb-index", {"--db", db("three"), (source_dir() / "corpus").string()}, &r);
  EXPECT_EQ(again["added"], 0) << r.err;
  EXPECT_EQ(again["unchanged"], single_index_["added"]);
  EXPECT_EQ(again["index"]["documents"], single_index_["index"]["documents"]);
}

TEST_F(Issue16_Shards, TheNumberOfShardsIsFixed) {
  const CommandResult r =
      run_program("kb-index", {"--db", db("three"), "--shards", "2", (source_dir() / "corpus").string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("has 3 shard(s)"), std::string::npos) << r.err;
  const CommandResult plain =
      run_program("kb-index", {"--db", db("one"), "--shards", "4", (source_dir() / "corpus").string()});
  EXPECT_EQ(plain.exit_code, 2);
  EXPECT_NE(plain.err.find("has 1 shard(s)"), std::string::npos) << plain.err;
}

TEST_F(Issue16_Shards, ARemoteShardIsNotWrittenByKbIndex) {
  TempDir tmp;
  fs::create_directories(tmp / "remote");
  std::ofstream(tmp / "remote" / "XAPIANDB") << "remote tcp 127.0.0.1 1\n";
  tmp.write("docs/a.txt", "정부는 데이터센터 전력 대책을 발표했다.\n");
  const CommandResult r = run_program("kb-index", {"--db", (tmp / "remote").string(), (tmp / "docs").string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("remote tcp 127.0.0.1 1"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("local shards only"), std::string::npos) << r.err;
}

TEST_F(Issue16_Shards, CompactKeepsEveryAnswer) {
  TempDir tmp;
  const std::string copy = (tmp / "one").string();
  CommandResult r;
  run_json("kb-index", {"--db", copy, "--shards", "1", (source_dir() / "corpus").string()}, &r);
  std::vector<std::vector<std::string>> before;
  for (const std::string& query : kQueries) before.push_back(passage_ids(copy, query));
  const json compacted = run_json("kb-index", {"--db", copy, "--compact"}, &r);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(compacted["index"]["documents"], single_index_["index"]["documents"]);
  for (std::size_t i = 0; i < kQueries.size(); ++i) EXPECT_EQ(passage_ids(copy, kQueries[i]), before[i]) << kQueries[i];
}

}  // namespace
}  // namespace kb::test
