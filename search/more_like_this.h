// `kb-search --like PASSAGE_ID` (issue 15): more passages like one, through Xapian's relevance
// feedback. The passage is the relevance set (Xapian::RSet) and Enquire::get_eset picks the
// terms that best tell it from the collection; their OR, minus the passage itself, is ranked by
// the usual BM25 under the usual filters, so paging, --group doc and duplicate collapsing work
// as for a typed query.
//
// Only word-space terms are candidates, the ones a typed query ranks by (analysis::ranking_term):
// Korean stems (unprefixed, two syllables or more) and English stems (Z…). Left out: unstemmed
// English words (the stem already stands for them, twice would double their weight), numbers (a
// year or an amount makes any passage of the same year "like"), Hangul bigrams (XB…, the
// stand-ins for words written otherwise: dozens per passage, they crowd out the words) and every
// boolean term (type, language, folder, format, path, parent, speaker), which say where a passage
// is, not what it says.
//
// Known weaknesses: one passage is a small sample, so the expansion terms are its rarest words
// (names, typos) as much as its topic; single-syllable Korean words (`물`, `빚`) are never
// chosen; the other language is not searched (no translation of the expansion terms).
#pragma once

#include <string>
#include <variant>

#include <xapian.h>

#include "query_builder.h"

namespace kb::search {

inline constexpr unsigned kLikeTerms = 24;  // expansion terms taken from the passage

struct LikeQuery {
  BuiltQuery built;         // query, typed (the same), language and ranking_terms (for highlights) set
  std::string source_text;  // the passage's text, whose copies the results leave out
};

// Whether get_eset may propose `term` (see above).
bool like_term_wanted(const std::string& term);

// The query for passages like `passage_id` ("<doc>#<ordinal>"), or an error message when the
// index has no such passage or it has no usable terms.
std::variant<LikeQuery, std::string> more_like_this(const Xapian::Database& db, const std::string& passage_id);

}  // namespace kb::search
