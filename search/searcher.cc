#include "searcher.h"

#include <filesystem>

#include <nlohmann/json.hpp>

#include "schema/schema.h"

namespace kb::search {

Searcher::Searcher(const std::string& db_dir, RankingParams ranking) : ranking_(ranking) {
  std::error_code ec;
  if (!std::filesystem::is_directory(db_dir, ec))
    throw SearchError("no index at " + db_dir + " (run kb-index first, or pass --db)");
  try {
    db_ = Xapian::Database(db_dir);
  } catch (const Xapian::Error& e) {
    throw SearchError("cannot open index " + db_dir + ": " + e.get_msg());
  }
}

std::vector<std::pair<std::uint32_t, std::uint32_t>> Searcher::highlight(const std::string& text,
                                                                       const BuiltQuery& query) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> spans;
  for (const analysis::Token& t : analyzer_.analyze(text)) {
    if (query.ranking_terms.count(analysis::ranking_term(t)) || query.phrase_terms.count(analysis::phrase_term(t)))
      spans.emplace_back(t.begin, t.end);
  }
  return spans;
}

SearchSummary Searcher::search(const SearchRequest& request, HitSink& sink) {
  SearchSummary summary;
  summary.query = request.query;
  // The analysis chain needs valid UTF-8: broken bytes in a query become U+FFFD.
  const BuiltQuery built = builder_.build(analysis::repair_utf8(request.query));
  if (built.query.empty()) throw SearchError("the query has no searchable words");
  try {
    Xapian::Enquire enquire(db_);
    enquire.set_query(built.query);
    if (request.one_per_document) enquire.set_collapse_key(schema::kDocIdSlot);
    enquire.set_weighting_scheme(Xapian::BM25Weight(ranking_.k1, 0, 1, ranking_.b, 0.5));
    const Xapian::MSet mset = enquire.get_mset(request.offset, request.limit);
    summary.estimated_matches = mset.get_matches_estimated();
    unsigned rank = request.offset;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      const nlohmann::json data = nlohmann::json::parse(it.get_document().get_data(), nullptr, false);
      if (!data.is_object()) continue;
      Hit hit;
      hit.rank = ++rank;
      hit.score = it.get_weight();
      hit.doc.id = data.value(schema::kKeyDoc, "");
      hit.doc.path = data.value(schema::kKeyPath, "");
      hit.doc.title = data.value(schema::kKeyTitle, "");
      hit.doc.lang = data.value(schema::kKeyLang, "");
      hit.passage.ordinal = data.value(schema::kKeyOrdinal, 0u);
      hit.passage.id = schema::passage_id(hit.doc.id, hit.passage.ordinal);
      hit.passage.text = data.value(schema::kKeyText, "");
      hit.passage.offset = data.value(schema::kKeyOffset, 0u);
      if (request.highlight) hit.highlights = highlight(hit.passage.text, built);
      sink.on_hit(hit);
      ++summary.hits;
    }
  } catch (const Xapian::Error& e) {
    throw SearchError("search failed: " + e.get_msg());
  }
  sink.on_end(summary);
  return summary;
}

}  // namespace kb::search
