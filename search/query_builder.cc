#include "query_builder.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <vector>

#include "schema/schema.h"

namespace kb::search {

Xapian::Query require_a_query_word(const Xapian::Query& query, const BuiltQuery& built) {
  if (query.empty()) return query;
  std::set<std::string> words(built.ranking_terms.begin(), built.ranking_terms.end());
  words.insert(built.phrase_terms.begin(), built.phrase_terms.end());
  if (words.empty()) return Xapian::Query();
  return Xapian::Query(Xapian::Query::OP_FILTER, query,
                       Xapian::Query(Xapian::Query::OP_OR, words.begin(), words.end()));
}

Xapian::Query QueryBuilder::word_or_bigrams(const Xapian::Query& word,
                                            const std::vector<Xapian::Query>& bigrams) const {
  if (bigrams.empty() || weights_.bigram <= 0) return word;
  // A passage that has the word scores the word; one that has it only in other forms (a compound,
  // another ending, a spacing) scores its bigrams instead. Adding both would count a word three
  // or four times over in the passages that repeat it, which are the siblings of the passage
  // that answers. The bigrams of a long word are many: their sum is scaled by 1/√n.
  const double scale = weights_.bigram / std::sqrt(static_cast<double>(bigrams.size()));
  Xapian::Query stand_in(Xapian::Query::OP_SCALE_WEIGHT,
                         Xapian::Query(Xapian::Query::OP_OR, bigrams.begin(), bigrams.end()), scale);
  if (word.empty()) return stand_in;
  // max(word, bigrams) over the passages holding either: a weightless OR decides what matches,
  // OP_MAX on the AND_MAYBE side gives the weight. The MAX also holds a weightless posting list
  // of every passage, so that it is never exhausted before its shard is: Xapian 1.4.22's
  // multi-database matcher recomputes the maximum weights of every shard's tree when it moves
  // to the next shard, and an exhausted OP_MAX then reads a freed sub-list (SIGSEGV; test
  // Issue16_Shards). The scores are those of a bare OP_MAX.
  const Xapian::Query either(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(Xapian::Query::OP_OR, word, stand_in), 0.0);
  const Xapian::Query every_passage(Xapian::Query::OP_SCALE_WEIGHT,
                                    Xapian::Query(schema::type_term(schema::kTypePassage)), 0.0);
  const std::vector<Xapian::Query> candidates{word, stand_in, every_passage};
  return Xapian::Query(Xapian::Query::OP_AND_MAYBE, either,
                       Xapian::Query(Xapian::Query::OP_MAX, candidates.begin(), candidates.end()));
}

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
    std::vector<std::string> words;
    for (const analysis::Token& t : analyzer_.analyze(part)) {
      terms.emplace_back(analysis::phrase_term(t));
      words.push_back(analysis::phrase_term(t));
      built.phrase_terms.insert(analysis::phrase_term(t));
    }
    // All of a phrase's words: the index keeps no positions, so the searcher checks the order on
    // the passages it ranks (Searcher::has_phrases).
    if (terms.size() == 1)
      phrases.push_back(terms.front());
    else if (terms.size() > 1) {
      phrases.emplace_back(Xapian::Query::OP_AND, terms.begin(), terms.end());
      built.phrases.push_back(std::move(words));
    }
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
  std::vector<Xapian::Query> words, bridges;
  std::vector<std::size_t> word_tokens;  // per entry of `words`: its token in free_tokens
  std::set<std::string> seen_bigrams, seen_positional;
  for (std::size_t k = 0; k < free_tokens.size(); ++k) {
    const analysis::Token& t = free_tokens[k];
    if (t.stopword && !all_stopwords) continue;
    if (std::string positional = analysis::phrase_term(t); seen_positional.insert(positional).second) {
      built.positional_terms.push_back(std::move(positional));
      built.positional_shares.push_back(1.0);
      // Two words of one stem (`cut`, `cuts`) count their stem once.
      std::string stem = analysis::ranking_term(t);
      const bool repeated =
          std::find(built.document_terms.begin(), built.document_terms.end(), stem) != built.document_terms.end();
      built.document_terms.push_back(repeated ? std::string() : std::move(stem));
    }
    Xapian::Query word;
    const bool latin = t.script == analysis::Script::kLatin;
    std::vector<Xapian::Query> own_bigrams;
    const std::string bridge = t.bridge.empty() ? std::string() : schema::bigram_term(t.bridge);
    analysis::for_each_query_term(t, [&](const std::string& term, analysis::TermSpace space) {
      if (space == analysis::TermSpace::kWord) {
        if (built.ranking_terms.insert(term).second) {
          word = Xapian::Query(term);
          if (latin && weights_.exact > 0 && analysis::phrase_term(t) != term)
            word = Xapian::Query(
                Xapian::Query::OP_OR, word,
                Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(analysis::phrase_term(t)), weights_.exact));
        }
      } else if (seen_bigrams.insert(term).second) {
        const auto held_by = analysis::bigram_posting_terms(term);
        (term == bridge ? bridges : own_bigrams)
            .emplace_back(Xapian::Query::OP_SYNONYM, Xapian::Query(held_by[0]), Xapian::Query(held_by[1]));
      }
    });
    if (Xapian::Query part = word_or_bigrams(word, own_bigrams); !part.empty()) {
      words.push_back(std::move(part));
      word_tokens.push_back(k);
    }
  }

  // Equivalents join the word space as weighted clauses; their positional terms feed the
  // proximity rerank, each counting `positional_scale` × its share of a query word.
  auto add_equivalents = [&](const QueryExpander& source, double weight, double positional_scale,
                             std::vector<Xapian::Query>& into, std::vector<bool>* covered) {
    std::vector<std::string> expanded_terms;
    std::vector<std::pair<std::string, double>> expanded_positional;
    for (Xapian::Query& clause : source.expand(free_tokens, analyzer_, &expanded_terms, &expanded_positional, covered))
      into.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, clause, weight);
    built.ranking_terms.insert(expanded_terms.begin(), expanded_terms.end());
    for (auto& [term, share] : expanded_positional)
      if (seen_positional.insert(term).second) {
        built.document_terms.push_back(term);
        built.positional_terms.push_back(std::move(term));
        built.positional_shares.push_back(share * positional_scale);
      }
  };
  // A passage in the other language can match only through the translations, while a passage in
  // the query's language also scores through bigrams: a small boost lets the two compete.
  // A paraphrase is weaker evidence than the word itself, in ranking and in proximity alike.
  // Paraphrases are of the query's language: they belong to the typed part.
  if (paraphraser != nullptr && weights_.paraphrase > 0)
    add_equivalents(*paraphraser, weights_.paraphrase, weights_.paraphrase, words, nullptr);
  built.typed_positional = built.positional_terms.size();
  std::vector<Xapian::Query> translations;
  std::vector<bool> covered;
  if (expander != nullptr) add_equivalents(*expander, weights_.translation, 1.0, translations, &covered);
  auto scaled_or = [](const std::vector<Xapian::Query>& terms, double weight) {
    Xapian::Query q(Xapian::Query::OP_OR, terms.begin(), terms.end());
    return weight == 1.0 || q.empty() ? q : Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q, weight);
  };
  auto assemble = [&](const std::vector<Xapian::Query>& free_words) {
    Xapian::Query free_query = scaled_or(free_words, weights_.word);
    if (!bridges.empty() && weights_.bridge > 0)
      free_query = Xapian::Query(Xapian::Query::OP_OR, free_query, scaled_or(bridges, weights_.bridge));
    if (phrases.empty()) return free_query;
    Xapian::Query required(Xapian::Query::OP_AND, phrases.begin(), phrases.end());
    return free_words.empty() ? required : Xapian::Query(Xapian::Query::OP_AND_MAYBE, required, free_query);
  };
  built.typed = assemble(words);
  if (!translations.empty()) {
    built.translated = scaled_or(translations, weights_.word);
    std::vector<Xapian::Query> untranslated;
    for (std::size_t w = 0; w < word_tokens.size(); ++w)
      if (word_tokens[w] < covered.size() && !covered[word_tokens[w]]) untranslated.push_back(words[w]);
    built.untranslated = scaled_or(untranslated, weights_.word);
    words.insert(words.end(), translations.begin(), translations.end());
    built.query = assemble(words);
  } else {
    built.query = built.typed;
  }
  built.language = analysis::detect_language(text);
  return built;
}

}  // namespace kb::search
