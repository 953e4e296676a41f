// kb-eval-mixed: known-item search on a mixed Korean + English collection, kb beside an index
// built as Omega builds it, in one run on the same files (issue 13).
//
//   kb-eval-mixed --korquad KorQuAD_v1.0_dev.json --reuters DIR [--part tune|held-out]
//                 [--stories N] [--questions N | --all-questions] [--json] [--sweep FILE]
//
// The collection: every distinct KorQuAD paragraph as one text file (one relevant passage per
// question) and N Reuters-21578 stories that have a TITLE and a BODY, each as one text file
// holding the body as printed (hard-wrapped, headline removed). `--part tune` takes stories from
// reut2-000 … reut2-017 (the part ranking is tuned on), `--part held-out` from reut2-018 …
// reut2-021 (kept out of tuning); the stories are spread evenly over the part's files.
// kb's index is built by running the real kb-index over those files (`--kb-index`, default: the
// kb-index beside this program), and every query goes through Searcher::search as
// `kb-search --batch` runs it (its defaults; at most one passage per document, since the unit of
// relevance is the file). Queries: a subset of the KorQuAD questions (every k-th, `--questions`)
// and the headline of every story (one relevant story), each with expansion on (kb-search as
// shipped) and off (`--no-expand`).
// The comparison, in the same run: one Xapian database of the same files as whole documents,
// built as omindex does (TermGenerator, English stemmer, FLAG_CJK_NGRAM) and queried as Omega does
// (QueryParser, English stemmer, STEM_SOME, FLAG_CJK_NGRAM, default OR, BM25 defaults), the query
// as typed; a query QueryParser refuses is retried with no flags, then counts as a miss.
//
// Prints R@1, R@5, MRR@10 per language and set-up, and the median and p99 latency of kb's
// searches (the whole search, hits read as --batch reads them).
// `--sweep FILE`: tuning; one index, one line of results per line of ranking parameters
// (`name=value` words, names as `--set` takes them). `--reuse DIR`: the files and kb index a
// `--keep` run left, searched again without re-indexing (ranking changes only); `--explain QUERY`:
// kb's first ten files for one query, with scores and passage starts.
//
// Known weaknesses: latency is wall time on a shared machine; a headline that is also another
// story's headline is skipped (two relevant stories), and so is a story whose body repeats
// another's.
#include <sys/wait.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "analysis/unicode_text.h"
#include "searcher.h"

#include "scratch_dir.h"

#include "gzip_file.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using Clock = std::chrono::steady_clock;

class EvalError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// One file of the collection and the query that has it as its one relevant file.
struct Item {
  std::string lang;  // "ko" or "en"
  std::string name;  // file stem
  std::string text;  // the file's content
};
struct Query {
  std::string lang;
  std::string text;
  std::size_t item = 0;
};
struct Collection {
  std::vector<Item> items;
  std::vector<Query> queries;
  std::size_t ko_items = 0, en_items = 0;
};

void load_korquad(const std::string& path, std::size_t max_questions, Collection& c) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw EvalError(path + ": cannot open");
  const json root = json::parse(in, nullptr, false);
  if (root.is_discarded() || !root.is_object() || !root.contains("data") || !root["data"].is_array())
    throw EvalError(path + ": not a KorQuAD/SQuAD JSON file");
  std::unordered_map<std::string, std::size_t> seen;
  std::vector<Query> questions;
  for (const json& article : root["data"]) {
    if (!article.is_object() || !article.contains("paragraphs")) continue;
    for (const json& p : article["paragraphs"]) {
      if (!p.is_object() || !p.contains("context") || !p["context"].is_string()) continue;
      const std::string context = p["context"].get<std::string>();
      auto [it, added] = seen.emplace(context, c.items.size());
      if (added) c.items.push_back({"ko", "ko" + std::to_string(c.ko_items++), context});
      if (!p.contains("qas") || !p["qas"].is_array()) continue;
      for (const json& qa : p["qas"])
        if (qa.is_object() && qa.contains("question") && qa["question"].is_string())
          questions.push_back({"ko", qa["question"].get<std::string>(), it->second});
    }
  }
  if (questions.empty()) throw EvalError(path + ": no questions");
  // Every k-th question, so the subset covers every article.
  const std::size_t n = max_questions == 0 ? questions.size() : std::min(max_questions, questions.size());
  for (std::size_t i = 0; i < n; ++i) c.queries.push_back(questions[i * questions.size() / n]);
}

