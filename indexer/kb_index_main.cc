// kb-index: adds files and folders to a kb knowledge base.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>

#include "db_location.h"
#include "indexing_run.h"
#include "progress_bar.h"

namespace {

struct Options {
  std::optional<std::string> db;
  std::vector<std::string> paths;
  std::uint64_t max_file_bytes = kb::IndexOptions{}.max_file_bytes;
  bool quiet = false;
  bool json = false;
  bool prune = false;
  bool progress = true;
  std::size_t commit_every = kb::IndexOptions{}.commit_every;
  unsigned threads = 0;
  bool in_process = false;
  bool retry_failed = false;
  unsigned file_timeout = 600;
  unsigned shards = 0;
  bool compact = false;
};

// The hidden first argument that makes kb-index an analysis worker (analysis_worker.h).
constexpr const char* kWorkerArgument = "--analysis-worker";

void define_options(CLI::App& app, Options& o) {
  app.add_option("--db", o.db, "Index folder (default: $KB_DB, else the nearest .kb/ here or above, else ./.kb)");
  app.add_option("--max-file-size", o.max_file_bytes, "Refuse files larger than this many bytes")
      ->capture_default_str();
  app.add_flag("-q,--quiet", o.quiet, "Print errors only");
  app.add_flag("--json", o.json, "Print the summary as one JSON object on stdout");
  app.add_flag("--prune", o.prune, "Also remove every indexed document whose file no longer exists");
  app.add_flag("!--no-progress", o.progress, "No progress bar (it is shown only when stderr is a terminal)");
  app.add_option("--commit-every", o.commit_every, "Commit after this many changed documents")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("-j,--threads", o.threads, "Files parsed in parallel (0: one per CPU)")->capture_default_str();
  app.add_flag("--retry-failed", o.retry_failed,
               "Try again files whose content failed in an earlier run (they are skipped until they change)");
  app.add_flag("--in-process", o.in_process,
               "Parse in kb-index's own threads instead of worker processes (a file that crashes the "
               "reader then ends the run)");
  app.add_option("--file-timeout", o.file_timeout,
                 "Seconds one file may take to read and analyse before its worker is stopped and the file "
                 "reported as failed")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--shards", o.shards,
                 "A new index: how many shard databases to spread documents over (1: one database; "
                 "default 1). An existing index keeps its number")
      ->check(CLI::Range(1u, 64u));
  app.add_flag("--compact", o.compact,
               "After indexing, rewrite the index compactly (about a third smaller; takes a while on a large index)");
  app.add_option("paths", o.paths, "Files and folders to index (folders recursively; required unless --prune)");
}

int run(const Options& o) {
  const std::string db = kb::resolve_db_dir(o.db).string();
  std::optional<kb::IndexWriter> writer;
  try {
    writer.emplace(db, o.shards);
  } catch (const kb::IndexError& e) {
    std::cerr << "kb-index: " << e.what() << '\n';
    return 2;
  }
  kb::ProgressBar bar(stderr);
  const bool show_bar = o.progress && !o.quiet && ::isatty(STDERR_FILENO) == 1;
  nlohmann::json failures = nlohmann::json::array();
  kb::Diagnostics diagnostics{[&](const std::string& path, const std::string& reason) {
                                bar.clear();
                                std::cerr << "kb-index: " << path << ": " << reason << '\n';
                                failures.push_back({{"path", path}, {"reason", reason}});
                              },
                              [&](const std::string& path, const std::string& message) {
                                if (o.quiet) return;
                                bar.clear();
                                std::cerr << "kb-index: warning: " << path << ": " << message << '\n';
                              },
                              [&](std::size_t done, std::size_t total, const std::string& path) {
                                if (show_bar) bar.update(done, total, path);
                              }};
  kb::IndexOptions options;
  options.max_file_bytes = o.max_file_bytes;
  options.commit_every = o.commit_every;
  options.threads = o.threads;
  options.retry_failed = o.retry_failed;
  {
    std::error_code ec;
    options.db_dir = std::filesystem::canonical(db, ec);
  }
  if (!o.in_process) {
    std::error_code ec;
    const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec) {
      std::cerr << "kb-index: cannot find its own program to start workers (" << ec.message()
                << "); use --in-process\n";
      return 2;
    }
    options.isolation.argv = {self.string(), kWorkerArgument};
    options.isolation.timeout = std::chrono::seconds(o.file_timeout);
  }
  const auto start = std::chrono::steady_clock::now();
  kb::IndexingRun run(*writer, kb::ReaderRegistry::standard(), diagnostics, options);
  kb::IndexWriter::Totals totals;
  try {
    run.add(std::vector<std::filesystem::path>(o.paths.begin(), o.paths.end()));
    if (o.prune) run.prune_missing();
    run.finish();
    if (o.compact) writer->compact();
    totals = writer->totals();
  } catch (const kb::IndexError& e) {
    bar.clear();
    std::cerr << "kb-index: " << e.what() << '\n';
    return 2;
  }
  bar.clear();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const kb::IndexCounts& c = run.counts();
  if (o.json) {
    const nlohmann::json summary = {
        {"db", db},
        {"added", c.added},
        {"updated", c.updated},
        {"unchanged", c.unchanged},
        {"removed", c.removed},
        {"failed", c.failed},
        {"unchanged_failures", c.unchanged_failures},
        {"skipped", c.skipped},
        {"passages", c.passages},
        {"text_bytes", c.text_bytes},
        {"seconds", seconds},
        {"failures", failures},
        {"index", {{"documents", totals.documents}, {"passages", totals.passages}, {"shards", writer->shard_count()}}},
    };
    std::cout << summary.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  } else if (!o.quiet) {
    std::cout << "kb-index: " << db << ": " << c.added << " added, " << c.updated << " updated, " << c.unchanged
              << " unchanged, " << c.removed << " removed, " << c.failed << " failed, " << c.skipped << " skipped; "
              << c.passages << " passages indexed now; the index holds " << totals.documents << " documents, "
              << totals.passages << " passages\n";
    if (c.unchanged_failures > 0)
      std::cout << "kb-index: " << c.unchanged_failures
                << " unchanged failures: files that failed before and have not changed (--retry-failed tries "
                   "them again)\n";
  }
  return c.failed > 0 ? 2 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 2 && std::strcmp(argv[1], kWorkerArgument) == 0) return kb::serve_analysis_worker();
  CLI::App app{"kb-index: add Korean and English documents to a kb knowledge base"};
  Options options;
  define_options(app, options);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "kb-index: " << e.what() << " (see kb-index --help)\n";
    return 2;
  }
  if (options.paths.empty() && !options.prune && !options.compact) {
    std::cerr << "kb-index: give files or folders to index, --prune or --compact (see kb-index --help)\n";
    return 2;
  }
  return run(options);
}
