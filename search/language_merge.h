// Language-aware merging of two ranked lists (issue 13): the `typed` list, passages in the
// query's language (or in none) ranked by the query words as typed, and the `translated` list,
// passages in the other language ranked by the words and their cross-language equivalents (plus,
// flagged `query_language`, passages in the query's language that only an equivalent finds).
//
// Each list is ranked on its own (Searcher::rank_merged: BM25 with the parameters of its
// language, then proximity), so neither list's scores bend the other's order: the typed list is
// exactly the `--no-expand` order, and expansion costs nothing on a monolingual collection.
// Scores of the two lists are
// made comparable by normalising each passage's BM25 score by the highest score its list's query
// can reach (Xapian's MSet::get_max_possible: the sum of every query term's best weight), which
// reads as "the share of the query this passage matches, weighted by idf". The merge then:
//   1. puts the best typed passage first (the query language's best first), when there is one;
//   2. interleaves the rest by normalised score, a translated passage's score times `discount`
//      (a translation is weaker evidence than the words as typed);
//   3. moves the best translated passage up to rank `slot` when its normalised score reaches
//      `well_matched` (the other language appears in the first page when it matches well);
//   4. puts translated passages in the query's own language (a Korean passage that has only the
//      `AI` a Korean query was expanded to) after all the others: on a collection in one language
//      the first passages are the `--no-expand` ones.
// With one passage per document asked for, a document's later passages are dropped.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

namespace kb::search {

// A passage as ranked, before its record is read: what evaluations and scripts that only need
// the order use (Searcher::rank), and what Searcher::search turns into hits.
struct RankedPassage {
  Xapian::docid docid = 0;
  double score = 0;
  double bm25 = 0;  // the BM25 part of `score` (set where lists are merged), before proximity evidence
};

struct MergeParams {
  double discount = 0.8;
  double well_matched = 0.5;
  unsigned slot = 3;  // 1-based
};

struct MergeCandidate {
  RankedPassage passage;
  double normalised = 0;        // BM25 score ÷ the list's highest possible score, in [0, 1]
  std::string doc;              // document id, for one passage per document
  bool query_language = false;  // translated list only: the passage is in the query's language
};

// `typed` and `translated` best first; returns the merged order (all candidates, less the
// dropped duplicates).
std::vector<RankedPassage> merge_by_language(const std::vector<MergeCandidate>& typed,
                                             const std::vector<MergeCandidate>& translated, const MergeParams& params,
                                             bool one_per_document);

}  // namespace kb::search
