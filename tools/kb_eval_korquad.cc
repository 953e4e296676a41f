// kb-eval-korquad: passage retrieval on a KorQuAD-format file (SQuAD JSON: data[].paragraphs[]
// .context / .qas[].question). Every distinct paragraph becomes one document indexed exactly as
// kb-index would (DocumentAnalyzer → IndexWriter, so long paragraphs are cut into passages);
// every question goes through kb::search::Searcher, and a paragraph's rank is the rank of its
// first passage among distinct paragraphs. In the same run and on the same text it builds the
// comparison set-up — Xapian TermGenerator with FLAG_CJK_NGRAM, queried with a plain OR of the
// terms TermGenerator makes of the question — and an index of ICU words (segmenter + NFKC
// case folding, positional), the yardstick for index size and analysis speed.
//
// Prints R@1/5/20, MRR@10, index build time, index size and query latency (median, p95) per
// set-up, the analysis throughput, and with --json one JSON object instead.
//
// Known weaknesses: index sizes are the bytes of the database folders as committed (not
// compacted); latency is wall time of one process on a shared machine.
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "analysis/analyzer.h"
#include "analysis/document_analyzer.h"
#include "index_writer.h"
#include "schema/schema.h"
#include "scratch_dir.h"
#include "searcher.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

struct Question {
  std::string id;
  std::string text;
  std::size_t passage = 0;  // index into Dataset::passages
};

struct Dataset {
  std::vector<std::string> passages;
  std::vector<std::size_t> article_of;  // per passage: index of its article (data[] entry)
  std::vector<Question> questions;
  std::uint64_t passage_bytes = 0;
};

class DatasetError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

Dataset load_dataset(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw DatasetError(path + ": cannot open");
  json root = json::parse(in, nullptr, false);
  if (root.is_discarded() || !root.is_object() || !root.contains("data") || !root["data"].is_array())
    throw DatasetError(path + ": not a KorQuAD/SQuAD JSON file (no \"data\" array)");
  Dataset d;
  std::unordered_map<std::string, std::size_t> seen;
  std::size_t article_index = 0;
  for (const json& article : root["data"]) {
    ++article_index;
    if (!article.is_object() || !article.contains("paragraphs")) continue;
    for (const json& paragraph : article["paragraphs"]) {
      if (!paragraph.is_object() || !paragraph.contains("context") || !paragraph["context"].is_string()) continue;
      const std::string context = paragraph["context"].get<std::string>();
      auto [it, added] = seen.emplace(context, d.passages.size());
      if (added) {
        d.passages.push_back(context);
        d.article_of.push_back(article_index);
        d.passage_bytes += context.size();
      }
      if (!paragraph.contains("qas") || !paragraph["qas"].is_array()) continue;
      for (const json& qa : paragraph["qas"]) {
        if (!qa.is_object() || !qa.contains("question") || !qa["question"].is_string()) continue;
        d.questions.push_back({qa.value("id", ""), qa["question"].get<std::string>(), it->second});
      }
    }
  }
  if (d.passages.empty() || d.questions.empty()) throw DatasetError(path + ": no paragraphs with questions");
  return d;
}

using kb::tools::ScratchDir;

std::uint64_t folder_bytes(const fs::path& dir) {
  std::uint64_t total = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir))
    if (entry.is_regular_file()) total += entry.file_size();
  return total;
}

// Ranks of the relevant passage (0 = not in the list) and per-query latencies, summarised.
struct SetupResult {
  std::string name;
  double build_seconds = 0;
  std::uint64_t index_bytes = 0;
  std::vector<unsigned> ranks;
  std::vector<double> latencies_ms;      // the ranking: query in, passage ids out
  std::vector<double> hit_latencies_ms;  // kb only: the whole search, passage records read into hits
  std::size_t disagreements = 0;         // kb only: questions where the two orders differ
  std::vector<std::size_t> top;          // per question: the passage ranked first (npos: none)

