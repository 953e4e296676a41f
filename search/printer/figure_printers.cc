#include "printer/figure_printers.h"

#include <cstdio>

#include "printer/csv.h"
#include "printer/json_record.h"

namespace kb::search {

std::string format_figure_value(double value) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.15g", value);
  return buf;
}

nlohmann::json figure_to_json(const FigureRef& f) {
  return {
      {"surface", f.surface},     {"value", f.value},
      {"high", f.high},           {"unit", f.unit},
      {"kind", f.kind},           {"counter", f.counter},
      {"qualifier", f.qualifier}, {"year", f.year == 0 ? nlohmann::json(nullptr) : nlohmann::json(f.year)},
      {"span", {f.begin, f.end}},
  };
}

nlohmann::json figure_hit_to_json(const FigureHit& hit) {
  nlohmann::json j = figure_to_json(hit.figure);
  j["rank"] = hit.rank;
  j["sentence"] = hit.sentence;
  j["doc"] = {{"id", hit.doc.id}, {"path", hit.doc.path}, {"title", hit.doc.title}};
  j["passage"] = hit.passage_id;
  return with_envelope(std::move(j), "figure");
}

void JsonLinesFigurePrinter::on_figure(const FigureHit& hit) {
  out_ << figure_hit_to_json(hit).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

CsvFigurePrinter::CsvFigurePrinter(std::ostream& out) : out_(out) {
  write_csv_row(out_, {"rank", "surface", "value", "high", "unit", "kind", "counter", "qualifier", "year", "doc_id",
                       "path", "title", "passage_id", "span_begin", "span_end", "sentence"});
}

void CsvFigurePrinter::on_figure(const FigureHit& hit) {
  const FigureRef& f = hit.figure;
  write_csv_row(out_,
                {std::to_string(hit.rank), f.surface, format_figure_value(f.value), format_figure_value(f.high), f.unit,
                 f.kind, f.counter, f.qualifier, f.year == 0 ? "" : std::to_string(f.year), hit.doc.id, hit.doc.path,
                 hit.doc.title, hit.passage_id, std::to_string(f.begin), std::to_string(f.end), hit.sentence});
}

void HumanFigurePrinter::on_figure(const FigureHit& hit) {
  const FigureRef& f = hit.figure;
  if (colour_) out_ << "\033[1m";
  out_ << f.surface;
  if (colour_) out_ << "\033[0m";
  out_ << "  = " << format_figure_value(f.value);
  if (f.high != f.value) out_ << ".." << format_figure_value(f.high);
  out_ << ' ' << f.unit;
  if (!f.counter.empty()) out_ << " (" << f.counter << ')';
  if (f.qualifier != "exact") out_ << ", " << f.qualifier;
  if (f.year != 0) out_ << ", " << f.year;
  out_ << '\n'
       << "   " << (hit.doc.title.empty() ? hit.doc.path : hit.doc.title) << " \xC2\xB7 " << hit.doc.path << " ["
       << f.begin << ',' << f.end << ")\n"
       << "   " << hit.sentence << "\n\n";
}

void HumanFigurePrinter::on_end(const FigureSummary& summary) {
  if (summary.figures == 0) {
    out_ << "no figures found";
    if (!summary.query.empty()) out_ << " for: " << summary.query;
    out_ << '\n';
  }
}

}  // namespace kb::search
