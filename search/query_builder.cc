#include "query_builder.h"

#include <vector>

namespace kb::search {

BuiltQuery QueryBuilder::build(std::string_view text, const QueryExpander* expander, const QueryExpander* paraphraser) {
  BuiltQuery built;
  built.answer_type = answer_type_of(text);
  std::vector<Xapian::Query> phrases;
  std::vector<analysis::Token> free_tokens;

  auto add_free = [&](std::string_view part) {
    for (analysis::Token& t : analyzer_.analyze(part)) free_tokens.push_back(std::move(t));
  };
  auto add_phrase = [&](std::string_view part) {
    std::vector<Xapian::Query> terms;
    for (const analysis::Token& t : analyzer_.analyze(part)) {
      terms.emplace_back(analysis::phrase_term(t));
      built.phrase_terms.insert(analysis::phrase_term(t));
    }
    if (terms.size() == 1) phrases.push_back(terms.front());
    else if (terms.size() > 1)
      phrases.emplace_back(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(),
                           static_cast<Xapian::termcount>(terms.size()));
  };

  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t open = text.find('"', pos);
    if (open == std::string_view::npos) {
      add_free(text.substr(pos));
      break;
    }
    add_free(text.substr(pos, open - pos));
    const std::size_t close = text.find('"', open + 1);
    if (close == std::string_view::npos) {
      add_free(text.substr(open + 1));  // an unbalanced quote: the rest is plain words
      break;
    }
    add_phrase(text.substr(open + 1, close - open - 1));
    pos = close + 1;
  }

  bool all_stopwords = true;
  for (const auto& t : free_tokens) all_stopwords &= t.stopword;
  std::vector<Xapian::Query> words, bigrams;
  std::set<std::string> seen_bigrams, seen_positional;
  for (const auto& t : free_tokens) {
    if (t.stopword && !all_stopwords) continue;
    if (std::string positional = analysis::phrase_term(t); seen_positional.insert(positional).second) {
      built.positional_terms.push_back(std::move(positional));
      built.positional_shares.push_back(1.0);
    }
    analysis::for_each_query_term(t, [&](const std::string& term, analysis::TermSpace space) {
      if (space == analysis::TermSpace::kWord) {
        if (built.ranking_terms.insert(term).second) words.emplace_back(term);
      } else if (seen_bigrams.insert(term).second) {
        bigrams.emplace_back(term);
      }
    });
  }

  // Equivalents join the word space as weighted clauses; their positional terms feed the
  // proximity rerank, each counting `positional_scale` × its share of a query word.
  auto add_equivalents = [&](const QueryExpander& source, double weight, double positional_scale) {
    std::vector<std::string> expanded_terms;
    std::vector<std::pair<std::string, double>> expanded_positional;
    for (Xapian::Query& clause : source.expand(free_tokens, analyzer_, &expanded_terms, &expanded_positional))
      words.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, clause, weight);
    built.ranking_terms.insert(expanded_terms.begin(), expanded_terms.end());
    for (auto& [term, share] : expanded_positional)
      if (seen_positional.insert(term).second) {
        built.positional_terms.push_back(std::move(term));
        built.positional_shares.push_back(share * positional_scale);
      }
  };
  // A passage in the other language can match only through the translations, while a passage in
  // the query's language also scores in the bigram space: a small boost lets the two compete.
  if (expander != nullptr) add_equivalents(*expander, weights_.translation, 1.0);
  // A paraphrase is weaker evidence than the word itself, in ranking and in proximity alike.
  if (paraphraser != nullptr && weights_.paraphrase > 0)
    add_equivalents(*paraphraser, weights_.paraphrase, weights_.paraphrase);
  auto scaled_or = [](std::vector<Xapian::Query>& terms, double weight) {
    Xapian::Query q(Xapian::Query::OP_OR, terms.begin(), terms.end());
    return weight == 1.0 || q.empty() ? q : Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q, weight);
  };
  Xapian::Query free_query = scaled_or(words, weights_.word);
  if (!bigrams.empty() && weights_.bigram > 0)
    free_query = Xapian::Query(Xapian::Query::OP_OR, free_query, scaled_or(bigrams, weights_.bigram));
  if (phrases.empty()) {
    built.query = free_query;
  } else {
    Xapian::Query required(Xapian::Query::OP_AND, phrases.begin(), phrases.end());
    built.query = words.empty() ? required : Xapian::Query(Xapian::Query::OP_AND_MAYBE, required, free_query);
  }
  return built;
}

}  // namespace kb::search