  double recall_at(unsigned k) const {
    std::size_t n = 0;
    for (unsigned r : ranks) n += r != 0 && r <= k;
    return ranks.empty() ? 0 : static_cast<double>(n) / static_cast<double>(ranks.size());
  }
  double mrr_at(unsigned k) const {
    double sum = 0;
    for (unsigned r : ranks)
      if (r != 0 && r <= k) sum += 1.0 / r;
    return ranks.empty() ? 0 : sum / static_cast<double>(ranks.size());
  }
  double latency_quantile(double q) const { return quantile(latencies_ms, q); }
  double hit_latency_quantile(double q) const { return quantile(hit_latencies_ms, q); }
  static double quantile(const std::vector<double>& values, double q) {
    if (values.empty()) return 0;
    std::vector<double> sorted = values;
    std::sort(sorted.begin(), sorted.end());
    const auto i = static_cast<std::size_t>(q * static_cast<double>(sorted.size() - 1) + 0.5);
    return sorted[std::min(i, sorted.size() - 1)];
  }
  json to_json() const {
    return {{"name", name},
            {"r_at_1", recall_at(1)},
            {"r_at_5", recall_at(5)},
            {"r_at_20", recall_at(20)},
            {"mrr_at_10", mrr_at(10)},
            {"build_seconds", build_seconds},
            {"index_bytes", index_bytes},
            {"latency_ms_median", latency_quantile(0.5)},
            {"latency_ms_p95", latency_quantile(0.95)},
            {"hits_latency_ms_median", hit_latency_quantile(0.5)},
            {"hits_latency_ms_p95", hit_latency_quantile(0.95)}};
  }
};

// Collects the distinct documents of the hits, in rank order.
class DocOrderSink final : public kb::search::HitSink {
 public:
  void on_hit(const kb::search::Hit& hit) override {
    if (std::find(docs_.begin(), docs_.end(), hit.doc.id) == docs_.end()) docs_.push_back(hit.doc.id);
  }
  const std::vector<std::string>& docs() const { return docs_; }

 private:
  std::vector<std::string> docs_;
};

constexpr unsigned kDepth = 20;

struct Options {
  std::string dataset;
  bool json_output = false;
  bool keep = false;
  double throughput_seconds = 2.0;
  std::string failures_path;
  kb::search::RankingParams ranking;  // the product's defaults unless overridden for tuning
  // Cross-language expansion (kb-search's default) adds English equivalents that Korean
  // passages rarely hold; off by default here so the table measures Korean analysis and ranking.
  bool expand = false;
  std::string sweep_path;  // tuning mode: see run_sweep
};

// At most `bytes` of `text`, cut at a code point boundary.
std::string head(const std::string& text, std::size_t bytes) {
  if (text.size() <= bytes) return text;
  while (bytes > 0 && (static_cast<unsigned char>(text[bytes]) & 0xC0) == 0x80) --bytes;
  return text.substr(0, bytes);
}

std::string doc_path(std::size_t i) { return "korquad/" + std::to_string(i); }

// Paragraph index of each document id of our index.
using PassageOfDoc = std::unordered_map<std::string, std::size_t>;

// Indexes every paragraph as kb-index would; returns the build time in seconds.
double build_ours(const Dataset& d, const fs::path& dir, PassageOfDoc& passage_of_doc) {
  const auto start = Clock::now();
  {
    kb::IndexWriter writer(dir.string());
    kb::analysis::DocumentAnalyzer analyzer;
    for (std::size_t i = 0; i < d.passages.size(); ++i) {
      kb::ExtractedDoc doc;
      doc.paragraphs.push_back({d.passages[i], 0, false});
      kb::SourceInfo source;
      source.path = doc_path(i);
      source.id = kb::schema::document_id_for_path(source.path);
      source.size = d.passages[i].size();
      passage_of_doc[source.id] = i;
      writer.replace(source, analyzer.analyze(doc));
    }
    writer.commit();
  }
  return seconds_since(start);
}

