// Issue 16: passages are the only Xapian documents of a kb index (schema.h, layout 2), so Xapian's
// stock BM25Weight — the one xapian-tcpsrv knows — ranks them with the right statistics. Figures
// and quotes live inside their passage, source files in `doc:` metadata.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include <xapian.h>
#include <nlohmann/json.hpp>

#include "index_writer.h"
#include "indexing_run.h"
#include "passage_weight.h"
#include "readers/registry.h"
#include "schema/schema.h"
#include "support/test_support.h"

namespace kb::test {
using namespace kb::search;
namespace {

class Issue16_PassageLayout : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_.write("docs/seminar.txt",
               "션 란돌프(Sean Randolph) 디렉터는 \"실리콘밸리 투자의 37%가 AI로 갔다\"고 밝혔다.\n\n"
               "정부는 GPU 1.3만장을 확보하고 1,090억달러 규모의 투자를 유치했다.");
    dir_.write("docs/wire.txt",
               "\"Investment in AI infrastructure reached $109 billion,\" Randolph said.\n\n"
               "Exports rose 80 percent from a year earlier.");
    dir_.write("docs/empty.txt", "");
    IndexWriter writer(db_dir());
    Diagnostics diagnostics{[](const std::string&, const std::string&) {},
                            [](const std::string&, const std::string&) {}};
    IndexingRun run(writer, ReaderRegistry::standard(), diagnostics);
    run.add(dir_.path() / "docs");
    run.finish();
  }
  std::string db_dir() const { return (dir_.path() / "db").string(); }
  TempDir dir_;
};

TEST_F(Issue16_PassageLayout, EveryRecordIsAPassage) {
  Xapian::Database db(db_dir());
  ASSERT_GT(db.get_doccount(), 0u);
  EXPECT_EQ(db.get_termfreq(schema::type_term(schema::kTypePassage)), db.get_doccount());
  EXPECT_EQ(db.get_termfreq(schema::type_term(schema::kTypeLegacyDocument)), 0u);
  // The first passage of each document with text carries XTfirst: two of the three files.
  EXPECT_EQ(db.get_termfreq(schema::type_term(schema::kTypeFirst)), 2u);
  EXPECT_EQ(db.get_metadata(schema::kMetaLayout), std::to_string(schema::kLayout));
  EXPECT_EQ(db.get_metadata(schema::kMetaAnalysis), std::to_string(schema::kAnalysisVersion));
  // Every file has its `doc:` entry.
  const std::string prefix(schema::kMetaDocumentPrefix);
  std::size_t entries = 0;
  for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
    const auto data = nlohmann::json::parse(db.get_metadata(*it));
    EXPECT_TRUE(data.contains(schema::kKeyHash)) << *it;
    ++entries;
  }
  EXPECT_GE(entries, 2u);
}

TEST_F(Issue16_PassageLayout, FiguresAndQuotesLiveInTheirPassage) {
  Xapian::Database db(db_dir());
  // $109 billion and 1,090억달러: the same USD value term on two passages.
  const std::string usd = schema::unit_term("USD");
  EXPECT_EQ(db.get_termfreq(schema::figure_value_term(usd, 109e9)), 2u);
  const std::string quote_flag = schema::type_term(schema::kTypeQuote);
  EXPECT_GE(db.get_termfreq(quote_flag), 2u);
  for (auto it = db.postlist_begin(quote_flag); it != db.postlist_end(quote_flag); ++it) {
    const auto data = nlohmann::json::parse(db.get_document(*it).get_data());
    ASSERT_TRUE(data.contains(schema::kKeyQuotes));
    for (const auto& quote : data[schema::kKeyQuotes]) {
      EXPECT_TRUE(quote.contains(schema::kKeyQuote));
      EXPECT_TRUE(quote.contains(schema::kKeyOffset));
    }
  }
}

TEST_F(Issue16_PassageLayout, StockBm25IsWhatRanks) {
  // passage_bm25 is Xapian's registered BM25Weight: it round-trips through serialise() as the
  // remote protocol sends it, and its statistics are those of the passages.
  const Xapian::BM25Weight weight = passage_bm25(kDefaultK1, kDefaultB);
  EXPECT_EQ(weight.name(), "Xapian::BM25Weight");
  std::unique_ptr<Xapian::Weight> copy(Xapian::BM25Weight().unserialise(weight.serialise()));
  EXPECT_EQ(copy->serialise(), weight.serialise());
  Xapian::Database db(db_dir());
  const PassageStats stats = passage_stats(db);
  EXPECT_EQ(stats.passages, db.get_doccount());
  EXPECT_NEAR(stats.average_length, db.get_avlength(), 1e-9);
}

TEST(Issue16_PassageWeight, EmptyDatabaseHasNoStatistics) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const PassageStats stats = passage_stats(db);
  EXPECT_EQ(stats.passages, 0);
  EXPECT_EQ(stats.average_length, 0);
}

}  // namespace
}  // namespace kb::test
