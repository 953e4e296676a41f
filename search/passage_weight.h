// BM25 over passage records only.
//
// A kb database holds document, figure and quote records beside the passages. They carry no text
// terms, yet Xapian's own BM25Weight takes its collection size and average document length from
// the whole database: every record raises N (shifting every idf) and, with length 0, shortens
// the average length (so every passage looks long). This weight is BM25 exactly as Xapian's
// BM25Weight computes it (k2 = 0, k3 = 1, min_normlen = 0.5, the same floor on weak idfs), but
// with N = the number of passages and the average length over passages.
//
// Known weaknesses: term frequencies still come from Xapian and count every record holding the
// term — right today because no other record has text terms, wrong if one ever gets them; it
// cannot be serialised, so it does not work over a remote backend (kb never uses one).
#pragma once

#include <string>

#include <xapian.h>

namespace kb::search {

// BM25 parameters tuned on KorQuAD dev (tools/kb_eval_korquad.cc): passages of a few hundred
// words, questions that paraphrase one sentence — a low k1 rewards matching many distinct query
// words over repeating one.
inline constexpr double kDefaultK1 = 0.3;
inline constexpr double kDefaultB = 0.35;

struct PassageStats {
  double passages = 0;        // number of passage records
  double average_length = 0;  // their average length (sum of wdf), 0 when there are none
};

// Passage statistics of `db`: passage records by their type term; the total length is the
// database's, since no other record has positional or weighted terms (they are boolean).
PassageStats passage_stats(const Xapian::Database& db);

class PassageBM25Weight final : public Xapian::Weight {
 public:
  PassageBM25Weight(double k1, double b, PassageStats stats);

  std::string name() const override { return "kb.passage_bm25"; }
  Xapian::Weight* clone() const override;
  void init(double factor) override;
  double get_sumpart(Xapian::termcount wdf, Xapian::termcount doclen, Xapian::termcount uniqterms) const override;
  double get_maxpart() const override;
  double get_sumextra(Xapian::termcount, Xapian::termcount) const override { return 0; }
  double get_maxextra() const override { return 0; }

 private:
  // BM25's term weight for `wdf` occurrences in a passage of `doclen` words.
  double term_part(double wdf, double doclen) const;

  double k1_;
  double b_;
  PassageStats stats_;
  double inverse_average_;  // 1 / stats_.average_length, 0 without passages
  double termweight_ = 0;   // idf × (k1 + 1) × query-frequency factor × the subquery's factor
};

}  // namespace kb::search
