// The people a document names: one row per person, with the name in Hangul and in Latin script
// where the text gives both (`션 란돌프(Sean Randolph)`, `Sean Randolph (션 란돌프)`), title and
// organisation, and organisation aliases found in the same document (`대한상의` for
// `대한상공회의소`, `KCCI` for `Korea Chamber of Commerce and Industry (KCCI)`).
//
// Lookups serve back-references: full name, Hangul surname (`강` of 강석구, `란돌프` of 션 란돌프),
// Latin surname (`Randolph`; `Kang` of the Korean-order `Kang Seok-gu`). When several rows share a
// surname the most recently mentioned one wins (`touch`).
//
// Known weaknesses: two different people with the same name in one document are merged; a
// Hangul name and its Latin form are linked only through a parenthesised gloss in the text.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analysis/quote.h"

namespace kb::analysis {

struct Person {
  std::string name;     // Hangul full name, words separated by one space
  std::string name_en;  // Latin full name
  std::string title;
  std::string org;
  std::vector<std::string> org_aliases;
};

class PersonTable {
 public:
  static constexpr int kNone = -1;
  static constexpr std::size_t kMaxPeople = 512;  // beyond this, new people are not added

  // Adds a person or merges into the row with the same Hangul or Latin name, filling empty
  // fields. Returns the row, or kNone when the table is full or the person has no name.
  int add(const Person& person);

  int find_name(std::string_view hangul_full) const;
  int find_name_en(std::string_view latin_full) const;
  // Rows whose Hangul surname is `surname` and whose title ends with `title_head` (any title when
  // `title_head` is empty); the most recently touched first.
  int find_surname_title(std::string_view surname, std::string_view title_head) const;
  int find_surname_en(std::string_view surname) const;
  // The most recently touched row with a Hangul name whose title ends with `title_head`
  // (`장관은` after `이주호 장관`), or kNone.
  int find_title(std::string_view title_head) const;

  // Marks a row as the latest mentioned, for surname ties.
  void touch(int row);

  // Looks for aliases of each person's organisation among `words` (the document's words): a
  // Hangul abbreviation keeps the first syllable and the order of the full name's syllables
  // (`대한상의` ⊂ `대한상공회의소`). `acronyms` maps a parenthesised acronym to the name before it.
  // Looks at a million word or acronym pairs at most, so a text built against it stays linear.
  void find_org_aliases(const std::vector<std::string>& words,
                        const std::vector<std::pair<std::string, std::string>>& acronyms);

  Speaker speaker(int row) const;
  const std::vector<Person>& people() const { return people_; }
  std::size_t size() const { return people_.size(); }

  static std::string hangul_surname(std::string_view name);
  static std::string latin_surname(std::string_view name_en);

 private:
  void index_row(int row);

  std::vector<Person> people_;
  std::vector<unsigned> last_touch_;
  unsigned clock_ = 0;
  std::unordered_map<std::string, int> by_name_, by_name_en_;
  std::unordered_multimap<std::string, int> by_surname_, by_surname_en_;
};

// Every form a speaker can be searched by, folded to lower case: each word of the Hangul and
// Latin names, the Hangul name without spaces, the Hangul surname. Used for the XS terms.
std::vector<std::string> speaker_name_forms(const Speaker& speaker);

}  // namespace kb::analysis
