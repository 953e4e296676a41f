// kb-eval-figures: the figure extractor against KLUE NER quantity (QT) spans, and the speed of
// the index chain with figures.
//
//   kb-eval-figures --klue klue-ner-v1.1_dev.tsv [--part all|first|second] [--rounds 5] [--samples 15]
//
// `--part first` scores the first half of the sentences (file order), `--part second` the second
// half: tune on one half, report the other (the throughput always runs over every sentence).
//
// Matching: a predicted span and a QT span match EXACTLY when their byte offsets are equal, and
// by OVERLAP when they share a byte (one-to-one, first come). Two predictions are scored:
//   figures           what kb indexes as figures;
//   figures+ordinals  figures plus our ordinal and rank mentions, because KLUE's QT also tags
//                     ranks and ordinals (2위, 두 번째), which kb deliberately keeps out of figures.
// Misses are classed by what the extractor called the span instead (date, ordinal, code … or
// nothing); false alarms by the KLUE tag under them.
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "analysis/document_analyzer.h"
#include "analysis/figure_extractor.h"

namespace {

using kb::analysis::FigureExtractor;
using kb::analysis::MentionKind;

struct Span {
  std::uint32_t begin, end;
  std::string tag;
};

struct Sentence {
  std::string text;
  std::vector<Span> entities;
};

// `## <guid>\t<sentence with <surface:TAG> inline>` lines; the char rows are not needed.
std::vector<Sentence> read_klue(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::vector<Sentence> out;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.starts_with("## klue")) continue;
    const std::size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    const std::string tagged = line.substr(tab + 1);
    Sentence s;
    for (std::size_t i = 0; i < tagged.size();) {
      if (tagged[i] == '<') {
        const std::size_t close = tagged.find('>', i);
        if (close != std::string::npos) {
          const std::string inner = tagged.substr(i + 1, close - i - 1);
          const std::size_t colon = inner.rfind(':');
          const std::string tag = colon == std::string::npos ? "" : inner.substr(colon + 1);
          if (tag == "PS" || tag == "LC" || tag == "OG" || tag == "DT" || tag == "TI" || tag == "QT") {
            const auto b = static_cast<std::uint32_t>(s.text.size());
            s.text += inner.substr(0, colon);
            s.entities.push_back({b, static_cast<std::uint32_t>(s.text.size()), tag});
            i = close + 1;
            continue;
          }
        }
      }
      s.text.push_back(tagged[i++]);
    }
    out.push_back(std::move(s));
  }
  return out;
}

struct Score {
  std::size_t gold = 0, predicted = 0, exact = 0, overlap = 0;
  void print(const char* name) const {
    auto prf = [&](std::size_t tp) {
      const double p = predicted ? double(tp) / double(predicted) : 0, r = gold ? double(tp) / double(gold) : 0;
      std::printf("P %.3f  R %.3f  F1 %.3f", p, r, p + r > 0 ? 2 * p * r / (p + r) : 0);
    };
    std::printf("%-17s gold %zu  predicted %zu\n  exact:   ", name, gold, predicted);
    prf(exact);
    std::printf("\n  overlap: ");
    prf(overlap);
    std::printf("\n");
  }
};

