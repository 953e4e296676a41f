// Issue 12: a poison document does not end the run. kb-index parses and analyses each file in a
// worker process (indexer/analysis_worker.h); a file that crashes or hangs its worker is named
// on stderr with the reason, counted as failed (exit 2), and every other file — before and after
// it in the listing — is indexed. The fault is injected on purpose through the worker's test
// hook, KB_INJECT_FAULT=MODE:TEXT (the worker fails on files whose path contains TEXT).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "support/test_support.h"

namespace kb::test {
namespace {

std::string numbered(std::size_t i) {
  std::string n = std::to_string(i);
  return std::string(4 - std::min<std::size_t>(n.size(), 4), '0') + n;
}

// `count` small reports in both languages; file `poison` is named poison_<n>.txt.
void write_reports(const TempDir& dir, std::size_t count, std::size_t poison) {
  for (std::size_t i = 0; i < count; ++i) {
    const std::string name = (i == poison ? "poison_" : "report_") + numbered(i) + ".txt";
    const std::string text = i % 2 == 0 ? "보고서 " + std::to_string(i) + "호: 정부는 반도체 투자를 " +
                                              std::to_string(i + 3) + "% 늘린다고 밝혔다. (ref R" + numbered(i) + ")\n"
                                        : "Report " + std::to_string(i) + ": the ministry said chip investment rose " +
                                              std::to_string(i + 3) + " percent. (ref R" + numbered(i) + ")\n";
    dir.write("docs/" + name, text);
  }
}

struct FaultCase {
  std::string mode;
  std::size_t files;
  std::size_t poison;
  std::string threads;
  std::string reason;  // expected inside the failure's reason
};

inline void PrintTo(const FaultCase& c, std::ostream* os) {
  *os << c.mode << " on file " << c.poison << " of " << c.files << ", -j" << c.threads;
}

class Issue12_PoisonFile : public ::testing::TestWithParam<FaultCase> {};

TEST_P(Issue12_PoisonFile, OneFileFailsTheRestIsIndexed) {
  const FaultCase& c = GetParam();
  TempDir dir;
  write_reports(dir, c.files, c.poison);
  const CommandResult r = run_program(
      "kb-index",
      {"--db", (dir / "db").string(), "--json", "-q", "-j", c.threads, "--file-timeout", "3", (dir / "docs").string()},
      {"KB_INJECT_FAULT=" + c.mode + ":poison_"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  const auto summary = nlohmann::json::parse(r.out);
  EXPECT_EQ(summary["added"], c.files - 1) << r.out;
  EXPECT_EQ(summary["failed"], 1u) << r.out;
  ASSERT_EQ(summary["failures"].size(), 1u) << r.out;
  const std::string path = summary["failures"][0]["path"];
  const std::string reason = summary["failures"][0]["reason"];
  EXPECT_NE(path.find("poison_" + numbered(c.poison)), std::string::npos) << path;
  EXPECT_TRUE(reason.starts_with("crashed")) << reason;
  EXPECT_NE(reason.find(c.reason), std::string::npos) << reason;
  // One line on stderr names the file and the reason.
  EXPECT_NE(r.err.find("poison_" + numbered(c.poison) + ".txt: crashed"), std::string::npos) << r.err;

  // The last file that is not the poison one is searchable.
  const std::size_t last_good = c.poison == c.files - 1 ? c.files - 2 : c.files - 1;
  const CommandResult found = run_program(
      "kb-search", {"--db", (dir / "db").string(), "--format", "json", "--no-expand", "R" + numbered(last_good)});
  EXPECT_EQ(found.exit_code, 0) << found.err;
  EXPECT_NE(found.out.find("report_" + numbered(last_good) + ".txt"), std::string::npos);

  // The next run does not try the same content again (a file that kills its worker is not
  // retried forever): an unchanged failure, exit 0. --retry-failed, without the fault, indexes it.
  const CommandResult again =
      run_program("kb-index", {"--db", (dir / "db").string(), "--json", "-q", (dir / "docs").string()});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  const auto second = nlohmann::json::parse(again.out);
  EXPECT_EQ(second["added"], 0u) << again.out;
  EXPECT_EQ(second["unchanged_failures"], 1u) << again.out;
  EXPECT_EQ(second["unchanged"], c.files - 1) << again.out;
  const CommandResult retried = run_program(
      "kb-index", {"--db", (dir / "db").string(), "--json", "-q", "--retry-failed", (dir / "docs").string()});
  EXPECT_EQ(retried.exit_code, 0) << retried.err;
  const auto third = nlohmann::json::parse(retried.out);
  EXPECT_EQ(third["added"], 1u) << retried.out;
  EXPECT_EQ(third["unchanged_failures"], 0u) << retried.out;
  EXPECT_EQ(third["index"]["documents"], c.files) << retried.out;
}

// Under AddressSanitizer a segmentation fault is reported by the sanitizer, which then ends the
// process its own way (abort or exit code), so only the plain build can expect the signal.
#if defined(__SANITIZE_ADDRESS__)
constexpr const char* kSegvDeath = "twice";
#else
constexpr const char* kSegvDeath = "SIGSEGV twice";
#endif

INSTANTIATE_TEST_SUITE_P(Faults, Issue12_PoisonFile,
                         ::testing::Values(FaultCase{"segv", 1000, 417, "2", kSegvDeath},
                                           FaultCase{"segv", 40, 0, "1", kSegvDeath},
                                           FaultCase{"abort", 40, 39, "2", "SIGABRT twice"},
                                           FaultCase{"exit", 40, 20, "2", "exited with status 3 twice"},
                                           FaultCase{"hang", 40, 7, "2", "longer than 3 s"}),
                         [](const auto& param_info) {
                           return param_info.param.mode + "_" + std::to_string(param_info.param.files) + "_files_j" +
                                  param_info.param.threads;
                         });

// --in-process keeps the old behaviour for debugging: no worker processes, the hook unused.
TEST(Issue12_InProcess, IgnoresTheWorkerHook) {
  TempDir dir;
  write_reports(dir, 10, 3);
  const CommandResult r =
      run_program("kb-index", {"--db", (dir / "db").string(), "--json", "-q", "--in-process", (dir / "docs").string()},
                  {"KB_INJECT_FAULT=segv:poison_"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["added"], 10u) << r.out;
}

}  // namespace
}  // namespace kb::test
