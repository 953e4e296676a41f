#include "analysis/person_table.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include <cctype>

#include "analysis/unicode_text.h"

namespace kb::analysis {
namespace {

// Two-syllable Korean surnames; every other native name starts with a one-syllable surname.
constexpr std::string_view kCompoundSurnames[] = {"남궁", "선우", "제갈", "황보", "독고", "사공", "서문"};

std::vector<char32_t> code_points(std::string_view s) {
  std::vector<char32_t> out;
  for (std::size_t pos = 0; pos < s.size();) out.push_back(next_code_point(s, pos));
  return out;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return !suffix.empty() && s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// The title's last word, the part a back-reference repeats (`디렉터` of `시니어 디렉터`).
bool title_matches(std::string_view title, std::string_view head) {
  if (head.empty() || title.empty()) return true;
  if (ends_with(title, head) || ends_with(head, title)) return true;
  // `후보` for `대통령 후보자`: the title's last word starts with the head.
  const std::size_t space = title.rfind(' ');
  const std::string_view last = space == std::string_view::npos ? title : title.substr(space + 1);
  return last.starts_with(head);
}

// `a` (a short form) keeps the first syllable of `b` (a full name) and then a subsequence of its
// syllables. Takes code points decoded once: find_org_aliases compares many pairs.
bool is_abbreviation(const std::vector<char32_t>& a, const std::vector<char32_t>& b) {
  if (a.size() < 3 || a.size() >= b.size() || a[0] != b[0]) return false;
  // A prefix is a part (`국회` of `국회입법조사처`), not an abbreviation, which skips syllables.
  if (std::equal(a.begin(), a.end(), b.begin())) return false;
  for (char32_t c : a)
    if (!is_hangul_syllable(c)) return false;
  std::size_t j = 0;
  for (char32_t c : a) {
    while (j < b.size() && b[j] != c) ++j;
    if (j == b.size()) return false;
    ++j;
  }
  return true;
}

void split_words(std::string_view s, std::vector<std::string>& out) {
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j;
  }
}

}  // namespace

std::string PersonTable::hangul_surname(std::string_view name) {
  if (name.empty()) return {};
  const std::size_t space = name.rfind(' ');
  if (space != std::string_view::npos) return std::string(name.substr(space + 1));  // 션 란돌프 → 란돌프
  for (std::string_view compound : kCompoundSurnames)
    if (name.size() > compound.size() && name.starts_with(compound)) return std::string(compound);
  std::size_t pos = 0;
  next_code_point(name, pos);
  return std::string(name.substr(0, pos));
}

std::string PersonTable::latin_surname(std::string_view name_en) {
  std::vector<std::string> words;
  split_words(name_en, words);
  if (words.empty()) return {};
  // Korean order with a hyphenated given name: `Kang Seok-gu` → Kang.
  const std::string& last = words.back();
  const std::size_t hyphen = last.find('-');
  if (words.size() >= 2 && hyphen != std::string::npos && hyphen + 1 < last.size() &&
      std::islower(static_cast<unsigned char>(last[hyphen + 1])))
    return words.front();
  return last;
}

int PersonTable::add(const Person& person) {
  if (person.name.empty() && person.name_en.empty()) return kNone;
  int row = kNone;
  if (!person.name.empty()) row = find_name(person.name);
  if (row == kNone && !person.name_en.empty()) row = find_name_en(person.name_en);
  if (row == kNone) {
    if (people_.size() >= kMaxPeople) return kNone;
    people_.push_back(person);
    last_touch_.push_back(0);
    row = static_cast<int>(people_.size() - 1);
  } else {
    Person& p = people_[row];
    if (p.name.empty()) p.name = person.name;
    if (p.name_en.empty()) p.name_en = person.name_en;
    if (p.title.empty()) p.title = person.title;
    if (p.org.empty()) p.org = person.org;
  }
  index_row(row);
  touch(row);
  return row;
}

void PersonTable::index_row(int row) {
  const Person& p = people_[row];
  if (!p.name.empty() && by_name_.emplace(p.name, row).second) {
    by_surname_.emplace(hangul_surname(p.name), row);
    // `스가 장관` for `스가 요시히데`: a two-word name in family-name-first order is also found by
    // its first word, when that word is not a one-syllable Korean surname (`조 바이든`).
    const std::size_t space = p.name.find(' ');
    if (space != std::string::npos && p.name.find(' ', space + 1) == std::string::npos && space > 3)
      by_surname_.emplace(p.name.substr(0, space), row);
  }
  if (!p.name_en.empty() && by_name_en_.emplace(p.name_en, row).second) {
    const std::string surname = latin_surname(p.name_en);
    by_surname_en_.emplace(surname, row);
    // `Chang Chi-Cheng`: a two-word name whose second word is a hyphenated given name is also
    // found by its first word (`Chang said`).
    const std::size_t space = p.name_en.find(' ');
    if (space != std::string::npos && p.name_en.find(' ', space + 1) == std::string::npos &&
        p.name_en.find('-', space) != std::string::npos && surname != p.name_en.substr(0, space))
      by_surname_en_.emplace(p.name_en.substr(0, space), row);
  }
}

int PersonTable::find_name(std::string_view hangul_full) const {
  const auto it = by_name_.find(std::string(hangul_full));
  return it == by_name_.end() ? kNone : it->second;
}

int PersonTable::find_name_en(std::string_view latin_full) const {
  const auto it = by_name_en_.find(std::string(latin_full));
  return it == by_name_en_.end() ? kNone : it->second;
}

int PersonTable::find_surname_title(std::string_view surname, std::string_view title_head) const {
  int best = kNone;
  const auto [b, e] = by_surname_.equal_range(std::string(surname));
  for (auto it = b; it != e; ++it) {
    if (!title_matches(people_[it->second].title, title_head)) continue;
    if (best == kNone || last_touch_[it->second] > last_touch_[best]) best = it->second;
  }
  return best;
}

int PersonTable::find_title(std::string_view title_head) const {
  // A scan: tables are small (kMaxPeople) and bare titles rare.
  int best = kNone;
  for (std::size_t row = 0; row < people_.size(); ++row) {
    const std::string& title = people_[row].title;
    if (people_[row].name.empty() || title.empty() || !ends_with(title, title_head)) continue;
    if (best == kNone || last_touch_[row] > last_touch_[best]) best = static_cast<int>(row);
  }
  return best;
}

int PersonTable::find_surname_en(std::string_view surname) const {
  int best = kNone;
  const auto [b, e] = by_surname_en_.equal_range(std::string(surname));
  for (auto it = b; it != e; ++it)
    if (best == kNone || last_touch_[it->second] > last_touch_[best]) best = it->second;
  return best;
}

void PersonTable::touch(int row) {
  if (row >= 0 && static_cast<std::size_t>(row) < people_.size()) last_touch_[row] = ++clock_;
}

void PersonTable::find_org_aliases(const std::vector<std::string>& words,
                                   const std::vector<std::pair<std::string, std::string>>& acronyms) {
  // Work per distinct organisation, against only the words that share its first syllable (an
  // abbreviation keeps it): checking every word against every person was people × words, minutes
  // for a long document naming hundreds of speakers (issue 12). `kMaxPairs` bounds what is left
  // for text built to defeat the buckets (thousands of organisations and words on one syllable).
  constexpr std::size_t kMaxPairs = 1'000'000;
  struct Word {
    const std::string* text;
    std::vector<char32_t> code_points;
  };
  std::unordered_map<char32_t, std::vector<Word>> by_first;
  for (const std::string& w : words) {
    std::vector<char32_t> cps = code_points(w);
    if (cps.empty()) continue;
    const char32_t first = cps[0];
    by_first[first].push_back({&w, std::move(cps)});
  }
  const std::set<std::pair<std::string, std::string>> distinct_acronyms(acronyms.begin(), acronyms.end());
  std::map<std::string, std::set<std::string>> found;  // organisation → aliases
  std::size_t pairs = 0;
  for (const Person& p : people_) {
    if (p.org.empty() || found.contains(p.org)) continue;
    std::set<std::string>& aliases = found[p.org];
    const std::vector<char32_t> org = code_points(p.org);
    const auto bucket = by_first.find(org[0]);
    if (bucket != by_first.end()) {
      for (const Word& w : bucket->second) {
        if (++pairs > kMaxPairs) break;
        if (*w.text == p.org) continue;
        if (is_abbreviation(w.code_points, org) || is_abbreviation(org, w.code_points)) aliases.insert(*w.text);
      }
    }
    for (const auto& [acronym, full] : distinct_acronyms) {
      if (++pairs > kMaxPairs) break;
      if (full == p.org || ends_with(full, p.org) || ends_with(p.org, full)) aliases.insert(acronym);
      if (acronym == p.org) aliases.insert(full);
    }
  }
  for (Person& p : people_) {
    if (p.org.empty()) continue;
    std::set<std::string> aliases(p.org_aliases.begin(), p.org_aliases.end());
    aliases.insert(found[p.org].begin(), found[p.org].end());
    p.org_aliases.assign(aliases.begin(), aliases.end());
  }
}

Speaker PersonTable::speaker(int row) const {
  if (row < 0 || static_cast<std::size_t>(row) >= people_.size()) return {};
  const Person& p = people_[row];
  return Speaker{p.name, p.name_en, p.title, p.org};
}

std::vector<std::string> speaker_name_forms(const Speaker& speaker) {
  std::set<std::string> forms;
  std::vector<std::string> words;
  split_words(speaker.name, words);
  split_words(speaker.name_en, words);
  for (const std::string& w : words) forms.insert(fold(w));
  if (!speaker.name.empty()) {
    std::string joined;
    for (char c : speaker.name)
      if (c != ' ') joined.push_back(c);
    forms.insert(fold(joined));
    forms.insert(fold(PersonTable::hangul_surname(speaker.name)));
  }
  if (!speaker.known()) {
    // An organisation or a described speaker is found by its words (`--speaker 국방부`,
    // `--speaker 합참`) and by the organisation written as one word.
    std::vector<std::string> described;
    split_words(speaker.org, described);
    split_words(speaker.title, described);
    for (const std::string& w : described) forms.insert(fold(w));
    std::string joined;
    for (char c : speaker.org)
      if (c != ' ') joined.push_back(c);
    forms.insert(fold(joined));
  }
  forms.erase("");
  return {forms.begin(), forms.end()};
}

}  // namespace kb::analysis
