#include "searcher.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <tuple>
#include <utility>
#include <variant>

#include <nlohmann/json.hpp>

#include "filter_decider.h"
#include "more_like_this.h"
#include "passage_lookup.h"
#include "passage_ranking.h"
#include "passage_weight.h"
#include "quote_searcher.h"
#include "schema/schema.h"
#include "shard_set.h"
#include "speaker_filter.h"

namespace kb::search {

Searcher::Searcher(const std::string& db_dir, RankingParams ranking, bool allow_partial)
    : shards_(ShardSet::open(db_dir, allow_partial)), db_(shards_.combined()), ranking_(ranking) {}

TranslationLexicon& Searcher::lexicon() {
  if (!lexicon_) {
    lexicon_.emplace();
    lexicon_->add_glossary(TranslationLexicon::builtin_glossary(), analyzer_);
  }
  return *lexicon_;
}

const TranslationLexicon& Searcher::paraphrases() {
  if (!paraphrases_) {
    paraphrases_.emplace();
    paraphrases_->add_glossary(TranslationLexicon::builtin_paraphrases(), analyzer_);
  }
  return *paraphrases_;
}

void Searcher::add_glossary_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw SearchError("cannot read glossary " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  std::size_t bad = 0;
  lexicon().add_glossary(ss.str(), analyzer_, &bad);
  if (bad > 0)
    throw SearchError("glossary " + path + ": " + std::to_string(bad) +
                      " malformed line(s), expected korean<TAB>english");
}

std::vector<std::pair<std::uint32_t, std::uint32_t>> Searcher::highlight(const std::vector<analysis::Token>& tokens,
                                                                         const BuiltQuery& query) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> spans;
  for (const analysis::Token& t : tokens) {
    if (query.ranking_terms.count(analysis::ranking_term(t)) || query.phrase_terms.count(analysis::phrase_term(t)))
      spans.emplace_back(t.begin, t.end);
  }
  return spans;
}

namespace {

// BM25's k1 and b for passages in English or in another language (RankingParams::en_k1, en_b).
std::pair<double, double> bm25_params(const RankingParams& ranking, bool english) {
  return english ? std::pair{ranking.en_k1, ranking.en_b} : std::pair{ranking.k1, ranking.b};
}

}  // namespace

namespace {

// A pair of unsigned numbers stored as a two-number array under `key`: a [begin, end) byte span,
// or [first, last] source lines.
std::optional<std::pair<std::uint32_t, std::uint32_t>> span_of(const nlohmann::json& j, const char* key) {
  const auto span = j.find(key);
  if (span == j.end() || !span->is_array() || span->size() != 2 || !(*span)[0].is_number_unsigned() ||
      !(*span)[1].is_number_unsigned())
    return std::nullopt;
  return std::pair{(*span)[0].get<std::uint32_t>(), (*span)[1].get<std::uint32_t>()};
}

FigureRef figure_from_json(const nlohmann::json& j) {
  FigureRef f;
  if (!j.is_object()) return f;
  f.surface = j.value(schema::kKeySurface, "");
  f.value = j.value(schema::kKeyValue, 0.0);
  f.high = j.value(schema::kKeyHigh, f.value);
  f.unit = j.value(schema::kKeyUnit, "");
  f.kind = j.value(schema::kKeyKind, "");
  f.counter = j.value(schema::kKeyCounter, "");
  f.qualifier = j.value(schema::kKeyQualifier, "");
  f.year = j.value(schema::kKeyYear, 0);
  if (const auto span = span_of(j, schema::kKeySpan)) std::tie(f.begin, f.end) = *span;
  return f;
}

}  // namespace