bool overlaps(const Span& a, const Span& b) { return a.begin < b.end && b.begin < a.end; }

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"kb-eval-figures: figure spans against KLUE NER QT, and chain throughput"};
  std::string klue;
  int rounds = 5;
  std::size_t samples = 12;
  std::string part = "all";
  app.add_option("--part", part, "Sentences scored: all, first (half) or second (half)")
      ->check(CLI::IsMember({"all", "first", "second"}))
      ->capture_default_str();
  app.add_option("--klue", klue, "KLUE NER dev TSV (klue-ner-v1.1_dev.tsv)")->required();
  app.add_option("--rounds", rounds, "Throughput: passes over the sentences")->capture_default_str();
  app.add_option("--samples", samples, "Examples printed per error class")->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  std::vector<Sentence> sentences;
  try {
    sentences = read_klue(klue);
  } catch (const std::exception& e) {
    std::cerr << "kb-eval-figures: " << e.what() << '\n';
    return 2;
  }
  const FigureExtractor extractor;
  Score figures_only, with_ordinals;
  std::map<std::string, std::vector<std::string>> misses, false_alarms;
  const std::size_t half = sentences.size() / 2;
  const std::size_t first = part == "second" ? half : 0;
  const std::size_t last = part == "first" ? half : sentences.size();
  for (std::size_t si = first; si < last; ++si) {
    const Sentence& s = sentences[si];
    const auto x = extractor.extract(s.text);
    std::vector<Span> gold, pred, pred_ord;
    for (const Span& e : s.entities)
      if (e.tag == "QT") gold.push_back(e);
    for (const auto& f : x.figures) pred.push_back({f.begin, f.end, "figure"});
    pred_ord = pred;
    for (const auto& m : x.mentions)
      if (m.kind == MentionKind::kOrdinal || m.kind == MentionKind::kRank) pred_ord.push_back({m.begin, m.end, "ord"});
    auto score = [&](Score& sc, const std::vector<Span>& p, bool record) {
      sc.gold += gold.size();
      sc.predicted += p.size();
      std::vector<bool> used(p.size());
      std::vector<bool> matched(gold.size());
      for (std::size_t g = 0; g < gold.size(); ++g) {
        for (std::size_t i = 0; i < p.size(); ++i)
          if (!used[i] && p[i].begin == gold[g].begin && p[i].end == gold[g].end) {
            used[i] = matched[g] = true;
            ++sc.exact;
            ++sc.overlap;
            break;
          }
      }
      std::vector<bool> used_o = used, matched_o = matched;
      for (std::size_t g = 0; g < gold.size(); ++g) {
        if (matched_o[g]) continue;
        for (std::size_t i = 0; i < p.size(); ++i)
          if (!used_o[i] && overlaps(p[i], gold[g])) {
            used_o[i] = matched_o[g] = true;
            ++sc.overlap;
            if (record)
              misses["boundary (overlap only)"].push_back(
                  s.text.substr(gold[g].begin, gold[g].end - gold[g].begin) +
                  " | ours: " + s.text.substr(p[i].begin, p[i].end - p[i].begin));
            break;
          }
      }
      if (!record) return;
      for (std::size_t g = 0; g < gold.size(); ++g) {
        if (matched_o[g]) continue;
        std::string cls = "not recognised";
        for (const auto& m : x.mentions)
          if (overlaps({m.begin, m.end, ""}, gold[g]))
            cls = std::string("called ") + kb::analysis::mention_name(m.kind);
        misses[cls].push_back(s.text.substr(gold[g].begin, gold[g].end - gold[g].begin) + "  ⟨" + s.text + "⟩");
      }
      for (std::size_t i = 0; i < p.size(); ++i) {
        if (used_o[i]) continue;
        std::string cls = "untagged in KLUE";
        for (const Span& e : s.entities)
          if (overlaps(e, p[i])) cls = "KLUE tags it " + e.tag;
        false_alarms[cls].push_back(s.text.substr(p[i].begin, p[i].end - p[i].begin) + "  ⟨" + s.text + "⟩");
      }
    };
    score(figures_only, pred, true);
    score(with_ordinals, pred_ord, false);
  }
  std::printf("KLUE NER dev: %zu sentences (%s: %zu scored)\n", sentences.size(), part.c_str(), last - first);
  figures_only.print("figures");
  with_ordinals.print("figures+ordinals");
  auto dump = [&](const char* title, const std::map<std::string, std::vector<std::string>>& classes) {
    std::printf("\n%s (figures, overlap matching):\n", title);
    for (const auto& [cls, list] : classes) {
      std::printf("  %-26s %zu\n", cls.c_str(), list.size());
      for (std::size_t i = 0; i < list.size() && i < samples; ++i) std::printf("      %s\n", list[i].c_str());
    }
  };
  dump("Misses", misses);
  dump("False alarms", false_alarms);

  // Throughput on one core: the whole index chain (segment, fold, filters, figures) over the
  // sentences as one document per 100 sentences, and the figure stage alone.
  std::vector<kb::ExtractedDoc> docs;
  std::size_t bytes = 0;
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    if (i % 100 == 0) docs.emplace_back();
    docs.back().paragraphs.push_back({sentences[i].text, 0, false});
    bytes += sentences[i].text.size() + 1;
  }
  kb::analysis::DocumentAnalyzer analyzer;
  std::size_t figures = 0;
  const auto t0 = std::chrono::steady_clock::now();
  for (int r = 0; r < rounds; ++r)
    for (const auto& d : docs) {
      const auto a = analyzer.analyze(d);
      for (const auto& p : a.passages) figures += p.figures.size();
    }
  const auto t1 = std::chrono::steady_clock::now();
  std::size_t figures_alone = 0;
  for (int r = 0; r < rounds; ++r)
    for (const Sentence& s : sentences) figures_alone += extractor.extract(s.text).figures.size();
  const auto t2 = std::chrono::steady_clock::now();
  const double mb = double(bytes) * rounds / 1e6;
  const double chain_s = std::chrono::duration<double>(t1 - t0).count();
  const double fig_s = std::chrono::duration<double>(t2 - t1).count();
  std::printf("\nThroughput (%d rounds over %.2f MB, one core):\n", rounds, double(bytes) / 1e6);
  std::printf("  index chain with figures: %.1f MB/s (%zu figures)\n", mb / chain_s, figures);
  std::printf("  figure stage alone:       %.1f MB/s (%zu figures)\n", mb / fig_s, figures_alone);
  return 0;
}
