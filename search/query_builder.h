// Turns what the user typed into a Xapian query through the query chain of the analyzer, never
// through Xapian's QueryParser (which cannot segment Korean).
//
// Syntax: words are OR-ed and ranked by BM25; "double quoted text" is a phrase that must match;
// an unbalanced quote runs to the end of the query. English stopwords and Korean interrogatives
// (`언제`, `누가`, `무엇을`) are dropped from free text unless the query has nothing else.
//
// Free text is a BM25-weighted OR over the words (analyzer.h): each Korean word is the maximum of
// the word itself and its Hangul bigrams (a stand-in where a passage has the word only inside a
// compound or in another form), and the bigrams across spaces join at their own weight. Cross-language
// equivalents join the word space as synonyms when an expander is given (query_expander.h). The
// free words' positional terms are kept for proximity reranking (searcher.h).
#pragma once

#include <set>
#include <string>
#include <string_view>

#include <xapian.h>

#include "analysis/analyzer.h"
#include "answer_type.h"
#include "query_expander.h"

namespace kb::search {

struct BuiltQuery {
  Xapian::Query query;  // empty when the text has no searchable term
  // The same query in two parts, for language-aware merging (language_merge.h): `typed`, the
  // words as typed (with their bigrams, paraphrases and phrases), and `translated`, the
  // cross-language equivalents alone (empty without an expander or when none was found).
  Xapian::Query typed;
  Xapian::Query translated;
  // The typed words that have no equivalent (empty when every word has one, or without an
  // expander): what a passage in the other language cannot match, so the merge counts them in
  // the share of the query such a passage could reach (Searcher::rank_merged).
  Xapian::Query untranslated;
  std::size_t typed_positional = 0;     // positional_terms[0, typed_positional) come from the typed words
  std::string language;                 // of the query text: "ko", "en" or "und" (analysis::detect_language)
  std::set<std::string> ranking_terms;  // for highlighting
  std::set<std::string> phrase_terms;
  std::vector<std::vector<std::string>> phrases;  // each "double quoted" phrase of two words or more
  std::vector<std::string> positional_terms;      // free words' positional terms, in query order, once each
  std::vector<double> positional_shares;          // per positional term: the share of a query word it counts for
  // Per positional term, the term a whole document's evidence counts (Searcher::document_score):
  // an English word's stem (`Zearn` for `earnings`, as BM25 ranks it), else the positional term.
  // May be shorter than positional_terms (a query not built here): the positional term then.
  std::vector<std::string> document_terms;
  AnswerType answer_type = AnswerType::kAny;  // what the question asks for (answer_type.h)
};

// `query` restricted to passages that hold one of the query's words (or an equivalent, a
// paraphrase or a phrase word) as a word or an English stem (issue 13): what counts and listings
// count. A passage that only shares bigrams with a query word still ranks in a passage search,
// but `--counts 국정원` must not count the passages of 국가정보원 or 정원.
Xapian::Query require_a_query_word(const Xapian::Query& query, const BuiltQuery& built);

// How much each term space counts; tuned on KorQuAD dev with tools/kb_eval_korquad.cc.
struct SpaceWeights {
  double word = 1.0;
  // A Korean word's own bigrams stand in for the word in passages that lack it (OP_MAX with the
  // word), their sum scaled by this weight / √(number of bigrams).
  double bigram = 1.0;
  // The bigram across a space between two Korean words (`총 면적` → `총면`), which meets the
  // two written as one compound.
  double bridge = 0.4;
  // Cross-language equivalents (query_expander.h); set on the corpus/ queries of
  // tests/cli/issue7_crosslang_test.cc so that both languages reach the top 3.
  double translation = 1.5;
  // Korean paraphrases (`출생` for `태어났다`), always searched; tuned on KorQuAD dev.
  double paraphrase = 0.5;
  // An English word as typed (its unstemmed positional term) beside its stem: headline and
  // query words recur verbatim in the text they come from. Tuned on Reuters stories of
  // reut2-000…017 with tools/kb_eval_mixed.cc.
  double exact = 0.0;
};

class QueryBuilder {
 public:
  explicit QueryBuilder(analysis::TextAnalyzer& analyzer, SpaceWeights weights = {})
      : analyzer_(analyzer), weights_(weights) {}
  // With an expander, the free-text words also search for their equivalents in the other
  // language (see QueryExpander).
  // With a paraphraser, Korean words also search for their paraphrases (a QueryExpander over the
  // Korean paraphrase lexicon).
  BuiltQuery build(std::string_view text, const QueryExpander* expander = nullptr,
                   const QueryExpander* paraphraser = nullptr);

 private:
  // The query part of one free word: the word, or where a passage lacks it, its bigrams.
  Xapian::Query word_or_bigrams(const Xapian::Query& word, const std::vector<Xapian::Query>& bigrams) const;

  analysis::TextAnalyzer& analyzer_;
  SpaceWeights weights_;
};

}  // namespace kb::search