FigureSummary Searcher::list_figures(const FigureRequest& request, FigureSink& sink) {
  FigureSummary summary;
  summary.query = request.query;
  const bool ranked = request.query.find_first_not_of(" \t\r\n") != std::string::npos;
  auto attempt = [&] {
    std::vector<FigureHit> hits;
    Xapian::Query text;
    if (ranked) {
      const BuiltQuery built = builder_.build(analysis::repair_utf8(request.query));
      if (built.query.empty()) throw SearchError("the query has no searchable words");
      // Listed figures are those of passages holding a query word, not a shared bigram alone.
      text = require_a_query_word(built.query, built);
    }
    const Xapian::Query filter = apply_record_filter(request.filter, figure_filter_query(db_, request.figure_filters));
    unsigned seen = 0;
    for (const ListedPassage& listed : listed_passages(db_, filter, text)) {
      const PassageRecord record = read_passage_record(listed.record);
      const nlohmann::json& data = record.data;
      if (!data.is_object()) continue;
      const auto figures = data.find(schema::kKeyFigures);
      if (figures == data.end() || !figures->is_array()) continue;
      const PassageLookup::Passage passage = PassageLookup::from_record(record);
      const std::string passage_id = schema::passage_id(passage.doc.id, data.value(schema::kKeyOrdinal, 0u));
      for (const auto& f : *figures) {
        FigureHit hit;
        hit.figure = figure_from_json(f);
        if (!figure_matches(request.figure_filters, hit.figure)) continue;
        if (seen++ < request.offset) continue;
        if (request.limit != 0 && hits.size() >= request.limit) return hits;
        hit.rank = seen;
        hit.doc = passage.doc;
        hit.passage_id = passage_id;
        if (const auto span = span_of(f, schema::kKeySentenceSpan))
          hit.sentence = PassageLookup::slice(passage, span->first, span->second);
        hits.push_back(std::move(hit));
      }
    }
    return hits;
  };
  const std::vector<FigureHit> hits = retrying(attempt);
  for (const FigureHit& hit : hits) {
    sink.on_figure(hit);
    ++summary.figures;
  }
  sink.on_end(summary);
  return summary;
}

const std::vector<analysis::Token>& Searcher::passage_tokens(Xapian::docid did, const std::string* text) {
  auto [it, added] = passage_tokens_.try_emplace(did);
  if (added) {
    if (passage_tokens_.size() > 4096) {  // a long listing: keep the cache small
      passage_tokens_.clear();
      it = passage_tokens_.try_emplace(did).first;
    }
    it->second =
        analyzer_.analyze(text != nullptr ? *text : passage_text(db_.get_document(did, Xapian::DOC_ASSUME_VALID)));
  }
  return it->second;
}

bool Searcher::has_phrases(Xapian::docid did, const BuiltQuery& built) {
  if (built.phrases.empty()) return true;
  std::unordered_map<Xapian::termpos, const std::string*> at;  // position → word
  for (const analysis::Token& t : passage_tokens(did))
    if (t.position != 0) at.emplace(t.position, &t.term);
  for (const std::vector<std::string>& phrase : built.phrases) {
    bool found = false;
    for (auto start = at.begin(); start != at.end() && !found; ++start) {
      found = true;
      for (std::size_t k = 0; k < phrase.size() && found; ++k) {
        const auto word = at.find(start->first + static_cast<Xapian::termpos>(k));
        found = word != at.end() && *word->second == phrase[k];
      }
    }
    if (!found) return false;
  }
  return true;
}

double Searcher::window_evidence(Xapian::docid did, const BuiltQuery& query, const std::vector<ProximityWord>& words) {
  // Slots: query word i met as itself (i), the answer type (n), query word i met inside a
  // compound (n + 1 + i). Positions come from the passage's text analysed again (the index keeps
  // none): the same analyzer gives the same words at the same distances.
  const std::size_t n = query.positional_terms.size();
  const std::vector<analysis::Token>& tokens = passage_tokens(did);
  std::vector<std::pair<Xapian::termpos, std::size_t>> hits;  // position, slot
  for (std::size_t i = 0; i < n; ++i) {
    if (words[i].idf <= 0) continue;
    const std::string& word = query.positional_terms[i];
    const bool compounds = ranking_.compound > 0 && words[i].korean;
    for (const analysis::Token& t : tokens) {
      if (t.position == 0) continue;
      if (analysis::phrase_term(t) == word)
        hits.emplace_back(t.position, i);
      else if (compounds && analysis::is_compound_containing(t, word))
        hits.emplace_back(t.position, n + 1 + i);
    }
  }
  if (query.answer_type != AnswerType::kAny && ranking_.answer > 0) answer_positions(did, query.answer_type, n, hits);
  std::sort(hits.begin(), hits.end());
  // What a query word (or the answer, index n) adds to the window: a word met as itself counts
  // once at its idf, else once at `compound` × idf when met inside a compound.
  std::vector<unsigned> inside(2 * n + 1, 0);
  auto contribution = [&](std::size_t word) {
    if (word == n) return inside[n] ? ranking_.answer : 0.0;
    return inside[word] ? words[word].idf : inside[n + 1 + word] ? ranking_.compound * words[word].idf : 0.0;
  };
  double sum = 0, best = 0;
  auto move = [&](std::size_t slot, int delta) {
    const std::size_t word = slot > n ? slot - n - 1 : slot;
    sum -= contribution(word);
    inside[slot] += delta;
    sum += contribution(word);
  };
  for (std::size_t lo = 0, hi = 0; hi < hits.size(); ++hi) {
    move(hits[hi].second, +1);
    while (hits[hi].first - hits[lo].first >= ranking_.window) move(hits[lo++].second, -1);
    best = std::max(best, sum);
  }
  return best;
}

