#include "printer/quote_printers.h"

#include "printer/json_record.h"

#include <cstdio>

#include <nlohmann/json.hpp>

#include "printer/csv.h"
#include "printer/human_printer.h"
#include "printer/json_printer.h"

namespace kb::search {
namespace {

std::string score_text(double score) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", score);
  return buf;
}

void print_json(std::ostream& out, const nlohmann::json& j) {
  out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace

void JsonQuotePrinter::on_quote(const QuoteHit& q) {
  print_json(out_,
             with_envelope(
                 {
                     {"rank", q.rank},
                     {"score", q.score},
                     {"text", q.text},
                     {"speaker", speaker_to_json(q.speaker)},
                     {"doc", {{"id", q.doc.id}, {"path", q.doc.path}, {"title", q.doc.title}, {"lang", q.doc.lang}}},
                     {"passage", {{"id", q.passage.id}, {"ordinal", q.passage.ordinal}}},
                     {"offset", q.offset},
                 },
                 "quote"));
}

CsvQuotePrinter::CsvQuotePrinter(std::ostream& out) : out_(out) {
  write_csv_row(out_, {"rank", "score", "text", "speaker_name", "speaker_name_en", "speaker_title", "speaker_org",
                       "doc_id", "path", "title", "passage_id", "ordinal", "offset", "speaker_kind"});
}

void CsvQuotePrinter::on_quote(const QuoteHit& q) {
  write_csv_row(out_, {std::to_string(q.rank), score_text(q.score), q.text, q.speaker.name, q.speaker.name_en,
                       q.speaker.title, q.speaker.org, q.doc.id, q.doc.path, q.doc.title, q.passage.id,
                       std::to_string(q.passage.ordinal), std::to_string(q.offset), q.speaker.kind});
}

void HumanQuotePrinter::on_quote(const QuoteHit& q) {
  out_ << q.rank << ". \xE2\x80\x94 " << speaker_label(q.speaker) << ": \"" << q.text << "\"\n";
  out_ << "   " << (q.doc.title.empty() ? q.doc.path : q.doc.title) << " \xC2\xB7 " << q.doc.path
       << " \xC2\xB7 passage " << q.passage.ordinal << '\n';
}

void HumanQuotePrinter::on_end(const QuoteSummary& summary) {
  if (summary.quotes > 0) return;
  if (summary.query.empty())
    out_ << "no quotes found\n";
  else
    out_ << "no quotes found for: " << summary.query << '\n';
}

void JsonPeoplePrinter::on_person(const PersonSummary& p) {
  nlohmann::json docs = nlohmann::json::array();
  for (const PersonDoc& d : p.docs)
    docs.push_back({{"id", d.doc.id}, {"path", d.doc.path}, {"title", d.doc.title}, {"quotes", d.quotes}});
  print_json(out_, with_envelope({{"name", p.speaker.name},
                                  {"name_en", p.speaker.name_en},
                                  {"title", p.speaker.title},
                                  {"org", p.speaker.org},
                                  {"kind", p.speaker.kind},
                                  {"quotes", p.quotes},
                                  {"docs", docs}},
                                 "person"));
}

CsvPeoplePrinter::CsvPeoplePrinter(std::ostream& out) : out_(out) {
  write_csv_row(out_, {"name", "name_en", "title", "org", "quotes", "docs", "paths", "kind"});
}

void CsvPeoplePrinter::on_person(const PersonSummary& p) {
  std::string paths;
  for (const PersonDoc& d : p.docs) {
    if (!paths.empty()) paths += "; ";
    paths += d.doc.path;
  }
  write_csv_row(out_, {p.speaker.name, p.speaker.name_en, p.speaker.title, p.speaker.org, std::to_string(p.quotes),
                       std::to_string(p.docs.size()), paths, p.speaker.kind});
}

void HumanPeoplePrinter::on_person(const PersonSummary& p) {
  out_ << speaker_label(p.speaker) << " \xE2\x80\x94 " << p.quotes << (p.quotes == 1 ? " quote" : " quotes") << " in "
       << p.docs.size() << (p.docs.size() == 1 ? " document" : " documents") << '\n';
  for (const PersonDoc& d : p.docs) out_ << "   " << d.quotes << "  " << d.doc.path << '\n';
}

void HumanPeoplePrinter::on_end(std::size_t people) {
  if (people == 0) out_ << "no quoted people found\n";
}

}  // namespace kb::search
