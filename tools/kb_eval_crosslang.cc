// kb-eval-crosslang: cross-language passage retrieval on aligned sentence pairs.
//
//   kb-eval-crosslang FILE.ko FILE.en [--limit N] [--json]
//
// Line N of FILE.ko translates line N of FILE.en. Each side's sentences are indexed as passages of
// one document; every sentence of the other side is a query, and the relevant passage is its
// translation. Reports R@1, R@10 and MRR@10 for en→ko and ko→en, with and without expansion
// (glossary + aliases), from one run on the same indexes.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "index_writer.h"
#include "schema/schema.h"
#include "searcher.h"

namespace {

namespace fs = std::filesystem;

std::vector<std::string> read_lines(const std::string& path) {
  std::vector<std::string> lines;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) lines.push_back(kb::analysis::repair_utf8(line));
  return lines;
}

// Indexes `lines` as one document whose paragraphs are the lines; returns, per passage ordinal,
// the line it came from.
std::vector<std::size_t> build_index(const fs::path& db, const std::vector<std::string>& lines) {
  kb::ExtractedDoc doc;
  std::vector<std::size_t> paragraph_line;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].find_first_not_of(' ') == std::string::npos) continue;
    doc.paragraphs.push_back({lines[i], 0, false});
    paragraph_line.push_back(i);
  }
  kb::analysis::DocumentAnalyzer analyzer;
  const kb::analysis::AnalyzedDocument analyzed = analyzer.analyze(doc);
  // Passage offsets → paragraph → line.
  std::vector<std::uint32_t> paragraph_offsets;
  std::uint32_t offset = 0;
  for (const auto& p : doc.paragraphs) {
    paragraph_offsets.push_back(offset);
    offset += static_cast<std::uint32_t>(p.text.size()) + 1;
  }
  std::vector<std::size_t> passage_line;
  for (const auto& passage : analyzed.passages) {
    const auto it = std::upper_bound(paragraph_offsets.begin(), paragraph_offsets.end(), passage.offset);
    passage_line.push_back(paragraph_line[static_cast<std::size_t>(it - paragraph_offsets.begin()) - 1]);
  }
  kb::IndexWriter writer(db.string());
  kb::SourceInfo source;
  source.path = db.string() + "/sentences";
  source.id = kb::schema::document_id_for_path(source.path);
  writer.replace(source, analyzed);
  writer.commit();
  return passage_line;
}

class RankSink final : public kb::search::HitSink {
 public:
  explicit RankSink(const std::vector<std::size_t>& passage_line, std::size_t wanted)
      : passage_line_(passage_line), wanted_(wanted) {}
  void on_hit(const kb::search::Hit& hit) override {
    if (rank == 0 && hit.passage.ordinal < passage_line_.size() && passage_line_[hit.passage.ordinal] == wanted_)
      rank = hit.rank;
  }
  unsigned rank = 0;

 private:
  const std::vector<std::size_t>& passage_line_;
  std::size_t wanted_;
};

struct Scores {
  std::size_t queries = 0, at1 = 0, at10 = 0, errors = 0;
  double mrr = 0;
  nlohmann::json to_json() const {
    const double n = queries == 0 ? 1 : static_cast<double>(queries);
    return {{"queries", queries}, {"r_at_1", static_cast<double>(at1) / n}, {"r_at_10", static_cast<double>(at10) / n},
            {"mrr_at_10", mrr / n}, {"errors", errors}};
  }
};

Scores evaluate(const fs::path& db, const std::vector<std::size_t>& passage_line, const std::vector<std::string>& queries,
                bool expand, unsigned limit) {
  kb::search::Searcher searcher(db.string());
  Scores s;
  for (std::size_t i = 0; i < queries.size(); ++i) {
    if (queries[i].find_first_not_of(' ') == std::string::npos) continue;
    ++s.queries;
    RankSink sink(passage_line, i);
    kb::search::SearchRequest request;
    request.query = queries[i];
    request.limit = limit;
    request.expand = expand;
    try {
      searcher.search(request, sink);
    } catch (const kb::search::SearchError&) {
      ++s.errors;
      continue;
    }
    if (sink.rank == 1) ++s.at1;
    if (sink.rank >= 1 && sink.rank <= 10) {
      ++s.at10;
      s.mrr += 1.0 / sink.rank;
    }
  }
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"kb-eval-crosslang: cross-language retrieval on aligned Korean/English sentences"};
  std::string ko_path, en_path;
  unsigned limit = 10;
  bool as_json = false;
  app.add_option("ko", ko_path, "Korean sentences, one per line")->required()->check(CLI::ExistingFile);
  app.add_option("en", en_path, "English sentences, aligned by line")->required()->check(CLI::ExistingFile);
  app.add_option("--limit", limit, "Hits retrieved per query")->capture_default_str();
  app.add_flag("--json", as_json, "Print one JSON object");
  CLI11_PARSE(app, argc, argv);

  const auto ko = read_lines(ko_path), en = read_lines(en_path);
  if (ko.size() != en.size()) {
    std::cerr << "kb-eval-crosslang: " << ko_path << " has " << ko.size() << " lines, " << en_path << " has "
              << en.size() << '\n';
    return 2;
  }
  const fs::path tmp = fs::temp_directory_path() / ("kb-eval-crosslang-" + std::to_string(::getpid()));
  fs::remove_all(tmp);
  fs::create_directories(tmp);
  const auto ko_lines = build_index(tmp / "ko", ko);
  const auto en_lines = build_index(tmp / "en", en);
  nlohmann::json report = {
      {"pairs", ko.size()},
      {"en_to_ko", {{"expanded", evaluate(tmp / "ko", ko_lines, en, true, limit).to_json()},
                    {"plain", evaluate(tmp / "ko", ko_lines, en, false, limit).to_json()}}},
      {"ko_to_en", {{"expanded", evaluate(tmp / "en", en_lines, ko, true, limit).to_json()},
                    {"plain", evaluate(tmp / "en", en_lines, ko, false, limit).to_json()}}},
  };
  fs::remove_all(tmp);
  if (as_json) {
    std::cout << report.dump() << '\n';
    return 0;
  }
  std::cout << "pairs: " << ko.size() << "\n\n| direction | expansion | R@1 | R@10 | MRR@10 |\n|---|---|---:|---:|---:|\n";
  for (const char* dir : {"en_to_ko", "ko_to_en"})
    for (const char* mode : {"plain", "expanded"}) {
      const auto& r = report[dir][mode];
      char line[200];
      std::snprintf(line, sizeof line, "| %s | %s | %.3f | %.3f | %.3f |\n", dir, mode, r["r_at_1"].get<double>(),
                    r["r_at_10"].get<double>(), r["mrr_at_10"].get<double>());
      std::cout << line;
    }
  return 0;
}
