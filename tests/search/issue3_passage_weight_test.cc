// Issue 3: passages are ranked by BM25 over passages alone. Figure, quote and document records
// share the database without text terms; they must not change any passage's score.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include <xapian.h>

#include "passage_weight.h"
#include "schema/schema.h"

namespace kb::search {
namespace {

// Three passages of real text, as term lists (already analysed words).
const std::vector<std::vector<std::string>> kPassages = {
    {"란돌프", "디렉터", "실리콘밸리", "투자", "ai", "투자", "1090억달러"},
    {"정준화", "입법조사관", "금산분리", "규제", "완화"},
    {"gpu", "1.3만장", "데이터센터", "전력망", "투자", "부족", "ai", "인프라", "격차"},
};

void add_passages(Xapian::WritableDatabase& db) {
  for (const auto& words : kPassages) {
    Xapian::Document doc;
    doc.add_boolean_term(schema::type_term(schema::kTypePassage));
    Xapian::termpos pos = 0;
    for (const std::string& w : words) doc.add_posting(w, ++pos);
    db.add_document(doc);
  }
}

// Records as the index writer makes them: boolean terms only.
void add_records(Xapian::WritableDatabase& db, int count) {
  for (int i = 0; i < count; ++i) {
    Xapian::Document doc;
    doc.add_boolean_term(schema::type_term(i % 2 ? schema::kTypeFigure : schema::kTypeQuote));
    doc.add_boolean_term(schema::unit_term("USD"));
    db.add_document(doc);
  }
}

std::map<Xapian::docid, double> scores(const Xapian::Database& db, const Xapian::Weight& weight,
                                       const Xapian::Query& query) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(weight);
  std::map<Xapian::docid, double> out;
  const Xapian::MSet mset = enquire.get_mset(0, 100);
  for (auto it = mset.begin(); it != mset.end(); ++it) out[*it] = it.get_weight();
  return out;
}

TEST(Issue3PassageWeight, RecordsDoNotChangePassageScores) {
  Xapian::WritableDatabase passages_only(std::string(), Xapian::DB_BACKEND_INMEMORY);
  add_passages(passages_only);
  Xapian::WritableDatabase with_records(std::string(), Xapian::DB_BACKEND_INMEMORY);
  add_passages(with_records);
  add_records(with_records, 40);

  const PassageStats stats = passage_stats(with_records);
  EXPECT_EQ(stats.passages, 3);
  EXPECT_NEAR(stats.average_length, (7.0 + 5 + 9) / 3, 1e-9);

  const std::vector<std::string> words = {"투자", "ai", "전력망", "금산분리"};
  const Xapian::Query query(Xapian::Query::OP_OR, words.begin(), words.end());
  // The reference: Xapian's BM25 with the same parameters on a database of passages alone.
  const auto reference = scores(passages_only, Xapian::BM25Weight(kDefaultK1, 0, 1, kDefaultB, 0.5), query);
  const auto ours = scores(with_records, PassageBM25Weight(kDefaultK1, kDefaultB, stats), query);
  ASSERT_EQ(reference.size(), 3u);
  ASSERT_EQ(ours.size(), reference.size());
  for (const auto& [docid, score] : reference) EXPECT_NEAR(ours.at(docid), score, 1e-9) << "passage " << docid;

  // Xapian's own BM25 on the mixed database scores differently: the records are what changed.
  const auto skewed = scores(with_records, Xapian::BM25Weight(kDefaultK1, 0, 1, kDefaultB, 0.5), query);
  EXPECT_GT(std::abs(skewed.at(1) - reference.at(1)), 1e-3);
}

TEST(Issue3PassageWeight, EmptyDatabaseHasNoStatistics) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const PassageStats stats = passage_stats(db);
  EXPECT_EQ(stats.passages, 0);
  EXPECT_EQ(stats.average_length, 0);
  EXPECT_TRUE(scores(db, PassageBM25Weight(kDefaultK1, kDefaultB, stats), Xapian::Query("투자")).empty());
}

}  // namespace
}  // namespace kb::search
