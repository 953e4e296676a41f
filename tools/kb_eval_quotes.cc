// kb-eval-quotes: quote detection precision/recall and speaker attribution accuracy of the quotes
// stage against a hand-labelled development set.
//
//   kb-eval-quotes --sci DIR --reuters FILE.xml.gz --wikinews FILE.csv --labels LABELS.tsv [--dump]
//
// Articles: `--sci` is sci-news-sum-kr-50's data/ folder (NN.json: title + sentences, joined back
// into one paragraph with ". "); `--reuters` is one Reuters-21578 SGML-as-XML file, gzip'd (each
// <BODY>, unwrapped: a line starting with spaces opens a paragraph); `--wikinews` is the ko-wikinews CSV
// (header `작성일,출처,제목,내용`, RFC 4180; an article is its title, a newline and its body, whose
// paragraphs are separated by newlines). Labels (TSV, one quote a
// line, kept outside the repository because both corpora are research-only):
//   corpus<TAB>article<TAB>quote prefix<TAB>speaker
// corpus is `sci`, `reuters` or `wikinews`; article is the file stem (`07`), the Reuters NEWID or the
// Wikinews data row number (1 = the first row after the header); the prefix is
// the first words of the quote; speaker is the name as the article gives it, empty when the
// article names no speaker. Only labelled articles are scored.
// A predicted quote matches a label when its text starts with the prefix; attribution is right
// when the label's speaker equals the predicted name or name_en, or — for a quote with no named
// person — its organisation or description (`국방부`, `유엔군사령부 관계자`), spaces ignored; or both
// are empty. A label line may carry a fifth field, the speaker's kind (person, organization,
// description); it is read for the per-kind counts only. `--dump` prints every labelled (or, with no labels, every
// candidate) article's predictions, for labelling.

#include <CLI/CLI.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "analysis/quote_extractor.h"
#include "analysis/unicode_text.h"

#include "gzip_file.h"
#include "printer/csv.h"

namespace {

struct Article {
  std::string corpus, id, text;
};

struct Label {
  std::string prefix, speaker, kind;
};

std::vector<Article> load_sci(const std::string& dir) {
  std::vector<Article> out;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == ".json") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& p : files) {
    std::ifstream in(p);
    const nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
    if (!j.is_object()) {
      std::cerr << "kb-eval-quotes: " << p.string() << ": not JSON, skipped\n";
      continue;
    }
    std::string text = j.value("title", "") + "\n";
    for (const auto& s : j["sentences"]) text += s.get<std::string>() + ". ";
    out.push_back({"sci", p.stem().string(), text});
  }
  return out;
}

std::vector<Article> load_reuters(const std::string& path) {
  std::string xml = kb::tools::read_gzip_file(path);
  // One stray non-UTF-8 byte exists in the collection; repair before parsing.
  xml = kb::analysis::repair_utf8(xml);
  pugi::xml_document doc;
  const pugi::xml_parse_result r = doc.load_buffer(xml.data(), xml.size());
  if (!r) throw std::runtime_error(path + ": XML error at byte " + std::to_string(r.offset) + ": " + r.description());
  std::vector<Article> out;
  for (pugi::xml_node d : doc.child("LEWIS").children("REUTERS")) {
    const std::string body = d.child("TEXT").child_value("BODY");
    if (body.empty()) continue;
    std::string text;
    std::istringstream lines(body);
    std::string line;
    while (std::getline(lines, line)) {
      if (line.starts_with(" ") && !text.empty())
        text += '\n';
      else if (!text.empty())
        text += ' ';
      const std::size_t b = line.find_first_not_of(' ');
      if (b != std::string::npos) text += line.substr(b);
    }
    out.push_back({"reuters", d.attribute("NEWID").value(), text});
  }
  return out;
}

std::vector<Article> load_wikinews(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot open");
  std::stringstream ss;
  ss << in.rdbuf();
  const auto rows = kb::search::read_csv(ss.str());
  std::vector<Article> out;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    if (rows[r].size() < 4) continue;
    out.push_back({"wikinews", std::to_string(r), rows[r][2] + "\n" + rows[r][3]});
  }
  return out;
}

// The first `n` bytes of `s`, cut back to a UTF-8 boundary.
std::string head(const std::string& s, std::size_t n) {
  if (s.size() <= n) return s;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}

// Names compared without dots, spaces and case: `David T. Mizrahi` = `David T Mizrahi`,
// `유엔군 사령부 관계자` = `유엔군사령부 관계자`.
std::string norm(const std::string& s) {
  std::string out;
  for (char c : s)
    if (c != '.' && c != ' ') out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return out;
}

// A description compared without a leading article: `a company spokesman` = `company spokesman`,
// `한 업계 관계자` = `업계 관계자`.
std::string norm_description(const std::string& s) {
  for (std::string_view article : {"a ", "an ", "the ", "A ", "An ", "The ", "한 "})
    if (s.starts_with(article)) return norm(s.substr(article.size()));
  return norm(s);
}

bool speaker_matches(const std::string& gold, const kb::analysis::Speaker& s) {
  if (gold.empty()) return !s.known() && s.org.empty() && s.title.empty();
  const std::string g = norm(gold);
  if (g == norm(s.name) || g == norm(s.name_en)) return true;
  if (s.known()) return false;
  const std::string d = norm_description(gold);
  return g == norm(s.org) || d == norm_description(s.title) || d == norm_description(s.org + " " + s.title);
}

