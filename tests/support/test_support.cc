#include "support/test_support.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>

extern char** environ;

namespace kb::test {
namespace fs = std::filesystem;

TempDir::TempDir() {
  std::random_device rd;
  for (int attempt = 0; attempt < 100; ++attempt) {
    fs::path candidate = fs::temp_directory_path() / ("kb-test-" + std::to_string(rd()));
    if (fs::create_directory(candidate)) {
      path_ = candidate;
      return;
    }
  }
  throw std::runtime_error("cannot create a temporary folder");
}

TempDir::~TempDir() {
  std::error_code ec;
  // Restore permissions a test may have removed, so cleanup succeeds.
  for (auto it = fs::recursive_directory_iterator(path_, fs::directory_options::skip_permission_denied, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_symlink(ec)) fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
  }
  fs::remove_all(path_, ec);
}

fs::path TempDir::write(std::string_view name, std::string_view content) const {
  fs::path p = path_ / name;
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << content;
  return p;
}

pid_t spawn_quietly(std::vector<std::string> args, bool own_group) {
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  if (own_group) {
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attr, 0);
  }
  pid_t pid = -1;
  if (posix_spawnp(&pid, argv[0], &actions, &attr, argv.data(), environ) != 0) pid = -1;
  posix_spawnattr_destroy(&attr);
  posix_spawn_file_actions_destroy(&actions);
  return pid;
}

CommandResult run_program(const std::string& program, const std::vector<std::string>& args,
                          const std::vector<std::string>& env) {
  const std::string exe = std::string(KB_BIN_DIR) + "/" + program;
  std::vector<std::string> storage{exe};
  storage.insert(storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& s : storage) argv.push_back(s.data());
  argv.push_back(nullptr);

  std::vector<std::string> env_storage;
  for (char** e = environ; *e != nullptr; ++e) {
    std::string_view entry(*e);
    if (entry.starts_with("KB_DB=")) continue;  // tests state their database explicitly
    env_storage.emplace_back(entry);
  }
  env_storage.insert(env_storage.end(), env.begin(), env.end());
  std::vector<char*> envp;
  for (auto& s : env_storage) envp.push_back(s.data());
  envp.push_back(nullptr);

  // Outputs go to temporary files: simple, and no pipe can fill up and block.
  TempDir tmp;
  const fs::path out_path = tmp / "out", err_path = tmp / "err";
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  pid_t pid = 0;
  CommandResult result;
  if (posix_spawn(&pid, exe.c_str(), &actions, nullptr, argv.data(), envp.data()) != 0) {
    posix_spawn_file_actions_destroy(&actions);
    result.err = "cannot start " + exe;
    return result;
  }
  posix_spawn_file_actions_destroy(&actions);
  int status = 0;
  waitpid(pid, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  std::ifstream o(out_path, std::ios::binary), e(err_path, std::ios::binary);
  std::stringstream os, es;
  os << o.rdbuf();
  es << e.rdbuf();
  result.out = os.str();
  result.err = es.str();
  return result;
}

fs::path source_dir() { return KB_SOURCE_DIR; }
fs::path corpus_dir() { return source_dir() / "corpus"; }

std::string check_token_invariants(std::string_view input, const std::vector<analysis::Token>& tokens) {
  std::uint32_t last_begin = 0, last_position = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const auto& t = tokens[i];
    const std::string where = "token " + std::to_string(i) + " '" + t.term + "': ";
    if (t.begin >= t.end) return where + "empty or inverted span";
    if (t.end > input.size()) return where + "span leaves the input";
    if (t.begin < last_begin) return where + "offsets go backwards";
    if (t.position <= last_position) return where + "positions do not increase";
    if (t.term.empty()) return where + "empty term";
    if (!analysis::is_valid_utf8(t.term)) return where + "term is not valid UTF-8";
    last_begin = t.begin;
    last_position = t.position;
  }
  return {};
}

void expect_analyzes_to(analysis::TextAnalyzer& analyzer, const AnalyzerCase& c) {
  SCOPED_TRACE("input: " + c.input);
  const std::vector<analysis::Token> tokens = analyzer.analyze(c.input);
  EXPECT_EQ(check_token_invariants(c.input, tokens), "");
  std::vector<std::string> terms, surfaces;
  std::vector<unsigned> positions;
  for (const auto& t : tokens) {
    terms.push_back(t.term);
    surfaces.push_back(c.input.substr(t.begin, t.end - t.begin));
    positions.push_back(t.position);
  }
  EXPECT_EQ(terms, c.terms);
  if (!c.surfaces.empty()) {
    EXPECT_EQ(surfaces, c.surfaces);
  }
  if (!c.positions.empty()) {
    EXPECT_EQ(positions, c.positions);
  }
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::stringstream ss(text);
  for (std::string line; std::getline(ss, line);)
    if (!line.empty()) lines.push_back(line);
  return lines;
}

}  // namespace kb::test
