// A libFuzzer target for the query path (fuzz-query): what a user types into kb-search, on a
// tiny index built once per process from a few sentences written here. The input is split at
// tabs into a query, a `--figure` spec and a `--speaker` name (as kb-search would get them); the
// whole input is also parsed as a figure spec and as a speaker. It runs the figure filter parser
// (figure_filter.h), the speaker filter (speaker_filter.h) and Searcher::search and
// list_figures, i.e. the query builder (query_builder.h) with expansion, the ranking,
// highlighting and reading the records. Any input must come back as results or a typed error
// (FigureFilterError, SearchError), never a crash, hang or sanitizer report.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "analysis/document_analyzer.h"
#include "analysis/unicode_text.h"
#include "figure_filter.h"
#include "index_writer.h"
#include "schema/schema.h"
#include "searcher.h"
#include "speaker_filter.h"

namespace {

// Our own sentences: Korean and English, quotes with named speakers, figures in both languages.
constexpr std::string_view kDocuments[][3] = {
    {"ko.txt", "ko",
     "강석구 대한상의 조사본부장은 \"한국의 AI 투자는 13억달러로 미국의 1,090억달러에 못 미친다\"고 말했다.\n"
     "정부는 추경으로 GPU 1.3만장을 확보했다. 실리콘밸리가 미국 AI 투자의 76%를 차지한다.\n"
     "션 란돌프(Sean Randolph) 베이 카운슬 시니어 디렉터는 \"투자가 한곳에 몰린다\"며 \"속도가 중요하다\"고 "
     "강조했다."},
    {"en.txt", "en",
     "\"The gap is very wide,\" Jung Jun-hwa, a researcher at the National Assembly, said.\n"
     "OpenAI runs 720,000 GPUs; Korea secured 13,000 chips for $1.3 billion, up 3.5 percentage points.\n"
     "Sean Randolph said investment \"will keep flowing\" to Silicon Valley in 2024."},
};

class NullHits final : public kb::search::HitSink {
 public:
  void on_hit(const kb::search::Hit&) override {}
};
class NullFigures final : public kb::search::FigureSink {
 public:
  void on_figure(const kb::search::FigureHit&) override {}
};

std::string g_db_dir;

void remove_db() {
  std::error_code ignored;
  std::filesystem::remove_all(g_db_dir, ignored);
}

// Indexes kDocuments into a fresh temporary folder, once per process.
kb::search::Searcher& searcher() {
  static kb::search::Searcher* instance = [] {
    std::string dir = (std::filesystem::temp_directory_path() / "kb-fuzz-query-XXXXXX").string();
    if (mkdtemp(dir.data()) == nullptr) std::abort();
    g_db_dir = dir;
    std::atexit(remove_db);
    {
      kb::IndexWriter writer(dir);
      kb::analysis::DocumentAnalyzer analyzer;
      for (const auto& [name, lang, text] : kDocuments) {
        kb::ExtractedDoc doc;
        doc.lang = std::string(lang);
        std::string_view rest = text;
        while (!rest.empty()) {
          const std::size_t eol = rest.find('\n');
          doc.paragraphs.push_back({std::string(rest.substr(0, eol)), 0, false, 0, 0});
          rest = eol == std::string_view::npos ? std::string_view() : rest.substr(eol + 1);
        }
        const std::string path = "/fuzz/" + std::string(name);
        writer.replace({kb::schema::document_id_for_path(path), path, "hash", text.size(), 0, "text"}, analyzer.analyze(doc));
      }
      writer.commit();
    }
    return new kb::search::Searcher(dir);
  }();
  return *instance;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input = kb::analysis::repair_utf8(std::string_view(reinterpret_cast<const char*>(data), size));
  std::vector<std::string_view> parts;
  for (std::string_view rest = input; parts.size() < 3;) {
    const std::size_t tab = rest.find('\t');
    parts.push_back(rest.substr(0, tab));
    if (tab == std::string_view::npos) break;
    rest.remove_prefix(tab + 1);
  }
  parts.resize(3);

  kb::search::Searcher& search = searcher();
  static const Xapian::Database db(g_db_dir);
  (void)kb::search::parse_figure_filter(input);
  (void)kb::search::speaker_filter(db, input);
  kb::search::SearchRequest request;
  request.query = std::string(parts[0]);
  request.speaker = std::string(parts[2]);
  const auto figure = kb::search::parse_figure_filter(parts[1]);
  if (const auto* filter = std::get_if<kb::search::FigureFilter>(&figure)) request.figure_filters.push_back(*filter);
  try {
    NullHits hits;
    search.search(request, hits);
  } catch (const kb::search::SearchError&) {
  }
  try {
    NullFigures figures;
    search.list_figures({request.query, request.figure_filters, 5, 0}, figures);
  } catch (const kb::search::SearchError&) {
  }
  return 0;
}
