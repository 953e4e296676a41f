#include "language_merge.h"

#include <algorithm>
#include <set>

namespace kb::search {

std::vector<RankedPassage> merge_by_language(const std::vector<MergeCandidate>& typed,
                                             const std::vector<MergeCandidate>& translated, const MergeParams& params,
                                             bool one_per_document) {
  std::vector<MergeCandidate> other;
  std::vector<const MergeCandidate*> own;
  for (const MergeCandidate& c : translated)
    if (c.query_language)
      own.push_back(&c);
    else
      other.push_back(c);
  const std::vector<MergeCandidate>& translated_other = other;
  std::vector<const MergeCandidate*> order;
  order.reserve(typed.size() + translated.size());
  std::size_t i = 0, j = 0;
  if (!typed.empty()) order.push_back(&typed[i++]);
  while (i < typed.size() || j < translated_other.size()) {
    const bool take_translated =
        j < translated_other.size() &&
        (i == typed.size() || translated_other[j].normalised * params.discount > typed[i].normalised);
    order.push_back(take_translated ? &translated_other[j++] : &typed[i++]);
  }
  if (!translated_other.empty() && translated_other.front().normalised >= params.well_matched && params.slot >= 1) {
    const auto best = std::find(order.begin(), order.end(), &translated_other.front());
    const auto slot = order.begin() + std::min<std::ptrdiff_t>(params.slot - 1, best - order.begin());
    std::rotate(slot, best, best + 1);
  }
  order.insert(order.end(), own.begin(), own.end());
  std::vector<RankedPassage> merged;
  merged.reserve(order.size());
  std::set<std::string> docs;
  for (const MergeCandidate* c : order)
    if (!one_per_document || docs.insert(c->doc).second) merged.push_back(c->passage);
  return merged;
}

}  // namespace kb::search
