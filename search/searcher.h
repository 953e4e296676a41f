// Runs a query against a kb database and pushes ranked passages into a sink. Never prints.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>

#include <xapian.h>

#include "analysis/analyzer.h"
#include "hit.h"
#include "printer/sink.h"
#include "query_builder.h"
#include "translation_lexicon.h"

namespace kb::search {

class SearchError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct SearchRequest {
  std::string query;
  unsigned limit = 10;
  unsigned offset = 0;
  bool expand = true;  // search the other language's equivalents too (glossary + learned aliases)
};

class Searcher {
 public:
  // Opens the database read-only; throws SearchError when there is none or it is unreadable.
  explicit Searcher(const std::string& db_dir);

  // Adds a user glossary (`korean<TAB>english` lines) to the built-in one; throws SearchError
  // when the file cannot be read.
  void add_glossary_file(const std::string& path);

  // Throws SearchError for a query with no searchable words.
  SearchSummary search(const SearchRequest& request, HitSink& sink);

 private:
  std::vector<std::pair<std::uint32_t, std::uint32_t>> highlight(const std::string& text, const BuiltQuery& query);

  TranslationLexicon& lexicon();

  Xapian::Database db_;
  std::optional<TranslationLexicon> lexicon_;  // built on first use: most calls never expand
  analysis::TextAnalyzer analyzer_;
  QueryBuilder builder_{analyzer_};
};

}  // namespace kb::search
