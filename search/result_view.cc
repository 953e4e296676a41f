#include "result_view.h"

#include <algorithm>
#include <optional>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "duplicate_text.h"
#include "passage_lookup.h"
#include "passage_ranking.h"
#include "schema/schema.h"

namespace kb::search {
namespace {

// The deepest ranking a page asks for: beyond it, a page may come out short rather than slow.
constexpr unsigned kMaxDepth = 100000;

// Documents that are copies of each other (they share a distinctive passage), as a union-find.
class TwinDocuments {
 public:
  void join(const std::string& a, const std::string& b) { parent_[root(a)] = root(b); }
  std::string root(const std::string& doc) {
    auto it = parent_.try_emplace(doc, doc).first;
    if (it->second == doc) return doc;
    it->second = root(it->second);
    return it->second;
  }

 private:
  std::unordered_map<std::string, std::string> parent_;
};

}  // namespace

std::vector<ViewEntry> ResultView::fold(const std::vector<RankedPassage>& ranked,
                                        const std::string& drop_copies_of) const {
  std::optional<TextFingerprint> dropped;
  if (options_.collapse_duplicates && !drop_copies_of.empty()) dropped = text_fingerprint(drop_copies_of);
  const std::size_t n = ranked.size();
  std::vector<std::string> docs(n);  // document id of each candidate
  std::vector<std::optional<TextFingerprint>> fingerprints(n);
  std::unordered_map<std::string, std::size_t> doc_first;                   // document id → its first candidate
  std::unordered_map<std::uint64_t, std::vector<std::size_t>> distinctive;  // fingerprint → candidates
  TwinDocuments twins;
  for (std::size_t i = 0; i < n; ++i) {
    const Xapian::Document record = db_.get_document(ranked[i].docid, Xapian::DOC_ASSUME_VALID);
    docs[i] = record.get_value(schema::kDocIdSlot);
    doc_first.try_emplace(docs[i], i);
    if (!options_.collapse_duplicates) continue;
    fingerprints[i] = text_fingerprint(passage_text(record));
    if (!fingerprints[i] || !fingerprints[i]->distinctive) continue;
    auto& same = distinctive[fingerprints[i]->hash];
    if (!same.empty()) twins.join(docs[i], docs[same.front()]);
    same.push_back(i);
  }
  // Copies of one text: a distinctive text anywhere, a short one (a heading) within twin documents.
  std::unordered_map<std::string, std::vector<std::size_t>> copies;
  std::vector<std::string> keys(n);
  for (std::size_t i = 0; i < n; ++i) {
    if (!fingerprints[i]) continue;
    keys[i] = std::to_string(fingerprints[i]->hash);
    if (!fingerprints[i]->distinctive) keys[i] += '@' + twins.root(docs[i]);
    copies[keys[i]].push_back(i);
  }
  // Duplicates first, over passages: copies of one text take the place of the best of them, shown
  // as the copy in the document that ranks first — so the twins of a brief (HWP, HWPX, PDF) keep to
  // one document and its passages group together, whichever copy a tie put first — with the
  // others in `also`. A document whose every passage is a copy drops out whole.
  std::vector<ViewPassage> kept;
  std::vector<std::string> kept_docs;
  for (std::size_t i = 0; i < n; ++i) {
    if (!fingerprints[i]) {
      kept.push_back({ranked[i], {}});
      kept_docs.push_back(docs[i]);
      continue;
    }
    if (dropped && dropped->distinctive && fingerprints[i]->hash == dropped->hash) continue;
    const std::vector<std::size_t>& same = copies[keys[i]];
    if (same.front() != i) continue;  // listed under the first of its copies
    std::size_t shown = i;
    for (std::size_t t : same)
      if (doc_first[docs[t]] < doc_first[docs[shown]]) shown = t;
    ViewPassage passage{ranked[shown], {}};
    for (std::size_t t : same)
      if (t != shown) passage.also.push_back(ranked[t].docid);
    kept.push_back(std::move(passage));
    kept_docs.push_back(docs[shown]);
  }
  std::vector<ViewEntry> entries;
  if (!options_.group_by_document) {
    for (ViewPassage& p : kept) entries.push_back({std::move(p), {}});
    return entries;
  }
  // A document takes the place of its best passage; its next best follow it, in ranking order.
  std::unordered_map<std::string, std::size_t> entry_of;
  for (std::size_t i = 0; i < kept.size(); ++i) {
    const auto [it, added] = entry_of.try_emplace(kept_docs[i], entries.size());
    if (added)
      entries.push_back({std::move(kept[i]), {}});
    else if (entries[it->second].group.size() + 1 < kGroupPassages)
      entries[it->second].group.push_back(std::move(kept[i]));
  }
  return entries;
}

std::vector<ViewEntry> ResultView::page(unsigned offset, unsigned limit, const RankFn& rank,
                                        const std::string& drop_copies_of) const {
  const unsigned want = offset + limit;
  // Enough for the page when nothing folds (times the passages a document may bring when
  // grouping), with room for a few copies; deeper only when that proves short.
  unsigned depth = std::max(1u, options_.per_document()) * want;
  if (options_.collapse_duplicates) depth = depth * 2 + 10;
  depth = std::min(depth, kMaxDepth);
  std::vector<ViewEntry> entries;
  for (;;) {
    const std::vector<RankedPassage> ranked = rank(depth);
    entries = fold(ranked, drop_copies_of);
    if (entries.size() >= want || ranked.size() < depth || depth >= kMaxDepth) break;
    depth = std::min(depth * 2, kMaxDepth);
  }
  if (entries.size() <= offset) return {};
  entries.erase(entries.begin(), entries.begin() + offset);
  if (entries.size() > limit) entries.resize(limit);
  return entries;
}

void ResultView::decorate(const ViewEntry& entry, Hit& hit, const std::function<Hit(const RankedPassage&)>& materialise,
                          std::size_t snippet_width) const {
  hit.also = also_refs(entry.head.also);
  for (const ViewPassage& member : entry.group) {
    const Hit other = materialise(member.ranked);
    if (other.doc.id.empty()) continue;  // unreadable record data
    hit.group.push_back({other.score, other.passage, other.citation,
                         make_snippet(other.passage.text, other.highlights, snippet_width), also_refs(member.also)});
  }
  hit.context = context_of(hit.doc.id, hit.passage.ordinal);
}

std::vector<AlsoRef> ResultView::also_refs(const std::vector<Xapian::docid>& docids) const {
  std::vector<AlsoRef> refs;
  for (Xapian::docid did : docids) {
    const nlohmann::json data = passage_json(db_.get_document(did));
    if (!data.is_object()) continue;
    AlsoRef ref;
    ref.doc = doc_ref_from_data(data);
    ref.passage_id = schema::passage_id(ref.doc.id, data.value(schema::kKeyOrdinal, 0u));
    refs.push_back(std::move(ref));
  }
  return refs;
}

std::vector<ContextPassage> ResultView::context_of(const std::string& doc_id, unsigned ordinal) const {
  std::vector<ContextPassage> context;
  if (options_.context == 0) return context;
  PassageLookup lookup(db_);
  auto add = [&](unsigned at, int relative) {
    const PassageLookup::Passage* found = lookup.find(schema::passage_id(doc_id, at));
    if (found == nullptr) return false;
    context.push_back({relative, {schema::passage_id(doc_id, at), at, found->text, found->offset}});
    return true;
  };
  for (unsigned k = std::min(options_.context, ordinal); k >= 1; --k) add(ordinal - k, -static_cast<int>(k));
  for (unsigned k = 1; k <= options_.context; ++k)
    if (!add(ordinal + k, static_cast<int>(k))) break;
  return context;
}

}  // namespace kb::search
