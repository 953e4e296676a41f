#include "analysis/alias_extractor.h"

#include <algorithm>

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
    if (is_hangul_syllable(cp))
      m.hangul = true;
    else if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')
      m.latin = true;
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

// The last `count` space-separated words of `s`, in text order. Scans from the end only, so
// reading the words before each of many parentheses on one long line stays linear.
std::vector<std::string_view> last_words(std::string_view s, std::size_t count) {
  std::vector<std::string_view> words;
  std::size_t end = s.size();
  while (words.size() < count && end > 0) {
    while (end > 0 && s[end - 1] == ' ') --end;
    if (end == 0) break;
    const std::size_t space = s.rfind(' ', end - 1);
    const std::size_t begin = space == std::string_view::npos ? 0 : space + 1;
    words.insert(words.begin(), s.substr(begin, end - begin));
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
  static constexpr std::string_view kJunk[] = {"\"", "'",      ".",      ",",      ";",      ":",     "!",
                                               "?",  "\u201C", "\u201D", "\u2018", "\u2019", "\u00B7"};
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
  auto add = [&](std::string left, std::string right) {
    Alias a{std::move(left), std::move(right)};
    if (!a.left.empty() && !a.right.empty() && a.left != a.right && std::find(out.begin(), out.end(), a) == out.end())
      out.push_back(std::move(a));
  };
  // Every scan below moves forward only (the next ')' and the current line's start are
  // remembered), so many parentheses or one long line stay linear.
  std::size_t search_from = 0, close = 0, line_start = 0, line_scanned = 0;
  bool have_close = false;
  while (true) {
    const std::size_t open = text.find('(', search_from);
    if (open == std::string_view::npos) break;
    if (!have_close || close < open) {
      close = text.find(')', open + 1);
      have_close = true;
    }
    if (close == std::string_view::npos) break;
    search_from = open + 1;
    if (const std::size_t nl = text.substr(line_scanned, open - line_scanned).rfind('\n'); nl != std::string_view::npos)
      line_start = line_scanned + nl + 1;
    line_scanned = open;
    const std::string_view inside = text.substr(open + 1, close - open - 1);
    if (inside.empty() || inside.size() > 120 || inside.find('(') != std::string_view::npos) continue;
    const ScriptMix in = mix_of(inside);
    if (in.hangul == in.latin) continue;  // both or neither: a gloss, not a translation
    std::vector<std::string_view> right = words_of(inside);
    if (right.empty() || right.size() > kMaxWords) continue;
    if (!in.hangul && right.size() > 1 && (right.front() == "The" || right.front() == "the"))
      right.erase(right.begin());

    // The words right before the parenthesis written in the other script.
    std::vector<std::string_view> before = last_words(text.substr(line_start, open - line_start), right.size());
    std::vector<std::string_view> left;
    while (!before.empty() && left.size() < right.size()) {
      std::string_view w = before.back();
      if (w.find_first_of("()") != std::string_view::npos) break;
      const ScriptMix m = mix_of(w);
      const bool fits = in.hangul ? (m.latin && !m.hangul) : m.hangul;
      if (!fits) break;
      w = trim_word(w);
      if (w.empty()) break;
      left.insert(left.begin(), w);
      before.pop_back();
    }
    if (left.empty()) continue;
    add(join(left), join(right));
    if (left.size() == right.size() && left.size() > 1)
      for (std::size_t i = 0; i < left.size(); ++i) add(std::string(left[i]), std::string(right[i]));
  }
  return out;
}

}  // namespace kb::analysis
