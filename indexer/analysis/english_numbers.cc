#include "analysis/english_numbers.h"

#include <array>
#include <string>

#include "analysis/figure_lexicon.h"

namespace kb::analysis::figures {
namespace {

struct Word {
  std::string_view text;
  int value;
};

constexpr std::array kUnits = {
    Word{"one", 1},       Word{"two", 2},        Word{"three", 3},     Word{"four", 4},      Word{"five", 5},
    Word{"six", 6},       Word{"seven", 7},      Word{"eight", 8},     Word{"nine", 9},      Word{"ten", 10},
    Word{"eleven", 11},   Word{"twelve", 12},    Word{"thirteen", 13}, Word{"fourteen", 14}, Word{"fifteen", 15},
    Word{"sixteen", 16},  Word{"seventeen", 17}, Word{"eighteen", 18}, Word{"nineteen", 19}, Word{"dozen", 12},
    Word{"hundred", 100},
};

constexpr std::array kTens = {
    Word{"twenty", 20}, Word{"thirty", 30},  Word{"forty", 40},  Word{"fifty", 50},
    Word{"sixty", 60},  Word{"seventy", 70}, Word{"eighty", 80}, Word{"ninety", 90},
};

std::optional<int> lookup(std::string_view word, const auto& table) {
  for (const Word& w : table)
    if (iequals(word, w.text)) return w.value;
  return std::nullopt;
}

}  // namespace

std::optional<EnglishNumber> read_english_number(const SentenceText& s, Pos p) {
  const std::string_view first = s.latin_word(p);
  if (first.empty() || first.size() > 9) return std::nullopt;
  EnglishNumber n;
  n.end = p + static_cast<Pos>(first.size());
  if (const auto tens = lookup(first, kTens)) {
    n.value = *tens;
    // twenty-five
    if (s.at(n.end).cp == '-') {
      const std::string_view unit = s.latin_word(n.end + 1);
      if (const auto u = lookup(unit, kUnits); u && *u < 10) {
        n.value += *u;
        n.end += 1 + static_cast<Pos>(unit.size());
      }
    }
  } else if (const auto unit = lookup(first, kUnits)) {
    n.value = *unit;
  } else {
    return std::nullopt;
  }
  // two hundred
  const Pos w = s.skip_spaces(n.end);
  if (w != n.end && iequals(s.latin_word(w), "hundred")) {
    n.value *= 100;
    n.end = w + 7;
  }
  return n;
}

std::string lower_word(std::string_view word) {
  std::string lower;
  for (char c : word) lower.push_back(to_lower(c));
  return lower;
}

bool is_english_unit_or_scale(std::string_view lower) {
  for (const Scale& sc : kEnglishScales)
    if (lower == sc.text) return true;
  for (const UnitWord& u : kEnglishUnits)
    if (lower == u.text) return true;
  return lower == "per" || lower == "percentage" || lower == "degrees";
}

bool is_plural_noun(std::string_view w) {
  static constexpr std::string_view kIrregular[] = {"people", "men",   "women", "children", "feet",
                                                    "police", "teeth", "mice",  "cattle",   "personnel"};
  static constexpr std::string_view kNotPlural[] = {"was",     "has",    "his",     "its",  "this",    "thus",
                                                    "does",    "less",   "yes",     "plus", "across",  "always",
                                                    "perhaps", "unless", "besides", "news", "whereas", "towards"};
  if (contains(kIrregular, w)) return true;
  if (w.size() < 3 || !w.ends_with('s') || w.ends_with("ss") || w.ends_with("ous") || w.ends_with("us") ||
      w.ends_with("is"))
    return false;
  return !contains(kNotPlural, w);
}

}  // namespace kb::analysis::figures