Xapian::Query Searcher::filtered(const SearchRequest& request, const Xapian::Query& text) {
  Xapian::Query query = text;
  if (!request.figure_filters.empty())
    query = Xapian::Query(Xapian::Query::OP_FILTER, query, figure_filter_query(db_, request.figure_filters));
  if (!request.speaker.empty()) {
    const Xapian::Query speaker = speaker_filter(db_, request.speaker).query;
    if (speaker.empty()) throw SearchError("the speaker has no name words");
    query = Xapian::Query(Xapian::Query::OP_FILTER, query, speaker);
  }
  // Dates (and a language most records have) are checked by a FilterDecider at get_mset
  // (filter_decider.h: far cheaper).
  return apply_record_filter(split_filter(db_, request.filter, !shards_.remote()).in_query, query);
}

void Searcher::proximity_rerank(std::vector<RankedPassage>& passages, const BuiltQuery& built, std::size_t positional,
                                const PassageStats& stats) {
  std::vector<ProximityWord> words;
  for (std::size_t i = 0; i < built.positional_terms.size(); ++i) {
    const std::string& term = built.positional_terms[i];
    const double df = i < positional ? db_.get_termfreq(term) : 0;
    words.push_back({df > 0 ? built.positional_shares[i] * std::log((stats.passages + 1) / df) : 0,
                     term.size() >= 6 && analysis::detect_language(term) == "ko"});
  }
  const std::size_t depth = std::min<std::size_t>(ranking_.rerank_depth, passages.size());
  const auto reranked_end = passages.begin() + static_cast<std::ptrdiff_t>(depth);
  std::vector<std::pair<std::string, unsigned>> keys;  // tie-break: passage id (document id, ordinal)
  for (auto it = passages.begin(); it != reranked_end; ++it) {
    it->score += ranking_.proximity * window_evidence(it->docid, built, words);
    const Xapian::Document record = db_.get_document(it->docid, Xapian::DOC_ASSUME_VALID);
    keys.emplace_back(record.get_value(schema::kDocIdSlot),
                      static_cast<unsigned>(Xapian::sortable_unserialise(record.get_value(schema::kOrdinalSlot))));
  }
  std::vector<std::size_t> order(depth);
  for (std::size_t i = 0; i < depth; ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (passages[a].score != passages[b].score) return passages[a].score > passages[b].score;
    return keys[a] < keys[b];
  });
  std::vector<RankedPassage> sorted;
  sorted.reserve(passages.size());
  for (std::size_t i : order) sorted.push_back(passages[i]);
  sorted.insert(sorted.end(), reranked_end, passages.end());
  passages = std::move(sorted);
}

