// kb-index: adds files and folders to a kb knowledge base.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <optional>

#include "db_location.h"
#include "indexing_run.h"

namespace {

struct Options {
  std::optional<std::string> db;
  std::vector<std::string> paths;
  std::uint64_t max_file_bytes = kb::IndexOptions{}.max_file_bytes;
  bool quiet = false;
};

void define_options(CLI::App& app, Options& o) {
  app.add_option("--db", o.db, "Index folder (default: $KB_DB, else the nearest .kb/ here or above, else ./.kb)");
  app.add_option("--max-file-size", o.max_file_bytes, "Refuse files larger than this many bytes")
      ->capture_default_str();
  app.add_flag("-q,--quiet", o.quiet, "Print errors only");
  app.add_option("paths", o.paths, "Files and folders to index (folders recursively)")->required();
}

int run(const Options& o) {
  const std::string db = kb::resolve_db_dir(o.db).string();
  std::optional<kb::IndexWriter> writer;
  try {
    writer.emplace(db);
  } catch (const kb::IndexError& e) {
    std::cerr << "kb-index: " << e.what() << '\n';
    return 2;
  }
  kb::Diagnostics diagnostics{
      [](const std::string& path, const std::string& reason) { std::cerr << "kb-index: " << path << ": " << reason << '\n'; },
      [&](const std::string& path, const std::string& message) {
        if (!o.quiet) std::cerr << "kb-index: warning: " << path << ": " << message << '\n';
      }};
  kb::IndexOptions options;
  options.max_file_bytes = o.max_file_bytes;
  kb::IndexingRun run(*writer, kb::ReaderRegistry::standard(), diagnostics, options);
  try {
    for (const std::string& p : o.paths) run.add(p);
    run.finish();
  } catch (const kb::IndexError& e) {
    std::cerr << "kb-index: " << e.what() << '\n';
    return 2;
  }
  const kb::IndexCounts& c = run.counts();
  if (!o.quiet)
    std::cout << "kb-index: " << db << ": " << c.added << " added, " << c.updated << " updated, " << c.unchanged
              << " unchanged, " << c.failed << " failed, " << c.skipped << " skipped; " << c.passages
              << " passages\n";
  return c.failed > 0 ? 2 : 0;
}

}  // namespace

int main(int argc, char** argv) {
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
  return run(options);
}
