// Cross-language equivalents for query expansion: the bilingual glossary that ships with kb
// (indexer/analysis/data/glossary_ko_en.tsv, compiled in), any glossary the user adds (same
// format: `korean<TAB>english`, `#` comments), and the aliases kb-index learned from the
// documents (`션 란돌프(Sean Randolph)`), read from the database's metadata.
//
// Entries are keyed by analyzer::lexicon_key, so `Randolph's`, `Randolph` and `randolph` find the
// same entry and Korean keys ignore particles.
//
// Known weaknesses: no sense disambiguation — a glossary word with two meanings expands to both
// (`배` → `times`); a key spans at most kMaxWords words.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "analysis/analyzer.h"

namespace kb::search {

class TranslationLexicon {
 public:
  static constexpr std::size_t kMaxWords = 4;

  // The compiled-in glossary.
  static std::string_view builtin_glossary();
  // The compiled-in Korean paraphrases (search/data/paraphrase_ko.tsv): same format, both sides
  // Korean.
  static std::string_view builtin_paraphrases();

  // Adds every pair of a glossary text; returns the number of pairs read. Malformed lines are
  // counted in `bad_lines` and skipped.
  std::size_t add_glossary(std::string_view tsv, analysis::TextAnalyzer& analyzer, std::size_t* bad_lines = nullptr);
  void add_pair(std::string_view left, std::string_view right, analysis::TextAnalyzer& analyzer);

  // Equivalents of the text whose lexicon key is `key`: glossary entries, then aliases the
  // database learned (when `db` is given). Texts as written, for the query chain to analyse.
  std::vector<std::string> lookup(const std::string& key, const Xapian::Database* db) const;

  std::size_t size() const { return entries_.size(); }

 private:
  std::map<std::string, std::vector<std::string>> entries_;
};

}  // namespace kb::search
