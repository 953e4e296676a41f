// kb-bench-ngram: the comparison row of tools/scale-bench.sh — Xapian's own n-gram index of the
// same files, built as a naive Xapian user would (TermGenerator with FLAG_CJK_NGRAM, one document
// per file, BM25 defaults) and queried with a plain OR of the terms TermGenerator makes of each
// question.
//
//   kb-bench-ngram --folder DIR --questions FILE.tsv --db DIR [--depth 20]
//
// Questions: `id<TAB>question<TAB>relevant file stem` (tools/make-scale-corpus.py). Prints one
// JSON object: build seconds, MB/s of text, peak RSS is the caller's to measure, index bytes,
// R@1, R@5, R@20, MRR@10 and latency p50/p95/p99 in milliseconds.
// Known weakness: files are read as UTF-8 text as they are (the scale collection is plain text).
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <xapian.h>
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

std::uint64_t folder_bytes(const fs::path& dir) {
  std::uint64_t total = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir))
    if (entry.is_regular_file()) total += entry.file_size();
  return total;
}

double quantile(std::vector<double> values, double q) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  return values[std::min(values.size() - 1, static_cast<std::size_t>(q * static_cast<double>(values.size())))];
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"kb-bench-ngram: Xapian n-gram index of a folder, questions as a plain OR"};
  std::string folder, questions_path, db_dir;
  unsigned depth = 20;
  app.add_option("--folder", folder, "Folder of .txt files")->required()->check(CLI::ExistingDirectory);
  app.add_option("--questions", questions_path, "id<TAB>question<TAB>relevant file stem")
      ->required()
      ->check(CLI::ExistingFile);
  app.add_option("--db", db_dir, "Database folder to create (overwritten)")->required();
  app.add_option("--depth", depth, "Hits read per question")->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  Xapian::TermGenerator generator;
  generator.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
  std::uint64_t text_bytes = 0;
  const auto start = Clock::now();
  try {
    Xapian::WritableDatabase db(db_dir, Xapian::DB_CREATE_OR_OVERWRITE);
    for (const auto& entry : fs::recursive_directory_iterator(folder)) {
      if (!entry.is_regular_file() || entry.path().extension() != ".txt") continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream text;
      text << in.rdbuf();
      text_bytes += text.str().size();
      Xapian::Document doc;
      generator.set_document(doc);
      generator.index_text(text.str());
      doc.set_data(entry.path().stem().string());
      db.add_document(doc);
    }
    db.commit();
  } catch (const Xapian::Error& e) {
    std::cerr << "kb-bench-ngram: " << db_dir << ": " << e.get_msg() << '\n';
    return 2;
  }
  const double build_seconds = seconds_since(start);

  Xapian::Database db(db_dir);
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(Xapian::BM25Weight());
  std::ifstream questions(questions_path);
  std::vector<unsigned> ranks;
  std::vector<double> latencies;
  for (std::string line; std::getline(questions, line);) {
    const std::size_t tab1 = line.find('\t'), tab2 = line.rfind('\t');
    if (tab1 == std::string::npos || tab2 == tab1) continue;
    const std::string question = line.substr(tab1 + 1, tab2 - tab1 - 1), gold = line.substr(tab2 + 1);
    const auto t0 = Clock::now();
    Xapian::Document scratch;
    generator.set_document(scratch);
    generator.index_text(question);
    std::vector<Xapian::Query> terms;
    for (auto t = scratch.termlist_begin(); t != scratch.termlist_end(); ++t) terms.emplace_back(*t);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()));
    const Xapian::MSet mset = enquire.get_mset(0, depth);
    unsigned rank = 0;
    for (auto it = mset.begin(); it != mset.end(); ++it)
      if (it.get_document().get_data() == gold) {
        rank = it.get_rank() + 1;
        break;
      }
    latencies.push_back(seconds_since(t0) * 1000);
    ranks.push_back(rank);
  }
  auto recall = [&](unsigned k) {
    return ranks.empty() ? 0.0
                         : static_cast<double>(
                               std::count_if(ranks.begin(), ranks.end(), [k](unsigned r) { return r > 0 && r <= k; })) /
                               static_cast<double>(ranks.size());
  };
  double mrr = 0;
  for (unsigned r : ranks)
    if (r > 0 && r <= 10) mrr += 1.0 / r;
  if (!ranks.empty()) mrr /= static_cast<double>(ranks.size());
  const nlohmann::json out = {
      {"setup", "xapian-cjk-ngram-or"},
      {"build_seconds", build_seconds},
      {"text_mb_per_s", static_cast<double>(text_bytes) / 1e6 / build_seconds},
      {"text_bytes", text_bytes},
      {"index_bytes", folder_bytes(db_dir)},
      {"questions", ranks.size()},
      {"r1", recall(1)},
      {"r5", recall(5)},
      {"r20", recall(20)},
      {"mrr10", mrr},
      {"p50_ms", quantile(latencies, 0.5)},
      {"p95_ms", quantile(latencies, 0.95)},
      {"p99_ms", quantile(latencies, 0.99)},
  };
  std::cout << out.dump() << '\n';
  return 0;
}
