#include "analysis/korean_filter.h"

#include <algorithm>
#include <array>

#include "analysis/unicode_text.h"

namespace kb::analysis {
namespace {

// A suffix the stemmer may strip, with the number of syllables the stem must keep: one-syllable
// suffixes need a two-syllable stem so that `사과`, `최고` and `한다` stay whole.
struct Suffix {
  std::string_view text;
  std::size_t min_stem;
};

// Particles (josa), alone or stacked.
constexpr std::array kParticles = {
    Suffix{"에서부터", 1}, Suffix{"으로부터", 1}, Suffix{"이라고", 1}, Suffix{"이라며", 1},
    Suffix{"에서는", 1},   Suffix{"에서도", 1},   Suffix{"에게서", 1}, Suffix{"으로는", 1},
    Suffix{"으로도", 1},   Suffix{"로부터", 1},   Suffix{"으로서", 1}, Suffix{"으로써", 1},
    Suffix{"까지는", 1},   Suffix{"에게는", 1},   Suffix{"이라는", 1}, Suffix{"에서의", 1},
    Suffix{"으로의", 1},   Suffix{"에게도", 1},   Suffix{"에서", 1},   Suffix{"에게", 1},
    Suffix{"한테", 1},     Suffix{"께서", 1},     Suffix{"부터", 1},   Suffix{"까지", 1},
    Suffix{"마다", 1},     Suffix{"조차", 1},     Suffix{"마저", 1},   Suffix{"처럼", 1},
    Suffix{"보다", 1},     Suffix{"으로", 1},     Suffix{"라고", 1},   Suffix{"라는", 1},
    Suffix{"에는", 1},     Suffix{"에도", 1},     Suffix{"에의", 1},   Suffix{"와는", 2},
    Suffix{"과는", 2},     Suffix{"로는", 2},     Suffix{"로도", 2},   Suffix{"로서", 2},
    Suffix{"로써", 2},     Suffix{"로의", 2},     Suffix{"만큼", 1},   Suffix{"이나", 2},
    Suffix{"이며", 2},     Suffix{"이고", 2},     Suffix{"이다", 2},   Suffix{"이란", 2},
    Suffix{"들이", 1},     Suffix{"들은", 1},     Suffix{"들을", 1},   Suffix{"들의", 1},
    Suffix{"들과", 1},     Suffix{"들도", 1},     Suffix{"들에", 1},   Suffix{"들로", 1},
    Suffix{"인가", 1},     Suffix{"인가요", 1},   Suffix{"인지", 1},   Suffix{"이었나", 1},
    Suffix{"였나", 2},     Suffix{"이었다", 1},   Suffix{"였다", 2},   Suffix{"이었던", 1},
    Suffix{"였던", 2},     Suffix{"이었으며", 1}, Suffix{"였으며", 2}, Suffix{"이라", 2},
    Suffix{"의", 2},       Suffix{"이", 2},       Suffix{"가", 2},     Suffix{"은", 2},
    Suffix{"는", 2},       Suffix{"을", 2},       Suffix{"를", 2},     Suffix{"에", 2},
    Suffix{"와", 2},       Suffix{"과", 2},       Suffix{"도", 2},     Suffix{"로", 2},
    Suffix{"만", 2},       Suffix{"들", 2},       Suffix{"인", 2},     Suffix{"임", 2},
};

// Verbal endings (eomi) together with the light verbs 하다/되다/시키다/당하다 that turn a noun into
// a verb, so that the noun is what remains: `발표했다` → `발표`, `당선된` → `당선`.
constexpr std::array kEndings = {
    Suffix{"하였다", 1},   Suffix{"하였으며", 1}, Suffix{"하였고", 1},   Suffix{"하였는데", 1},
    Suffix{"하였던", 1},   Suffix{"하였을", 1},   Suffix{"하였지만", 1}, Suffix{"하였으나", 1},
    Suffix{"하였는가", 1}, Suffix{"하였나", 1},   Suffix{"하였다는", 1}, Suffix{"하여", 2},
    Suffix{"하여서", 1},   Suffix{"하고", 2},     Suffix{"하는", 2},     Suffix{"하며", 2},
    Suffix{"하던", 2},     Suffix{"하다", 2},     Suffix{"한다", 2},     Suffix{"했다", 2},
    Suffix{"했으며", 1},   Suffix{"했고", 2},     Suffix{"했던", 2},     Suffix{"했는데", 1},
    Suffix{"했을", 2},     Suffix{"했지만", 1},   Suffix{"했으나", 1},   Suffix{"했는가", 1},
    Suffix{"했나", 2},     Suffix{"했다는", 1},   Suffix{"한다는", 1},   Suffix{"하면서", 1},
    Suffix{"하게", 2},     Suffix{"하도록", 1},   Suffix{"하기", 2},     Suffix{"하지", 2},
    Suffix{"하면", 2},     Suffix{"해서", 2},     Suffix{"해야", 2},     Suffix{"하여야", 1},
    Suffix{"한", 2},       Suffix{"할", 2},       Suffix{"함", 2},       Suffix{"해", 2},
    Suffix{"되었다", 1},   Suffix{"되었으며", 1}, Suffix{"되었고", 1},   Suffix{"되었던", 1},
    Suffix{"되었는데", 1}, Suffix{"되었을", 1},   Suffix{"되었지만", 1}, Suffix{"되었으나", 1},
    Suffix{"되었는가", 1}, Suffix{"되었나", 1},   Suffix{"되었다는", 1}, Suffix{"되어", 2},
    Suffix{"되어서", 1},   Suffix{"되고", 2},     Suffix{"되는", 2},     Suffix{"되며", 2},
    Suffix{"되던", 2},     Suffix{"되다", 2},     Suffix{"된다", 2},     Suffix{"됐다", 2},
    Suffix{"됐으며", 1},   Suffix{"됐고", 2},     Suffix{"됐던", 2},     Suffix{"됐는가", 1},
    Suffix{"됐나", 2},     Suffix{"된다는", 1},   Suffix{"되면서", 1},   Suffix{"되게", 2},
    Suffix{"되도록", 1},   Suffix{"되기", 2},     Suffix{"되지", 2},     Suffix{"되면", 2},
    Suffix{"된", 2},       Suffix{"될", 2},       Suffix{"됨", 2},       Suffix{"돼", 2},
    Suffix{"시켰다", 1},   Suffix{"시킨", 1},     Suffix{"시키는", 1},   Suffix{"시키며", 1},
    Suffix{"시켜", 2},     Suffix{"시키고", 1},   Suffix{"당했다", 1},   Suffix{"당한", 1},
    Suffix{"당하는", 1},   Suffix{"당하였다", 1}, Suffix{"당하였는가", 1}, Suffix{"당했는가", 1},
    Suffix{"적인", 1},     Suffix{"적으로", 1},   Suffix{"적이다", 1},   Suffix{"이었는가", 1},
    Suffix{"였는가", 2},   Suffix{"인가", 1},
    // Endings of any verb after its stem (`가리키는가`, `가리키며` → `가리키`).
    Suffix{"는가", 2},     Suffix{"며", 2},       Suffix{"면서", 2},     Suffix{"는지", 2},
    Suffix{"는데", 2},
};

// Endings that follow the past-tense ㅆ (`났다`, `졌으며`, `었던`): stripped only after a syllable
// ending in ㅆ, which is dropped too (`태어났다` → `태어나`).
constexpr std::array kAfterPast = {
    std::string_view("다"),   std::string_view("고"),   std::string_view("으며"), std::string_view("던"),
    std::string_view("는데"), std::string_view("지만"), std::string_view("으나"), std::string_view("을"),
    std::string_view("는가"), std::string_view("나"),   std::string_view("는지"), std::string_view("다는"),
    std::string_view("다고"), std::string_view("으므로"), std::string_view("기"), std::string_view("어요"),
    std::string_view("습니다"), std::string_view("느냐"), std::string_view("냐"),
};

// Interrogatives matched with anything that follows (`무엇으로`, `어디에서`, `언제부터`).
constexpr std::array kQuestionStems = {
    std::string_view("무엇"), std::string_view("누구"), std::string_view("어디"), std::string_view("언제"),
    std::string_view("얼마"), std::string_view("어느"), std::string_view("어떤"), std::string_view("어떻"),
    std::string_view("어떠"), std::string_view("무슨"), std::string_view("몇몇"),
};
// Interrogatives matched only as the whole word: as prefixes they would catch `왜곡`, `뭐든`.
constexpr std::array kQuestionWords = {
    std::string_view("왜"), std::string_view("몇"), std::string_view("누가"), std::string_view("뭐"),
    std::string_view("뭘"), std::string_view("뭔"), std::string_view("무엇"), std::string_view("몇몇"),
};
// What a question asks for, with its particle: the head noun of `…한 인물은?`, `…의 이름은?`,
// `…된 연도는?`. The answer passage holds the answer, not the word for it.
constexpr std::array kAskedForWords = {
    std::string_view("이름은"), std::string_view("이름이"), std::string_view("이름을"), std::string_view("인물은"),
    std::string_view("인물이"), std::string_view("인물을"), std::string_view("사람은"), std::string_view("사람이"),
    std::string_view("사람을"), std::string_view("곳은"), std::string_view("곳이"), std::string_view("곳을"),
    std::string_view("것은"), std::string_view("것이"), std::string_view("것을"), std::string_view("연도는"),
    std::string_view("년도는"), std::string_view("연도가"), std::string_view("날짜는"), std::string_view("날은"),
    std::string_view("해는"), std::string_view("시기는"), std::string_view("때는"), std::string_view("장소는"),
    std::string_view("제목은"), std::string_view("명칭은"),
};

constexpr char32_t kSyllableBase = 0xAC00;
constexpr int kJongseongCount = 28, kJungseongCount = 21;
constexpr int kJongseongSsangSiot = 20;  // ㅆ
constexpr int kJongseongNieun = 4;       // ㄴ
constexpr int kChoseongIeung = 11;       // ㅇ
constexpr int kJungseongA = 0, kJungseongEo = 4, kJungseongYeo = 6, kJungseongO = 8, kJungseongWa = 9,
              kJungseongU = 13, kJungseongWo = 14, kJungseongI = 20;

std::size_t count_code_points(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}


// The last code point of non-empty valid UTF-8 and where it starts.
std::pair<char32_t, std::size_t> last_code_point(std::string_view s) {
  std::size_t start = s.size() - 1;
  while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
  std::size_t pos = start;
  return {next_code_point(s, pos), start};
}

// The parts of a Hangul syllable: initial (choseong), vowel (jungseong) and final (jongseong).
struct Jamo {
  int initial, vowel, final;
};
Jamo split_syllable(char32_t cp) {
  const int i = static_cast<int>(cp - kSyllableBase);
  return {i / (kJungseongCount * kJongseongCount), (i / kJongseongCount) % kJungseongCount, i % kJongseongCount};
}
char32_t join_syllable(Jamo j) {
  return kSyllableBase + static_cast<char32_t>((j.initial * kJungseongCount + j.vowel) * kJongseongCount + j.final);
}

// The verb stem before a past-tense syllable, the ending already gone: `word` ends in a syllable
// with the ㅆ final, else nullopt. The past syllable is either a separate 았/었 after a stem
// ending in a consonant (`선고받았` → `선고받`, `만들었` → `만들`) or the stem's last vowel
// contracted with 아/어 (`태어났` → `태어나`, `불렸` → `불리`, `세웠` → `세우`, `돌아왔` →
// `돌아오`), so that the past meets the present and adnominal forms (`불리는`, `세운`).
std::optional<std::string> drop_past_ssangsiot(std::string_view word) {
  if (word.empty()) return std::nullopt;
  const auto [cp, start] = last_code_point(word);
  if (!is_hangul_syllable(cp) || (cp - kSyllableBase) % kJongseongCount != kJongseongSsangSiot) return std::nullopt;
  // 있 (`맛있다`, `있었던`) is a verb of its own, not a past tense: only the ending goes.
  if (cp == U'있') return std::string(word);
  Jamo past = split_syllable(cp);
  if (past.initial == kChoseongIeung && (past.vowel == kJungseongA || past.vowel == kJungseongEo) &&
      count_code_points(word.substr(0, start)) >= 2)
    return std::string(word.substr(0, start));
  past.final = 0;
  if (past.vowel == kJungseongYeo) past.vowel = kJungseongI;
  else if (past.vowel == kJungseongWo) past.vowel = kJungseongU;
  else if (past.vowel == kJungseongWa) past.vowel = kJungseongO;
  std::string out(word.substr(0, start));
  append_utf8(out, join_syllable(past));
  return out;
}

// A stem of three or more syllables ending in the adnominal ㄴ of a verb stem ending in a vowel
// (`태어난` → `태어나`, `지어진` → `지어지`, `돌아온` → `돌아오`) loses it, and a final `져` is read
// as the passive 지 + 어 (`세워져` → `세워지`), so that every form of the verb meets its past
// (`태어났다` → `태어나`). Only syllables that end such verbs far more often than nouns are
// touched: a noun losing its ㄴ (`베를린`, `고원`, `한국인`) would no longer be found inside a
// compound (`고원` in `티베트고원`), which costs more on KorQuAD than the verbs gain. Nouns that
// do end in one of them (`인터넷공간`) lose the ㄴ on both sides of the search alike.
std::string drop_adnominal(std::string word) {
  if (word.size() < 9 || count_code_points(word) < 3) return word;
  const auto [cp, start] = last_code_point(word);
  if (!is_hangul_syllable(cp)) return word;
  Jamo last = split_syllable(cp);
  if (std::u32string_view(U"난간진킨친힌온운른").find(cp) != std::u32string_view::npos) last.final = 0;
  else if (cp == U'져') last.vowel = kJungseongI;
  else return word;
  word.resize(start);
  append_utf8(word, join_syllable(last));
  return word;
}

// Compatibility jamo → conjoining jamo. Consonants have a leading (choseong) and a trailing
// (jongseong) form; -1 where a consonant cannot be one of them.
constexpr std::array<int, 30> kCompatToChoseong = {0,  1,  -1, 2,  -1, -1, 3,  4,  5,  -1, -1, -1, -1, -1, -1,
                                                   -1, 6,  7,  8,  -1, 9,  10, 11, 12, 13, 14, 15, 16, 17, 18};
constexpr std::array<int, 30> kCompatToJongseong = {1,  2,  3,  4,  5,  6,  7,  -1, 8,  9,  10, 11, 12, 13, 14,
                                                    15, 16, 17, -1, 18, 19, 20, 21, 22, -1, 23, 24, 25, 26, 27};

}  // namespace

KoreanFilter::KoreanFilter() {
  for (const Suffix& p : kParticles) suffixes_[p.text].particle_min_stem = static_cast<std::uint8_t>(p.min_stem);
  for (const Suffix& e : kEndings) suffixes_[e.text].ending_min_stem = static_cast<std::uint8_t>(e.min_stem);
  for (std::string_view a : kAfterPast) suffixes_[a].after_past = true;
  for (const auto& [suffix, info] : suffixes_) suffix_finals_.set(syllable_index(suffix.substr(suffix.size() - 3)));
  for (std::string_view w : kQuestionWords) question_initials_.set(syllable_index(w));
  for (std::string_view w : kQuestionStems) question_initials_.set(syllable_index(w));
  for (std::string_view w : kAskedForWords) question_initials_.set(syllable_index(w));
}

std::size_t KoreanFilter::syllable_index(std::string_view utf8) {
  // The Hangul syllable at the start of `utf8` (U+AC00–U+D7A3, three bytes), else kNotSyllable.
  if (utf8.size() < 3) return kNotSyllable;
  std::size_t pos = 0;
  const char32_t cp = next_code_point(utf8.substr(0, 3), pos);
  return is_hangul_syllable(cp) ? cp - kSyllableBase : kNotSyllable;
}

KoreanFilter::Tail KoreanFilter::tail_of(std::string_view word) {
  Tail tail;
  for (std::size_t i = word.size(); i > 0 && tail.found <= kMaxSuffix;) {
    --i;
    if ((static_cast<unsigned char>(word[i]) & 0xC0) != 0x80) tail.starts[tail.found++] = i;
  }
  tail.syllables = tail.found;
  if (tail.found > kMaxSuffix) {
    tail.syllables = count_code_points(word);
    tail.found = kMaxSuffix;
  }
  return tail;
}

std::string KoreanFilter::stem(std::string_view word) const {
  // Most words (bare nouns) end in a syllable that ends no suffix: one bit test.
  if (word.size() < 6 || !suffix_finals_.test(syllable_index(word.substr(word.size() - 3))))
    return drop_adnominal(std::string(word));
  const auto [starts, found, syllables] = tail_of(word);
  // The longest particle or ending that leaves a long enough stem wins (`발표하는`: `하는`, not
  // `는`), unless an ending after the past-tense ㅆ is at least as long.
  std::size_t cut = std::string_view::npos, past_cut = std::string_view::npos;
  bool particle_cut = false;
  for (std::size_t n = 1; n <= found && n < syllables; ++n) {
    const auto it = suffixes_.find(word.substr(starts[n - 1]));
    if (it == suffixes_.end()) continue;
    const std::size_t stem_len = syllables - n;
    const SuffixInfo& info = it->second;
    const bool particle = info.particle_min_stem != 0 && stem_len >= info.particle_min_stem;
    if (particle || (info.ending_min_stem != 0 && stem_len >= info.ending_min_stem)) {
      cut = starts[n - 1];
      particle_cut = particle;
    }
    if (info.after_past && stem_len >= 2) past_cut = starts[n - 1];
  }
  if (past_cut != std::string_view::npos) {
    // Every after-past suffix tried from the longest; the first whose stem ends in ㅆ counts
    // when it is at least as long as the plain cut (`선고받았는가`: `는가` after ㅆ, not the
    // ending `는가` or the particle `가` alone).
    for (std::size_t n = found; n >= 1; --n) {
      if (n >= syllables || (cut != std::string_view::npos && starts[n - 1] > cut)) continue;
      const auto it = suffixes_.find(word.substr(starts[n - 1]));
      if (it == suffixes_.end() || !it->second.after_past || syllables - n < 2) continue;
      if (std::optional<std::string> dropped = drop_past_ssangsiot(word.substr(0, starts[n - 1]))) return *dropped;
    }
  }
  if (cut == std::string_view::npos) return drop_adnominal(std::string(word));
  if (particle_cut) return drop_adnominal(strip_stacked_particle(word.substr(0, cut)));
  return drop_adnominal(std::string(word.substr(0, cut)));
}

std::string KoreanFilter::strip_stacked_particle(std::string_view word) const {
  // Particles of two syllables or more only: a single syllable before a particle is as often
  // the noun's own (`경기도는` keeps `경기도`).
  const auto [starts, found, syllables] = tail_of(word);
  for (std::size_t n = std::min(found, syllables - 1); n >= 2; --n) {
    const auto it = suffixes_.find(word.substr(starts[n - 1]));
    if (it != suffixes_.end() && it->second.particle_min_stem != 0 && syllables - n >= it->second.particle_min_stem)
      return std::string(word.substr(0, starts[n - 1]));
  }
  return std::string(word);
}

bool KoreanFilter::is_particle(std::string_view word) const {
  for (const Suffix& p : kParticles)
    if (word == p.text) return true;
  return false;
}

bool KoreanFilter::is_question_word(std::string_view word) const {
  // Most words start with a syllable no interrogative starts with: one bit test.
  if (word.size() < 3 || !question_initials_.test(syllable_index(word))) return false;
  for (std::string_view w : kQuestionWords)
    if (word == w) return true;
  for (std::string_view s : kQuestionStems)
    if (word.starts_with(s)) return true;
  for (std::string_view w : kAskedForWords)
    if (word == w) return true;
  return false;
}

bool KoreanFilter::has_compatibility_jamo(std::string_view word) {
  // U+3131–U+318E are E3 84 xx … E3 86 xx in UTF-8; Hangul syllables start with EA–ED.
  for (std::size_t i = 0; i + 1 < word.size(); ++i)
    if (word[i] == '\xE3' && word[i + 1] >= '\x84' && word[i + 1] <= '\x86') return true;
  return false;
}

std::string KoreanFilter::compose_jamo(std::string_view word) const {
  if (!has_compatibility_jamo(word)) return std::string(word);
  std::u32string cps;
  for (std::size_t pos = 0; pos < word.size();) cps.push_back(next_code_point(word, pos));
  auto consonant = [](char32_t c) { return c >= 0x3131 && c <= 0x314E; };
  auto vowel = [](char32_t c) { return c >= 0x314F && c <= 0x3163; };
  std::string out;
  for (std::size_t i = 0; i < cps.size();) {
    const char32_t c = cps[i];
    const int lead = consonant(c) ? kCompatToChoseong[c - 0x3131] : -1;
    if (lead >= 0 && i + 1 < cps.size() && vowel(cps[i + 1])) {
      const int v = static_cast<int>(cps[i + 1] - 0x314F);
      int tail = 0;
      std::size_t used = 2;
      // A following consonant is this syllable's final unless it starts the next syllable.
      if (i + 2 < cps.size() && consonant(cps[i + 2]) && !(i + 3 < cps.size() && vowel(cps[i + 3]))) {
        const int t = kCompatToJongseong[cps[i + 2] - 0x3131];
        if (t > 0) {
          tail = t;
          used = 3;
        }
      }
      append_utf8(out, kSyllableBase + static_cast<char32_t>((lead * kJungseongCount + v) * kJongseongCount + tail));
      i += used;
    } else {
      append_utf8(out, c);
      ++i;
    }
  }
  return out;
}

std::optional<std::string_view> KoreanFilter::hanja_country(char32_t cp) const {
  switch (cp) {
    case U'美': return "미국";
    case U'韓': return "한국";
    case U'中': return "중국";
    case U'日': return "일본";
    case U'北': return "북한";
    case U'英': return "영국";
    case U'佛': return "프랑스";
    case U'獨': return "독일";
    case U'露': return "러시아";
    case U'伊': return "이탈리아";
    case U'印': return "인도";
    case U'豪': return "호주";
    case U'加': return "캐나다";
    case U'臺': return "대만";
    case U'台': return "대만";
    case U'越': return "베트남";
    case U'亞': return "아시아";
    case U'歐': return "유럽";
    case U'南': return "남한";
    default: return std::nullopt;
  }
}

}  // namespace kb::analysis
