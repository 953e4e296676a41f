// Turns what the user typed into a Xapian query through the query chain of the analyzer, never
// through Xapian's QueryParser (which cannot segment Korean).
//
// Syntax: words are OR-ed and ranked by BM25; "double quoted text" is a phrase that must match;
// an unbalanced quote runs to the end of the query. English stopwords are dropped from free text
// unless the query has nothing else. Cross-language equivalents are OR-ed in as synonyms when an
// expander is given.
#pragma once

#include <set>
#include <string>
#include <string_view>

#include <xapian.h>

#include "analysis/analyzer.h"
#include "query_expander.h"

namespace kb::search {

struct BuiltQuery {
  Xapian::Query query;                  // empty when the text has no searchable term
  std::set<std::string> ranking_terms;  // for highlighting
  std::set<std::string> phrase_terms;
};

class QueryBuilder {
 public:
  explicit QueryBuilder(analysis::TextAnalyzer& analyzer) : analyzer_(analyzer) {}
  // With an expander, the free-text words also search for their equivalents in the other
  // language (see QueryExpander).
  BuiltQuery build(std::string_view text, const QueryExpander* expander = nullptr);

 private:
  analysis::TextAnalyzer& analyzer_;
};

}  // namespace kb::search
