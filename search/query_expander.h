// Cross-language query expansion: finds the longest runs of query words that have equivalents in
// the TranslationLexicon and turns each run's equivalents into one extra clause — the
// equivalents OP_SYNONYM-ed together, each built from its own terms by the same query chain —
// that the QueryBuilder ORs beside the user's words. Synonyms make a term and its translations
// count as one word for BM25, so expansion adds recall in the other language without letting a
// word with many translations dominate the ranking.
#pragma once

#include <vector>

#include <xapian.h>

#include "analysis/analyzer.h"
#include "translation_lexicon.h"

namespace kb::search {

class QueryExpander {
 public:
  QueryExpander(const TranslationLexicon& lexicon, const Xapian::Database* db) : lexicon_(lexicon), db_(db) {}

  // The extra clauses for a query's free-text tokens; `expanded_terms` receives the ranking terms
  // the clauses search for (for highlighting), `positional_terms` their positional terms with the
  // share of one query word each stands for (for the proximity rerank, so a passage in the other
  // language earns proximity evidence too, but a two-word equivalent — `silicon valley` for
  // `실리콘밸리` — counts as one word, not two). `covered`, when given, receives per token whether
  // an equivalent was found for it (alone or in a run of words).
  std::vector<Xapian::Query> expand(const std::vector<analysis::Token>& tokens, analysis::TextAnalyzer& analyzer,
                                    std::vector<std::string>* expanded_terms,
                                    std::vector<std::pair<std::string, double>>* positional_terms = nullptr,
                                    std::vector<bool>* covered = nullptr) const;

 private:
  const TranslationLexicon& lexicon_;
  const Xapian::Database* db_;
};

}  // namespace kb::search
