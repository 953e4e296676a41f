#include "speaker_filter.h"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/person_table.h"
#include "analysis/unicode_text.h"
#include "passage_lookup.h"
#include "quote_searcher.h"
#include "schema/schema.h"

namespace kb::search {
namespace {

std::vector<std::string> folded_words(std::string_view value) {
  std::vector<std::string> words;
  std::size_t i = 0;
  while (i < value.size()) {
    while (i < value.size() && (value[i] == ' ' || value[i] == '\t' || value[i] == ',')) ++i;
    std::size_t j = i;
    while (j < value.size() && value[j] != ' ' && value[j] != '\t' && value[j] != ',') ++j;
    if (j > i) {
      std::string w = analysis::fold(value.substr(i, j - i));
      if (!w.empty()) words.push_back(std::move(w));
    }
    i = j;
  }
  return words;
}

Xapian::Query all_words(const std::vector<std::string>& words) {
  std::vector<Xapian::Query> terms;
  for (const std::string& w : words) terms.emplace_back(schema::speaker_term(w));
  return Xapian::Query(Xapian::Query::OP_AND, terms.begin(), terms.end());
}

std::vector<std::string> name_forms(const SpeakerRef& speaker) {
  return analysis::speaker_name_forms(analysis::Speaker{speaker.name, speaker.name_en, speaker.title, speaker.org});
}

}  // namespace

bool SpeakerFilter::matches(const SpeakerRef& speaker) const {
  const std::vector<std::string> own = name_forms(speaker);
  for (const auto& words : forms)
    if (std::all_of(words.begin(), words.end(),
                    [&](const std::string& w) { return std::find(own.begin(), own.end(), w) != own.end(); }))
      return true;
  return false;
}

SpeakerFilter speaker_filter(const Xapian::Database& db, std::string_view value) {
  SpeakerFilter filter;
  const std::string valid = analysis::repair_utf8(value);
  const std::vector<std::string> words = folded_words(valid);
  if (words.empty()) return filter;
  const Xapian::Query base = all_words(words);
  std::set<std::vector<std::string>> forms{words};
  Xapian::Enquire enquire(db);
  enquire.set_query(base);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  const Xapian::MSet mset = enquire.get_mset(0, 500);
  const SpeakerFilter typed{Xapian::Query(), {words}};
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    const nlohmann::json data = passage_json(it.get_document());
    if (!data.is_object()) continue;
    const auto quotes = data.find(schema::kKeyQuotes);
    if (quotes == data.end() || !quotes->is_array()) continue;
    for (const auto& quote : *quotes) {
      if (!quote.is_object() || !quote.contains(schema::kKeySpeaker)) continue;
      const SpeakerRef speaker = speaker_from_data(quote[schema::kKeySpeaker]);
      if (!typed.matches(speaker)) continue;  // another speaker quoted in the same passage
      for (const std::string& name : {speaker.name, speaker.name_en}) {
        const std::vector<std::string> w = folded_words(name);
        if (!w.empty()) forms.insert(w);
      }
    }
  }
  std::vector<Xapian::Query> alternatives;
  for (const auto& f : forms) alternatives.push_back(all_words(f));
  filter.query = Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
  filter.forms.assign(forms.begin(), forms.end());
  return filter;
}

}  // namespace kb::search
