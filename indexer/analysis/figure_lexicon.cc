#include "analysis/figure_lexicon.h"

#include <stdexcept>
#include <string>
#include <vector>

namespace kb::generated {
std::string_view figure_lexicon_ko();
}  // namespace kb::generated

namespace kb::analysis::figures {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

struct Lists {
  std::vector<std::string_view> counters, glued_native_counters, ordinal_nouns;
};

// The words point into the compiled-in text, which lives as long as the program.
Lists parse(std::string_view text) {
  Lists lists;
  std::vector<std::string_view>* section = nullptr;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    const std::string_view line = trim(text.substr(pos, nl - pos));
    pos = nl + 1;
    if (line.empty() || line.front() == '#') continue;
    if (line == "[counters]")
      section = &lists.counters;
    else if (line == "[glued_native_counters]")
      section = &lists.glued_native_counters;
    else if (line == "[ordinal_nouns]")
      section = &lists.ordinal_nouns;
    else if (line.front() == '[')
      throw std::logic_error("figure_lexicon_ko.txt: unknown section " + std::string(line));
    else if (section != nullptr)
      section->push_back(line);
  }
  return lists;
}

}  // namespace

const KoreanFigureWords& korean_figure_words() {
  static const Lists lists = parse(generated::figure_lexicon_ko());
  static const KoreanFigureWords words{lists.counters, lists.glued_native_counters, lists.ordinal_nouns};
  return words;
}

}  // namespace kb::analysis::figures