// Every question through kb's searcher over the index `build_ours` made.
SetupResult evaluate_ours(const Dataset& d, const fs::path& dir, PassageOfDoc& passage_of_doc, const Options& o,
                          const kb::search::RankingParams& ranking) {
  SetupResult r;
  r.name = "kb";
  std::ofstream failures;
  if (!o.failures_path.empty()) failures.open(o.failures_path);
  kb::search::Searcher searcher(dir.string(), ranking);
  for (const Question& q : d.questions) {
    DocOrderSink sink;
    // Long paragraphs are several passages: one per document gives kDepth distinct paragraphs.
    kb::search::SearchRequest request;
    request.query = q.text;
    request.limit = kDepth;
    request.highlight = false;
    request.one_per_document = true;
    request.expand = o.expand;
    // The ranking (query analysis, expansion, BM25, proximity rerank) is timed alone, as the
    // comparison is; then the whole search, records read into hits, is timed too and must agree.
    std::vector<std::string> ranked_docs;
    std::vector<double> ranked_scores;
    const auto t0 = Clock::now();
    try {
      for (const kb::search::RankedPassage& p : searcher.rank(request).passages) {
        ranked_docs.push_back(searcher.doc_id_of(p.docid));
        ranked_scores.push_back(p.score);
      }
    } catch (const kb::search::SearchError&) {
      // A question with no searchable words finds nothing.
    }
    r.latencies_ms.push_back(seconds_since(t0) * 1000);
    const auto t1 = Clock::now();
    try {
      searcher.search(request, sink);
    } catch (const kb::search::SearchError&) {
    }
    r.hit_latencies_ms.push_back(seconds_since(t1) * 1000);
    if (ranked_docs != sink.docs()) ++r.disagreements;
    unsigned rank = 0;
    for (std::size_t i = 0; i < sink.docs().size() && i < kDepth; ++i)
      if (passage_of_doc[sink.docs()[i]] == q.passage) {
        rank = static_cast<unsigned>(i + 1);
        break;
      }
    r.ranks.push_back(rank);
    r.top.push_back(sink.docs().empty() ? std::string::npos : passage_of_doc[sink.docs()[0]]);
    if (failures.is_open() && rank != 1) {
      const std::string top = sink.docs().empty() ? "" : d.passages[passage_of_doc[sink.docs()[0]]];
      const double gold_score = rank > 0 && rank <= ranked_scores.size() ? ranked_scores[rank - 1] : 0;
      failures << rank << '\t' << (ranked_scores.empty() ? 0 : ranked_scores[0]) << '\t' << gold_score << '\t' << q.id
               << '\t' << q.text << '\t' << head(d.passages[q.passage], 600) << '\t' << head(top, 600) << '\n';
    }
  }
  return r;
}

SetupResult run_ours(const Dataset& d, const fs::path& dir, const Options& o) {
  PassageOfDoc passage_of_doc;
  const double build_seconds = build_ours(d, dir, passage_of_doc);
  SetupResult r = evaluate_ours(d, dir, passage_of_doc, o, o.ranking);
  r.build_seconds = build_seconds;
  r.index_bytes = folder_bytes(dir);
  return r;
}

