// The quote modes of kb-search: lists quotes (`--quotes [QUERY]`) — each the element of its
// passage's `quotes` (schema.h) — ranked by their passage's BM25 score when there is a query and
// in index order otherwise, and the people quoted in the
// knowledge base (`--people`). Both take the `--speaker` filter. Pushes plain records into a sink;
// never prints.
#pragma once

#include <string>

#include <xapian.h>
#include <nlohmann/json.hpp>

#include "analysis/analyzer.h"
#include "printer/quote_sink.h"
#include "query_builder.h"
#include "record_filter.h"
#include "shard_set.h"
#include "speaker_filter.h"

namespace kb::search {

struct QuoteRequest {
  std::string query;    // empty: every quote
  std::string speaker;  // empty: any speaker
  unsigned limit = 0;   // 0: no limit
  unsigned offset = 0;
  RecordFilter filter{};  // language, dates, folders, formats (record_filter.h)
};

class QuoteSearcher {
 public:
  // Opens the index read-only (shard_set.h); throws SearchError (searcher.h) when it cannot.
  explicit QuoteSearcher(const std::string& db_dir, bool allow_partial = false);
  const std::vector<std::string>& missing_shards() const { return shards_.missing(); }

  // Throws SearchError for a query with no searchable words or a speaker with no words.
  QuoteSummary quotes(const QuoteRequest& request, QuoteSink& sink);
  // People with at least one quote (matching `speaker` when given), most quoted first.
  std::size_t people(const std::string& speaker, const RecordFilter& filter, PeopleSink& sink);

 private:
  SpeakerFilter speaker_query(const std::string& speaker);

  ShardSet shards_;
  Xapian::Database db_;  // shards_.combined()
  analysis::TextAnalyzer analyzer_;
  QueryBuilder builder_{analyzer_};
};

// The speaker object of a record's data (schema.h); empty when absent.
SpeakerRef speaker_from_data(const nlohmann::json& speaker);

}  // namespace kb::search