std::string shown(const kb::analysis::Speaker& s) { return s.name + "|" + s.name_en + "|" + s.title + "|" + s.org; }

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"kb-eval-quotes: quote detection and speaker attribution against labels"};
  std::string sci, reuters, wikinews, labels_path;
  bool dump = false;
  app.add_option("--sci", sci, "sci-news-sum-kr-50 data/ folder");
  app.add_option("--reuters", reuters, "a Reuters-21578 reut2-NNN.xml.gz file");
  app.add_option("--wikinews", wikinews, "the ko-wikinews CSV (date, source, title, body)");
  app.add_option("--labels", labels_path, "label TSV (corpus, article, quote prefix, speaker)");
  app.add_flag("--dump", dump, "print predictions per article");
  CLI11_PARSE(app, argc, argv);

  std::vector<Article> articles;
  try {
    if (!sci.empty())
      for (auto& a : load_sci(sci)) articles.push_back(std::move(a));
    if (!reuters.empty())
      for (auto& a : load_reuters(reuters)) articles.push_back(std::move(a));
    if (!wikinews.empty())
      for (auto& a : load_wikinews(wikinews)) articles.push_back(std::move(a));
  } catch (const std::exception& e) {
    std::cerr << "kb-eval-quotes: " << e.what() << '\n';
    return 2;
  }
  std::map<std::pair<std::string, std::string>, std::vector<Label>> labels;
  if (!labels_path.empty()) {
    std::ifstream in(labels_path);
    if (!in) {
      std::cerr << "kb-eval-quotes: " << labels_path << ": cannot read\n";
      return 2;
    }
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      std::vector<std::string> f;
      std::stringstream ss(line);
      std::string field;
      while (std::getline(ss, field, '\t')) f.push_back(field);
      while (f.size() < 4) f.emplace_back();
      auto& v = labels[{f[0], f[1]}];
      if (!f[2].empty()) v.push_back({f[2], f[3], f.size() > 4 ? f[4] : ""});
    }
  }

  const kb::analysis::QuoteExtractor extractor;
  std::size_t tp = 0, fp = 0, fn = 0, right = 0, docs = 0;
  std::map<std::string, std::pair<std::size_t, std::size_t>> by_kind;  // kind → (detected, right)
  for (const Article& a : articles) {
    const auto it = labels.find({a.corpus, a.id});
    const bool labelled = it != labels.end();
    if (!labelled && !(dump && labels.empty())) continue;
    const auto result = extractor.extract(a.text);
    if (dump) {
      std::cout << "=== " << a.corpus << '\t' << a.id << '\n' << a.text << "\n--- predicted\n";
      for (const auto& q : result.quotes)
        std::cout << a.corpus << '\t' << a.id << '\t' << head(q.text, 60) << '\t'
                  << (q.speaker.name.empty() ? q.speaker.name_en : q.speaker.name) << "\t[" << q.speaker.title << " | "
                  << q.speaker.org << "]\n";
    }
    if (!labelled) continue;
    ++docs;
    std::vector<bool> used(result.quotes.size(), false);
    for (const Label& l : it->second) {
      bool found = false;
      for (std::size_t i = 0; i < result.quotes.size(); ++i) {
        if (used[i] || !result.quotes[i].text.starts_with(l.prefix)) continue;
        used[i] = found = true;
        ++tp;
        auto& [kind_found, kind_right] = by_kind[l.kind.empty() ? "-" : l.kind];
        ++kind_found;
        if (speaker_matches(l.speaker, result.quotes[i].speaker)) {
          ++right;
          ++kind_right;
        } else {
          std::cerr << "wrong speaker: " << a.corpus << ' ' << a.id << ": \"" << l.prefix << "\" gold '" << l.speaker
                    << "' got '" << shown(result.quotes[i].speaker) << "'\n";
        }
        break;
      }
      if (!found) {
        ++fn;
        std::cerr << "missed: " << a.corpus << ' ' << a.id << ": \"" << l.prefix << "\"\n";
      }
    }
    for (std::size_t i = 0; i < result.quotes.size(); ++i)
      if (!used[i]) {
        ++fp;
        std::cerr << "extra: " << a.corpus << ' ' << a.id << ": \"" << head(result.quotes[i].text, 60) << "\"\n";
      }
  }
  if (labels.empty()) return 0;
  const auto ratio = [](std::size_t a, std::size_t b) { return b == 0 ? 0.0 : static_cast<double>(a) / b; };
  std::printf("articles %zu  gold quotes %zu  predicted %zu\n", docs, tp + fn, tp + fp);
  const double precision = ratio(tp, tp + fp), recall = ratio(tp, tp + fn);
  std::printf("detection precision %.3f  recall %.3f  F1 %.3f\n", precision, recall,
              precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall));
  std::printf("attribution accuracy (of detected gold quotes) %.3f  (%zu/%zu)\n", ratio(right, tp), right, tp);
  for (const auto& [kind, counts] : by_kind)
    if (kind != "-")
      std::printf("  %s: %.3f  (%zu/%zu)\n", kind.c_str(), ratio(counts.second, counts.first), counts.second,
                  counts.first);
  std::printf("end-to-end (detected with the right speaker / gold) %.3f\n", ratio(right, tp + fn));
  return 0;
}
