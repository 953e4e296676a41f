#include "passage_weight.h"

namespace kb::search {

PassageStats passage_stats(const Xapian::Database& db) {
  PassageStats stats;
  stats.passages = db.get_doccount();
  if (stats.passages > 0) stats.average_length = db.get_avlength();
  return stats;
}

Xapian::BM25Weight passage_bm25(double k1, double b) { return Xapian::BM25Weight(k1, 0, 1, b, 0.5); }

}  // namespace kb::search
