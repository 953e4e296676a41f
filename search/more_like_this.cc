#include "more_like_this.h"

#include <nlohmann/json.hpp>

#include "passage_lookup.h"
#include "schema/schema.h"

namespace kb::search {
namespace {

class WordTermsOnly final : public Xapian::ExpandDecider {
 public:
  bool operator()(const std::string& term) const override { return like_term_wanted(term); }
};

}  // namespace

bool like_term_wanted(const std::string& term) {
  if (term.empty()) return false;
  const auto first = static_cast<unsigned char>(term[0]);
  if (first >= 0x80) return term.size() > 3;  // a Korean (or other non-Latin) word of two syllables or more
  // English stems: Z followed by a lower-case letter (prefixes are upper case, words lower case).
  return term.size() > 2 && term[0] == 'Z' && term[1] >= 'a' && term[1] <= 'z';
}

std::variant<LikeQuery, std::string> more_like_this(const Xapian::Database& db, const std::string& passage_id) {
  const auto hash = passage_id.find('#');
  if (hash == std::string::npos || hash == 0 || hash + 1 == passage_id.size())
    return "--like wants a passage id, <doc id>#<ordinal> (as search results print it): " + passage_id;
  const std::string uid = schema::clamp_term(std::string(schema::kPrefixUniqueId) + passage_id);
  const Xapian::PostingIterator found = db.postlist_begin(uid);
  if (found == db.postlist_end(uid)) return "no passage " + passage_id + " in the index";
  const Xapian::docid docid = *found;
  const Xapian::Document record = db.get_document(docid);
  LikeQuery like;
  PassageRecord read = read_passage_record(record);
  like.source_text = std::move(read.text);
  const nlohmann::json& data = read.data;
  like.built.language = data.is_object() ? data.value(schema::kKeyLang, "und") : "und";

  Xapian::Enquire enquire(db);
  Xapian::RSet relevant;
  relevant.add_document(docid);
  const WordTermsOnly decider;
  const Xapian::ESet eset = enquire.get_eset(kLikeTerms, relevant, &decider);
  std::vector<Xapian::Query> terms;
  for (auto it = eset.begin(); it != eset.end(); ++it) {
    terms.emplace_back(*it);
    like.built.ranking_terms.insert(*it);
  }
  if (terms.empty()) return "passage " + passage_id + " has no words to search for";
  const Xapian::Query words(Xapian::Query::OP_OR, terms.begin(), terms.end());
  like.built.query = Xapian::Query(Xapian::Query::OP_AND_NOT, words, Xapian::Query(uid));
  like.built.typed = like.built.query;
  return like;
}

}  // namespace kb::search
