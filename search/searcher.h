// Runs a query against a kb database and pushes ranked passages into a sink. Never prints.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_map>

#include <xapian.h>

#include "analysis/analyzer.h"
#include "figure_filter.h"
#include "filter_decider.h"
#include "hit.h"
#include "language_merge.h"
#include "passage_weight.h"
#include "printer/figure_sink.h"
#include "printer/sink.h"
#include "query_builder.h"
#include "record_filter.h"
#include "result_view.h"
#include "shard_set.h"
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
  // Highlights re-analyse every returned passage; evaluations that only need the ranking turn
  // them off.
  bool highlight = true;
  // At most one passage per document (its best), for document-level evaluations and listings.
  bool one_per_document = false;
  // Only passages holding a query word (or its equivalent) as a word or stem, not through bigrams
  // alone (require_a_query_word): for counts.
  bool strict = false;
  // Keep only passages stating a figure matching any of these (figure_filter.h).
  std::vector<FigureFilter> figure_filters{};
  std::string speaker{};            // when set, only passages quoting this speaker (speaker_filter.h)
  RecordFilter filter{};            // language, dates, folders, formats (record_filter.h)
  bool sort_by_date = false;        // newest document first (undated last), then by score; no proximity rerank
  std::size_t snippet_width = 200;  // characters of Hit::snippet (snippet.h)
  // Issue 15, documents not fragments: --group doc, duplicates collapsed, --context (result_view.h).
  ViewOptions view{};
  std::string like{};  // --like: a passage id; the query is built from its terms (more_like_this.h), not `query`
};

// BM25 parameters and term-space weights; the defaults are tuned on KorQuAD dev with
// tools/kb_eval_korquad.cc (passages of a few hundred words).
struct RankingParams {
  double k1 = kDefaultK1;
  double b = kDefaultB;
  // BM25 for a list of English passages (an English query's typed list, a Korean query's
  // translated list): newswire stories and briefs, not Korean encyclopaedia paragraphs. Tuned on
  // Reuters stories of reut2-000…017 with tools/kb_eval_mixed.cc.
  double en_k1 = kDefaultK1;
  double en_b = kDefaultB;
  SpaceWeights spaces;
  // Proximity rerank of the best rerank_depth passages, whatever the page asked for (so that
  // `-n 10` is the first half of `-n 20`; issue 15): the densest window of
  // `window` word positions adds `proximity` × the summed idf of the distinct query words inside
  // it. A question paraphrases one sentence of its passage, while sibling passages scatter the
  // same words. Pages that start beyond rerank_depth keep BM25 order.
  double proximity = 1.0;
  unsigned window = 18;
  // For a question asking when or how many (answer_type.h), a year or a number inside the window
  // counts as one more distinct word of this idf.
  double answer = 2.0;
  // A Hangul query word inside a longer word of the passage (`면적` in `총면적`) counts as met
  // at that word's position (kCompoundSlot), at this share of its idf.
  double compound = 1.0;
  unsigned rerank_depth = 20;
  // The document around a passage, when documents are ranked (SearchRequest::one_per_document):
  // a passage's score gains `document` × the BM25 parts of its
  // whole document for the query words the passage lacks and its document has elsewhere
  // (Searcher::document_score; nothing for a one-passage document), computed for the best
  // `document_depth` passages (a story cut into lines, whose headline words are spread over
  // several of them, rises as a whole). Before the proximity rerank.
  // Tuned with tools/kb_eval_mixed.cc on reut2-000…017.
  double document = 2.0;
  unsigned document_depth = 40;
  double document_mu = 20;   // words: a passage of this length takes half of `document`
  double document_k1 = 1.2;  // BM25 over whole documents: the classic parameters (Omega's ranking is
  double document_b = 0.75;  // whole-document BM25; these beat Xapian's 1.0 / 0.5 on reut2-000…017)
  // … and `document_all` × the document's BM25 parts of every query word, whatever the passage
  // holds: the document's own evidence (a story that names its subject in several paragraphs; a
  // one-passage document gains its own words again, at these k1 and b).
  // Tuned with tools/kb_eval_mixed.cc on reut2-000…017 (English R@1 .806 → .820 with the
  // parameters above; Korean R@1 .926 → .931 on the same run).
  double document_all = 2.0;
  // How the typed and the translated lists are merged (language_merge.h).
  MergeParams merge{};
};

struct Ranking {
  std::vector<RankedPassage> passages;  // best first, after offset and limit
  std::size_t estimated_matches = 0;
};

// `kb-search --figures`: figures instead of passages.
struct FigureRequest {
  std::string query;  // empty: every figure; else figures whose sentence matches
  std::vector<FigureFilter> figure_filters;
  unsigned limit = 0;  // 0: no limit
  unsigned offset = 0;
  RecordFilter filter{};
};

class Searcher {
 public:
  // Opens the index read-only (one database or its shards: shard_set.h); throws SearchError when
  // there is none, it is unreadable, or a shard cannot be opened (unless `allow_partial`: then
  // the shards that can are searched and partial() says so).
  explicit Searcher(const std::string& db_dir, RankingParams ranking = {}, bool allow_partial = false);
  // Shards left out of the search ("NAME: reason"); empty when every shard answers.
  const std::vector<std::string>& missing_shards() const { return shards_.missing(); }

  // Adds a user glossary (`korean<TAB>english` lines) to the built-in one; throws SearchError
  // when the file cannot be read.
  void add_glossary_file(const std::string& path);

  // Throws SearchError for a query with no searchable words.
  SearchSummary search(const SearchRequest& request, HitSink& sink);

