#include "passage_weight.h"

#include <algorithm>
#include <cmath>

#include "schema/schema.h"

namespace kb::search {

namespace {
// Xapian's BM25Weight floor: documents shorter than half the average count as half of it.
constexpr double kMinNormalisedLength = 0.5;
}  // namespace

PassageStats passage_stats(const Xapian::Database& db) {
  PassageStats stats;
  stats.passages = db.get_termfreq(schema::type_term(schema::kTypePassage));
  if (stats.passages > 0) stats.average_length = static_cast<double>(db.get_total_length()) / stats.passages;
  return stats;
}

PassageBM25Weight::PassageBM25Weight(double k1, double b, PassageStats stats)
    : k1_(k1), b_(b), stats_(stats), inverse_average_(stats.average_length > 0 ? 1 / stats.average_length : 0) {
  need_stat(TERMFREQ);
  need_stat(WDF);
  need_stat(WDF_MAX);
  need_stat(WQF);
  need_stat(DOC_LENGTH);
  need_stat(DOC_LENGTH_MIN);
}

Xapian::Weight* PassageBM25Weight::clone() const { return new PassageBM25Weight(k1_, b_, stats_); }

void PassageBM25Weight::init(double factor) {
  if (factor == 0) {  // a boolean subquery (OP_FILTER's right side): no weight at all
    termweight_ = 0;
    return;
  }
  const double n = get_termfreq();
  // Robertson's idf; when a term is in more than about a third of the passages it would fall
  // towards zero or below, so it is pulled up to a small positive weight, as Xapian does.
  double odds = (stats_.passages - n + 0.5) / (n + 0.5);
  if (odds < 2) odds = odds * 0.5 + 1;
  const double wqf = get_wqf();
  termweight_ = std::log(odds) * factor * (k1_ + 1) * (2 * wqf / (1 + wqf));
}

double PassageBM25Weight::term_part(double wdf, double doclen) const {
  const double normalised = std::max(doclen * inverse_average_, kMinNormalisedLength);
  return termweight_ * (wdf / (k1_ * (normalised * b_ + (1 - b_)) + wdf));
}

double PassageBM25Weight::get_sumpart(Xapian::termcount wdf, Xapian::termcount doclen, Xapian::termcount) const {
  return term_part(wdf, doclen);
}

double PassageBM25Weight::get_maxpart() const {
  if (termweight_ == 0) return 0;
  return term_part(get_wdf_upper_bound(), get_doclength_lower_bound());
}

}  // namespace kb::search
