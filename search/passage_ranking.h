// Ranks figure and quote records by the passage they belong to. Those records carry no text
// terms of their own — text terms on them would enter the BM25 statistics (document count, term
// frequencies, average length) that rank passages — so a text query is run over passages and
// each record inherits the score of its passage.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "hit.h"

namespace kb::search {

// The document a passage, figure or quote record belongs to, from the record's data.
DocRef doc_ref_from_data(const nlohmann::json& data);

// Passage id ("<doc>#<ordinal>") → BM25 score, for the passages matching `text_query`
// (at most `max_passages`, best first).
std::unordered_map<std::string, double> score_passages(const Xapian::Database& db, const Xapian::Query& text_query,
                                                       Xapian::doccount max_passages = 100000);

// Matches the records linked (XP<passage id>) to any of the scored passages; MatchNothing when
// there are none.
Xapian::Query linked_to_passages(const std::unordered_map<std::string, double>& scores);

// The records matching `query`, ordered by the score of their passage (best first; records of one
// passage in index order) when `passage_scores` is given, else in index order; then `offset` and
// `limit` (0: no limit) applied.
std::vector<Xapian::Document> ranked_records(const Xapian::Database& db, const Xapian::Query& query,
                                             const std::unordered_map<std::string, double>& passage_scores,
                                             unsigned offset, unsigned limit);

}  // namespace kb::search