// The reut2-NNN.xml.gz files of a part: tune 000–017, held-out 018–021.
std::vector<fs::path> reuters_files(const std::string& dir, const std::string& part) {
  std::vector<fs::path> files;
  const int first = part == "tune" ? 0 : 18, last = part == "tune" ? 17 : 21;
  for (int i = first; i <= last; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "reut2-%03d.xml.gz", i);
    const fs::path p = fs::path(dir) / name;
    if (!fs::exists(p)) throw EvalError(p.string() + ": missing");
    files.push_back(p);
  }
  return files;
}

void load_reuters(const std::string& dir, const std::string& part, std::size_t stories, Collection& c) {
  struct Story {
    std::string id, title, body;
  };
  std::vector<Story> all;
  std::map<std::string, unsigned> title_count, body_count;
  for (const fs::path& file : reuters_files(dir, part)) {
    const std::string xml = kb::analysis::repair_utf8(kb::tools::read_gzip_file(file.string()));
    pugi::xml_document doc;
    if (const pugi::xml_parse_result r = doc.load_buffer(xml.data(), xml.size()); !r)
      throw EvalError(file.string() + ": XML error at byte " + std::to_string(r.offset) + ": " + r.description());
    for (pugi::xml_node d : doc.child("LEWIS").children("REUTERS")) {
      const pugi::xml_node text = d.child("TEXT");
      std::string title = text.child_value("TITLE"), body = text.child_value("BODY");
      if (title.find_first_not_of(" \t\r\n") == std::string::npos ||
          body.find_first_not_of(" \t\r\n") == std::string::npos)
        continue;
      all.push_back({d.attribute("NEWID").value(), title, body});
      ++title_count[title];
      ++body_count[body];
    }
  }
  std::vector<const Story*> eligible;
  for (const Story& s : all)
    if (title_count[s.title] == 1 && body_count[s.body] == 1) eligible.push_back(&s);
  const std::size_t n = std::min(stories, eligible.size());
  for (std::size_t i = 0; i < n; ++i) {
    const Story& s = *eligible[i * eligible.size() / n];
    c.queries.push_back({"en", s.title, c.items.size()});
    c.items.push_back({"en", "en" + s.id, s.body});
    ++c.en_items;
  }
}

using kb::tools::ScratchDir;

void write_files(const Collection& c, const fs::path& dir) {
  fs::create_directories(dir / "ko");
  fs::create_directories(dir / "en");
  for (const Item& item : c.items) {
    std::ofstream out(dir / item.lang / (item.name + ".txt"), std::ios::binary);
    out << item.text;
    if (!out) throw EvalError("cannot write " + (dir / item.lang / item.name).string());
  }
}

