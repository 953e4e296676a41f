#include "passage_ranking.h"

#include <algorithm>
#include <vector>

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

std::unordered_map<std::string, double> score_passages(const Xapian::Database& db, const Xapian::Query& text_query,
                                                       Xapian::doccount max_passages) {
  std::unordered_map<std::string, double> scores;
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, text_query,
                                  Xapian::Query(schema::type_term(schema::kTypePassage))));
  enquire.set_weighting_scheme(PassageBM25Weight(kDefaultK1, kDefaultB, passage_stats(db)));
  const Xapian::MSet mset = enquire.get_mset(0, max_passages);
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    const Xapian::Document doc = it.get_document();
    const auto ordinal = static_cast<unsigned>(Xapian::sortable_unserialise(doc.get_value(schema::kOrdinalSlot)));
    scores.emplace(schema::passage_id(doc.get_value(schema::kDocIdSlot), ordinal), it.get_weight());
  }
  return scores;
}

Xapian::Query linked_to_passages(const std::unordered_map<std::string, double>& scores) {
  if (scores.empty()) return Xapian::Query::MatchNothing;
  std::vector<Xapian::Query> terms;
  terms.reserve(scores.size());
  const std::string prefix(schema::kPrefixPassage);
  for (const auto& [id, score] : scores) terms.emplace_back(schema::clamp_term(prefix + id));
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

std::vector<Xapian::Document> ranked_records(const Xapian::Database& db, const Xapian::Query& query,
                                             const std::unordered_map<std::string, double>& passage_scores,
                                             unsigned offset, unsigned limit) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);  // index order: documents, then text order
  const Xapian::MSet mset = enquire.get_mset(0, std::max<Xapian::doccount>(db.get_doccount(), 1));
  std::vector<std::pair<double, Xapian::Document>> all;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    Xapian::Document doc = it.get_document();
    double score = 0;
    if (!passage_scores.empty()) {
      const auto ordinal = static_cast<unsigned>(Xapian::sortable_unserialise(doc.get_value(schema::kOrdinalSlot)));
      const auto found = passage_scores.find(schema::passage_id(doc.get_value(schema::kDocIdSlot), ordinal));
      score = found == passage_scores.end() ? 0 : found->second;
    }
    all.emplace_back(score, std::move(doc));
  }
  std::stable_sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<Xapian::Document> out;
  for (std::size_t i = offset; i < all.size() && (limit == 0 || out.size() < limit); ++i)
    out.push_back(std::move(all[i].second));
  return out;
}

}  // namespace kb::search
