#include "passage_ranking.h"

#include <algorithm>

#include "passage_weight.h"
#include "schema/schema.h"

namespace kb::search {

DocRef doc_ref_from_data(const nlohmann::json& data) {
  DocRef doc;
  doc.id = data.value(schema::kKeyDoc, "");
  doc.path = data.value(schema::kKeyPath, "");
  doc.title = data.value(schema::kKeyTitle, "");
  doc.lang = data.value(schema::kKeyLang, "");
  return doc;
}

void break_ties_by_document(Xapian::Enquire& enquire) {
  enquire.set_sort_by_relevance_then_value(schema::kDocIdSlot, false);
}

std::vector<ListedPassage> listed_passages(const Xapian::Database& db, const Xapian::Query& filter,
                                           const Xapian::Query& text) {
  Xapian::Enquire enquire(db);
  if (text.empty()) {
    enquire.set_query(filter);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    // Documents by id, each in text order: the same order on one database and on shards.
    break_ties_by_document(enquire);
  } else {
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, text, filter));
    enquire.set_weighting_scheme(passage_bm25(kDefaultK1, kDefaultB));
    break_ties_by_document(enquire);
  }
  const Xapian::MSet mset = enquire.get_mset(0, std::max<Xapian::doccount>(db.get_doccount(), 1));
  std::vector<ListedPassage> out;
  out.reserve(mset.size());
  for (auto it = mset.begin(); it != mset.end(); ++it) out.push_back({it.get_document(), it.get_weight()});
  return out;
}

}  // namespace kb::search
