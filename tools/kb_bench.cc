// kb-bench: indexing throughput and query latency for a folder and a list of queries.
//
//   kb-bench --folder DIR --queries FILE [--db DIR] [--repeat N] [--json]
//
// Indexes DIR into a fresh database (a temporary one unless --db is given) exactly as kb-index
// does — read, extract, analyse, write, commit — and reports MB/s of extracted text and of file
// bytes over the whole indexing time. Then runs every query of FILE (one per line, or
// `id<TAB>query`) through the real search path N times and reports median and p95 latency.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "index_writer.h"
#include "indexing_run.h"
#include "searcher.h"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

class CountingSink final : public kb::search::HitSink {
 public:
  void on_hit(const kb::search::Hit&) override { ++hits; }
  std::size_t hits = 0;
};

std::uint64_t folder_bytes(const fs::path& dir) {
  std::uint64_t total = 0;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec))
    if (it->is_regular_file(ec)) total += it->file_size(ec);
  return total;
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const std::size_t i = std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5));
  return v[i];
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"kb-bench: indexing throughput and query latency"};
  std::string folder, queries_path, db_arg;
  unsigned repeat = 3;
  bool as_json = false;
  app.add_option("--folder", folder, "Folder to index")->required()->check(CLI::ExistingDirectory);
  app.add_option("--queries", queries_path, "Queries, one per line or id<TAB>query")->required()->check(CLI::ExistingFile);
  app.add_option("--db", db_arg, "Database folder to create (default: a temporary one, removed afterwards)");
  app.add_option("--repeat", repeat, "Times each query is run")->capture_default_str();
  app.add_flag("--json", as_json, "Print the figures as one JSON object");
  CLI11_PARSE(app, argc, argv);

  const bool temporary = db_arg.empty();
  const fs::path db = temporary ? fs::temp_directory_path() / ("kb-bench-" + std::to_string(::getpid())) : fs::path(db_arg);
  fs::remove_all(db);

  std::size_t errors = 0;
  const auto t0 = Clock::now();
  kb::IndexCounts counts;
  {
    kb::IndexWriter writer(db.string());
    kb::Diagnostics diagnostics{[&](const std::string& p, const std::string& r) {
                                  ++errors;
                                  std::cerr << "kb-bench: " << p << ": " << r << '\n';
                                },
                                [](const std::string&, const std::string&) {}};
    kb::IndexingRun run(writer, kb::ReaderRegistry::standard(), diagnostics);
    run.add(folder);
    run.finish();
    counts = run.counts();
  }
  const double index_seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  const std::uint64_t input_bytes = folder_bytes(folder);
  const std::uint64_t db_bytes = folder_bytes(db);

  std::vector<std::string> queries;
  std::ifstream in(queries_path);
  for (std::string line; std::getline(in, line);) {
    if (const auto tab = line.find('\t'); tab != std::string::npos) line = line.substr(tab + 1);
    if (!line.empty()) queries.push_back(line);
  }
  std::vector<double> latencies_ms;
  std::size_t answered = 0;
  {
    kb::search::Searcher searcher(db.string());
    for (unsigned r = 0; r < repeat; ++r) {
      for (const std::string& q : queries) {
        CountingSink sink;
        const auto q0 = Clock::now();
        try {
          kb::search::SearchRequest request;
          request.query = q;
          searcher.search(request, sink);
        } catch (const kb::search::SearchError&) {
        }
        latencies_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - q0).count());
        if (r == 0 && sink.hits > 0) ++answered;
      }
    }
  }
  if (temporary) fs::remove_all(db);

  const double mb = 1e6;
  nlohmann::json report = {
      {"documents", counts.added + counts.updated},
      {"failed", counts.failed},
      {"passages", counts.passages},
      {"input_mb", static_cast<double>(input_bytes) / mb},
      {"text_mb", static_cast<double>(counts.text_bytes) / mb},
      {"index_seconds", index_seconds},
      {"text_mb_per_s", static_cast<double>(counts.text_bytes) / mb / index_seconds},
      {"input_mb_per_s", static_cast<double>(input_bytes) / mb / index_seconds},
      {"files_per_s", static_cast<double>(counts.added + counts.updated) / index_seconds},
      {"index_mb", static_cast<double>(db_bytes) / mb},
      {"queries", queries.size()},
      {"queries_with_hits", answered},
      {"query_median_ms", percentile(latencies_ms, 0.5)},
      {"query_p95_ms", percentile(latencies_ms, 0.95)},
  };
  if (as_json) {
    std::cout << report.dump() << '\n';
  } else {
    for (auto it = report.begin(); it != report.end(); ++it) std::cout << it.key() << ": " << it.value() << '\n';
  }
  return errors > 0 ? 2 : 0;
}