// Tuning: one index, then one line of results per line of `sweep_path` — ranking parameters as
// `name=value` words (k1, b, word, bigram, bridge, proximity, window, depth, answer, paraphrase,
// compound), unnamed ones at the product's defaults. R@1 and MRR@10 are printed for all
// questions and for the even and odd halves apart, so a setting that only wins on one half shows
// up as noise.
void run_sweep(const Dataset& d, const fs::path& dir, const Options& o) {
  PassageOfDoc passage_of_doc;
  build_ours(d, dir, passage_of_doc);
  std::ifstream in(o.sweep_path);
  if (!in) throw DatasetError(o.sweep_path + ": cannot open");
  std::string line;
  std::cout << std::fixed << std::setprecision(4);
  while (std::getline(in, line)) {
    if (line.empty() || line.front() == '#') continue;
    kb::search::RankingParams p;
    std::istringstream words(line);
    for (std::string word; words >> word;) {
      const auto eq = word.find('=');
      if (eq == std::string::npos) throw DatasetError(o.sweep_path + ": expected name=value, got " + word);
      const std::string name = word.substr(0, eq);
      const double value = std::stod(word.substr(eq + 1));
      if (name == "k1")
        p.k1 = value;
      else if (name == "b")
        p.b = value;
      else if (name == "word")
        p.spaces.word = value;
      else if (name == "bigram")
        p.spaces.bigram = value;
      else if (name == "bridge")
        p.spaces.bridge = value;
      else if (name == "proximity")
        p.proximity = value;
      else if (name == "window")
        p.window = static_cast<unsigned>(value);
      else if (name == "depth")
        p.rerank_depth = static_cast<unsigned>(value);
      else if (name == "answer")
        p.answer = value;
      else if (name == "paraphrase")
        p.spaces.paraphrase = value;
      else if (name == "compound")
        p.compound = value;
      else
        throw DatasetError(o.sweep_path + ": unknown parameter " + name);
    }
    const SetupResult r = evaluate_ours(d, dir, passage_of_doc, o, p);
    SetupResult halves[2];
    for (std::size_t i = 0; i < r.ranks.size(); ++i) halves[i % 2].ranks.push_back(r.ranks[i]);
    std::cout << line << "\tR@1 " << r.recall_at(1) << " MRR " << r.mrr_at(10) << "\teven " << halves[0].recall_at(1)
              << ' ' << halves[0].mrr_at(10) << "\todd " << halves[1].recall_at(1) << ' ' << halves[1].mrr_at(10)
              << "\tmedian ms " << r.latency_quantile(0.5) << " (hits " << r.hit_latency_quantile(0.5) << ", "
              << r.disagreements << " differ)" << std::endl;
  }
}

// The comparison: Xapian's own n-gram terms on both sides, plain OR, BM25 defaults.
SetupResult run_xapian_ngram(const Dataset& d, const fs::path& dir) {
  SetupResult r;
  r.name = "xapian-cjk-ngram-or";
  Xapian::TermGenerator generator;
  generator.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
  const auto start = Clock::now();
  {
    Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE_OR_OVERWRITE);
    for (std::size_t i = 0; i < d.passages.size(); ++i) {
      Xapian::Document doc;
      generator.set_document(doc);
      generator.index_text(d.passages[i]);
      doc.add_value(0, std::to_string(i));
      db.add_document(doc);
    }
    db.commit();
  }
  r.build_seconds = seconds_since(start);
  r.index_bytes = folder_bytes(dir);

  Xapian::Database db(dir.string());
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(Xapian::BM25Weight());
  for (const Question& q : d.questions) {
    const auto t0 = Clock::now();
    Xapian::Document scratch;
    generator.set_document(scratch);
    generator.index_text(q.text);
    std::vector<Xapian::Query> terms;
    for (auto t = scratch.termlist_begin(); t != scratch.termlist_end(); ++t) terms.emplace_back(*t);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()));
    const Xapian::MSet mset = enquire.get_mset(0, kDepth);
    unsigned rank = 0;
    for (auto it = mset.begin(); it != mset.end(); ++it)
      if (std::stoul(it.get_document().get_value(0)) == q.passage) {
        rank = it.get_rank() + 1;
        break;
      }
    r.latencies_ms.push_back(seconds_since(t0) * 1000);
    r.ranks.push_back(rank);
  }
  return r;
}

// The yardstick: ICU words with NFKC case folding, every word a positional term.
SetupResult run_icu_words(const Dataset& d, const fs::path& dir) {
  SetupResult r;
  r.name = "icu-words (size yardstick)";
  kb::analysis::WordSegmenter segmenter;
  const auto start = Clock::now();
  {
    Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE_OR_OVERWRITE);
    for (const std::string& text : d.passages) {
      Xapian::Document doc;
      Xapian::termpos pos = 0;
      for (const auto& span : segmenter.segment(text))
        doc.add_posting(kb::schema::clamp_term(kb::analysis::fold(text.substr(span.begin, span.end - span.begin))),
                        ++pos);
      db.add_document(doc);
    }
    db.commit();
  }
  r.build_seconds = seconds_since(start);
  r.index_bytes = folder_bytes(dir);
  return r;
}

