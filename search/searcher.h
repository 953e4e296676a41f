// Runs a query against a kb database and pushes ranked passages into a sink. Never prints.
#pragma once

#include <stdexcept>
#include <string>

#include <xapian.h>

#include "analysis/analyzer.h"
#include "hit.h"
#include "printer/sink.h"
#include "query_builder.h"

namespace kb::search {

class SearchError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct SearchRequest {
  std::string query;
  unsigned limit = 10;
  unsigned offset = 0;
  std::string speaker{};  // when set, only passages quoting this speaker (speaker_filter.h)
};

class Searcher {
 public:
  // Opens the database read-only; throws SearchError when there is none or it is unreadable.
  explicit Searcher(const std::string& db_dir);

  // Throws SearchError for a query with no searchable words.
  SearchSummary search(const SearchRequest& request, HitSink& sink);

 private:
  std::vector<std::pair<std::uint32_t, std::uint32_t>> highlight(const std::string& text, const BuiltQuery& query);

  Xapian::Database db_;
  analysis::TextAnalyzer analyzer_;
  QueryBuilder builder_{analyzer_};
};

}  // namespace kb::search
