#include "speaker_filter.h"

#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/unicode_text.h"
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

}  // namespace

Xapian::Query speaker_filter(const Xapian::Database& db, std::string_view value) {
  const std::string valid = analysis::repair_utf8(value);
  const std::vector<std::string> words = folded_words(valid);
  if (words.empty()) return {};
  const Xapian::Query base = all_words(words);
  std::set<std::vector<std::string>> forms{words};
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, base,
                                  Xapian::Query(schema::type_term(schema::kTypeQuote))));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  const Xapian::MSet mset = enquire.get_mset(0, 500);
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    const nlohmann::json data = nlohmann::json::parse(it.get_document().get_data(), nullptr, false);
    if (!data.is_object() || !data.contains(schema::kKeySpeaker) || !data[schema::kKeySpeaker].is_object()) continue;
    const nlohmann::json& speaker = data[schema::kKeySpeaker];
    for (const char* key : {schema::kKeyName, schema::kKeyNameEn}) {
      const std::vector<std::string> w = folded_words(speaker.value(key, ""));
      if (!w.empty()) forms.insert(w);
    }
  }
  std::vector<Xapian::Query> alternatives;
  for (const auto& f : forms) alternatives.push_back(all_words(f));
  return Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
}

}  // namespace kb::search