struct Throughput {
  double ours_mb_s = 0;
  double index_chain_mb_s = 0;  // the whole index chain: text stages, figures, quotes, aliases
  double icu_words_mb_s = 0;
};

// CPU time of this thread: the machine may be shared, and "one core" is what the goal means.
double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

// Analysis speed on one core (thread CPU time) over the passages, repeated for about `seconds`
// each: our text chain with every index term emitted, and ICU words with folding alone.
Throughput measure_throughput(const Dataset& d, double seconds) {
  Throughput t;
  kb::analysis::TextAnalyzer analyzer;
  std::size_t sink = 0;
  auto run = [&](auto&& analyse_one) {
    std::uint64_t bytes = 0;
    const double start = thread_cpu_seconds();
    do {
      for (const std::string& text : d.passages) {
        analyse_one(text);
        bytes += text.size();
      }
    } while (thread_cpu_seconds() - start < seconds);
    return static_cast<double>(bytes) / 1e6 / (thread_cpu_seconds() - start);
  };
  t.ours_mb_s = run([&](const std::string& text) {
    for (const auto& token : analyzer.analyze(text))
      kb::analysis::for_each_index_term(token, [&](const std::string& term, std::uint32_t) { sink += term.size(); });
  });
  kb::analysis::DocumentAnalyzer documents;
  t.index_chain_mb_s = run([&](const std::string& text) {
    kb::ExtractedDoc doc;
    doc.paragraphs.push_back({text, 0, false});
    sink += documents.analyze(doc).passages.size();
  });
  kb::analysis::WordSegmenter segmenter;
  t.icu_words_mb_s = run([&](const std::string& text) {
    for (const auto& span : segmenter.segment(text))
      sink += kb::analysis::fold(std::string_view(text).substr(span.begin, span.end - span.begin)).size();
  });
  if (sink == 0) std::cerr << "kb-eval-korquad: no terms at all\n";
  return t;
}

// The kind of answer a Korean question asks for, by its interrogative or head noun.
std::string question_type(const std::string& q) {
  auto has = [&](std::initializer_list<const char*> words) {
    for (const char* w : words)
      if (q.find(w) != std::string::npos) return true;
    return false;
  };
  if (has({"언제", "연도", "년도", "날짜", "시기", "몇 년", "몇년", "해는", "날은"})) return "when";
  if (has({"누구", "누가", "인물", "사람"})) return "who";
  if (has({"어디", "곳은", "장소", "어느 나라", "어느 지역"})) return "where";
  if (has({"몇", "얼마"})) return "how many/much";
  if (has({"왜", "이유", "원인"})) return "why";
  if (has({"무엇", "무슨", "어떤", "어느", "이름", "제목"})) return "what/which";
  return "other";
}

// True when two paragraphs share a stretch of text: the same start, or the start or end of one
// inside the other. KorQuAD has such paragraphs (a paragraph and a longer one holding it, in
// different articles or the same one), and a question about the shared text has two right
// answers of which only one counts.
bool overlapping(const std::string& a, const std::string& b) {
  constexpr std::size_t kStretch = 150;  // bytes: about 50 Hangul syllables
  if (a.substr(0, 300) == b.substr(0, 300)) return true;
  auto inside = [&](const std::string& x, const std::string& y) {
    if (x.size() < kStretch) return y.find(x) != std::string::npos;
    return y.find(x.substr(0, kStretch)) != std::string::npos ||
           y.find(x.substr(x.size() - kStretch)) != std::string::npos;
  };
  return inside(a, b) || inside(b, a);
}