double Searcher::document_score(Xapian::docid passage, const BuiltQuery& built, std::size_t positional, double k1,
                                double b, const PassageStats& stats) {
  // BM25 of the whole document over the query's words (an English word by its stem, as BM25
  // ranks it; BuiltQuery::document_terms), each word's idf from the passages; the document's
  // length and the average are summed over its passages. Per document and query, each word's
  // part is computed once. A passage gains `document_mu / (length + document_mu)` × the parts of
  // the words it lacks itself and its document has elsewhere, and `document_all` × the parts of
  // every word (the document's own evidence, which a known-item search ranks).
  const std::string doc = db_.get_document(passage, Xapian::DOC_ASSUME_VALID).get_value(schema::kDocIdSlot);
  auto term_of = [&](std::size_t i) -> const std::string& {
    return i < built.document_terms.size() ? built.document_terms[i] : built.positional_terms[i];
  };
  std::vector<std::size_t> order;  // term order, for skip_to
  for (std::size_t i = 0; i < positional; ++i)
    if (!term_of(i).empty()) order.push_back(i);
  std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return term_of(x) < term_of(y); });
  // Adds each word's wdf in passage `did` to `tf`.
  auto count = [&](Xapian::docid did, std::vector<double>& tf) {
    auto t = db_.termlist_begin(did);
    for (std::size_t i : order) {
      t.skip_to(term_of(i));
      if (t == db_.termlist_end(did)) break;
      if (*t == term_of(i)) tf[i] += t.get_wdf();
    }
  };
  auto found = document_scores_.find(doc);
  if (found == document_scores_.end()) {
    if (average_document_length_ <= 0) {
      const double documents = db_.get_termfreq(schema::type_term(schema::kTypeFirst));
      average_document_length_ = documents > 0 ? stats.average_length * stats.passages / documents : 1;
    }
    std::vector<double> tf(positional, 0);
    double length = 0;
    const std::string parent = schema::parent_term(doc);
    for (auto p = db_.postlist_begin(parent); p != db_.postlist_end(parent); ++p) {
      const Xapian::termcount passage_length = p.get_doclength();
      if (passage_length == 0) continue;  // document, figure and quote records have no text terms
      length += passage_length;
      count(*p, tf);
    }
    std::vector<double> parts(positional, 0);
    const double normalised = std::max(length / average_document_length_, 0.5);
    for (std::size_t i = 0; i < positional; ++i) {
      if (tf[i] <= 0) continue;
      const double n = db_.get_termfreq(term_of(i));
      double odds = (stats.passages - n + 0.5) / (n + 0.5);
      if (odds < 2) odds = odds * 0.5 + 1;
      parts[i] =
          built.positional_shares[i] * std::log(odds) * (k1 + 1) * tf[i] / (k1 * (normalised * b + (1 - b)) + tf[i]);
    }
    found = document_scores_.emplace(doc, std::move(parts)).first;
  }
  std::vector<double> own(positional, 0);
  count(passage, own);
  const double length = db_.get_doclength(passage);
  const double lacking = ranking_.document * ranking_.document_mu / (length + ranking_.document_mu);
  double score = 0;
  for (std::size_t i = 0; i < positional; ++i)
    score += found->second[i] * ((own[i] <= 0 ? lacking : 0) + ranking_.document_all);
  return score;
}

double Searcher::reach(Xapian::Enquire& enquire, double k1) const {
  // MSet::get_max_possible bounds each term by its largest wdf and the shortest passage, and on
  // several shards it is the largest of the shards' own bounds: a sharded index would normalise
  // differently from one database. BM25 with k1 = 0 weighs a term the same in every passage that
  // has it, so its maximum depends on the collection's statistics alone (the same, combined, for
  // shards); times (k1 + 1) it is the limit of our BM25 as a term's wdf grows.
  enquire.set_weighting_scheme(passage_bm25(0, 0));
  const double limit = enquire.get_mset(0, 0).get_max_possible() * (k1 + 1);
  return limit;
}

std::vector<RankedPassage> Searcher::ranked_list(const SearchRequest& request, const Xapian::Query& text,
                                                 const BuiltQuery& built, std::size_t positional, double k1, double b,
                                                 Xapian::doccount depth, std::size_t& estimated, double& max_possible) {
  document_scores_.clear();
  const Xapian::Query query = filtered(request, text);
  Xapian::Enquire enquire(db_);
  enquire.set_query(query);
  if (request.one_per_document)
    enquire.set_collapse_key(schema::kDocIdSlot);
  else if (request.view.per_document() > 0)
    enquire.set_collapse_key(schema::kDocIdSlot, request.view.per_document());
  break_ties_by_document(enquire);
  const PassageStats stats = passage_stats(db_);
  enquire.set_weighting_scheme(passage_bm25(k1, b));
  // Document evidence where documents are ranked (one passage per document): a passage listing
  // keeps passage evidence alone (it lifted sibling passages over the answer on corpus/ questions).
  const bool blend = (ranking_.document > 0 || ranking_.document_all > 0) && request.one_per_document;
  const FilterDecider decider(split_filter(db_, request.filter, !shards_.remote()).decided);
  const Xapian::doccount wanted = blend ? std::max(depth, ranking_.document_depth) : depth;
  std::vector<RankedPassage> passages = phrase_checked(enquire, decider, built, wanted, estimated);
  max_possible = stable_score(reach(enquire, k1));
  if (blend && !passages.empty()) {
    // Like Dirichlet smoothing: a short passage (a wrapped line) borrows more from its document
    // than a long one, by document_mu / (length + document_mu).
    for (RankedPassage& p : passages)
      p.score += document_score(p.docid, built, positional, ranking_.document_k1, ranking_.document_b, stats);
    std::stable_sort(passages.begin(), passages.end(),
                     [](const RankedPassage& x, const RankedPassage& y) { return x.score > y.score; });
    if (passages.size() > depth) passages.resize(depth);
  }
  if (ranking_.proximity > 0 && positional > 1) proximity_rerank(passages, built, positional, stats);
  return passages;
}

