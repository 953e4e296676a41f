#include "analysis/korean_filter.h"

#include <array>

#include "analysis/unicode_text.h"

namespace kb::analysis {
namespace {

// Particles, longest first within the list so the first match is the longest. Each entry states
// the minimum number of syllables the stem must keep.
struct Particle {
  std::string_view text;
  std::size_t min_stem_syllables;
};

constexpr std::array kParticles = {
    Particle{"에서부터", 1}, Particle{"으로부터", 1}, Particle{"이라고", 1}, Particle{"이라며", 1},
    Particle{"에서는", 1},   Particle{"에서도", 1},   Particle{"에게서", 1}, Particle{"으로는", 1},
    Particle{"으로도", 1},   Particle{"로부터", 1},   Particle{"으로서", 1}, Particle{"으로써", 1},
    Particle{"까지는", 1},   Particle{"에게는", 1},   Particle{"이라는", 1}, Particle{"에서의", 1},
    Particle{"에서", 1},     Particle{"에게", 1},     Particle{"한테", 1},   Particle{"께서", 1},
    Particle{"부터", 1},     Particle{"까지", 1},     Particle{"마다", 1},   Particle{"조차", 1},
    Particle{"마저", 1},     Particle{"처럼", 1},     Particle{"보다", 1},   Particle{"으로", 1},
    Particle{"라고", 1},     Particle{"라는", 1},     Particle{"에는", 1},   Particle{"에도", 1},
    Particle{"에의", 1},     Particle{"와는", 2},     Particle{"과는", 2},   Particle{"로는", 2},
    Particle{"로도", 2},     Particle{"로서", 2},     Particle{"로써", 2},   Particle{"만큼", 1},
    Particle{"이나", 2},     Particle{"이며", 2},     Particle{"이고", 2},   Particle{"이다", 2},
    Particle{"이란", 2},     Particle{"들이", 1},     Particle{"들은", 1},   Particle{"들을", 1},
    Particle{"들의", 1},     Particle{"들과", 1},     Particle{"들도", 1},   Particle{"들에", 1},
    Particle{"의", 2},       Particle{"이", 2},       Particle{"가", 2},     Particle{"은", 2},
    Particle{"는", 2},       Particle{"을", 2},       Particle{"를", 2},     Particle{"에", 2},
    Particle{"와", 2},       Particle{"과", 2},       Particle{"도", 2},     Particle{"로", 2},
    Particle{"만", 2},       Particle{"들", 2},
};

std::size_t count_syllables(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t pos = 0; pos < s.size();) {
    next_code_point(s, pos);
    ++n;
  }
  return n;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

std::string KoreanFilter::stem(std::string_view word) const {
  for (const Particle& p : kParticles) {
    if (!ends_with(word, p.text)) continue;
    const std::string_view rest = word.substr(0, word.size() - p.text.size());
    if (count_syllables(rest) >= p.min_stem_syllables) return std::string(rest);
  }
  return std::string(word);
}

bool KoreanFilter::is_particle(std::string_view word) const {
  for (const Particle& p : kParticles)
    if (word == p.text) return true;
  return false;
}

}  // namespace kb::analysis
