#include "quote_searcher.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <set>

#include "analysis/quote.h"
#include "passage_lookup.h"
#include "passage_ranking.h"
#include "schema/schema.h"
#include "searcher.h"
#include "speaker_filter.h"

namespace kb::search {

SpeakerRef speaker_from_data(const nlohmann::json& speaker) {
  SpeakerRef s;
  if (!speaker.is_object()) return s;
  s.name = speaker.value(schema::kKeyName, "");
  s.name_en = speaker.value(schema::kKeyNameEn, "");
  s.title = speaker.value(schema::kKeyRole, "");
  s.org = speaker.value(schema::kKeyOrg, "");
  s.kind = speaker.value(schema::kKeySpeakerKind, "");
  if (s.kind.empty())
    s.kind = analysis::speaker_kind_name(analysis::speaker_kind(analysis::Speaker{s.name, s.name_en, s.title, s.org}));
  return s;
}

QuoteSearcher::QuoteSearcher(const std::string& db_dir, bool allow_partial)
    : shards_(ShardSet::open(db_dir, allow_partial)), db_(shards_.combined()) {}

SpeakerFilter QuoteSearcher::speaker_query(const std::string& speaker) {
  SpeakerFilter filter = speaker_filter(db_, speaker);
  if (filter.query.empty()) throw SearchError("the speaker has no name words");
  return filter;
}

namespace {

// Each quote of a listed passage, with its passage's data.
template <typename Visit>
void for_each_quote(const std::vector<ListedPassage>& passages, Visit&& visit) {
  for (const ListedPassage& listed : passages) {
    const nlohmann::json data = passage_json(listed.record);
    if (!data.is_object()) continue;
    const auto quotes = data.find(schema::kKeyQuotes);
    if (quotes == data.end() || !quotes->is_array()) continue;
    for (const auto& quote : *quotes)
      if (quote.is_object()) visit(listed, data, quote);
  }
}

}  // namespace

QuoteSummary QuoteSearcher::quotes(const QuoteRequest& request, QuoteSink& sink) {
  QuoteSummary summary;
  summary.query = request.query;
  const bool ranked = request.query.find_first_not_of(" \t\r\n") != std::string::npos;
  std::vector<QuoteHit> listed;
  try {
    Xapian::Query filter(schema::type_term(schema::kTypeQuote));
    Xapian::Query text;
    std::set<std::string> built_terms;
    if (ranked) {
      const BuiltQuery built = builder_.build(analysis::repair_utf8(request.query));
      if (built.query.empty()) throw SearchError("the query has no searchable words");
      built_terms = built.ranking_terms;
      // Listed quotes are those of passages holding a query word, not a shared bigram alone.
      text = require_a_query_word(built.query, built);
    }
    std::optional<SpeakerFilter> speaker;
    if (!request.speaker.empty()) {
      speaker = speaker_query(request.speaker);
      filter = Xapian::Query(Xapian::Query::OP_FILTER, filter, speaker->query);
    }
    filter = apply_record_filter(request.filter, filter);
    // Quotes by their passage's score; within a passage, those holding more of the query's
    // words first.
    for_each_quote(listed_passages(db_, filter, text),
                   [&](const ListedPassage& passage, const nlohmann::json& data, const nlohmann::json& quote) {
                     QuoteHit q;
                     if (quote.contains(schema::kKeySpeaker)) q.speaker = speaker_from_data(quote[schema::kKeySpeaker]);
                     if (speaker && !speaker->matches(q.speaker)) return;
                     q.text = quote.value(schema::kKeyText, "");
                     q.score = passage.score;
                     if (ranked)
                       for (const analysis::Token& t : analyzer_.analyze(q.text))
                         if (built_terms.count(analysis::ranking_term(t))) q.score += 1e-3;
                     q.doc = doc_ref_from_data(data);
                     q.passage.ordinal = data.value(schema::kKeyOrdinal, 0u);
                     q.passage.id = schema::passage_id(q.doc.id, q.passage.ordinal);
                     q.offset = quote.value(schema::kKeyOffset, 0u);
                     listed.push_back(std::move(q));
                   });
  } catch (const Xapian::Error& e) {
    throw SearchError("quote search failed: " + e.get_msg());
  }
  std::stable_sort(listed.begin(), listed.end(),
                   [](const QuoteHit& x, const QuoteHit& y) { return x.score > y.score; });
  unsigned rank = request.offset;
  for (std::size_t k = request.offset;
       k < listed.size() && (request.limit == 0 || rank < request.offset + request.limit); ++k) {
    QuoteHit& q = listed[k];
    q.rank = ++rank;
    sink.on_quote(q);
    ++summary.quotes;
  }
  sink.on_end(summary);
  return summary;
}

std::size_t QuoteSearcher::people(const std::string& speaker_value, const RecordFilter& filter, PeopleSink& sink) {
  std::vector<PersonSummary> people;
  std::map<std::string, std::size_t> by_name, by_name_en, by_description;
  try {
    Xapian::Query query(schema::type_term(schema::kTypeQuote));
    std::optional<SpeakerFilter> speaker;
    if (!speaker_value.empty()) {
      speaker = speaker_query(speaker_value);
      query = Xapian::Query(Xapian::Query::OP_FILTER, query, speaker->query);
    }
    query = apply_record_filter(filter, query);
    for_each_quote(listed_passages(db_, query, Xapian::Query()), [&](const ListedPassage&, const nlohmann::json& data,
                                                                     const nlohmann::json& quote) {
      if (!quote.contains(schema::kKeySpeaker)) return;
      const SpeakerRef s = speaker_from_data(quote[schema::kKeySpeaker]);
      if (!s.speaks() || (speaker && !speaker->matches(s))) return;
      // The same person across documents: same Hangul name or same Latin name; an organisation
      // or a described speaker: the same words.
      std::size_t row = people.size();
      if (!s.known()) {
        const std::string key = s.kind + "\t" + s.org + "\t" + s.title;
        if (const auto found = by_description.find(key); found != by_description.end())
          row = found->second;
        else
          by_description.emplace(key, row);
      } else if (!s.name.empty() && by_name.count(s.name)) {
        row = by_name[s.name];
      } else if (!s.name_en.empty() && by_name_en.count(s.name_en)) {
        row = by_name_en[s.name_en];
      }
      if (row == people.size()) people.push_back(PersonSummary{s, 0, {}});
      PersonSummary& p = people[row];
      if (p.speaker.name.empty()) p.speaker.name = s.name;
      if (p.speaker.name_en.empty()) p.speaker.name_en = s.name_en;
      if (p.speaker.title.empty() && s.known()) p.speaker.title = s.title;
      if (p.speaker.org.empty() && s.known()) p.speaker.org = s.org;
      if (!p.speaker.name.empty()) by_name[p.speaker.name] = row;
      if (!p.speaker.name_en.empty()) by_name_en[p.speaker.name_en] = row;
      ++p.quotes;
      const DocRef doc = doc_ref_from_data(data);
      auto d = std::find_if(p.docs.begin(), p.docs.end(), [&](const PersonDoc& x) { return x.doc.id == doc.id; });
      if (d == p.docs.end()) {
        p.docs.push_back(PersonDoc{doc, 0});
        d = p.docs.end() - 1;
      }
      ++d->quotes;
    });
  } catch (const Xapian::Error& e) {
    throw SearchError("people listing failed: " + e.get_msg());
  }
  std::stable_sort(people.begin(), people.end(),
                   [](const PersonSummary& a, const PersonSummary& b) { return a.quotes > b.quotes; });
  for (const PersonSummary& p : people) sink.on_person(p);
  sink.on_end(people.size());
  return people.size();
}

}  // namespace kb::search