// Where our misses go: a paragraph overlapping the answer paragraph ranked first, a sibling
// paragraph of the same article, a paragraph of another article, or the answer not in the top
// 20; and R@1 per question type.
json error_classes(const Dataset& d, const SetupResult& r) {
  std::size_t sibling = 0, duplicate = 0, other = 0, missing = 0;
  std::map<std::string, std::pair<std::size_t, std::size_t>> by_type;  // type → (top-1 hits, questions)
  for (std::size_t i = 0; i < d.questions.size(); ++i) {
    const Question& q = d.questions[i];
    auto& [hit, count] = by_type[question_type(q.text)];
    ++count;
    if (r.ranks[i] == 1) {
      ++hit;
      continue;
    }
    if (r.ranks[i] == 0)
      ++missing;
    else if (r.top[i] != std::string::npos && overlapping(d.passages[r.top[i]], d.passages[q.passage]))
      ++duplicate;
    else if (r.top[i] != std::string::npos && d.article_of[r.top[i]] == d.article_of[q.passage])
      ++sibling;
    else
      ++other;
  }
  json types = json::object();
  for (const auto& [type, counts] : by_type)
    types[type] = {{"questions", counts.second},
                   {"r_at_1", static_cast<double>(counts.first) / static_cast<double>(counts.second)}};
  return {{"misses_at_1", sibling + duplicate + other + missing},
          {"overlapping_passage_first", duplicate},
          {"same_article_passage_first", sibling},
          {"other_article_passage_first", other},
          {"not_in_top_20", missing},
          {"by_question_type", types}};
}

