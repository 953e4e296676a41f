// kb-search: ranked passages from a kb knowledge base. Exit codes: 0 hits, 1 none, 2 error.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <optional>

#include "db_location.h"
#include "printer/csv.h"
#include "printer/human_printer.h"
#include "printer/json_printer.h"
#include "searcher.h"

namespace {

struct Options {
  std::optional<std::string> db;
  std::string format = "human";
  unsigned limit = 10;
  unsigned offset = 0;
  std::vector<std::string> query_words;
  std::optional<std::string> batch;  // --batch FILE
};

void define_options(CLI::App& app, Options& o) {
  app.add_option("--db", o.db, "Index folder (default: $KB_DB, else the nearest .kb/ here or above, else ./.kb)");
  app.add_option("--format", o.format, "Output: human, json (JSON Lines, one record per line) or csv")
      ->check(CLI::IsMember({"human", "json", "csv"}))
      ->capture_default_str();
  app.add_option("-n,--limit", o.limit, "Passages to return")->check(CLI::Range(1u, 10000u))->capture_default_str();
  app.add_option("--offset", o.offset, "Skip this many passages first (paging)")->capture_default_str();
  app.add_option("query", o.query_words, "Query words; \"double quotes\" make a phrase");
  app.add_option("--batch", o.batch,
                 "Run every line of FILE (- for stdin) as a query, `query` or `id<TAB>query`; prints JSON Lines "
                 "hits, each with \"query\":{\"id\",\"text\"} (id: the line number when none is given)");
}

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

bool colour_wanted() { return isatty(STDOUT_FILENO) != 0 && std::getenv("NO_COLOR") == nullptr; }

// --batch: many queries in one process (evaluations, research scripts). Self-contained: a query
// with no searchable words is reported on stderr with its line number and the run goes on.
class BatchJsonSink final : public kb::search::HitSink {
 public:
  BatchJsonSink(std::ostream& out, std::string id, std::string text)
      : out_(out), id_(std::move(id)), text_(std::move(text)) {}
  void on_hit(const kb::search::Hit& hit) override {
    nlohmann::json record = kb::search::hit_to_json(hit);
    record["query"] = {{"id", id_}, {"text", text_}};
    out_ << record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  }

 private:
  std::ostream& out_;
  std::string id_;
  std::string text_;
};

int run_batch(const Options& o) {
  const std::string& path = *o.batch;
  if (!o.query_words.empty()) {
    std::cerr << "kb-search: give either --batch FILE or query words, not both\n";
    return 2;
  }
  std::ifstream file;
  if (path != "-") {
    file.open(path, std::ios::binary);
    if (!file) {
      std::cerr << "kb-search: cannot read batch file " << path << '\n';
      return 2;
    }
  }
  std::istream& in = path == "-" ? std::cin : file;
  try {
    kb::search::Searcher searcher(kb::resolve_db_dir(o.db).string());
    std::size_t line_number = 0, total_hits = 0;
    for (std::string line; std::getline(in, line);) {
      ++line_number;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      std::string id = std::to_string(line_number), text = line;
      if (const auto tab = line.find('\t'); tab != std::string::npos) {
        id = line.substr(0, tab);
        text = line.substr(tab + 1);
      }
      if (text.find_first_not_of(" \t") == std::string::npos) continue;
      text = kb::analysis::repair_utf8(text);
      BatchJsonSink sink(std::cout, kb::analysis::repair_utf8(id), text);
      try {
        total_hits += searcher.search({text, o.limit, o.offset}, sink).hits;
      } catch (const kb::search::SearchError& e) {
        std::cerr << "kb-search: " << path << ":" << line_number << ": " << e.what() << '\n';
      }
    }
    std::cout.flush();
    return total_hits > 0 ? 0 : 1;
  } catch (const kb::search::SearchError& e) {
    std::cerr << "kb-search: " << e.what() << '\n';
    return 2;
  }
}

int run(const Options& o) {
  if (o.batch) return run_batch(o);
  const std::string query = join(o.query_words);
  if (query.find_first_not_of(" \t\r\n") == std::string::npos) {
    std::cerr << "kb-search: empty query\n";
    return 2;
  }
  try {
    kb::search::Searcher searcher(kb::resolve_db_dir(o.db).string());
    kb::search::SearchRequest request{query, o.limit, o.offset};
    std::unique_ptr<kb::search::HitSink> sink;
    if (o.format == "json") sink = std::make_unique<kb::search::JsonLinesPrinter>(std::cout);
    else if (o.format == "csv") sink = std::make_unique<kb::search::CsvHitPrinter>(std::cout);
    else sink = std::make_unique<kb::search::HumanPrinter>(std::cout, colour_wanted());
    const kb::search::SearchSummary summary = searcher.search(request, *sink);
    std::cout.flush();
    return summary.hits > 0 ? 0 : 1;
  } catch (const kb::search::SearchError& e) {
    std::cerr << "kb-search: " << e.what() << '\n';
    return 2;
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"kb-search: find passages in a kb knowledge base (exit 0: hits, 1: none, 2: error)"};
  Options options;
  define_options(app, options);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "kb-search: " << e.what() << " (see kb-search --help)\n";
    return 2;
  }
  return run(options);
}