std::vector<RankedPassage> Searcher::phrase_checked(Xapian::Enquire& enquire, const FilterDecider& decider,
                                                    const BuiltQuery& built, Xapian::doccount wanted,
                                                    std::size_t& estimated) {
  std::vector<RankedPassage> passages;
  // Without phrases, one page; with them, pages of candidates (all the phrase's words) until
  // `wanted` of them hold the phrase or the candidates run out. Each page is twice the last:
  // Xapian matches again from the top for every page.
  Xapian::doccount page = built.phrases.empty() ? wanted : 2 * wanted + 20;
  for (Xapian::doccount first = 0;; first += page, page = std::min<Xapian::doccount>(2 * page, 1u << 30)) {
    const Xapian::MSet mset = enquire.get_mset(first, page, 0, nullptr, decider.active() ? &decider : nullptr);
    if (first == 0) estimated = mset.get_matches_estimated();
    for (auto it = mset.begin(); it != mset.end() && passages.size() < wanted; ++it)
      if (has_phrases(*it, built)) {
        const double weight = stable_score(it.get_weight());
        passages.push_back({*it, weight, weight});
      }
    if (built.phrases.empty() || passages.size() >= wanted || mset.size() < page) break;
  }
  if (!built.phrases.empty() && passages.size() < wanted) estimated = passages.size();  // all of them, checked
  return passages;
}

Ranking Searcher::rank_merged(const SearchRequest& request, const BuiltQuery& built) {
  // Passages in the query's language (or in none) are ranked by the words as typed: their order is
  // the --no-expand order. Passages in the other language are ranked by the whole query, words
  // and equivalents. Each list with the BM25 parameters of its language.
  const bool english = built.language == "en";
  const auto [own_k1, own_b] = bm25_params(ranking_, english);
  const auto [other_k1, other_b] = bm25_params(ranking_, !english);
  const Xapian::Query own_language(Xapian::Query::OP_OR, Xapian::Query(schema::lang_term(built.language)),
                                   Xapian::Query(schema::lang_term("und")));
  const Xapian::doccount depth = std::max(request.offset + request.limit, ranking_.rerank_depth);
  const std::size_t all_positional = built.positional_terms.size();
  Ranking ranking;
  std::size_t estimate[3] = {0, 0, 0};
  double max[3] = {0, 0, 0};
  const auto typed = ranked_list(request, Xapian::Query(Xapian::Query::OP_FILTER, built.typed, own_language), built,
                                 built.typed_positional, own_k1, own_b, depth, estimate[0], max[0]);
  // The other language as a positive filter (the languages are ko, en and und), not AND_NOT the
  // query's own: Xapian then skips along the other language's passages instead of enumerating
  // every passage the query matches — on a collection in one language, nothing at all.
  const Xapian::Query other_language(schema::lang_term(english ? "ko" : "en"));
  const auto other = ranked_list(request, Xapian::Query(Xapian::Query::OP_FILTER, built.query, other_language), built,
                                 all_positional, other_k1, other_b, depth, estimate[1], max[1]);
  // Passages in the query's language that only the equivalents find (a Korean passage with the
  // `AI` a Korean query was expanded to) come last.
  const auto own_translated =
      ranked_list(request,
                  Xapian::Query(Xapian::Query::OP_FILTER,
                                Xapian::Query(Xapian::Query::OP_AND_NOT, built.translated, built.typed), own_language),
                  built, all_positional, own_k1, own_b, depth, estimate[2], max[2]);
  ranking.estimated_matches = estimate[0] + estimate[1] + estimate[2];
  // The BM25 part of a score (before proximity evidence), normalised by what the list's query
  // can reach; passages in the other language by what the equivalents alone can reach, since
  // the words as typed are rarely theirs.
  auto candidates = [&](const std::vector<RankedPassage>& list, double reach, bool own,
                        std::vector<MergeCandidate>& out) {
    for (const RankedPassage& p : list) {
      MergeCandidate c;
      c.passage = p;
      c.normalised = reach > 0 ? std::min(1.0, p.bm25 / reach) : 0;
      if (request.one_per_document)
        c.doc = db_.get_document(p.docid, Xapian::DOC_ASSUME_VALID).get_value(schema::kDocIdSlot);
      c.query_language = own;
      out.push_back(std::move(c));
    }
  };
  std::vector<MergeCandidate> typed_candidates, translated_candidates;
  candidates(typed, max[0], false, typed_candidates);
  // What a passage in the other language can reach: the equivalents, plus the words that have
  // none (it cannot match them, but they are part of the query): `U.S. URGES SURPLUS NATIONS`
  // expanded to 미국 alone must not make a Korean passage holding 미국 a full match.
  double other_reach = max[2] > 0 ? max[2] : max[1];
  if (max[2] > 0 && !built.untranslated.empty()) {
    Xapian::Enquire untranslated(db_);
    untranslated.set_query(built.untranslated);
    other_reach += reach(untranslated, other_k1);
  }
  candidates(other, other_reach, false, translated_candidates);
  candidates(own_translated, max[2], true, translated_candidates);
  const std::vector<RankedPassage> merged =
      merge_by_language(typed_candidates, translated_candidates, ranking_.merge, request.one_per_document);
  for (std::size_t i = request.offset; i < merged.size() && ranking.passages.size() < request.limit; ++i)
    ranking.passages.push_back(merged[i]);
  return ranking;
}