void print_table(const Dataset& d, const std::vector<SetupResult>& setups, const SetupResult& icu, const Throughput& t,
                 const json& errors) {
  std::cout << "KorQuAD passages: " << d.passages.size() << " (" << d.passage_bytes
            << " bytes), questions: " << d.questions.size() << "\n\n";
  std::cout << "| set-up | R@1 | R@5 | R@20 | MRR@10 | build s | index MB | median ms | p95 ms |\n"
            << "|---|---:|---:|---:|---:|---:|---:|---:|---:|\n";
  std::cout << std::fixed;
  for (const SetupResult& s : setups) {
    std::cout << "| " << s.name << " | " << std::setprecision(3) << s.recall_at(1) << " | " << s.recall_at(5) << " | "
              << s.recall_at(20) << " | " << s.mrr_at(10) << " | " << std::setprecision(2) << s.build_seconds << " | "
              << static_cast<double>(s.index_bytes) / 1e6 << " | " << std::setprecision(3) << s.latency_quantile(0.5)
              << " | " << s.latency_quantile(0.95) << " |\n";
  }
  std::cout << "| " << icu.name << " | | | | | " << std::setprecision(2) << icu.build_seconds << " | "
            << static_cast<double>(icu.index_bytes) / 1e6 << " | | |\n\n";
  const SetupResult& ours = setups.front();
  const SetupResult& peer = setups.back();
  std::cout << std::setprecision(3) << "latency columns: query in, ranked passage ids out. kb's whole search with the "
            << kDepth << " passage records read into hits (text, figures, quotes, citation): median "
            << ours.hit_latency_quantile(0.5) << " ms, p95 " << ours.hit_latency_quantile(0.95)
            << " ms; rankings that differ: " << ours.disagreements << "\n";
  std::cout << std::setprecision(3) << "ratio kb / comparison: R@1 " << ours.recall_at(1) / peer.recall_at(1)
            << ", MRR@10 " << ours.mrr_at(10) / peer.mrr_at(10) << "\n";
  std::cout << "index size kb / icu-words: "
            << static_cast<double>(ours.index_bytes) / static_cast<double>(icu.index_bytes) << "\n";
  std::cout << std::setprecision(1) << "analysis throughput, one core (thread CPU time): kb " << t.ours_mb_s
            << " MB/s, icu-words " << t.icu_words_mb_s << " MB/s; whole index chain (figures, quotes, aliases too) "
            << t.index_chain_mb_s << " MB/s\n";
  std::cout << "kb misses at rank 1: " << errors.dump() << '\n';
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"kb-eval-korquad: passage retrieval on KorQuAD-format JSON, kb beside Xapian n-grams"};
  Options o;
  app.add_option("dataset", o.dataset, "KorQuAD 1.0 JSON file (e.g. KorQuAD_v1.0_dev.json)")->required();
  app.add_flag("--expand", o.expand, "Search as kb-search does by default, with cross-language expansion");
  app.add_flag("--json", o.json_output, "Print one JSON object instead of the table");
  app.add_flag("--keep", o.keep, "Keep the temporary databases (their folder is printed)");
  app.add_option("--throughput-seconds", o.throughput_seconds, "Time spent on each throughput measurement")
      ->capture_default_str();
  app.add_option("--failures", o.failures_path,
                 "Write questions not ranked first by kb here (TSV: rank, top score, its score, id, question, passage, "
                 "top passage)");
  app.add_option("--k1", o.ranking.k1, "BM25 k1 (tuning)")->capture_default_str();
  app.add_option("--b", o.ranking.b, "BM25 b (tuning)")->capture_default_str();
  app.add_option("--word-weight", o.ranking.spaces.word, "Weight of the word space (tuning)")->capture_default_str();
  app.add_option("--bigram-weight", o.ranking.spaces.bigram,
                 "Weight of a Korean word's bigrams standing in for it (tuning)")
      ->capture_default_str();
  app.add_option("--proximity", o.ranking.proximity, "Weight of the proximity rerank (tuning)")->capture_default_str();
  app.add_option("--window", o.ranking.window, "Proximity window in word positions (tuning)")->capture_default_str();
  app.add_option("--rerank-depth", o.ranking.rerank_depth, "Passages reranked by proximity (tuning)")
      ->capture_default_str();
  app.add_option("--sweep", o.sweep_path,
                 "Tuning: one line of results per line of this file of ranking parameters (k1=0.3 window=18 ...)");
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "kb-eval-korquad: " << e.what() << " (see --help)\n";
    return 2;
  }
  try {
    const Dataset d = load_dataset(o.dataset);
    ScratchDir scratch("kb-eval", o.keep);
    if (o.keep) std::cerr << "kb-eval-korquad: databases in " << scratch.path() << '\n';
    if (!o.sweep_path.empty()) {
      run_sweep(d, scratch.path() / "kb", o);
      return 0;
    }
    std::vector<SetupResult> setups;
    setups.push_back(run_ours(d, scratch.path() / "kb", o));
    setups.push_back(run_xapian_ngram(d, scratch.path() / "xapian-ngram"));
    const SetupResult icu = run_icu_words(d, scratch.path() / "icu-words");
    const Throughput t = measure_throughput(d, o.throughput_seconds);
    if (o.json_output) {
      json out = {{"dataset", o.dataset},
                  {"passages", d.passages.size()},
                  {"passage_bytes", d.passage_bytes},
                  {"questions", d.questions.size()},
                  {"setups", json::array()},
                  {"icu_words_index_bytes", icu.index_bytes},
                  {"index_size_ratio_vs_icu_words",
                   static_cast<double>(setups.front().index_bytes) / static_cast<double>(icu.index_bytes)},
                  {"throughput_mb_s",
                   {{"kb", t.ours_mb_s}, {"kb_index_chain", t.index_chain_mb_s}, {"icu_words", t.icu_words_mb_s}}}};
      for (const SetupResult& s : setups) out["setups"].push_back(s.to_json());
      out["kb_error_classes"] = error_classes(d, setups.front());
      std::cout << out.dump(2) << '\n';
    } else {
      print_table(d, setups, icu, t, error_classes(d, setups.front()));
    }
  } catch (const DatasetError& e) {
    std::cerr << "kb-eval-korquad: " << e.what() << '\n';
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "kb-eval-korquad: " << e.what() << '\n';
    return 2;
  }
  return 0;
}
