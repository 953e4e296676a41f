// BM25 over passage records.
//
// Passages are the only Xapian documents of a kb index (schema.h, layout 2), so Xapian's own
// BM25Weight has the right statistics: N = the number of passages, the average length theirs.
// Being a registered Xapian scheme, it also runs on xapian-tcpsrv for remote shards, and Xapian
// combines the statistics of every shard, so a set of shards ranks exactly as one database.
//
// Known weaknesses: k1 and b are tuned on KorQuAD dev (Korean encyclopaedia paragraphs) and on
// Reuters stories (English); other genres may prefer others.
#pragma once

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

PassageStats passage_stats(const Xapian::Database& db);

// Xapian's BM25Weight with k1 and b, k2 = 0, k3 = 1 and min_normlen = 0.5 (Xapian's defaults
// for those three): the query-frequency factor 2·wqf/(1+wqf), lengths below half the average
// counted as half of it.
Xapian::BM25Weight passage_bm25(double k1, double b);

}  // namespace kb::search
