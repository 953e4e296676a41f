// Helpers shared by kb's tests: temporary folders, running the CLI programs, and the analyzer
// assertion that also checks the chain's invariants on every call.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "analysis/analyzer.h"

namespace kb::test {

// A fresh folder under the system temp dir, removed on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(std::string_view name) const { return path_ / name; }
  // Writes `content` to `name` (parents created) and returns its path.
  std::filesystem::path write(std::string_view name, std::string_view content) const;

 private:
  std::filesystem::path path_;
};

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs a program from build/bin (e.g. "kb-search") with arguments, no shell involved.
CommandResult run_program(const std::string& program, const std::vector<std::string>& args,
                          const std::vector<std::string>& env = {});

// Starts `args[0]` (a path, or a name looked up in PATH) in the background, its output to
// /dev/null; with `own_group`, in a process group of its own (kill(-pid, …) then reaches it and
// its children, and a signal it sends its group misses the test). Returns its pid, or -1.
pid_t spawn_quietly(std::vector<std::string> args, bool own_group = false);

std::filesystem::path source_dir();  // the project's root
std::filesystem::path corpus_dir();

// Checks the invariants every analysis must keep (offsets inside the input and increasing,
// positions increasing, terms non-empty valid UTF-8) and returns a failure description or "".
std::string check_token_invariants(std::string_view input, const std::vector<analysis::Token>& tokens);

// One row of an analyzer table: input, the expected terms in order, and optionally the
// expected source substrings (by offsets) and positions.
struct AnalyzerCase {
  std::string input;
  std::vector<std::string> terms;
  std::vector<std::string> surfaces = {};
  std::vector<unsigned> positions = {};
};

// Test names show the input rather than raw bytes.
inline void PrintTo(const AnalyzerCase& c, std::ostream* os) { *os << c.input; }

void expect_analyzes_to(analysis::TextAnalyzer& analyzer, const AnalyzerCase& c);

std::vector<std::string> split_lines(const std::string& text);

}  // namespace kb::test
