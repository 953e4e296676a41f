// kb-bench-filters: what the filters of issue 15 cost per query on an existing index.
//
//   kb-bench-filters --db DIR --queries FILE [--under PATH] [--since DATE] [--until DATE] [--repeat N]
//
// Runs every query of FILE (one per line, or `id<TAB>query`) through the real search path
// (ranking, records read, highlights) without a filter and then with each filter — --lang ko,
// --lang en, --since, --until, both, --under, --type, and all of them together — and prints per
// set-up the median, p95 and p99 latency and their differences to the unfiltered run (the issue
// 15 goal: at most 1 ms more). Set-ups run interleaved query by query, so load on the machine
// falls on all of them alike.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <variant>

#include "searcher.h"

namespace {
using Clock = std::chrono::steady_clock;

class CountingSink final : public kb::search::HitSink {
 public:
  void on_hit(const kb::search::Hit&) override { ++hits; }
  std::size_t hits = 0;
};

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const std::size_t i = std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5));
  return v[i];
}

struct Setup {
  std::string name;
  kb::search::RecordFilter filter;
  std::vector<double> ms;
  std::size_t hits = 0;
};

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"kb-bench-filters: latency of kb-search's filters on an existing index"};
  std::string db, queries_path, under, since = "2000", until = "2100";
  unsigned repeat = 3;
  app.add_option("--db", db, "Index folder")->required()->check(CLI::ExistingDirectory);
  app.add_option("--queries", queries_path, "Queries, one per line or id<TAB>query")
      ->required()
      ->check(CLI::ExistingFile);
  app.add_option("--under", under, "Folder for the --under set-up (default: /)");
  app.add_option("--since", since, "Date for the --since set-up")->capture_default_str();
  app.add_option("--until", until, "Date for the --until set-up")->capture_default_str();
  app.add_option("--repeat", repeat, "Times each query is run per set-up")->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  std::vector<std::string> queries;
  std::ifstream in(queries_path);
  for (std::string line; std::getline(in, line);) {
    if (const auto tab = line.find('\t'); tab != std::string::npos) line = line.substr(tab + 1);
    if (!line.empty()) queries.push_back(line);
  }
  auto make = [](kb::search::RecordFilterInput input) {
    auto made = kb::search::make_record_filter(input);
    if (const auto* error = std::get_if<std::string>(&made)) {
      std::cerr << "kb-bench-filters: " << *error << '\n';
      std::exit(2);
    }
    return std::get<kb::search::RecordFilter>(made);
  };
  const std::string folder = under.empty() ? "/" : under;
  std::vector<Setup> setups;
  setups.push_back({"unfiltered", {}, {}, 0});
  setups.push_back({"--lang ko", make({{"ko"}, {}, {}, {}, {}}), {}, 0});
  setups.push_back({"--lang en", make({{"en"}, {}, {}, {}, {}}), {}, 0});
  setups.push_back({"--since " + since, make({{}, since, {}, {}, {}}), {}, 0});
  setups.push_back({"--until " + until, make({{}, {}, until, {}, {}}), {}, 0});
  setups.push_back({"--since " + since + " --until " + until, make({{}, since, until, {}, {}}), {}, 0});
  setups.push_back({"--under " + folder, make({{}, {}, {}, {folder}, {}}), {}, 0});
  setups.push_back({"--type text", make({{}, {}, {}, {}, {"text"}}), {}, 0});
  setups.push_back({"all of them", make({{"ko"}, since, until, {folder}, {"text"}}), {}, 0});

  kb::search::Searcher searcher(db);
  for (unsigned r = 0; r < repeat; ++r) {
    for (const std::string& q : queries) {
      for (Setup& s : setups) {
        kb::search::SearchRequest request;
        request.query = q;
        request.filter = s.filter;
        CountingSink sink;
        const auto t0 = Clock::now();
        try {
          searcher.search(request, sink);
        } catch (const kb::search::SearchError&) {
        }
        s.ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
        if (r == 0) s.hits += sink.hits;
      }
    }
  }
  const double base = percentile(setups[0].ms, 0.5), base99 = percentile(setups[0].ms, 0.99);
  std::cout << "| set-up | hits (first run) | median ms | p95 ms | p99 ms | median − unfiltered | p99 − unfiltered "
               "|\n|---|---:|---:|---:|---:|---:|---:|\n";
  for (const Setup& s : setups)
    std::cout << "| " << s.name << " | " << s.hits << " | " << percentile(s.ms, 0.5) << " | " << percentile(s.ms, 0.95)
              << " | " << percentile(s.ms, 0.99) << " | " << percentile(s.ms, 0.5) - base << " | "
              << percentile(s.ms, 0.99) - base99 << " |\n";
  return 0;
}