  // The ranking alone: the same passages in the same order as search(), without reading their
  // records (text, figures, quotes), which is most of a search's time on short queries.
  // Throws SearchError as search() does.
  Ranking rank(const SearchRequest& request);
  // The name `--counts` tallies a speaker under: the Hangul name, found for a speaker named only in
  // Latin script through the glossaries and the aliases the documents taught (`션 란돌프(Sean
  // Randolph)`), so one person quoted in both languages is counted once; else the Latin name.
  std::string speaker_key(const SpeakerRef& speaker);
  // The document id (hex) of a ranked passage.
  std::string doc_id_of(Xapian::docid docid);

  // Lists figures into `sink`: by relevance of their sentence to the query, or in index order
  // when there is none. Throws SearchError for a non-empty query with no searchable words.
  FigureSummary list_figures(const FigureRequest& request, FigureSink& sink);

 private:
  // Runs `attempt`, reopening the database and trying again when kb-index committed meanwhile;
  // other Xapian errors become SearchError.
  template <typename Attempt>
  auto retrying(Attempt&& attempt) -> decltype(attempt());
  SearchSummary search_once(const SearchRequest& request, std::vector<Hit>& hits);
  // The error for a document found in two shards (the same passage id twice among the hits).
  std::string duplicate_document_error(const DocRef& doc) const;
  BuiltQuery build_query(const SearchRequest& request);
  Ranking rank_once(const SearchRequest& request, const BuiltQuery& built);
  // With cross-language equivalents: the typed and the translated lists ranked apart, then
  // merged (language_merge.h).
  Ranking rank_merged(const SearchRequest& request, const BuiltQuery& built);
  // The passages matching `text` under the request's filters: the first `depth` in BM25 order
  // (with `k1`, `b`), the first `rerank_depth` of them reordered by proximity to `built`'s words
  // (those of its first `positional` positional terms). `max_possible` receives the query's
  // highest possible BM25 score.
  std::vector<RankedPassage> ranked_list(const SearchRequest& request, const Xapian::Query& text,
                                         const BuiltQuery& built, std::size_t positional, double k1, double b,
                                         Xapian::doccount depth, std::size_t& estimated, double& max_possible);
  // The first `wanted` passages of `enquire`'s ranking that hold `built`'s phrases (has_phrases);
  // `estimated` receives the number of matches (exact when the phrase check saw them all).
  std::vector<RankedPassage> phrase_checked(Xapian::Enquire& enquire, const FilterDecider& decider,
                                            const BuiltQuery& built, Xapian::doccount wanted, std::size_t& estimated);
  // The highest BM25 score `enquire`'s query can reach with `k1`, the same for one database and
  // for shards (language_merge.h normalises by it). Changes `enquire`'s weighting scheme.
  double reach(Xapian::Enquire& enquire, double k1) const;
  // Reorders the first `rerank_depth` passages by score plus proximity evidence.
  void proximity_rerank(std::vector<RankedPassage>& passages, const BuiltQuery& built, std::size_t positional,
                        const PassageStats& stats);
  Xapian::Query filtered(const SearchRequest& request, const Xapian::Query& text);
  // The part of its whole document's BM25 (over the first `positional` positional terms of
  // `built`) that a passage lacks: the words its document has elsewhere.
  double document_score(Xapian::docid passage, const BuiltQuery& built, std::size_t positional, double k1, double b,
                        const PassageStats& stats);
  // Per ranked list: document id → each positional term's part of the document's BM25.
  std::unordered_map<std::string, std::vector<double>> document_scores_;
  double average_document_length_ = 0;  // words, over documents with passages
  Hit materialise(const RankedPassage& passage, const BuiltQuery& built, bool highlight);
  // The byte spans of `tokens` (a passage analysed) that the query looks for.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> highlight(const std::vector<analysis::Token>& tokens,
                                                                 const BuiltQuery& query);

  TranslationLexicon& lexicon();
  const TranslationLexicon& paraphrases();  // built on first use
  // A positional query word as the proximity rerank weighs it, worked out once per query.
  struct ProximityWord {
    double idf = 0;
    bool korean = false;  // of two syllables or more: may also be met inside a compound
  };
  // The summed idf of the distinct query words in the densest window of one passage.
  double window_evidence(Xapian::docid did, const BuiltQuery& query, const std::vector<ProximityWord>& words);
  // A passage's words with their positions: its text analysed again (the index keeps no
  // positions, schema.h), cached for the search under way. `text`, when the caller has read it
  // already, spares reading the record again.
  const std::vector<analysis::Token>& passage_tokens(Xapian::docid did, const std::string* text = nullptr);
  // Whether the passage holds every phrase of `built` ("double quoted"), word after word. Xapian
  // matches a phrase as all of its words on an index without positions; the ranked lists keep
  // only the passages that pass this check.
  bool has_phrases(Xapian::docid did, const BuiltQuery& built);
  std::unordered_map<Xapian::docid, std::vector<analysis::Token>> passage_tokens_;

  // Adds the positions of the passage's years and numbers with a unit of time (kTime) or of its
  // numbers (kQuantity) as query word `slot`.
  void answer_positions(Xapian::docid did, AnswerType type, std::size_t slot,
                        std::vector<std::pair<Xapian::termpos, std::size_t>>& hits);

  ShardSet shards_;
  Xapian::Database db_;                                        // shards_.combined()
  std::optional<TranslationLexicon> lexicon_;                  // built on first use: most calls never expand
  std::optional<TranslationLexicon> paraphrases_;              // Korean paraphrases, built on first search
  std::unordered_map<std::string, std::string> speaker_keys_;  // Latin name → speaker_key
  analysis::TextAnalyzer analyzer_;
  RankingParams ranking_;
  QueryBuilder builder_{analyzer_, ranking_.spaces};
};

}  // namespace kb::search
