// The passages behind a figure or quote listing. Figures and quotes live inside their passage
// (schema.h, layout 2), so a listing is a passage query: ranked by BM25 when there is a text
// query, in index order otherwise; the caller then walks each passage's figures or quotes.
#pragma once

#include <vector>

#include <xapian.h>
#include <nlohmann/json.hpp>

#include "hit.h"

namespace kb::search {

// The document a passage belongs to, from the passage's data.
DocRef doc_ref_from_data(const nlohmann::json& data);

struct ListedPassage {
  Xapian::Document record;
  double score = 0;  // BM25 when ranked, else 0
};

// The passages matching `filter`: when `text` is not empty, only those matching it too, best
// first by BM25 (ties in index order); else every one in index order.
std::vector<ListedPassage> listed_passages(const Xapian::Database& db, const Xapian::Query& filter,
                                           const Xapian::Query& text);

}  // namespace kb::search
