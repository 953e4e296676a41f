// Issue 13, English ranking: when documents are ranked (one passage per document, as known-item
// search and `kb-search --batch` evaluations ask), a story whose subject runs through several of
// its paragraphs is found by its whole text, not only by its best paragraph. Each row is a query
// (a headline), the story it names (several paragraphs) and a decoy whose one paragraph holds
// more of the headline's common words; with the document evidence of main (the words the passage
// lacks only, unstemmed, BM25 1.0 / 0.5, English k1 0.3) the decoy ranks first.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analysis/document_analyzer.h"
#include "index_writer.h"
#include "schema/schema.h"
#include "searcher.h"
#include "support/ranking_support.h"
#include "support/test_support.h"

namespace kb::search {
namespace {

// Indexes each document (its paragraphs, one passage each) as /doc/<i> and commits.
void index_documents(const std::string& db, const std::vector<std::vector<std::string>>& documents) {
  IndexWriter writer(db);
  analysis::DocumentAnalyzer analyzer;
  for (std::size_t i = 0; i < documents.size(); ++i) {
    ExtractedDoc doc;
    for (const std::string& paragraph : documents[i]) doc.paragraphs.push_back({paragraph, 0, false});
    SourceInfo source;
    source.path = "/doc/" + std::to_string(i);
    source.id = schema::document_id_for_path(source.path);
    writer.replace(source, analyzer.analyze(doc));
  }
  writer.commit();
}

// The path of the document ranked first for `query`, one passage per document, as the
// evaluators ask (kb_eval_mixed.cc).
std::string first_document(const std::string& db, const std::string& query, const RankingParams& params, bool expand) {
  Searcher searcher(db, params);
  SearchRequest request;
  request.query = query;
  request.limit = 10;
  request.expand = expand;
  request.one_per_document = true;
  struct First final : HitSink {
    std::string path;
    void on_hit(const Hit& hit) override {
      if (path.empty()) path = hit.doc.path;
    }
  } sink;
  searcher.search(request, sink);
  return sink.path;
}

// Main's ranking parameters for English documents, before issue 13's whole-document evidence.
void main_parameters(RankingParams& p) {
  p.en_k1 = kDefaultK1;
  p.document_all = 0;
  p.document_k1 = 1.0;
  p.document_b = 0.5;
}

struct StoryCase {
  std::string name;
  std::string headline;
  std::vector<std::string> story;  // the document the headline belongs to: /doc/0
  std::vector<std::string> decoy;  // /doc/1
};

void PrintTo(const StoryCase& c, std::ostream* os) { *os << c.name; }

// Unrelated filler stories (each four times) so that the common words are common and the names rare.
const std::vector<std::vector<std::string>> kFiller = {
    {"The central bank plans to keep interest rates unchanged, it said.",
     "Analysts see the share of loans in bank earnings falling."},
    {"Grain exports rose in the first quarter as the share of shipments to Asia increased.",
     "Traders see a slump in prices if the harvest is large."},
    {"The company plans a rights issue and a quarterly dividend of ten cents a share.",
     "The issue is payable next month to holders of record."},
    {"Oil prices fell on reports that output would rise, and copper earnings were steady.",
     "Producers said they plans to meet again about the slump."},
    {"The government said the trade deficit narrowed in the last quarter.",
     "Officials see earnings from copper and share issue sales rising."},
};

class Issue13_EnglishDocumentEvidence : public ::testing::TestWithParam<StoryCase> {};

TEST_P(Issue13_EnglishDocumentEvidence, TheStoryRanksFirst) {
  const StoryCase& c = GetParam();
  test::TempDir dir;
  const std::string db = (dir / "db").string();
  std::vector<std::vector<std::string>> documents{c.story, c.decoy};
  for (int copy = 0; copy < 4; ++copy) documents.insert(documents.end(), kFiller.begin(), kFiller.end());
  index_documents(db, documents);
  RankingParams params;
  for (bool expand : {false, true}) EXPECT_EQ(first_document(db, c.headline, params, expand), "/doc/0") << expand;
  main_parameters(params);
  EXPECT_EQ(first_document(db, c.headline, params, false), "/doc/1");
}

INSTANTIATE_TEST_SUITE_P(Headlines, Issue13_EnglishDocumentEvidence,
                         ::testing::Values(
                             // The company's name is in every paragraph of its story; the decoy's one paragraph has
                             // all the other headline words.
                             StoryCase{"company_named_throughout",
                                       "VELLACOTT PLANS SHARE ISSUE",
                                       {"Vellacott Holdings said it would raise new capital from investors.",
                                        "Vellacott said the offering of shares would close next month.",
                                        "The proceeds will reduce Vellacott's bank debt, the company said."},
                                       {"Two companies plans a share issue."}},
                             // The same shape with other words: the mine's name in each paragraph, one headline word
                             // beside it; the decoy has the other three.
                             StoryCase{"mine_named_throughout",
                                       "DUNMORROW SEES EARNINGS SLUMP",
                                       {"Dunmorrow Mining said its profit would fall this year.",
                                        "Dunmorrow said its earnings were hit by lower metal prices.",
                                        "Dunmorrow's chairman expects the slump to end next year."},
                                       {"Two firms sees an earnings slump."}}),
                         [](const ::testing::TestParamInfo<StoryCase>& row) { return row.param.name; });

// An English query of several words of which one has a Korean equivalent (`exports` → `수출`):
// a Korean passage holding that one word matches a small share of the query, so the English
// passages that match most of it come first. Before, the Korean passage was normalised by what
// the equivalents alone can reach (a full match) and took rank 2. Rows: query, English passages
// (best first by share of the query), Korean passages holding only the translated word.
struct FloodCase {
  std::string name;
  std::string query;
  std::vector<std::string> english;
  std::vector<std::string> korean;
};

void PrintTo(const FloodCase& c, std::ostream* os) { *os << c.name; }

class Issue13_OneTranslatedWord : public ::testing::TestWithParam<FloodCase> {};

TEST_P(Issue13_OneTranslatedWord, DoesNotFloodTheEnglishPassages) {
  const FloodCase& c = GetParam();
  test::TempDir dir;
  const std::string db = (dir / "db").string();
  std::vector<std::string> texts = c.english;
  texts.insert(texts.end(), c.korean.begin(), c.korean.end());
  test::index_texts(db, texts);
  Searcher searcher(db);
  SearchRequest request;
  request.query = c.query;
  request.limit = 10;
  struct Languages final : HitSink {
    std::vector<std::string> langs;
    void on_hit(const Hit& hit) override { langs.push_back(hit.doc.lang); }
  } sink;
  searcher.search(request, sink);
  ASSERT_EQ(sink.langs.size(), texts.size());
  for (std::size_t i = 0; i < c.english.size(); ++i) EXPECT_EQ(sink.langs[i], "en") << "rank " << i + 1;
  for (std::size_t i = c.english.size(); i < texts.size(); ++i) EXPECT_EQ(sink.langs[i], "ko") << "rank " << i + 1;
}

INSTANTIATE_TEST_SUITE_P(
    Queries, Issue13_OneTranslatedWord,
    ::testing::Values(FloodCase{"exports",
                                "GROWERS URGE NEW COFFEE QUOTAS FOR EXPORTS",
                                {"Coffee growers urge the council to restore export quotas.",
                                 "Growers said new coffee quotas would help.", "Growers urge a new coffee council."},
                                {"올해 반도체 수출이 크게 늘었다."}},
                      FloodCase{"export_in_a_longer_headline",
                                "MILLERS WARN TIN SMELTERS OVER EXPORT DELAYS",
                                {"Millers warn tin smelters that export delays will cost them.",
                                 "Tin smelters said the millers were wrong.", "Millers warn of delays."},
                                {"정부는 수출 지원책을 발표했다."}}),
    [](const ::testing::TestParamInfo<FloodCase>& row) { return row.param.name; });

}  // namespace
}  // namespace kb::search
