#include "searcher.h"

#include <algorithm>
#include <cmath>
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

double Searcher::window_evidence(Xapian::docid did, const BuiltQuery& query, const std::vector<double>& idf) const {
  std::vector<std::pair<Xapian::termpos, std::size_t>> hits;  // position, query word
  for (std::size_t i = 0; i < query.positional_terms.size(); ++i) {
    if (idf[i] <= 0) continue;
    for (auto p = db_.positionlist_begin(did, query.positional_terms[i]); p != db_.positionlist_end(did, query.positional_terms[i]); ++p)
      hits.emplace_back(*p, i);
  }
  std::sort(hits.begin(), hits.end());
  std::vector<unsigned> inside(query.positional_terms.size(), 0);
  double sum = 0, best = 0;
  for (std::size_t lo = 0, hi = 0; hi < hits.size(); ++hi) {
    if (inside[hits[hi].second]++ == 0) sum += idf[hits[hi].second];
    while (hits[hi].first - hits[lo].first >= ranking_.window)
      if (--inside[hits[lo++].second] == 0) sum -= idf[hits[lo - 1].second];
    best = std::max(best, sum);
  }
  return best;
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
    // The first `rerank_depth` passages are reordered by proximity; deeper pages keep BM25 order.
    const bool rerank = ranking_.proximity > 0 && request.offset < ranking_.rerank_depth && built.positional_terms.size() > 1;
    const Xapian::doccount fetch = rerank ? std::max(request.offset + request.limit, ranking_.rerank_depth) : request.limit;
    const Xapian::MSet mset = enquire.get_mset(rerank ? 0 : request.offset, fetch);
    summary.estimated_matches = mset.get_matches_estimated();
    std::vector<std::pair<double, Xapian::MSetIterator>> ranked;
    for (auto it = mset.begin(); it != mset.end(); ++it) ranked.emplace_back(it.get_weight(), it);
    if (rerank) {
      const double n = db_.get_doccount();
      std::vector<double> idf;
      for (const std::string& term : built.positional_terms) {
        const double df = db_.get_termfreq(term);
        idf.push_back(df > 0 ? std::log((n + 1) / df) : 0);
      }
      for (auto& [score, it] : ranked) score += ranking_.proximity * window_evidence(*it, built, idf);
      std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
      ranked.erase(ranked.begin(), ranked.begin() + std::min<std::size_t>(request.offset, ranked.size()));
      if (ranked.size() > request.limit) ranked.resize(request.limit);
    }
    unsigned rank = request.offset;
    for (const auto& [score, it] : ranked) {
      const nlohmann::json data = nlohmann::json::parse(it.get_document().get_data(), nullptr, false);
      if (!data.is_object()) continue;
      Hit hit;
      hit.rank = ++rank;
      hit.score = score;
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
