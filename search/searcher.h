// Runs a query against a kb database and pushes ranked passages into a sink. Never prints.
#pragma once

#include <stdexcept>
#include <string>

#include <xapian.h>

#include "analysis/analyzer.h"
#include "hit.h"
#include "printer/sink.h"
#include "query_builder.h"

namespace kb::search {

class SearchError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct SearchRequest {
  std::string query;
  unsigned limit = 10;
  unsigned offset = 0;
  // Highlights re-analyse every returned passage; evaluations that only need the ranking turn
  // them off.
  bool highlight = true;
  // At most one passage per document (its best), for document-level evaluations and listings.
  bool one_per_document = false;
};

// BM25 parameters and term-space weights; the defaults are tuned on KorQuAD dev with
// tools/kb_eval_korquad.cc (passages of a few hundred words).
struct RankingParams {
  double k1 = 0.4;
  double b = 0.35;
  SpaceWeights spaces;
  // Proximity rerank of the best max(rerank_depth, offset + limit) passages: the densest window of
  // `window` word positions adds `proximity` × the summed idf of the distinct query words inside
  // it. A question paraphrases one sentence of its passage, while sibling passages scatter the
  // same words. Pages that start beyond rerank_depth keep BM25 order.
  double proximity = 1.0;
  unsigned window = 20;
  unsigned rerank_depth = 10;
};

class Searcher {
 public:
  // Opens the database read-only; throws SearchError when there is none or it is unreadable.
  explicit Searcher(const std::string& db_dir, RankingParams ranking = {});

  // Throws SearchError for a query with no searchable words.
  SearchSummary search(const SearchRequest& request, HitSink& sink);

 private:
  std::vector<std::pair<std::uint32_t, std::uint32_t>> highlight(const std::string& text, const BuiltQuery& query);
  // The summed idf of the distinct query words in the densest window of one passage.
  double window_evidence(Xapian::docid did, const BuiltQuery& query, const std::vector<double>& idf) const;

  Xapian::Database db_;
  analysis::TextAnalyzer analyzer_;
  RankingParams ranking_;
  QueryBuilder builder_{analyzer_, ranking_.spaces};
};

}  // namespace kb::search
