// kb-search: ranked passages from a kb knowledge base. Exit codes: 0 hits, 1 none, 2 error.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <variant>

#include "counts.h"
#include "db_location.h"
#include "printer/citation_printer.h"
#include "printer/csv.h"
#include "printer/figure_printers.h"
#include "printer/human_printer.h"
#include "printer/json_printer.h"
#include "printer/quote_printers.h"
#include "quote_searcher.h"
#include "searcher.h"
#include "status.h"

namespace {

struct Options {
  std::optional<std::string> db;
  std::string format = "human";
  unsigned limit = 10;
  unsigned offset = 0;
  std::vector<std::string> query_words;
  bool no_expand = false;
  bool status = false;
  std::vector<std::string> glossaries;
  std::vector<std::string> figure_specs;  // --figure
  bool list_figures = false;              // --figures
  std::string speaker;                    // --speaker: only quotes of (passages quoting) this person
  bool quotes = false;                    // --quotes: list quotes instead of passages
  bool people = false;                    // --people: list the people quoted
  bool limit_given = false;
  std::optional<std::string> batch;        // --batch FILE
  std::optional<std::string> latency;      // --latency FILE: with --batch, milliseconds per query
  bool counts = false;                     // --counts
  kb::search::RecordFilterInput filter;    // --lang, --since, --until, --under, --type
  std::string sort = "relevance";          // --sort
  kb::search::RecordFilter record_filter;  // `filter`, checked (run())
  std::size_t snippet = 200;               // --snippet
  bool full = false;                       // --full
  std::size_t figures_per_hit = 3;         // --figures-per-hit
  bool allow_partial = false;              // --allow-partial: search the shards that answer
  // Documents, not fragments (issue 15; result_view.h).
  std::string group;                    // --group doc
  std::string duplicates = "collapse";  // --duplicates collapse|keep
  unsigned context = 0;                 // --context N
  std::optional<std::string> like;      // --like PASSAGE_ID
};

// With --allow-partial, one warning per shard left out: results are never silently partial.
void warn_missing_shards(const std::vector<std::string>& missing) {
  for (const std::string& shard : missing)
    std::cerr << "kb-search: warning: shard " << shard << "; results are partial\n";
}

void define_options(CLI::App& app, Options& o) {
  app.add_option("--db", o.db, "Index folder (default: $KB_DB, else the nearest .kb/ here or above, else ./.kb)");
  app.add_option("--format", o.format,
                 "Output: human, json (JSON Lines, one record per line), csv, or cite (one citation line per hit)")
      ->check(CLI::IsMember({"human", "json", "csv", "cite"}))
      ->capture_default_str();
  app.add_flag_callback(
      "--json", [&o] { o.format = "json"; }, "Same as --format json (as kb-index --json)");
  app.add_option("-n,--limit", o.limit, "Passages to return")->check(CLI::Range(1u, 10000u))->capture_default_str();
  app.add_option("--offset", o.offset, "Skip this many passages first (paging)")->capture_default_str();
  app.add_flag("--status", o.status,
               "Show what the knowledge base holds (documents, passages, languages, last update)");
  app.add_flag("--allow-partial", o.allow_partial,
               "On a sharded index, search the shards that answer when one cannot be opened (a warning names it; "
               "JSON hits carry \"partial\": true)");
  app.add_flag("--no-expand", o.no_expand,
               "Search only the words as typed, not their equivalents in the other language");
  app.add_option("--glossary", o.glossaries, "Extra glossary file(s), korean<TAB>english per line (also $KB_GLOSSARY)")
      ->check(CLI::ExistingFile)
      ->allow_extra_args(false);
  app.add_option("query", o.query_words, "Query words; \"double quotes\" make a phrase");
  app.add_option("--figure", o.figure_specs,
                 "Keep results stating a figure: UNIT[OP NUMBER] or UNIT:LOW..HIGH, e.g. 'USD>=1e9', "
                 "'USD:1e11..1.2e11', 'percent<50', 'count'; OP is >=, >, <=, < or =; repeat to OR")
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app.add_flag("--figures", o.list_figures,
               "List figures (one record per figure) instead of passages; with no query, every figure");
  // Quote modes (issue 5).
  app.add_option("--speaker", o.speaker,
                 "Only quotes by this person (passages quoting them), by any name word in Hangul or Latin "
                 "script: 란돌프, \"Sean Randolph\"");
  app.add_flag("--quotes", o.quotes,
               "List quotes (text, speaker, document, passage) instead of passages; with no query, every "
               "quote (or every quote of --speaker)");
  app.add_flag("--people", o.people, "List the people quoted in the knowledge base, how often and where");
  app.add_option("--batch", o.batch,
                 "Run every line of FILE (- for stdin) as a query, `query` or `id<TAB>query`; prints JSON Lines "
                 "hits, each with \"query\":{\"id\",\"text\"} (id: the line number when none is given)");
  app.add_option("--latency", o.latency,
                 "With --batch: write `id<TAB>milliseconds` per query to FILE (for benchmarks: the time of the "
                 "search and of writing its hits)");
  app.add_flag("--counts", o.counts,
               "Count the matching passages by document, language, quoted speaker and year instead of listing them");
  // Filters (issue 15), on every listing.
  app.add_option("--lang", o.filter.langs,
                 "Only documents in this language: ko, en or und (repeat, or a comma list, for any of them)")
      ->allow_extra_args(false)
      ->delimiter(',');
  app.add_option("--since", o.filter.since, "Only documents dated on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)");
  app.add_option("--until", o.filter.until, "Only documents dated on or before DATE (YYYY, YYYY-MM or YYYY-MM-DD)");
  app.add_option("--under", o.filter.under, "Only files in this folder (or this file); repeat for any of them")
      ->allow_extra_args(false);
  app.add_option("--type", o.filter.types,
                 "Only documents of this format: text, markdown, html, xml, docx, hwpx, hwp, pdf (or txt, md); "
                 "repeat, or a comma list, for any of them")
      ->allow_extra_args(false)
      ->delimiter(',');
  app.add_option("--sort", o.sort, "Order passages by relevance, or by date (newest document first)")
      ->check(CLI::IsMember({"relevance", "date"}))
      ->capture_default_str();
  // How much of each hit is shown (issue 15).
  app.add_option("--snippet", o.snippet,
                 "Characters of each passage shown around the matched words (human output; the `snippet` "
                 "field of JSON and CSV)")
      ->capture_default_str()
      ->check(CLI::Range(std::size_t{20}, std::size_t{100000}));
  app.add_flag("--full", o.full, "Human output: whole passages and all their figures instead of snippets");
  app.add_option("--figures-per-hit", o.figures_per_hit, "Human output: figures listed under each hit")
      ->capture_default_str();
  // Documents, not fragments (issue 15).
  app.add_option("--group", o.group,
                 "doc: one hit per document, its best passage with up to two more of its best under it")
      ->check(CLI::IsMember({"doc"}));
  app.add_option("--duplicates", o.duplicates,
                 "collapse: the same text in several files (a brief as HWP, HWPX and PDF, a copy) is one hit "
                 "listing the others as `also`; keep: every copy is a hit")
      ->check(CLI::IsMember({"collapse", "keep"}))
      ->capture_default_str();
  app.add_option("--context", o.context, "Show N passages before and after each hit, from its document")
      ->check(CLI::Range(0u, 20u));
  app.add_option("--like", o.like,
                 "More like this: passages like PASSAGE_ID (<doc id>#<ordinal>, as results print it), by the "
                 "passage's most telling words; with the filters, --group, --context");
  app.callback([&o, &app] { o.limit_given = app.count("--limit") > 0; });
}

// What each mode reads. An option given to a mode that does not read it is an error, not silently
// ignored (`--people 대통령`, `--status --format csv`): the user meant something by it.
struct ModeRule {
  const char* mode;                  // as named in messages
  std::vector<std::string> options;  // options (and "query") this mode reads
  std::vector<std::string> formats;  // formats it prints
};

const std::vector<ModeRule>& mode_rules() {
  static const std::vector<ModeRule> rules = {
      {"--status", {}, {"human", "json"}},
      {"--people", {"--speaker", "--lang", "--since", "--until", "--under", "--type"}, {"human", "json", "csv"}},
      {"--quotes",
       {"query", "--speaker", "--limit", "--offset", "--lang", "--since", "--until", "--under", "--type"},
       {"human", "json", "csv"}},
      {"--figures",
       {"query", "--figure", "--limit", "--offset", "--lang", "--since", "--until", "--under", "--type"},
       {"human", "json", "csv"}},
      {"--batch",
       {"--limit", "--offset", "--no-expand", "--glossary", "--figure", "--speaker", "--lang", "--since", "--until",
        "--under", "--type", "--sort", "--snippet", "--latency"},
       {"json"}},
      {"--counts",
       {"query", "--no-expand", "--glossary", "--figure", "--speaker", "--lang", "--since", "--until", "--under",
        "--type"},
       {"human", "json", "csv"}},
      {"--like",
       {"--limit", "--offset", "--figure", "--speaker", "--lang", "--since", "--until", "--under", "--type", "--sort",
        "--snippet", "--full", "--figures-per-hit", "--group", "--duplicates", "--context"},
       {"human", "json", "csv", "cite"}},
      {"passages",
       {"query", "--limit", "--offset", "--no-expand", "--glossary", "--figure", "--speaker", "--lang", "--since",
        "--until", "--under", "--type", "--sort", "--snippet", "--full", "--figures-per-hit", "--group", "--duplicates",
        "--context"},
       {"human", "json", "csv", "cite"}},
  };
  return rules;
}

// The one mode the options ask for, or an error message.
std::variant<const ModeRule*, std::string> resolve_mode(const CLI::App& app, const Options& o) {
  std::vector<std::string> modes;
  for (const char* flag : {"--status", "--people", "--quotes", "--figures", "--batch", "--counts", "--like"})
    if (app.count(flag) > 0) modes.emplace_back(flag);
  if (modes.size() > 1) return modes[0] + " and " + modes[1] + " cannot be combined";
  const std::string name = modes.empty() ? "passages" : modes[0];
  const ModeRule* rule = nullptr;
  for (const ModeRule& r : mode_rules())
    if (name == r.mode) rule = &r;
  const bool format_given = app.count("--format") > 0 || app.count("--json") > 0;
  const std::string shown = modes.empty() ? "a passage search" : name;
  if (format_given && std::find(rule->formats.begin(), rule->formats.end(), o.format) == rule->formats.end())
    return "--format " + o.format + " does not apply to " + shown;
  for (const char* option : {"--limit", "--offset", "--no-expand", "--glossary", "--figure", "--speaker", "--lang",
                             "--since", "--until", "--under", "--type", "--sort", "--snippet", "--full",
                             "--figures-per-hit", "--latency", "--group", "--duplicates", "--context"}) {
    if (app.count(option) == 0) continue;
    if (std::find(rule->options.begin(), rule->options.end(), option) == rule->options.end())
      return std::string(option) + " does not apply to " + shown;
  }
  if (!o.query_words.empty() && name == "--batch") return "give either --batch FILE or query words, not both";
  if (!o.query_words.empty() && std::find(rule->options.begin(), rule->options.end(), "query") == rule->options.end())
    return "query words do not apply to " + shown +
           (name == "--people" ? " (to find one person: --people --speaker NAME)" : "");
  return rule;
}

// Parses every --figure; prints the first bad one and returns nullopt.
std::optional<std::vector<kb::search::FigureFilter>> parse_figure_filters(const Options& o) {
  std::vector<kb::search::FigureFilter> filters;
  for (const std::string& spec : o.figure_specs) {
    auto parsed = kb::search::parse_figure_filter(spec);
    if (const auto* error = std::get_if<kb::search::FigureFilterError>(&parsed)) {
      std::cerr << "kb-search: " << error->message << '\n';
      return std::nullopt;
    }
    filters.push_back(std::get<kb::search::FigureFilter>(std::move(parsed)));
  }
  return filters;
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

int show_status(const Options& o) {
  const std::string db = kb::resolve_db_dir(o.db).string();
  std::error_code ec;
  if (!std::filesystem::is_directory(db, ec)) {
    std::cerr << "kb-search: no index at " << db << " (run kb-index first, or pass --db)\n";
    return 2;
  }
  try {
    const kb::search::KnowledgeBaseStatus status =
        kb::search::collect_status(kb::search::ShardSet::open(db, o.allow_partial), db);
    if (o.format == "json")
      std::cout << kb::search::status_to_json(status).dump() << '\n';
    else
      kb::search::print_status_human(status, std::cout);
  } catch (const Xapian::Error& e) {
    std::cerr << "kb-search: cannot read index " << db << ": " << e.get_msg() << '\n';
    return 2;
  } catch (const kb::search::SearchError& e) {
    std::cerr << "kb-search: " << e.what() << '\n';
    return 2;
  }
  return 0;
}

// `--figures`: one record per figure; the query, if any, matches the figure's sentence.
int run_figures(const Options& o, std::vector<kb::search::FigureFilter> filters) {
  try {
    kb::search::Searcher searcher(kb::resolve_db_dir(o.db).string(), {}, o.allow_partial);
    warn_missing_shards(searcher.missing_shards());
    kb::search::FigureRequest request{join(o.query_words), std::move(filters), o.limit_given ? o.limit : 0u, o.offset,
                                      o.record_filter};
    std::unique_ptr<kb::search::FigureSink> sink;
    if (o.format == "json")
      sink = std::make_unique<kb::search::JsonLinesFigurePrinter>(std::cout);
    else if (o.format == "csv")
      sink = std::make_unique<kb::search::CsvFigurePrinter>(std::cout);
    else
      sink = std::make_unique<kb::search::HumanFigurePrinter>(std::cout, colour_wanted());
    const kb::search::FigureSummary summary = searcher.list_figures(request, *sink);
    std::cout.flush();
    return summary.figures > 0 ? 0 : 1;
  } catch (const kb::search::SearchError& e) {
    std::cerr << "kb-search: " << e.what() << '\n';
    return 2;
  }
}

// --quotes [QUERY]: quote records, ranked by the query or in index order.
int run_quotes(const Options& o) {
  const std::string query = join(o.query_words);
  try {
    kb::search::QuoteSearcher searcher(kb::resolve_db_dir(o.db).string(), o.allow_partial);
    warn_missing_shards(searcher.missing_shards());
    kb::search::QuoteRequest request;
    request.query = query;
    request.speaker = o.speaker;
    const bool listing = query.find_first_not_of(" \t\r\n") == std::string::npos;
    request.limit = listing && !o.limit_given ? 0 : o.limit;
    request.offset = o.offset;
    request.filter = o.record_filter;
    std::unique_ptr<kb::search::QuoteSink> sink;
    if (o.format == "json")
      sink = std::make_unique<kb::search::JsonQuotePrinter>(std::cout);
    else if (o.format == "csv")
      sink = std::make_unique<kb::search::CsvQuotePrinter>(std::cout);
    else
      sink = std::make_unique<kb::search::HumanQuotePrinter>(std::cout);
    const kb::search::QuoteSummary summary = searcher.quotes(request, *sink);
    std::cout.flush();
    return summary.quotes > 0 ? 0 : 1;
  } catch (const kb::search::SearchError& e) {
    std::cerr << "kb-search: " << e.what() << '\n';
    return 2;
  }
}

// --people: who is quoted, how often, in which documents.
int run_people(const Options& o) {
  try {
    kb::search::QuoteSearcher searcher(kb::resolve_db_dir(o.db).string(), o.allow_partial);
    warn_missing_shards(searcher.missing_shards());
    std::unique_ptr<kb::search::PeopleSink> sink;
    if (o.format == "json")
      sink = std::make_unique<kb::search::JsonPeoplePrinter>(std::cout);
    else if (o.format == "csv")
      sink = std::make_unique<kb::search::CsvPeoplePrinter>(std::cout);
    else
      sink = std::make_unique<kb::search::HumanPeoplePrinter>(std::cout);
    const std::size_t people = searcher.people(o.speaker, o.record_filter, *sink);
    std::cout.flush();
    return people > 0 ? 0 : 1;
  } catch (const kb::search::SearchError& e) {
    std::cerr << "kb-search: " << e.what() << '\n';
    return 2;
  }
}

// The passage request the options describe, for one query text.
kb::search::SearchRequest make_request(const Options& o, const std::string& query,
                                       const std::vector<kb::search::FigureFilter>& filters) {
  kb::search::SearchRequest request;
  request.query = query;
  request.limit = o.limit;
  request.offset = o.offset;
  request.expand = !o.no_expand;
  request.figure_filters = filters;
  request.speaker = o.speaker;
  request.filter = o.record_filter;
  request.sort_by_date = o.sort == "date";
  request.snippet_width = o.snippet;
  return request;
}

// --glossary files and $KB_GLOSSARY.
void add_glossaries(kb::search::Searcher& searcher, const Options& o) {
  std::vector<std::string> glossaries = o.glossaries;
  if (const char* env = std::getenv("KB_GLOSSARY"); env != nullptr && *env != '\0') glossaries.emplace_back(env);
  for (const std::string& g : glossaries) searcher.add_glossary_file(g);
}

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

int run_batch(const Options& o, const std::vector<kb::search::FigureFilter>& filters) {
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
    kb::search::Searcher searcher(kb::resolve_db_dir(o.db).string(), {}, o.allow_partial);
    warn_missing_shards(searcher.missing_shards());
    add_glossaries(searcher, o);
    std::ofstream latency;
    if (o.latency) {
      latency.open(*o.latency, std::ios::binary);
      if (!latency) {
        std::cerr << "kb-search: cannot write latency file " << *o.latency << '\n';
        return 2;
      }
    }
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
      const auto started = std::chrono::steady_clock::now();
      try {
        const std::size_t hits = searcher.search(make_request(o, text, filters), sink).hits;
        total_hits += hits;
        // A query with no hits still writes a record, so every input line has an answer.
        if (hits == 0) {
          const nlohmann::json none = {{"schema", "kb/1"},
                                       {"type", "query"},
                                       {"query", {{"id", kb::analysis::repair_utf8(id)}, {"text", text}}},
                                       {"hits", 0}};
          std::cout << none.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
        }
      } catch (const kb::search::SearchError& e) {
        std::cerr << "kb-search: " << path << ":" << line_number << ": " << e.what() << '\n';
      }
      if (latency.is_open())
        latency << id << '\t'
                << std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count()
                << '\n';
    }
    std::cout.flush();
    return total_hits > 0 ? 0 : 1;
  } catch (const kb::search::SearchError& e) {
    std::cerr << "kb-search: " << e.what() << '\n';
    return 2;
  }
}

