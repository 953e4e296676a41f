#include "analysis/alias_extractor.h"

#include <algorithm>
#include <set>
#include <utility>

#include "analysis/unicode_text.h"

namespace kb::analysis {
namespace {

constexpr std::size_t kMaxWords = 6;

struct ScriptMix {
  bool hangul = false;
  bool latin = false;
};

ScriptMix mix_of(std::string_view s) {
  ScriptMix m;
  for (std::size_t pos = 0; pos < s.size();) {
    const char32_t cp = next_code_point(s, pos);
    if (is_hangul_syllable(cp)) m.hangul = true;
    else if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') m.latin = true;
  }
  return m;
}

std::vector<std::string_view> words_of(std::string_view s) {
  std::vector<std::string_view> words;
  std::size_t pos = 0;
  while (pos < s.size()) {
    while (pos < s.size() && s[pos] == ' ') ++pos;
    std::size_t end = s.find(' ', pos);
    if (end == std::string_view::npos) end = s.size();
    if (end > pos) words.push_back(s.substr(pos, end - pos));
    pos = end;
  }
  return words;
}

// The words (space-separated) right before `at` on its line, nearest first, at most `n`. Looks
// no further back than those words: a paragraph of thousands of parentheses stays linear
// (issue 12), where splitting the whole line before each one was quadratic. A word holding a
// parenthesis ends the list, since such a word is never part of a name.
std::vector<std::string_view> words_before(std::string_view text, std::size_t at, std::size_t n) {
  std::vector<std::string_view> words;
  std::size_t end = at;
  while (words.size() < n) {
    while (end > 0 && text[end - 1] == ' ') --end;
    if (end == 0 || text[end - 1] == '\n') break;
    std::size_t begin = end;
    while (begin > 0 && text[begin - 1] != ' ' && text[begin - 1] != '\n' && text[begin - 1] != '(' &&
           text[begin - 1] != ')')
      --begin;
    if (begin > 0 && (text[begin - 1] == '(' || text[begin - 1] == ')')) break;
    words.push_back(text.substr(begin, end - begin));
    end = begin;
  }
  return words;
}

std::string join(const std::vector<std::string_view>& words) {
  std::string out;
  for (auto w : words) {
    if (!out.empty()) out += ' ';
    out.append(w);
  }
  return out;
}

// Trims punctuation that is not part of a name from a word's edges (whole code points only).
std::string_view trim_word(std::string_view w) {
  static constexpr std::string_view kJunk[] = {"\"", "'", ".", ",", ";", ":", "!", "?",
                                               "\u201C", "\u201D", "\u2018", "\u2019", "\u00B7"};
  for (bool changed = true; changed && !w.empty();) {
    changed = false;
    for (std::string_view j : kJunk) {
      if (w.starts_with(j)) {
        w.remove_prefix(j.size());
        changed = true;
      }
      if (w.ends_with(j)) {
        w.remove_suffix(j.size());
        changed = true;
      }
    }
  }
  return w;
}

}  // namespace

std::vector<Alias> AliasExtractor::extract(std::string_view text) const {
  std::vector<Alias> out;
  std::set<std::pair<std::string, std::string>> seen;  // each pair once, in a set: a text may teach thousands
  auto add = [&](std::string left, std::string right) {
    if (left.empty() || right.empty() || left == right || !seen.emplace(left, right).second) return;
    out.push_back(Alias{std::move(left), std::move(right)});
  };
  std::size_t search_from = 0;
  std::size_t close = 0;
  while (true) {
    const std::size_t open = text.find('(', search_from);
    if (open == std::string_view::npos) break;
    // The first `)` after this `(`; still the one found for an earlier `(` when that lies beyond
    // it, so `((((…)` is read in one pass, not once per `(`.
    if (close <= open) close = text.find(')', open + 1);
    if (close == std::string_view::npos) break;
    search_from = open + 1;
    const std::string_view inside = text.substr(open + 1, close - open - 1);
    if (inside.empty() || inside.size() > 120 || inside.find('(') != std::string_view::npos) continue;
    const ScriptMix in = mix_of(inside);
    if (in.hangul == in.latin) continue;  // both or neither: a gloss, not a translation
    std::vector<std::string_view> right = words_of(inside);
    if (right.empty() || right.size() > kMaxWords) continue;
    if (!in.hangul && right.size() > 1 && (right.front() == "The" || right.front() == "the"))
      right.erase(right.begin());

    // The words right before the parenthesis written in the other script.
    std::vector<std::string_view> left;
    for (std::string_view w : words_before(text, open, right.size())) {
      const ScriptMix m = mix_of(w);
      const bool fits = in.hangul ? (m.latin && !m.hangul) : m.hangul;
      if (!fits) break;
      w = trim_word(w);
      if (w.empty()) break;
      left.insert(left.begin(), w);
    }
    if (left.empty()) continue;
    add(join(left), join(right));
    if (left.size() == right.size() && left.size() > 1)
      for (std::size_t i = 0; i < left.size(); ++i) add(std::string(left[i]), std::string(right[i]));
  }
  return out;
}

}  // namespace kb::analysis
