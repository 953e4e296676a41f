#include "translation_lexicon.h"

#include <algorithm>

#include "schema/schema.h"

namespace kb::generated {
std::string_view glossary_ko_en();
std::string_view paraphrase_ko();
}  // namespace kb::generated

namespace kb::search {
namespace {

void add_unique(std::vector<std::string>& list, std::string_view text) {
  if (std::find(list.begin(), list.end(), text) == list.end()) list.emplace_back(text);
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::string_view TranslationLexicon::builtin_glossary() { return generated::glossary_ko_en(); }

std::string_view TranslationLexicon::builtin_paraphrases() { return generated::paraphrase_ko(); }

void TranslationLexicon::add_pair(std::string_view left, std::string_view right, analysis::TextAnalyzer& analyzer) {
  const std::string left_key = analysis::lexicon_key(analyzer.analyze(left));
  const std::string right_key = analysis::lexicon_key(analyzer.analyze(right));
  if (left_key.empty() || right_key.empty() || left_key == right_key) return;
  add_unique(entries_[left_key], right);
  add_unique(entries_[right_key], left);
}

std::size_t TranslationLexicon::add_glossary(std::string_view tsv, analysis::TextAnalyzer& analyzer,
                                             std::size_t* bad_lines) {
  std::size_t pairs = 0, bad = 0;
  std::size_t pos = 0;
  while (pos < tsv.size()) {
    std::size_t nl = tsv.find('\n', pos);
    if (nl == std::string_view::npos) nl = tsv.size();
    const std::string_view line = tsv.substr(pos, nl - pos);
    pos = nl + 1;
    if (trim(line).empty() || trim(line).front() == '#') continue;
    const std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos || line.find('\t', tab + 1) != std::string_view::npos) {
      ++bad;
      continue;
    }
    const std::string_view left = trim(line.substr(0, tab)), right = trim(line.substr(tab + 1));
    if (left.empty() || right.empty() || !analysis::is_valid_utf8(line)) {
      ++bad;
      continue;
    }
    add_pair(left, right, analyzer);
    ++pairs;
  }
  if (bad_lines != nullptr) *bad_lines = bad;
  return pairs;
}

std::vector<std::string> TranslationLexicon::lookup(const std::string& key, const Xapian::Database* db) const {
  std::vector<std::string> out;
  if (auto it = entries_.find(key); it != entries_.end()) out = it->second;
  if (db != nullptr) {
    const std::string learned = db->get_metadata(schema::alias_metadata_key(key));
    std::size_t pos = 0;
    while (pos < learned.size()) {
      std::size_t nl = learned.find('\n', pos);
      if (nl == std::string::npos) nl = learned.size();
      if (nl > pos) add_unique(out, std::string_view(learned).substr(pos, nl - pos));
      pos = nl + 1;
    }
  }
  return out;
}

}  // namespace kb::search