Ranking Searcher::rank_once(const SearchRequest& request, const BuiltQuery& built) {
  passage_tokens_.clear();  // a retry may follow a reopen: document ids may hold other passages
  if (!request.sort_by_date) {
    if (!built.translated.empty() && (built.language == "ko" || built.language == "en"))
      return rank_merged(request, built);
    Ranking ranking;
    const auto [k1, b] = bm25_params(ranking_, built.language == "en");
    double max_possible = 0;
    const Xapian::doccount depth = std::max(request.offset + request.limit, ranking_.rerank_depth);
    std::vector<RankedPassage> list = ranked_list(request, built.query, built, built.positional_terms.size(), k1, b,
                                                  depth, ranking.estimated_matches, max_possible);
    for (std::size_t i = request.offset; i < list.size() && ranking.passages.size() < request.limit; ++i)
      ranking.passages.push_back(list[i]);
    return ranking;
  }
  // Sorted by date, the order is the dates': no proximity rerank, no document evidence.
  Ranking ranking;
  Xapian::Enquire enquire(db_);
  enquire.set_query(filtered(request, built.query));
  if (request.one_per_document)
    enquire.set_collapse_key(schema::kDocIdSlot);
  else if (request.view.per_document() > 0)
    enquire.set_collapse_key(schema::kDocIdSlot, request.view.per_document());
  enquire.set_sort_by_value_then_relevance(schema::kDateSlot, true);
  const auto [k1, b] = bm25_params(ranking_, built.language == "en");
  enquire.set_weighting_scheme(passage_bm25(k1, b));
  const FilterDecider decider(split_filter(db_, request.filter, !shards_.remote()).decided);
  std::vector<RankedPassage> list =
      phrase_checked(enquire, decider, built, request.offset + request.limit, ranking.estimated_matches);
  for (std::size_t i = request.offset; i < list.size(); ++i) ranking.passages.push_back(list[i]);
  return ranking;
}

