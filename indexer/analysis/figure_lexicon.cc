#include "analysis/figure_lexicon.h"

#include "analysis/lexicon_text.h"

#include <stdexcept>
#include <string>
#include <vector>

namespace kb::generated {
std::string_view figure_lexicon_ko();
}  // namespace kb::generated

namespace kb::analysis::figures {
namespace {

struct Lists {
  std::vector<std::string_view> counters, glued_native_counters, ordinal_nouns;
};

// The words point into the compiled-in text, which lives as long as the program.
Lists parse(std::string_view text) {
  Lists lists;
  for_each_lexicon_entry(text, [&](std::string_view section, std::string_view entry) {
    if (section == "counters")
      lists.counters.push_back(entry);
    else if (section == "glued_native_counters")
      lists.glued_native_counters.push_back(entry);
    else if (section == "ordinal_nouns")
      lists.ordinal_nouns.push_back(entry);
    else
      throw std::logic_error("figure_lexicon_ko.txt: an entry outside a known section: " + std::string(entry));
  });
  return lists;
}

}  // namespace

const KoreanFigureWords& korean_figure_words() {
  static const Lists lists = parse(generated::figure_lexicon_ko());
  static const KoreanFigureWords words{lists.counters, lists.glued_native_counters, lists.ordinal_nouns};
  return words;
}

}  // namespace kb::analysis::figures
