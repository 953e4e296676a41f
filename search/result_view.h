// Documents, not fragments (issue 15): what a passage ranking becomes before it is printed —
// duplicates collapsed, passages grouped by document (`--group doc`), neighbouring passages
// attached (`--context N`). The searcher ranks; this view only reorders and folds the ranking it
// is given, so it never changes a score.
//
// Paging stays right because the view works on one ranking prefix deep enough for the page and
// slices its own output: a page is entries [offset, offset + limit) of the folded order, and the
// ranking is asked again, twice as deep, while the folded order is shorter than the page's end and
// the ranking had more to give. Grouping asks the ranking to collapse on the document id
// (Xapian's Enquire::set_collapse_key(kDocIdSlot, kGroupPassages)) so a document with fifty
// matching passages takes three places of the ranking, not fifty, and the depth needed for N
// documents is at most N × kGroupPassages.
//
// With the Korean/English merge (language_merge.h), each of the three ranked lists is collapsed
// (at most kGroupPassages passages per document and list), the lists are merged as usual, and the
// merged order is grouped here: a document takes the place of its best passage in the merged
// order, and its next best passages in merged order follow it.
//
// Known weaknesses: a group's passages are its document's best within the retrieved depth (a
// document whose other passages rank below the depth shows fewer); `also` lists only the copies
// among the retrieved candidates (duplicate_text.h); the estimated match count is Xapian's after
// collapsing, so with `--group doc` it counts passages (up to three per document), not documents.
#pragma once

#include <functional>
#include <vector>

#include <xapian.h>

#include "hit.h"
#include "language_merge.h"

namespace kb::search {

inline constexpr unsigned kGroupPassages = 3;  // passages shown per document with --group doc

struct ViewOptions {
  bool group_by_document = false;    // --group doc
  bool collapse_duplicates = false;  // the CLI collapses by default (--duplicates keep turns it off)
  unsigned context = 0;              // --context N: passages before and after each hit
  bool active() const { return group_by_document || collapse_duplicates || context > 0; }
  // What each document may take of a ranked list: kGroupPassages when grouping, else 0 (no limit).
  unsigned per_document() const { return group_by_document ? kGroupPassages : 0; }
};

// A ranked passage after folding, with the docids of its copies further down.
struct ViewPassage {
  RankedPassage ranked;
  std::vector<Xapian::docid> also;
};

// One entry of a page: a passage, and with grouping its document's next best passages.
struct ViewEntry {
  ViewPassage head;
  std::vector<ViewPassage> group;
};

class ResultView {
 public:
  ResultView(const Xapian::Database& db, ViewOptions options) : db_(db), options_(options) {}

  // The ranking of the first `depth` passages, best first (fewer when there are no more).
  using RankFn = std::function<std::vector<RankedPassage>(unsigned depth)>;

  // Entries [offset, offset + limit) of the folded ranking. `drop_copies_of`, when not empty, is a
  // text whose copies are left out altogether (`--like`: the passage the search starts from).
  std::vector<ViewEntry> page(unsigned offset, unsigned limit, const RankFn& rank,
                              const std::string& drop_copies_of = {}) const;

  // Fills what the view adds to the hit of `entry`: its copies (`also`), its group's passages
  // (made by `materialise`, with snippets of `snippet_width` characters) and its context.
  void decorate(const ViewEntry& entry, Hit& hit, const std::function<Hit(const RankedPassage&)>& materialise,
                std::size_t snippet_width) const;

  // The documents and passage ids of `docids` (copies), for printing.
  std::vector<AlsoRef> also_refs(const std::vector<Xapian::docid>& docids) const;

  // The `context` passages before and after passage `ordinal` of document `doc_id`, in document
  // order, looked up by their unique id terms (Q<doc>#<ordinal>).
  std::vector<ContextPassage> context_of(const std::string& doc_id, unsigned ordinal) const;

 private:
  std::vector<ViewEntry> fold(const std::vector<RankedPassage>& ranked, const std::string& drop_copies_of) const;

  const Xapian::Database& db_;
  ViewOptions options_;
};

}  // namespace kb::search