BuiltQuery Searcher::build_query(const SearchRequest& request) {
  if (!request.like.empty()) {  // --like: the passage's terms (more_like_this.h)
    auto like = more_like_this(db_, request.like);
    if (const auto* error = std::get_if<std::string>(&like)) throw SearchError(*error);
    return std::get<LikeQuery>(std::move(like)).built;
  }
  std::optional<QueryExpander> expander;
  if (request.expand) expander.emplace(lexicon(), &db_);
  // The analysis chain needs valid UTF-8: broken bytes in a query become U+FFFD.
  const QueryExpander paraphraser(paraphrases(), nullptr);
  BuiltQuery built =
      builder_.build(analysis::repair_utf8(request.query), expander ? &*expander : nullptr, &paraphraser);
  if (built.query.empty()) throw SearchError("the query has no searchable words");
  if (request.strict) {
    built.query = require_a_query_word(built.query, built);
    built.typed = require_a_query_word(built.typed, built);
    built.translated = require_a_query_word(built.translated, built);
  }
  return built;
}

Hit Searcher::materialise(const RankedPassage& passage, const BuiltQuery& built, bool highlight) {
  Hit hit;
  hit.score = passage.score;
  PassageRecord record = read_passage_record(db_.get_document(passage.docid));
  const nlohmann::json& data = record.data;
  if (!data.is_object()) return hit;
  hit.doc = doc_ref_from_data(data);
  hit.passage.ordinal = data.value(schema::kKeyOrdinal, 0u);
  hit.passage.id = schema::passage_id(hit.doc.id, hit.passage.ordinal);
  hit.passage.text = std::move(record.text);
  hit.passage.offset = data.value(schema::kKeyOffset, 0u);
  hit.citation.date = data.value(schema::kKeyDate, "");
  hit.citation.author = data.value(schema::kKeyAuthor, "");
  hit.citation.url = data.value(schema::kKeyUrl, "");
  hit.citation.page = data.value(schema::kKeyPage, 0);
  if (const auto lines = span_of(data, schema::kKeyLines)) {
    hit.citation.line_begin = static_cast<int>(lines->first);
    hit.citation.line_end = static_cast<int>(lines->second);
  }
  if (highlight) hit.highlights = this->highlight(passage_tokens(passage.docid, &hit.passage.text), built);
  if (const auto figures = data.find(schema::kKeyFigures); figures != data.end() && figures->is_array())
    for (const auto& f : *figures) hit.figures.push_back(figure_from_json(f));
  if (const auto quotes = data.find(schema::kKeyQuotes); quotes != data.end() && quotes->is_array())
    for (const auto& q : *quotes) {
      if (!q.is_object()) continue;
      hit.quotes.push_back(
          {q.value(schema::kKeyText, ""),
           speaker_from_data(q.contains(schema::kKeySpeaker) ? q[schema::kKeySpeaker] : nlohmann::json())});
    }
  return hit;
}

void Searcher::answer_positions(Xapian::docid did, AnswerType type, std::size_t slot,
                                std::vector<std::pair<Xapian::termpos, std::size_t>>& hits) {
  // For a when-question, besides a year standing alone (`in 1927`), any number followed by a unit
  // of time (`3월`, `26일`, `13세기`, `62년`): the number and its unit are consecutive tokens.
  const std::vector<analysis::Token>& tokens = passage_tokens(did);
  std::vector<Xapian::termpos> after_number;
  if (type == AnswerType::kTime) {
    for (const analysis::Token& t : tokens)
      if (t.position != 0 && (t.term == "년" || t.term == "월" || t.term == "일" || t.term == "세기"))
        after_number.push_back(t.position);
    std::sort(after_number.begin(), after_number.end());
  }
  // Numbers are indexed as their digits (`1927년` → 1927).
  for (const analysis::Token& t : tokens) {
    const std::string& term = t.term;
    if (t.position == 0 || term.empty() || term.find_first_not_of("0123456789") != std::string::npos) continue;
    bool year = true;
    if (type == AnswerType::kTime) {
      const int value = term.size() == 4 ? std::stoi(term) : 0;
      year = value >= 1000 && value <= 2100;
      if (!year && after_number.empty()) continue;
    }
    if (year || std::binary_search(after_number.begin(), after_number.end(), t.position + 1))
      hits.emplace_back(t.position, slot);
  }
}

template <typename Attempt>
auto Searcher::retrying(Attempt&& attempt) -> decltype(attempt()) {
  // kb-index may commit while we read: Xapian then throws DatabaseModifiedError, and a reader
  // reopens to see the new commit.
  for (int n = 0;; ++n) {
    try {
      return attempt();
    } catch (const Xapian::DatabaseModifiedError& e) {
      if (n >= 5) throw SearchError("the index keeps changing under the search: " + e.get_msg());
      db_.reopen();
    } catch (const Xapian::Error& e) {
      throw SearchError("search failed: " + e.get_msg());
    }
  }
}

