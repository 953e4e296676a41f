#include "quote_searcher.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

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
  return s;
}

QuoteSearcher::QuoteSearcher(const std::string& db_dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(db_dir, ec))
    throw SearchError("no index at " + db_dir + " (run kb-index first, or pass --db)");
  try {
    db_ = Xapian::Database(db_dir);
  } catch (const Xapian::Error& e) {
    throw SearchError("cannot open index " + db_dir + ": " + e.get_msg());
  }
}

Xapian::Query QuoteSearcher::speaker_query(const std::string& speaker) {
  const Xapian::Query filter = speaker_filter(db_, speaker);
  if (filter.empty()) throw SearchError("the speaker has no name words");
  return filter;
}

QuoteSummary QuoteSearcher::quotes(const QuoteRequest& request, QuoteSink& sink) {
  QuoteSummary summary;
  summary.query = request.query;
  const bool ranked = request.query.find_first_not_of(" \t\r\n") != std::string::npos;
  try {
    // Quote records carry no text terms: a query ranks them by their passage's score.
    Xapian::Query query(schema::type_term(schema::kTypeQuote));
    std::unordered_map<std::string, double> passage_scores;
    std::set<std::string> built_terms;
    if (ranked) {
      const BuiltQuery built = builder_.build(analysis::repair_utf8(request.query));
      if (built.query.empty()) throw SearchError("the query has no searchable words");
      built_terms = built.ranking_terms;
      // Listed quotes are those of passages holding a query word, not a shared bigram alone.
      passage_scores = score_passages(db_, require_a_query_word(built.query, built));
      query = Xapian::Query(Xapian::Query::OP_FILTER, query, linked_to_passages(passage_scores));
    }
    if (!request.speaker.empty())
      query = Xapian::Query(Xapian::Query::OP_FILTER, query, speaker_query(request.speaker));
    query = apply_record_filter(request.filter, query);
    // Records by passage score; within a passage, the quotes that hold more of the query's words
    // first.
    std::vector<Xapian::Document> records = ranked_records(db_, query, passage_scores, 0, 0);
    std::vector<std::pair<double, std::size_t>> order;
    for (std::size_t i = 0; i < records.size(); ++i) {
      double score = 0;
      if (ranked) {
        const Xapian::Document& record = records[i];
        const auto ordinal =
            static_cast<unsigned>(Xapian::sortable_unserialise(record.get_value(schema::kOrdinalSlot)));
        const auto found = passage_scores.find(schema::passage_id(record.get_value(schema::kDocIdSlot), ordinal));
        score = found == passage_scores.end() ? 0 : found->second;
        const nlohmann::json data = nlohmann::json::parse(record.get_data(), nullptr, false);
        if (data.is_object())
          for (const analysis::Token& t : analyzer_.analyze(data.value(schema::kKeyText, "")))
            if (built_terms.count(analysis::ranking_term(t))) score += 1e-3;
      }
      order.emplace_back(score, i);
    }
    std::stable_sort(order.begin(), order.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
    unsigned rank = request.offset;
    for (std::size_t k = request.offset;
         k < order.size() && (request.limit == 0 || rank < request.offset + request.limit); ++k) {
      const Xapian::Document& record = records[order[k].second];
      const nlohmann::json data = nlohmann::json::parse(record.get_data(), nullptr, false);
      if (!data.is_object()) continue;
      QuoteHit q;
      q.rank = ++rank;
      q.score = order[k].first;
      q.text = data.value(schema::kKeyText, "");
      if (data.contains(schema::kKeySpeaker)) q.speaker = speaker_from_data(data[schema::kKeySpeaker]);
      q.doc = doc_ref_from_data(data);
      q.passage.ordinal = data.value(schema::kKeyOrdinal, 0u);
      q.passage.id = schema::passage_id(q.doc.id, q.passage.ordinal);
      q.offset = data.value(schema::kKeyOffset, 0u);
      sink.on_quote(q);
      ++summary.quotes;
    }
  } catch (const Xapian::Error& e) {
    throw SearchError("quote search failed: " + e.get_msg());
  }
  sink.on_end(summary);
  return summary;
}

std::size_t QuoteSearcher::people(const std::string& speaker, const RecordFilter& filter, PeopleSink& sink) {
  std::vector<PersonSummary> people;
  std::map<std::string, std::size_t> by_name, by_name_en;
  try {
    Xapian::Query query(schema::type_term(schema::kTypeQuote));
    if (!speaker.empty()) query = Xapian::Query(Xapian::Query::OP_FILTER, query, speaker_query(speaker));
    query = apply_record_filter(filter, query);
    Xapian::Enquire enquire(db_);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    const Xapian::MSet mset = enquire.get_mset(0, std::max<Xapian::doccount>(db_.get_doccount(), 1));
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      const nlohmann::json data = nlohmann::json::parse(it.get_document().get_data(), nullptr, false);
      if (!data.is_object() || !data.contains(schema::kKeySpeaker)) continue;
      const SpeakerRef s = speaker_from_data(data[schema::kKeySpeaker]);
      if (!s.known()) continue;
      // The same person across documents: same Hangul name or same Latin name.
      std::size_t row = people.size();
      if (!s.name.empty() && by_name.count(s.name))
        row = by_name[s.name];
      else if (!s.name_en.empty() && by_name_en.count(s.name_en))
        row = by_name_en[s.name_en];
      if (row == people.size()) people.push_back(PersonSummary{s, 0, {}});
      PersonSummary& p = people[row];
      if (p.speaker.name.empty()) p.speaker.name = s.name;
      if (p.speaker.name_en.empty()) p.speaker.name_en = s.name_en;
      if (p.speaker.title.empty()) p.speaker.title = s.title;
      if (p.speaker.org.empty()) p.speaker.org = s.org;
      if (!p.speaker.name.empty()) by_name[p.speaker.name] = row;
      if (!p.speaker.name_en.empty()) by_name_en[p.speaker.name_en] = row;
      ++p.quotes;
      const std::string doc_id = data.value(schema::kKeyDoc, "");
      auto d = std::find_if(p.docs.begin(), p.docs.end(), [&](const PersonDoc& x) { return x.doc.id == doc_id; });
      if (d == p.docs.end()) {
        PersonDoc pd;
        pd.doc.id = doc_id;
        pd.doc.path = data.value(schema::kKeyPath, "");
        pd.doc.title = data.value(schema::kKeyTitle, "");
        pd.doc.lang = data.value(schema::kKeyLang, "");
        p.docs.push_back(pd);
        d = p.docs.end() - 1;
      }
      ++d->quotes;
    }
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
