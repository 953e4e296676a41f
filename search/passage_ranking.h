// The passages behind a figure or quote listing. Figures and quotes live inside their passage
// (schema.h, layout 2), so a listing is a passage query: ranked by BM25 when there is a text
// query, in index order otherwise; the caller then walks each passage's figures or quotes.
#pragma once

#include <cmath>

#include <vector>

#include <xapian.h>
#include <nlohmann/json.hpp>

#include "hit.h"

namespace kb::search {

// The document a passage belongs to, from the passage's data.
DocRef doc_ref_from_data(const nlohmann::json& data);

// Orders passages of equal score by document id, then (Xapian's own tie-break) by docid: the
// passages of one document are in one shard, in the order they were added, so the order is the
// same for one database and for shards, whose docids interleave differently. A value sort, since
// Xapian 1.4's remote backend refuses KeyMakers.
void break_ties_by_document(Xapian::Enquire& enquire);

// A score rounded to 1e-9: Xapian sums a passage's term weights in an order that depends on how
// the index is split into shards, so the same passage may score a last bit apart on one database
// and on three, and two passages of equal text (an exact tie) would then be ordered by that bit
// instead of by their document ids. Rounded, ties stay ties and are broken the same way.
inline double stable_score(double score) { return std::round(score * 1e9) / 1e9; }

struct ListedPassage {
  Xapian::Document record;
  double score = 0;  // BM25 when ranked, else 0
};

// The passages matching `filter`: when `text` is not empty, only those matching it too, best
// first by BM25; else every one, documents in id order, each document's passages in text order
// (break_ties_by_document).
std::vector<ListedPassage> listed_passages(const Xapian::Database& db, const Xapian::Query& filter,
                                           const Xapian::Query& text);

}  // namespace kb::search