// Runs kb-index as a user would; returns its wall time in seconds.
double run_kb_index(const fs::path& kb_index, const fs::path& db, const fs::path& files) {
  const auto start = Clock::now();
  const pid_t pid = fork();
  if (pid < 0) throw EvalError("cannot start kb-index");
  if (pid == 0) {
    const std::string db_arg = db.string(), files_arg = files.string(), program = kb_index.string();
    execl(program.c_str(), program.c_str(), "--db", db_arg.c_str(), "-q", files_arg.c_str(),
          static_cast<char*>(nullptr));
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    throw EvalError(kb_index.string() + " failed (exit status " + std::to_string(WEXITSTATUS(status)) + ")");
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Ranks (0: not in the top 10) and latencies of one set-up, per language.
struct Result {
  std::string name;
  std::map<std::string, std::vector<unsigned>> ranks;  // lang → per query
  std::vector<unsigned> in_order;                      // per query, in the collection's order
  std::vector<std::string> first;                      // per query: the file ranked first
  std::vector<double> latencies_ms;

  static double recall(const std::vector<unsigned>& r, unsigned k) {
    std::size_t n = 0;
    for (unsigned x : r) n += x != 0 && x <= k;
    return r.empty() ? 0 : static_cast<double>(n) / static_cast<double>(r.size());
  }
  static double mrr(const std::vector<unsigned>& r) {
    double sum = 0;
    for (unsigned x : r)
      if (x != 0 && x <= 10) sum += 1.0 / x;
    return r.empty() ? 0 : sum / static_cast<double>(r.size());
  }
  double latency(double q) const {
    if (latencies_ms.empty()) return 0;
    std::vector<double> s = latencies_ms;
    std::sort(s.begin(), s.end());
    return s[std::min(s.size() - 1, static_cast<std::size_t>(q * static_cast<double>(s.size() - 1) + 0.5))];
  }
  json to_json() const {
    json out = {{"name", name}};
    for (const auto& [lang, r] : ranks)
      out[lang] = {{"queries", r.size()}, {"r_at_1", recall(r, 1)}, {"r_at_5", recall(r, 5)}, {"mrr_at_10", mrr(r)}};
    if (!latencies_ms.empty()) out["latency_ms"] = {{"median", latency(0.5)}, {"p99", latency(0.99)}};
    return out;
  }
};

// Collects the distinct files of the hits, in rank order.
class FileOrderSink final : public kb::search::HitSink {
 public:
  void on_hit(const kb::search::Hit& hit) override {
    const std::string stem = fs::path(hit.doc.path).stem().string();
    if (std::find(files_.begin(), files_.end(), stem) == files_.end()) files_.push_back(stem);
  }
  const std::vector<std::string>& files() const { return files_; }

 private:
  std::vector<std::string> files_;
};

Result evaluate_kb(const Collection& c, const fs::path& db, const kb::search::RankingParams& params, bool expand) {
  Result r;
  r.name = expand ? "kb (as shipped)" : "kb --no-expand";
  kb::search::Searcher searcher(db.string(), params);
  for (const Query& q : c.queries) {
    // What `kb-search --batch` asks for, one passage per file (the unit of relevance).
    kb::search::SearchRequest request;
    request.query = q.text;
    request.limit = 10;
    request.expand = expand;
    request.one_per_document = true;
    FileOrderSink sink;
    const auto t0 = Clock::now();
    try {
      searcher.search(request, sink);
    } catch (const kb::search::SearchError&) {
      // No searchable words: nothing found.
    }
    r.latencies_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    unsigned rank = 0;
    for (std::size_t i = 0; i < sink.files().size() && i < 10; ++i)
      if (sink.files()[i] == c.items[q.item].name) {
        rank = static_cast<unsigned>(i + 1);
        break;
      }
    r.ranks[q.lang].push_back(rank);
    r.in_order.push_back(rank);
    r.first.push_back(sink.files().empty() ? "" : sink.files().front());
  }
  return r;
}

// The comparison: whole files in one database, indexed as omindex does; returns the build time.
double build_omega_style(const Collection& c, const fs::path& dir) {
  const Xapian::Stem stemmer("english");
  const auto start = Clock::now();
  {
    Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::TermGenerator generator;
    generator.set_stemmer(stemmer);
    generator.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
    for (std::size_t i = 0; i < c.items.size(); ++i) {
      Xapian::Document doc;
      generator.set_document(doc);
      generator.index_text(c.items[i].text);
      doc.add_value(0, std::to_string(i));
      db.add_document(doc);
    }
    db.commit();
  }
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Queried as Omega does; `lowercase`: the query lower-cased first (STEM_SOME does not stem a
// capitalised word, and Reuters headlines are in capitals).
Result evaluate_omega_style(const Collection& c, const fs::path& dir, bool lowercase) {
  Result r;
  r.name = lowercase ? "Omega-style Xapian, query lower-cased" : "Omega-style Xapian";
  const Xapian::Stem stemmer("english");
  Xapian::Database db(dir.string());
  Xapian::QueryParser parser;
  parser.set_database(db);
  parser.set_stemmer(stemmer);
  parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  parser.set_default_op(Xapian::Query::OP_OR);
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(Xapian::BM25Weight());
  const unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_CJK_NGRAM;
  for (const Query& q : c.queries) {
    const auto t0 = Clock::now();
    std::string text = q.text;
    if (lowercase)
      for (char& ch : text) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    Xapian::Query query;
    try {
      query = parser.parse_query(text, flags);
    } catch (const Xapian::QueryParserError&) {
      try {
        query = parser.parse_query(text, 0);
      } catch (const Xapian::QueryParserError&) {
      }
    }
    unsigned rank = 0;
    if (!query.empty()) {
      enquire.set_query(query);
      const Xapian::MSet mset = enquire.get_mset(0, 10);
      for (auto it = mset.begin(); it != mset.end(); ++it)
        if (std::stoul(it.get_document().get_value(0)) == q.item) {
          rank = it.get_rank() + 1;
          break;
        }
    }
    r.latencies_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    r.ranks[q.lang].push_back(rank);
    r.in_order.push_back(rank);
  }
  return r;
}

// `name=value` → a ranking parameter; false for an unknown name.
bool set_param(kb::search::RankingParams& p, const std::string& name, double v) {
  using P = kb::search::RankingParams;
  static const std::map<std::string, void (*)(P&, double)> setters = {
      {"k1", [](P& q, double x) { q.k1 = x; }},
      {"b", [](P& q, double x) { q.b = x; }},
      {"en_k1", [](P& q, double x) { q.en_k1 = x; }},
      {"en_b", [](P& q, double x) { q.en_b = x; }},
      {"word", [](P& q, double x) { q.spaces.word = x; }},
      {"bigram", [](P& q, double x) { q.spaces.bigram = x; }},
      {"bridge", [](P& q, double x) { q.spaces.bridge = x; }},
      {"translation", [](P& q, double x) { q.spaces.translation = x; }},
      {"paraphrase", [](P& q, double x) { q.spaces.paraphrase = x; }},
      {"exact", [](P& q, double x) { q.spaces.exact = x; }},
      {"proximity", [](P& q, double x) { q.proximity = x; }},
      {"window", [](P& q, double x) { q.window = static_cast<unsigned>(x); }},
      {"depth", [](P& q, double x) { q.rerank_depth = static_cast<unsigned>(x); }},
      {"answer", [](P& q, double x) { q.answer = x; }},
      {"compound", [](P& q, double x) { q.compound = x; }},
      {"document", [](P& q, double x) { q.document = x; }},
      {"document_depth", [](P& q, double x) { q.document_depth = static_cast<unsigned>(x); }},
      {"document_mu", [](P& q, double x) { q.document_mu = x; }},
      {"document_k1", [](P& q, double x) { q.document_k1 = x; }},
      {"document_b", [](P& q, double x) { q.document_b = x; }},
      {"document_all", [](P& q, double x) { q.document_all = x; }},
      {"discount", [](P& q, double x) { q.merge.discount = x; }},
      {"well_matched", [](P& q, double x) { q.merge.well_matched = x; }},
      {"slot", [](P& q, double x) { q.merge.slot = static_cast<unsigned>(x); }},
  };
  const auto it = setters.find(name);
  if (it == setters.end()) return false;
  it->second(p, v);
  return true;
}

void parse_params(const std::string& line, kb::search::RankingParams& p) {
  std::istringstream words(line);
  for (std::string word; words >> word;) {
    const auto eq = word.find('=');
    if (eq == std::string::npos) throw EvalError("expected name=value, got " + word);
    if (!set_param(p, word.substr(0, eq), std::stod(word.substr(eq + 1))))
      throw EvalError("unknown ranking parameter " + word.substr(0, eq));
  }
}

void print_row(const Result& r) {
  std::cout << "| " << r.name;
  for (const char* lang : {"ko", "en"}) {
    const auto it = r.ranks.find(lang);
    const std::vector<unsigned> none;
    const auto& ranks = it == r.ranks.end() ? none : it->second;
    std::cout << " | " << Result::recall(ranks, 1) << " | " << Result::recall(ranks, 5) << " | " << Result::mrr(ranks);
  }
  std::cout << " | " << r.latency(0.5) << " | " << r.latency(0.99) << " |\n";
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"kb-eval-mixed: known-item search on KorQuAD paragraphs mixed with Reuters stories, kb beside Omega"};
  std::string korquad, reuters, part = "tune", kb_index, sweep, failures_path, reuse, explain;
  std::size_t stories = 700, questions = 1000;
  bool all_questions = false, json_output = false, keep = false, no_expand = false;
  std::vector<std::string> sets;
  app.add_option("--korquad", korquad, "KorQuAD 1.0 JSON (KorQuAD_v1.0_dev.json)")->required();
  app.add_option("--reuters", reuters, "folder of reut2-NNN.xml.gz (Reuters-21578 as XML)")->required();
  app.add_option("--part", part, "tune: stories of reut2-000…017; held-out: reut2-018…021")
      ->check(CLI::IsMember({"tune", "held-out"}))
      ->capture_default_str();
  app.add_option("--stories", stories, "Reuters stories in the collection (and headline queries)")
      ->capture_default_str();
  app.add_option("--questions", questions, "KorQuAD questions asked (every k-th)")->capture_default_str();
  app.add_flag("--all-questions", all_questions, "Ask every KorQuAD question");
  app.add_option("--kb-index", kb_index, "kb-index program (default: the one beside this program)");
  app.add_option("--set", sets, "Ranking parameter name=value (tuning; repeatable)");
  app.add_option("--sweep", sweep, "Tuning: one line of results per line of ranking parameters in this file");
  app.add_option("--failures", failures_path,
                 "Write kb's queries (as shipped) not answered first here (TSV: lang, kb rank, Omega-style rank with "
                 "the query lower-cased, query, answer, kb's first file)");
  app.add_flag("--json", json_output, "One JSON object instead of the table");
  app.add_flag("--keep", keep, "Keep the files and databases (their folder is printed)");
  app.add_option("--reuse", reuse,
                 "A folder --keep left for the same --part and --stories: its files and kb index are used as they are "
                 "(tuning ranking parameters; not after a change to what kb-index stores)");
  app.add_option("--explain", explain,
                 "Print kb's first ten files for this query (as shipped, one passage per file) with their scores, "
                 "and exit");
  app.add_flag("--no-expand", no_expand, "With --explain: without cross-language expansion");
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "kb-eval-mixed: " << e.what() << " (see --help)\n";
    return 2;
  }
  try {
    if (kb_index.empty()) kb_index = (fs::absolute(argv[0]).parent_path() / "kb-index").string();
    kb::search::RankingParams params;
    for (const std::string& s : sets) parse_params(s, params);
    Collection c;
    load_korquad(korquad, all_questions ? 0 : questions, c);
    load_reuters(reuters, part, stories, c);
    ScratchDir made("kb-eval-mixed", keep || !reuse.empty());
    const fs::path scratch_path = reuse.empty() ? made.path() : fs::path(reuse);
    if (!reuse.empty()) fs::remove(made.path());
    if (keep) std::cerr << "kb-eval-mixed: files and databases in " << scratch_path << '\n';
    double kb_build = 0;
    if (reuse.empty()) {
      write_files(c, scratch_path / "files");
      kb_build = run_kb_index(kb_index, scratch_path / "kb", scratch_path / "files");
    }
    if (!explain.empty()) {
      kb::search::Searcher searcher((scratch_path / "kb").string(), params);
      kb::search::SearchRequest request;
      request.query = explain;
      request.limit = 10;
      request.one_per_document = true;
      request.expand = !no_expand;
      struct Printer final : kb::search::HitSink {
        void on_hit(const kb::search::Hit& hit) override {
          std::cout << hit.rank << '\t' << hit.score << '\t' << fs::path(hit.doc.path).stem().string() << '#'
                    << hit.passage.ordinal << '\t' << hit.passage.text.substr(0, 80) << '\n';
        }
      } printer;
      searcher.search(request, printer);
      return 0;
    }
    struct {
      fs::path p;
      const fs::path& path() const { return p; }
    } scratch{scratch_path};
    std::cout << std::fixed << std::setprecision(3);
    if (!sweep.empty()) {
      std::ifstream in(sweep);
      if (!in) throw EvalError(sweep + ": cannot open");
      for (std::string line; std::getline(in, line);) {
        if (line.empty() || line.front() == '#') continue;
        kb::search::RankingParams p = params;
        parse_params(line, p);
        for (bool expand : {true, false}) {
          const Result r = evaluate_kb(c, scratch.path() / "kb", p, expand);
          std::cout << line << (expand ? "\texpand" : "\tno-expand");
          for (const auto& [lang, ranks] : r.ranks)
            std::cout << '\t' << lang << " R@1 " << Result::recall(ranks, 1) << " MRR " << Result::mrr(ranks);
          std::cout << "\tmedian ms " << r.latency(0.5) << std::endl;
        }
      }
      return 0;
    }
    std::vector<Result> results;
    results.push_back(evaluate_kb(c, scratch.path() / "kb", params, true));
    results.push_back(evaluate_kb(c, scratch.path() / "kb", params, false));
    const double omega_build = build_omega_style(c, scratch.path() / "omega");
    results.push_back(evaluate_omega_style(c, scratch.path() / "omega", false));
    results.push_back(evaluate_omega_style(c, scratch.path() / "omega", true));
    if (!failures_path.empty()) {
      std::ofstream failures(failures_path);
      for (std::size_t i = 0; i < c.queries.size(); ++i)
        if (results[0].in_order[i] != 1)
          failures << c.queries[i].lang << '\t' << results[0].in_order[i] << '\t' << results[3].in_order[i] << '\t'
                   << c.queries[i].text << '\t' << c.items[c.queries[i].item].name << '\t' << results[0].first[i]
                   << '\n';
    }
    if (json_output) {
      json out = {{"part", part},
                  {"korean_passages", c.ko_items},
                  {"english_stories", c.en_items},
                  {"queries", c.queries.size()},
                  {"kb_index_seconds", kb_build},
                  {"omega_style_build_seconds", omega_build},
                  {"setups", json::array()}};
      for (const Result& r : results) out["setups"].push_back(r.to_json());
      std::cout << out.dump(2) << '\n';
      return 0;
    }
    std::cout << "part " << part << ": " << c.ko_items << " KorQuAD passages, " << c.en_items
              << " Reuters stories; queries: " << c.queries.size() - c.en_items << " Korean, " << c.en_items
              << " English; kb-index " << std::setprecision(1) << kb_build << " s, Omega-style build " << omega_build
              << " s\n\n"
              << std::setprecision(3)
              << "| set-up | ko R@1 | ko R@5 | ko MRR@10 | en R@1 | en R@5 | en MRR@10 | median ms | p99 ms |\n"
              << "|---|---:|---:|---:|---:|---:|---:|---:|---:|\n";
    for (const Result& r : results) print_row(r);
  } catch (const std::exception& e) {
    std::cerr << "kb-eval-mixed: " << e.what() << '\n';
    return 2;
  }
  return 0;
}
