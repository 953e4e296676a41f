#include "query_expander.h"

#include <algorithm>

namespace kb::search {

std::vector<Xapian::Query> QueryExpander::expand(const std::vector<analysis::Token>& tokens,
                                                 analysis::TextAnalyzer& analyzer,
                                                 std::vector<std::string>* expanded_terms,
                                                 std::vector<std::pair<std::string, double>>* positional_terms,
                                                 std::vector<bool>* covered) const {
  std::vector<Xapian::Query> clauses;
  if (covered != nullptr) covered->assign(tokens.size(), false);
  std::size_t i = 0;
  while (i < tokens.size()) {
    if (tokens[i].stopword) {
      ++i;
      continue;
    }
    std::size_t matched = 0;
    std::vector<std::string> equivalents;
    for (std::size_t n = std::min(TranslationLexicon::kMaxWords, tokens.size() - i); n >= 1; --n) {
      const std::vector<analysis::Token> span(tokens.begin() + static_cast<std::ptrdiff_t>(i),
                                              tokens.begin() + static_cast<std::ptrdiff_t>(i + n));
      if (span.back().stopword) continue;
      equivalents = lexicon_.lookup(analysis::lexicon_key(span), db_);
      if (!equivalents.empty()) {
        matched = n;
        break;
      }
    }
    if (matched == 0) {
      ++i;
      continue;
    }
    std::vector<Xapian::Query> alternatives;
    for (const std::string& text : equivalents) {
      std::vector<Xapian::Query> terms;
      std::vector<analysis::Token> words;
      for (analysis::Token& t : analyzer.analyze(text))
        if (!t.stopword) words.push_back(std::move(t));
      for (const analysis::Token& t : words) {
        terms.emplace_back(analysis::ranking_term(t));
        if (expanded_terms != nullptr) expanded_terms->push_back(analysis::ranking_term(t));
        if (positional_terms != nullptr)
          positional_terms->emplace_back(analysis::phrase_term(t), 1.0 / static_cast<double>(words.size()));
      }
      if (terms.size() == 1)
        alternatives.push_back(terms.front());
      else if (terms.size() > 1)
        alternatives.emplace_back(Xapian::Query::OP_AND, terms.begin(), terms.end());
    }
    if (!alternatives.empty()) {
      clauses.emplace_back(Xapian::Query::OP_SYNONYM, alternatives.begin(), alternatives.end());
      if (covered != nullptr)
        std::fill(covered->begin() + static_cast<std::ptrdiff_t>(i),
                  covered->begin() + static_cast<std::ptrdiff_t>(i + matched), true);
    }
    i += matched;
  }
  return clauses;
}

}  // namespace kb::search
