// kb-eval-figure-labels: the figure extractor against a labelled figures file (JSON Lines), and
// the tool that pre-annotates one.
//
//   kb-eval-figure-labels --labels FILE [--split look|held-out|all] [--samples N]
//   kb-eval-figure-labels --predict TEXTS > FILE
//
// A labels file holds one object per text:
//   {"id": "wn-100", "lang": "ko", "split": "look", "text": "...",
//    "figures": [{"begin": 12, "end": 20, "surface": "1,090억달러", "value": 1.09e11, "unit": "USD"}]}
// with byte offsets into `text`. `--predict` reads the same objects (figures ignored) and writes
// them back with the extractor's figures, as a start for a person to correct.
//
// Scores, per language: spans matched one-to-one by OVERLAP (a shared byte, first come), and of
// those the ones whose VALUE+UNIT also agree (relative difference ≤ 1e-6 and the same canonical
// unit). Precision, recall and F1 of each; misses and false alarms are listed.
#include <CLI/CLI.hpp>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "analysis/figure_extractor.h"

namespace {

using nlohmann::json;

struct Labelled {
  std::uint32_t begin = 0, end = 0;
  double value = 0;
  std::string unit;
};

struct Counts {
  std::size_t gold = 0, predicted = 0, overlap = 0, value_unit = 0;
};

double f1(std::size_t tp, std::size_t predicted, std::size_t gold, double& p, double& r) {
  p = predicted ? double(tp) / double(predicted) : 0;
  r = gold ? double(tp) / double(gold) : 0;
  return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

void print(const std::string& name, const Counts& c) {
  double p = 0, r = 0;
  std::printf("%-6s gold %zu  predicted %zu\n", name.c_str(), c.gold, c.predicted);
  double f = f1(c.overlap, c.predicted, c.gold, p, r);
  std::printf("  overlap:    P %.3f  R %.3f  F1 %.3f\n", p, r, f);
  f = f1(c.value_unit, c.predicted, c.gold, p, r);
  std::printf("  value+unit: P %.3f  R %.3f  F1 %.3f\n", p, r, f);
}

bool same_value(double a, double b) {
  return a == b || std::fabs(a - b) <= 1e-6 * std::max(std::fabs(a), std::fabs(b));
}

std::vector<json> read_lines(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::vector<json> out;
  std::string line;
  while (std::getline(in, line))
    if (!line.empty()) out.push_back(json::parse(line));
  return out;
}

int predict(const std::string& path) {
  const kb::analysis::FigureExtractor extractor;
  for (json& o : read_lines(path)) {
    const std::string text = o.at("text").get<std::string>();
    json figures = json::array();
    for (const auto& f : extractor.extract(text).figures)
      figures.push_back(
          {{"begin", f.begin}, {"end", f.end}, {"surface", f.surface}, {"value", f.value}, {"unit", f.unit}});
    o["figures"] = figures;
    std::cout << o.dump() << '\n';
  }
  return 0;
}

int score(const std::string& path, const std::string& split, std::size_t samples) {
  const kb::analysis::FigureExtractor extractor;
  std::map<std::string, Counts> by_lang;
  std::vector<std::string> misses, false_alarms, wrong_values;
  for (const json& o : read_lines(path)) {
    if (split != "all" && o.value("split", "") != split) continue;
    const std::string text = o.at("text").get<std::string>();
    const std::string lang = o.value("lang", "und");
    std::vector<Labelled> gold;
    for (const json& f : o.at("figures"))
      gold.push_back({f.at("begin").get<std::uint32_t>(), f.at("end").get<std::uint32_t>(), f.at("value").get<double>(),
                      f.at("unit").get<std::string>()});
    const auto predicted = extractor.extract(text).figures;
    Counts& c = by_lang[lang];
    c.gold += gold.size();
    c.predicted += predicted.size();
    std::vector<bool> used(predicted.size()), matched(gold.size());
    for (std::size_t g = 0; g < gold.size(); ++g)
      for (std::size_t i = 0; i < predicted.size(); ++i) {
        if (used[i] || predicted[i].begin >= gold[g].end || gold[g].begin >= predicted[i].end) continue;
        used[i] = matched[g] = true;
        ++c.overlap;
        if (same_value(predicted[i].value, gold[g].value) && predicted[i].unit == gold[g].unit)
          ++c.value_unit;
        else
          wrong_values.push_back(o.at("id").get<std::string>() + ": " + predicted[i].surface + " = " +
                                 std::to_string(predicted[i].value) + " " + predicted[i].unit + ", label " +
                                 std::to_string(gold[g].value) + " " + gold[g].unit);
        break;
      }
    auto context = [&](std::uint32_t b, std::uint32_t e) {
      const std::uint32_t from = b > 40 ? b - 40 : 0;
      std::string s = text.substr(from, std::min<std::size_t>(e + 40, text.size()) - from);
      for (char& ch : s)
        if (ch == '\n') ch = ' ';
      return s;
    };
    for (std::size_t g = 0; g < gold.size(); ++g)
      if (!matched[g])
        misses.push_back(o.at("id").get<std::string>() + ": " +
                         text.substr(gold[g].begin, gold[g].end - gold[g].begin) + "  ⟨" +
                         context(gold[g].begin, gold[g].end) + "⟩");
    for (std::size_t i = 0; i < predicted.size(); ++i)
      if (!used[i])
        false_alarms.push_back(o.at("id").get<std::string>() + ": " + predicted[i].surface + "  ⟨" +
                               context(predicted[i].begin, predicted[i].end) + "⟩");
  }
  std::printf("%s, split %s\n", path.c_str(), split.c_str());
  Counts all;
  for (const auto& [lang, c] : by_lang) {
    print(lang, c);
    all.gold += c.gold;
    all.predicted += c.predicted;
    all.overlap += c.overlap;
    all.value_unit += c.value_unit;
  }
  print("all", all);
  auto list = [&](const char* title, const std::vector<std::string>& items) {
    std::printf("\n%s: %zu\n", title, items.size());
    for (std::size_t i = 0; i < items.size() && i < samples; ++i) std::printf("  %s\n", items[i].c_str());
  };
  list("Misses", misses);
  list("False alarms", false_alarms);
  list("Wrong value or unit", wrong_values);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"kb-eval-figure-labels: figures against a labelled JSON Lines file"};
  std::string labels, texts, split = "all";
  std::size_t samples = 40;
  auto* l = app.add_option("--labels", labels, "Labelled figures (JSON Lines) to score against");
  auto* p = app.add_option("--predict", texts, "Texts (JSON Lines): write them back with the extractor's figures");
  l->excludes(p);
  app.add_option("--split", split, "Score only texts of this split: look, held-out or all")->capture_default_str();
  app.add_option("--samples", samples, "Misses and false alarms printed")->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  try {
    if (!texts.empty()) return predict(texts);
    if (labels.empty()) {
      std::cerr << "kb-eval-figure-labels: give --labels or --predict\n";
      return 2;
    }
    return score(labels, split, samples);
  } catch (const std::exception& e) {
    std::cerr << "kb-eval-figure-labels: " << e.what() << '\n';
    return 2;
  }
}
