// Issue 13: the typed list (words as typed) and the translated list (only through equivalents)
// are merged so that neither floods the other (search/language_merge.h).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "language_merge.h"

namespace kb::search {
namespace {

// A list in compact notation: one candidate per entry, `docid:normalised[:doc]`.
struct Entry {
  Xapian::docid docid;
  double normalised;
  std::string doc = {};
  bool query_language = false;
};

std::vector<MergeCandidate> list(const std::vector<Entry>& entries) {
  std::vector<MergeCandidate> out;
  for (const Entry& e : entries) {
    MergeCandidate c;
    c.passage.docid = e.docid;
    c.passage.score = c.passage.bm25 = e.normalised * 10;
    c.normalised = e.normalised;
    c.doc = e.doc.empty() ? std::to_string(e.docid) : e.doc;
    c.query_language = e.query_language;
    out.push_back(c);
  }
  return out;
}

struct MergeCase {
  std::string what;
  std::vector<Entry> typed, translated;
  std::vector<Xapian::docid> expected;
  bool one_per_document = false;
};

TEST(Issue13LanguageMerge, Table) {
  const MergeParams params;  // discount .8, well matched from .5, moved up to rank 3
  const std::vector<MergeCase> cases = {
      {"the typed list's best comes first even when a translation scores higher",
       {{1, 0.3}, {2, 0.2}},
       {{11, 1.0}},
       {1, 11, 2}},
      {"a weak translated passage waits behind better typed ones",
       {{1, 0.9}, {2, 0.8}, {3, 0.7}, {4, 0.6}},
       {{11, 0.4}},
       {1, 2, 3, 4, 11}},
      {"a well matched translated passage is moved up to rank 3",
       {{1, 0.95}, {2, 0.9}, {3, 0.9}, {4, 0.9}, {5, 0.9}},
       {{11, 0.6}, {12, 0.55}},
       {1, 2, 11, 3, 4, 5, 12}},
      {"interleaved by normalised score, translations discounted",
       {{1, 0.9}, {2, 0.5}, {3, 0.3}},
       {{11, 0.7}, {12, 0.45}},
       {1, 11, 2, 12, 3}},
      {"no typed passage: the translated list as it is", {}, {{11, 0.2}, {12, 0.1}}, {11, 12}},
      {"no translated passage: the typed list as it is (expansion costs nothing)",
       {{3, 0.4}, {1, 0.5}, {2, 0.1}},
       {},
       {3, 1, 2}},
      {"a translated passage in the query's own language comes after all the others",
       {{1, 0.9}, {2, 0.2}},
       {{11, 0.9, "", true}, {12, 0.6}},
       {1, 12, 2, 11}},
      {"one passage per document: a document's later passage is dropped",
       {{1, 0.9, "a"}, {2, 0.5, "b"}},
       {{11, 0.8, "a"}, {12, 0.7, "c"}},
       {1, 12, 2},
       true},
  };
  for (const MergeCase& c : cases) {
    std::vector<Xapian::docid> got;
    for (const RankedPassage& p : merge_by_language(list(c.typed), list(c.translated), params, c.one_per_document))
      got.push_back(p.docid);
    EXPECT_EQ(got, c.expected) << c.what;
  }
}

TEST(Issue13LanguageMerge, KeepsEveryCandidateOnce) {
  std::vector<Entry> typed, translated;
  for (unsigned i = 0; i < 30; ++i) typed.push_back({i + 1, 1.0 / (i + 1)});
  for (unsigned i = 0; i < 30; ++i) translated.push_back({i + 101, 0.9 / (i + 1)});
  const auto merged = merge_by_language(list(typed), list(translated), MergeParams{}, false);
  ASSERT_EQ(merged.size(), 60u);
  std::vector<Xapian::docid> ids;
  for (const auto& p : merged) ids.push_back(p.docid);
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(std::unique(ids.begin(), ids.end()), ids.end());
  // Each list keeps its own order inside the merge.
  Xapian::docid last_typed = 0, last_translated = 100;
  for (const auto& p : merged) {
    Xapian::docid& last = p.docid > 100 ? last_translated : last_typed;
    EXPECT_GT(p.docid, last);
    last = p.docid;
  }
}

}  // namespace
}  // namespace kb::search
