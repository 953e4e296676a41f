// The `--speaker` filter: the words of a name, in either script, to a Xapian query over the XS
// speaker terms (schema.h). `--speaker 란돌프`, `--speaker "션 란돌프"`, `--speaker Randolph` and
// `--speaker "Sean Randolph"` all match a quote whose speaker the text names `션 란돌프(Sean
// Randolph)`. Across documents the scripts are joined through the index itself: every quote
// that matches the words and knows both forms of its speaker's name adds the other form, so
// `--speaker 란돌프` also finds an English brief that only says `Sean Randolph`.
//
// The query is over passages, which carry the XS terms of all their quotes' speakers; a quote
// listing then keeps the quotes whose own speaker matches (SpeakerFilter::matches).
//
// Known weaknesses: each word must match a whole name word (`Rand` finds nothing); two people who
// share all the given words (two `Kim`s) are not told apart; a passage search with `--speaker
// "A B"` also finds a passage quoting one speaker named A and another named B.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "hit.h"

namespace kb::search {

struct SpeakerFilter {
  Xapian::Query query;  // passages quoting a matching speaker; empty when the value has no words
  std::vector<std::vector<std::string>> forms;  // folded name words, one list per way of naming

  // Whether a quote by `speaker` matches: some form's words are all among its name forms.
  bool matches(const SpeakerRef& speaker) const;
};

SpeakerFilter speaker_filter(const Xapian::Database& db, std::string_view value);

}  // namespace kb::search
