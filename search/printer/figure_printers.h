// Printers for `kb-search --figures`, one record per figure.
//
// JSON Lines (see README "Figures"):
//   {"rank":1,"surface":"1,090억달러","value":109000000000.0,"high":109000000000.0,"unit":"USD",
//    "kind":"money","counter":"","qualifier":"exact","year":2024,"sentence":"…",
//    "doc":{"id","path","title"},"passage":"<doc>#<ordinal>","span":[begin,end]}
//   year is null when the sentence states none; span is bytes in the document's text.
// CSV columns:
//   rank,surface,value,high,unit,kind,counter,qualifier,year,doc_id,path,title,passage_id,
//   span_begin,span_end,sentence
// Human: the figure and its normalised value, then the document and the sentence.
#pragma once

#include <ostream>

#include <nlohmann/json.hpp>

#include "printer/figure_sink.h"

namespace kb::search {

// The figure object shared by hit records ("figures":[…]) and figure records.
nlohmann::json figure_to_json(const FigureRef& figure);
nlohmann::json figure_hit_to_json(const FigureHit& hit);
// A value for people and CSV: shortest form that reads back exactly enough (1.09e+11 → 109000000000).
std::string format_figure_value(double value);

class JsonLinesFigurePrinter final : public FigureSink {
 public:
  explicit JsonLinesFigurePrinter(std::ostream& out) : out_(out) {}
  void on_figure(const FigureHit& hit) override;

 private:
  std::ostream& out_;
};

class CsvFigurePrinter final : public FigureSink {
 public:
  explicit CsvFigurePrinter(std::ostream& out);
  void on_figure(const FigureHit& hit) override;

 private:
  std::ostream& out_;
};

class HumanFigurePrinter final : public FigureSink {
 public:
  HumanFigurePrinter(std::ostream& out, bool colour) : out_(out), colour_(colour) {}
  void on_figure(const FigureHit& hit) override;
  void on_end(const FigureSummary& summary) override;

 private:
  std::ostream& out_;
  bool colour_;
};

}  // namespace kb::search
