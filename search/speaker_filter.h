// The `--speaker` filter: the words of a name, in either script, to a Xapian query over the XS
// speaker terms (schema.h). `--speaker 란돌프`, `--speaker "션 란돌프"`, `--speaker Randolph` and
// `--speaker "Sean Randolph"` all match a quote whose speaker the text names `션 란돌프(Sean
// Randolph)`. Across documents the scripts are joined through the index itself: every quote
// record that matches the words and knows both forms of its speaker's name adds the other
// form, so `--speaker 란돌프` also finds an English brief that only says `Sean Randolph`.
//
// Known weaknesses: each word must match a whole name word (`Rand` finds nothing); two people who
// share all the given words (two `Kim`s) are not told apart.
#pragma once

#include <string_view>

#include <xapian.h>

namespace kb::search {

// An empty query when `value` has no words.
Xapian::Query speaker_filter(const Xapian::Database& db, std::string_view value);

}  // namespace kb::search
