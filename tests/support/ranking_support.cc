#include "support/ranking_support.h"

#include "analysis/document_analyzer.h"
#include "index_writer.h"
#include "schema/schema.h"

namespace kb::test {

void index_texts(const std::string& db, const std::vector<std::string>& texts) {
  IndexWriter writer(db);
  analysis::DocumentAnalyzer analyzer;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    ExtractedDoc doc;
    doc.paragraphs.push_back({texts[i], 0, false});
    SourceInfo source;
    source.path = "/doc/" + std::to_string(i);
    source.id = schema::document_id_for_path(source.path);
    writer.replace(source, analyzer.analyze(doc));
  }
  writer.commit();
}

std::string first_passage(const std::string& db, const std::string& question, const search::RankingParams& params) {
  search::Searcher searcher(db, params);
  search::SearchRequest request;
  request.query = question;
  request.expand = false;
  struct First final : search::HitSink {
    std::string text;
    void on_hit(const search::Hit& hit) override {
      if (text.empty()) text = hit.passage.text;
    }
    void on_end(const search::SearchSummary&) override {}
  } sink;
  searcher.search(request, sink);
  return sink.text;
}

}  // namespace kb::test