int run(const CLI::App& app, Options o) {
  const auto mode = resolve_mode(app, o);
  if (const auto* error = std::get_if<std::string>(&mode)) {
    std::cerr << "kb-search: " << *error << " (see kb-search --help)\n";
    return 2;
  }
  auto filter = kb::search::make_record_filter(o.filter);
  if (const auto* error = std::get_if<std::string>(&filter)) {
    std::cerr << "kb-search: " << *error << '\n';
    return 2;
  }
  o.record_filter = std::get<kb::search::RecordFilter>(std::move(filter));
  if (o.status) return show_status(o);
  if (o.people) return run_people(o);
  if (o.quotes) return run_quotes(o);
  auto filters = parse_figure_filters(o);
  if (!filters) return 2;
  if (o.list_figures) return run_figures(o, std::move(*filters));
  if (o.batch) return run_batch(o, *filters);
  const std::string query = o.like ? *o.like : join(o.query_words);
  if (query.find_first_not_of(" \t\r\n") == std::string::npos) {
    std::cerr << "kb-search: empty query\n";
    return 2;
  }
  try {
    kb::search::Searcher searcher(kb::resolve_db_dir(o.db).string(), {}, o.allow_partial);
    warn_missing_shards(searcher.missing_shards());
    add_glossaries(searcher, o);
    kb::search::SearchRequest request = make_request(o, query, *filters);
    if (o.counts) {
      request.offset = 0;
      request.limit = 1000000;
      request.highlight = false;
      request.strict = true;
      kb::search::CountingSink counter(
          query, [&searcher](const kb::search::SpeakerRef& s) { return searcher.speaker_key(s); });
      searcher.search(request, counter);
      const kb::search::Counts counts = counter.counts();
      if (o.format == "json")
        std::cout << kb::search::counts_to_json(counts).dump() << '\n';
      else if (o.format == "csv")
        kb::search::print_counts_csv(counts, std::cout);
      else
        kb::search::print_counts_human(counts, std::cout);
      return counts.passages > 0 ? 0 : 1;
    }
    // Passages and --like: copies collapsed unless --duplicates keep, grouping and context when asked.
    request.view = {!o.group.empty(), o.duplicates == "collapse", o.context};
    if (o.like) request.like = *o.like;
    std::unique_ptr<kb::search::HitSink> sink;
    if (o.format == "json")
      sink = std::make_unique<kb::search::JsonLinesPrinter>(std::cout);
    else if (o.format == "csv")
      sink = std::make_unique<kb::search::CsvHitPrinter>(std::cout);
    else if (o.format == "cite")
      sink = std::make_unique<kb::search::CitationPrinter>(std::cout);
    else
      sink = std::make_unique<kb::search::HumanPrinter>(
          std::cout, colour_wanted(), kb::search::HumanHitOptions{o.full, o.figures_per_hit, o.snippet});
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
  return run(app, options);
}