SearchSummary Searcher::search_once(const SearchRequest& request, std::vector<Hit>& hits) {
  SearchSummary summary;
  summary.query = request.query;
  const BuiltQuery built = build_query(request);
  // Issue 15: copies collapsed, passages grouped by document, context (result_view.h).
  const ResultView view(db_, request.view);
  std::vector<ViewEntry> entries;
  if (request.view.active()) {
    PassageLookup lookup(db_);
    const PassageLookup::Passage* like = request.like.empty() ? nullptr : lookup.find(request.like);
    entries = view.page(
        request.offset, request.limit,
        [&](unsigned depth) {
          SearchRequest deeper = request;
          deeper.offset = 0;
          deeper.limit = depth;
          Ranking ranking = rank_once(deeper, built);
          summary.estimated_matches = ranking.estimated_matches;
          return std::move(ranking.passages);
        },
        like != nullptr ? like->text : std::string());
  } else {
    const Ranking ranking = rank_once(request, built);
    summary.estimated_matches = ranking.estimated_matches;
    for (const RankedPassage& passage : ranking.passages) entries.push_back({{passage, {}}, {}});
  }
  unsigned rank = request.offset;
  std::set<std::string> seen;
  for (const ViewEntry& entry : entries) {
    Hit hit = materialise(entry.head.ranked, built, request.highlight);
    if (hit.doc.id.empty()) continue;  // unreadable record data
    if (!seen.insert(hit.passage.id).second) throw SearchError(duplicate_document_error(hit.doc));
    hit.snippet = make_snippet(hit.passage.text, hit.highlights, request.snippet_width);
    if (request.view.active())
      view.decorate(
          entry, hit, [&](const RankedPassage& p) { return materialise(p, built, request.highlight); },
          request.snippet_width);
    // The same passage id folded in as a copy of itself: the document is in two shards.
    for (const AlsoRef& also : hit.also)
      if (also.passage_id == hit.passage.id) throw SearchError(duplicate_document_error(hit.doc));
    hit.rank = ++rank;
    hit.partial = shards_.partial();
    hits.push_back(std::move(hit));
    ++summary.hits;
  }
  return summary;
}

std::string Searcher::duplicate_document_error(const DocRef& doc) const {
  std::string holders;
  const std::string key = schema::document_metadata_key(doc.id);
  for (const ShardSet::Shard& shard : shards_.shards())
    if (!shard.db.get_metadata(key).empty()) holders += (holders.empty() ? "" : " and ") + shard.name;
  return "document " + doc.path + " is in more than one shard (" + (holders.empty() ? shards_.names() : holders) +
         "): remove it from all but the one it hashes to, or rebuild the index";
}

Ranking Searcher::rank(const SearchRequest& request) {
  const BuiltQuery built = build_query(request);
  return retrying([&] { return rank_once(request, built); });
}

std::string Searcher::speaker_key(const SpeakerRef& speaker) {
  if (!speaker.known()) return speaker.kind == "organization" ? speaker.org : speaker.title;  // "" for nobody
  if (!speaker.name.empty() || speaker.name_en.empty()) return speaker.name;
  auto [it, added] = speaker_keys_.try_emplace(speaker.name_en, speaker.name_en);
  if (added) {
    const std::string key = analysis::lexicon_key(analyzer_.analyze(speaker.name_en));
    for (const std::string& other : lexicon().lookup(key, &db_))
      if (analysis::detect_language(other) == "ko") {
        it->second = other;
        break;
      }
  }
  return it->second;
}

std::string Searcher::doc_id_of(Xapian::docid docid) {
  return db_.get_document(docid, Xapian::DOC_ASSUME_VALID).get_value(schema::kDocIdSlot);
}

SearchSummary Searcher::search(const SearchRequest& request, HitSink& sink) {
  // Hits are collected first so that a retried search prints none twice.
  std::vector<Hit> hits;
  const SearchSummary summary = retrying([&] {
    hits.clear();
    return search_once(request, hits);
  });
  for (const Hit& hit : hits) sink.on_hit(hit);
  sink.on_end(summary);
  return summary;
}

}  // namespace kb::search
