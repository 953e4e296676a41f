#include "counts.h"

#include <algorithm>
#include <set>

#include "printer/csv.h"
#include "printer/json_record.h"

namespace kb::search {

void CountingSink::on_hit(const Hit& hit) {
  ++counts_.passages;
  DocumentCount& d = by_document_[hit.doc.id];
  d.doc = hit.doc;
  ++d.passages;
  ++counts_.languages[hit.doc.lang.empty() ? "und" : hit.doc.lang];
  std::set<std::string> speakers, years;
  for (const HitQuote& q : hit.quotes) {
    const std::string name =
        speaker_key_ ? speaker_key_(q.speaker) : (!q.speaker.name.empty() ? q.speaker.name : q.speaker.name_en);
    if (!name.empty()) speakers.insert(name);
  }
  if (hit.citation.date.size() >= 4) years.insert(hit.citation.date.substr(0, 4));
  for (const FigureRef& f : hit.figures)
    if (f.year != 0) years.insert(std::to_string(f.year));
  for (const auto& s : speakers) ++counts_.speakers[s];
  for (const auto& y : years) ++counts_.years[y];
}

Counts CountingSink::counts() const {
  Counts out = counts_;
  for (const auto& [id, d] : by_document_) out.documents.push_back(d);
  std::stable_sort(out.documents.begin(), out.documents.end(),
                   [](const DocumentCount& a, const DocumentCount& b) { return a.passages > b.passages; });
  return out;
}

nlohmann::json counts_to_json(const Counts& c) {
  nlohmann::json documents = nlohmann::json::array();
  for (const DocumentCount& d : c.documents)
    documents.push_back({{"id", d.doc.id}, {"path", d.doc.path}, {"title", d.doc.title}, {"passages", d.passages}});
  return with_envelope({{"query", c.query},
                        {"passages", c.passages},
                        {"documents", documents},
                        {"languages", c.languages},
                        {"speakers", c.speakers},
                        {"years", c.years}},
                       "counts");
}

void print_counts_human(const Counts& c, std::ostream& out) {
  out << c.passages << " passages match: " << c.query << "\n\nby document:\n";
  for (const DocumentCount& d : c.documents)
    out << "  " << d.passages << "  " << (d.doc.title.empty() ? d.doc.path : d.doc.title) << "  (" << d.doc.path
        << ")\n";
  const auto facet = [&out](const char* name, const std::map<std::string, std::size_t>& counts) {
    out << "by " << name << ":";
    if (counts.empty()) out << " (none)";
    for (const auto& [key, n] : counts) out << "  " << key << " " << n;
    out << '\n';
  };
  facet("language", c.languages);
  facet("speaker", c.speakers);
  facet("year", c.years);
}

void print_counts_csv(const Counts& c, std::ostream& out) {
  write_csv_row(out, {"facet", "key", "count"});
  for (const DocumentCount& d : c.documents) write_csv_row(out, {"document", d.doc.path, std::to_string(d.passages)});
  for (const auto& [k, n] : c.languages) write_csv_row(out, {"language", k, std::to_string(n)});
  for (const auto& [k, n] : c.speakers) write_csv_row(out, {"speaker", k, std::to_string(n)});
  for (const auto& [k, n] : c.years) write_csv_row(out, {"year", k, std::to_string(n)});
}

}  // namespace kb::search
