// `kb-search --counts QUERY`: how the matching passages spread over documents, languages, quoted
// speakers and years — the facets a researcher tabulates. A year counts once per passage: the
// document's date year and every year its figures' sentences state.
#pragma once

#include <functional>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "printer/sink.h"

namespace kb::search {

struct DocumentCount {
  DocRef doc;
  std::size_t passages = 0;
};

struct Counts {
  std::string query;
  std::size_t passages = 0;
  std::vector<DocumentCount> documents;  // most passages first
  std::map<std::string, std::size_t> languages;
  std::map<std::string, std::size_t> speakers;  // passages quoting each named speaker
  std::map<std::string, std::size_t> years;
};

// The name a speaker is counted under; without one, the Hangul name, else the Latin one.
using SpeakerKey = std::function<std::string(const SpeakerRef&)>;

// A sink that tallies hits instead of printing them.
class CountingSink final : public HitSink {
 public:
  explicit CountingSink(std::string query, SpeakerKey speaker_key = {}) : speaker_key_(std::move(speaker_key)) {
    counts_.query = std::move(query);
  }
  void on_hit(const Hit& hit) override;
  Counts counts() const;

 private:
  SpeakerKey speaker_key_;
  Counts counts_;
  std::map<std::string, DocumentCount> by_document_;
};

// {"schema","type":"counts","query","passages","documents":[{"id","path","title","passages"}],
//  "languages":{…},"speakers":{…},"years":{…}}
nlohmann::json counts_to_json(const Counts& counts);
void print_counts_human(const Counts& counts, std::ostream& out);
// Rows `facet,key,count` (facet: document, language, speaker, year) after a header row.
void print_counts_csv(const Counts& counts, std::ostream& out);

}  // namespace kb::search
