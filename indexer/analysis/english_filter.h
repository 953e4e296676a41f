// English word normalisation: possessive `'s` removed, and a stem from Xapian's English
// (Porter2) stemmer kept beside the unstemmed word, which phrases use.
//
// Known weaknesses: no lemmatisation of irregular forms (`said`/`say` stay apart) and no
// decompounding; the stopword list is a fixed English one.
#pragma once

#include <string>
#include <string_view>

#include <xapian.h>

namespace kb::analysis {

class EnglishFilter {
 public:
  EnglishFilter();

  // `randolph's` → `randolph`; other words unchanged.
  std::string strip_possessive(std::string_view word) const;
  std::string stem(const std::string& word) const;
  bool is_stopword(std::string_view word) const;

 private:
  Xapian::Stem stemmer_;
};

}  // namespace kb::analysis
