#include "analysis/quote_extractor.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>
#include <string>
#include <unordered_set>

#include "analysis/quote_marks.h"
#include "analysis/speaker_lexicon.h"
#include "analysis/unicode_text.h"

namespace kb::analysis {
namespace {

using u32 = std::uint32_t;
constexpr int kNone = PersonTable::kNone;

// ---------------------------------------------------------------------------------------------
// Lexicons. Kept here, beside the rules that use them.

// Korean quotative endings glued to a closing quote mark, longest first.
// `…했"으며`, `…있"다며`: a mark closed inside the verb keeps the ending's tail.
constexpr std::string_view kKoMarkers[] = {"이라면서", "으면서", "다면서", "라면서", "이라며", "라며", "으며",
                                           "다며",     "이라고", "라고",   "다고",   "면서",   "며",   "고"};
// Endings that continue with another quote: `"…"며 "…"고 말했다`.
constexpr std::string_view kKoChainMarkers[] = {"이라면서", "으면서", "다면서", "라면서", "이라며",
                                                "라며",     "으며",   "다며",   "면서",   "며"};
// Words after `"…"이라고` that make it a name, not speech: `"…"이라고 불리는`, `"…"라고 할 수`.
constexpr std::string_view kKoNamingStarts[] = {"불리",   "불린", "불러", "부르", "부른", "칭하", "칭한",
                                                "일컫",   "일컬", "명명", "이름", "적힌", "쓰인", "새겨",
                                                "표현되", "하는", "할",   "여겨", "여긴", "적혀", "명시되"};
// Titles, title modifiers, heads of described speakers, organisation words, words that are not
// names or subjects: indexer/analysis/data/speaker_lexicon_ko.txt (SpeakerLexicon).
constexpr std::string_view kKoSurnames =
    "김이박최정강조윤장임한오서신권황안송류유전홍고문양손배백허남심노하곽성차주우구민나진지엄채원천방공현함변염여추도소"
    "석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉사부가복태목형피두감";
// Particles, longest first.
constexpr std::string_view kKoParticles[] = {"께서는", "에서는", "께서", "에게", "으로", "에서", "은", "는", "이", "가",
                                             "도",     "의",     "와",   "과",   "을",   "를",   "에", "로", "만"};
constexpr std::string_view kKoSubjectParticles[] = {"께서는", "께서", "은", "는", "이", "가", "도"};
constexpr std::string_view kEnSpeechVerbs[] = {
    "said",      "says",      "say",       "told",         "tells",      "added",     "adds",       "noted",
    "notes",     "explained", "explains",  "argued",       "argues",     "warned",    "warns",      "stated",
    "states",    "continued", "asked",     "asks",         "replied",    "insisted",  "commented",  "remarked",
    "wrote",     "writes",    "declared",  "acknowledged", "conceded",   "predicted", "urged",      "cautioned",
    "observed",  "announced", "concluded", "emphasized",   "emphasised", "stressed",  "maintained", "claimed",
    "suggested", "recalled",  "responded", "answered",     "agreed",     "admitted",  "complained", "pointed",
    "contended", "countered", "testified", "affirmed",     "quipped",    "joked",     "exclaimed",  "went",
    "reported"};
constexpr std::string_view kEnPronounsKnown[] = {"he", "she", "He", "She"};
constexpr std::string_view kEnPronounsUnknown[] = {"they", "we", "I", "it", "They", "We", "It", "you", "You"};
constexpr std::string_view kEnHonorifics[] = {"Dr",   "Mr",  "Mrs", "Ms",  "Prof", "Sir",
                                              "Dame", "Gen", "Sen", "Rep", "Gov"};
constexpr std::string_view kEnRoles[] = {
    "Chairman",  "Chairwoman",     "Chair",         "President",    "Minister",    "Secretary",      "Director",
    "Governor",  "Spokesman",      "Spokeswoman",   "Spokesperson", "Senator",     "Representative", "Chief",
    "Executive", "Officer",        "Treasurer",     "Commissioner", "Ambassador",  "Premier",        "Chancellor",
    "Leader",    "Mayor",          "Analyst",       "Economist",    "Professor",   "Manager",        "Head",
    "Deputy",    "King",           "Queen",         "Prime",        "Vice",        "General",        "Counsel",
    "Judge",     "Attorney",       "Adviser",       "Advisor",      "Strategist",  "Partner",        "Founder",
    "CEO",       "Undersecretary", "Administrator", "Speaker",      "Congressman", "Congresswoman",  "Lawmaker",
    "Coach",     "Editor",         "Researcher",    "Democrat",     "Republican"};
constexpr std::string_view kEnOrgWords[] = {"Inc",
                                            "N.V",
                                            "NV",
                                            "AG",
                                            "SA",
                                            "SpA",
                                            "GmbH",
                                            "KK",
                                            "Bhd",
                                            "Pty",
                                            "Limited",
                                            "Corp",
                                            "Co",
                                            "Ltd",
                                            "Plc",
                                            "PLC",
                                            "Bank",
                                            "Group",
                                            "Association",
                                            "Institute",
                                            "Council",
                                            "Ministry",
                                            "Department",
                                            "Agency",
                                            "Commission",
                                            "Board",
                                            "Reserve",
                                            "Corporation",
                                            "Company",
                                            "University",
                                            "Service",
                                            "Fund",
                                            "Exchange",
                                            "Securities",
                                            "Holdings",
                                            "Industries",
                                            "Motors",
                                            "Airlines",
                                            "Reuters",
                                            "Government",
                                            "Party",
                                            "Union",
                                            "Federation",
                                            "Organization",
                                            "Organisation",
                                            "Office",
                                            "Committee",
                                            "Authority",
                                            "Center",
                                            "Centre",
                                            "Foundation",
                                            "Treasury",
                                            "Chamber",
                                            "Assembly",
                                            "Court",
                                            "Congress",
                                            "Senate",
                                            "House",
                                            "Times",
                                            "Journal",
                                            "Post",
                                            "News",
                                            "Press",
                                            "Capital",
                                            "Partners",
                                            "Associates",
                                            "Systems",
                                            "International",
                                            "Trust",
                                            "Investment",
                                            "Investments",
                                            "Energy",
                                            "Oil",
                                            "Petroleum",
                                            "Steel",
                                            "Electric",
                                            "Communications",
                                            "Airways",
                                            "Research",
                                            "Administration",
                                            "Parliament",
                                            "Cabinet",
                                            "Army",
                                            "Police",
                                            "Brothers",
                                            "Bros",
                                            "Lab",
                                            "Labs"};
// Capitalised words that start sentences or name places and times, never people.
constexpr std::string_view kEnNotNameStarts[] = {
    "The",       "A",       "An",        "In",           "On",        "At",       "It",        "This",
    "That",      "These",   "Those",     "But",          "And",       "Or",       "If",        "When",
    "While",     "As",      "For",       "Of",           "By",        "To",       "From",      "With",
    "According", "After",   "Before",    "Since",        "Although",  "However",  "Meanwhile", "Also",
    "Some",      "Many",    "Most",      "Other",        "Such",      "There",    "Their",     "His",
    "Her",       "Its",     "Our",       "We",           "They",      "He",       "She",       "I",
    "Last",      "Next",    "Earlier",   "Later",        "January",   "February", "March",     "April",
    "May",       "June",    "July",      "August",       "September", "October",  "November",  "December",
    "Monday",    "Tuesday", "Wednesday", "Thursday",     "Friday",    "Saturday", "Sunday",    "Reuter",
    "Reuters",   "Set",     "Put",       "Of",           "Among",     "Without",  "Under",     "Inside",
    "Deal",      "Read",    "Taken",     "Participants", "Several",   "Later",    "Jointly"};
constexpr std::string_view kEnAbbreviations[] = {"Mr",  "Mrs", "Ms",  "Dr",  "Prof", "Inc", "Corp", "Co",  "Ltd",
                                                 "St",  "Jr",  "Sr",  "Gen", "Sen",  "Rep", "Gov",  "Jan", "Feb",
                                                 "Mar", "Apr", "Jun", "Jul", "Aug",  "Sep", "Sept", "Oct", "Nov",
                                                 "Dec", "No",  "vs",  "U.S", "U.K",  "U.N", "e.g",  "i.e", "etc"};
constexpr std::string_view kEnRoleNouns[] = {
    "director",   "researcher",     "analyst",   "economist",  "spokesman", "spokeswoman",  "spokesperson", "president",
    "chairman",   "chairwoman",     "head",      "minister",   "secretary", "professor",    "officer",      "executive",
    "manager",    "chief",          "adviser",   "advisor",    "official",  "partner",      "strategist",   "dealer",
    "trader",     "banker",         "governor",  "senator",    "fellow",    "founder",      "leader",       "lawyer",
    "attorney",   "engineer",       "scientist", "editor",     "expert",    "vice",         "deputy",       "treasurer",
    "ceo",        "representative", "member",    "consultant", "professor", "commissioner", "prosecutor",   "envoy",
    "ambassador", "regulator",      "mayor",     "inspector",  "auditor",   "negotiator",   "strategist",   "broker",
    "delegate",   "diplomat",       "judge",     "chancellor"};

template <std::size_t N>
bool in(const std::string_view (&list)[N], std::string_view w) {
  return std::find(std::begin(list), std::end(list), w) != std::end(list);
}

const SpeakerLexicon& lexicon() { return SpeakerLexicon::korean(); }
bool in(const std::unordered_set<std::string_view>& set, std::string_view w) { return set.contains(w); }
bool in(const std::vector<std::string_view>& list, std::string_view w) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

// Called for every token against long word lists: comparing the last byte first skips the full
// comparison for almost every list entry (a Hangul syllable's last byte takes 64 values).
bool ends_with(std::string_view s, std::string_view suffix) {
  if (suffix.empty()) return true;
  if (s.size() < suffix.size() || s.back() != suffix.back()) return false;
  return s.substr(s.size() - suffix.size()) == suffix;
}

std::size_t syllables(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t pos = 0; pos < s.size();) {
    if (!is_hangul_syllable(next_code_point(s, pos))) return 0;
    ++n;
  }
  return n;
}

bool starts_hangul(std::string_view s) {
  if (s.empty()) return false;
  std::size_t pos = 0;
  return is_hangul_syllable(next_code_point(s, pos));
}

bool is_upper_ascii(char c) { return c >= 'A' && c <= 'Z'; }

// ---------------------------------------------------------------------------------------------
// Tokens of a sentence, with every quote span replaced by one QUOTE token.

enum class TokKind { kWord, kPunct, kQuote };

struct Tok {
  TokKind kind = TokKind::kWord;
  u32 begin = 0, end = 0;
  std::string_view text;  // empty for kQuote: the quote's words are in the document's spans
  std::size_t span = 0;   // for kQuote: index into the document's spans
  // Korean analysis of a word.
  std::string_view stem;      // without particle
  std::string_view particle;  // "" when none
};

bool is_punct_cp(char32_t cp) {
  switch (cp) {
    case U',':
    case U'.':
    case U':':
    case U';':
    case U'(':
    case U')':
    case U'[':
    case U']':
    case U'!':
    case U'?':
    case U'"':
    case U'\'':
    case U'\u201C':
    case U'\u201D':
    case U'\u2018':
    case U'\u2019':
    case U'\u25A0':
    case U'\u25B3':
    case U'\u25B2':
    case U'\u00B7':
    case U'\u2026':
    case U'\u3001':
    case U'\u3002':
    case U'{':
    case U'}':
    case U'<':
    case U'>':
    case U'\u300C':
    case U'\u300D':
    case U'\u2014':
    case U'\u2013':
    case U'|':
    case U'*':
    case U'#':
      return true;
    default:
      return false;
  }
}

bool is_space_cp(char32_t cp) {
  return cp == U' ' || cp == U'\t' || cp == U'\r' || cp == U'\n' || cp == U'\u00A0' || cp == U'\u3000' ||
         (cp >= U'\u2000' && cp <= U'\u200B');
}

void split_particle(Tok& t) {
  t.stem = t.text;
  t.particle = {};
  if (!starts_hangul(t.text)) {
    // `KCCI는`, `CEO는`: a Latin word with a Hangul particle.
    for (std::string_view p : kKoParticles) {
      if (t.text.size() > p.size() && ends_with(t.text, p)) {
        const std::string_view rest = t.text.substr(0, t.text.size() - p.size());
        if (!rest.empty() && static_cast<unsigned char>(rest.back()) < 0x80) {
          t.stem = rest;
          t.particle = p;
        }
        return;
      }
    }
    return;
  }
  for (std::string_view p : kKoParticles) {
    if (t.text.size() > p.size() && ends_with(t.text, p)) {
      t.stem = t.text.substr(0, t.text.size() - p.size());
      t.particle = p;
      return;
    }
  }
}

// Tokenises [begin, end) of `text`; spans[first_span, last_span) lie inside and become QUOTE tokens.
std::vector<Tok> tokenize(std::string_view text, u32 begin, u32 end, const std::vector<QuoteSpan>& spans,
                          std::size_t first_span, std::size_t last_span) {
  std::vector<Tok> toks;
  std::size_t s = first_span;
  std::size_t pos = begin;
  std::size_t word_start = std::string_view::npos;
  auto flush = [&](std::size_t at) {
    if (word_start == std::string_view::npos) return;
    Tok t;
    t.begin = static_cast<u32>(word_start);
    t.end = static_cast<u32>(at);
    t.text = text.substr(word_start, at - word_start);
    split_particle(t);
    toks.push_back(t);
    word_start = std::string_view::npos;
  };
  while (pos < end) {
    if (s < last_span && pos == spans[s].open) {
      flush(pos);
      Tok q;
      q.kind = TokKind::kQuote;
      q.begin = spans[s].open;
      q.end = spans[s].close_end;
      q.span = s;
      toks.push_back(q);
      pos = spans[s].close_end;
      ++s;
      continue;
    }
    std::size_t next = pos;
    const char32_t cp = next_code_point(text, next);
    if (is_space_cp(cp)) {
      flush(pos);
    } else if (is_punct_cp(cp)) {
      // A period or hyphen between word characters stays in the word (`1.3`, `U.S`).
      bool inner = false;
      if ((cp == U'.' || cp == U'\'' || cp == U'\u2019') && word_start != std::string_view::npos && next < end) {
        std::size_t after = next;
        const char32_t n = next_code_point(text, after);
        inner = !is_space_cp(n) && !is_punct_cp(n);
      }
      if (!inner) {
        flush(pos);
        Tok p;
        p.kind = TokKind::kPunct;
        p.begin = static_cast<u32>(pos);
        p.end = static_cast<u32>(next);
        p.text = text.substr(pos, next - pos);
        toks.push_back(p);
      }
    } else if (word_start == std::string_view::npos) {
      word_start = pos;
    }
    pos = next;
  }
  flush(end);
  return toks;
}

bool is_word(const Tok& t) { return t.kind == TokKind::kWord; }
// A word starting with a Latin capital. Asks the kind first: a QUOTE token has no text, so
// `text[0]` of the token after a word may not exist (`Critics of "…"`, issue 12).
bool capitalised(const Tok& t) { return is_word(t) && !t.text.empty() && is_upper_ascii(t.text[0]); }
bool is_punct(const Tok& t, std::string_view p) { return t.kind == TokKind::kPunct && t.text == p; }

// ---------------------------------------------------------------------------------------------
// Sentences.

struct Sentence {
  u32 begin = 0, end = 0;
  std::size_t first_span = 0, last_span = 0;  // spans inside: [first_span, last_span)
};

bool abbreviation_before(std::string_view text, u32 dot) {
  u32 b = dot;
  while (b > 0 && !is_space_cp(static_cast<unsigned char>(text[b - 1])) && text[b - 1] != '(') --b;
  const std::string_view word = text.substr(b, dot - b);
  if (word.size() == 1 && is_upper_ascii(word[0])) return true;  // an initial: `J. Smith`
  // Initials run together: `E.F. Hutton`, `J.P. Morgan`.
  if (word.size() >= 3 && word.size() % 2 == 1) {
    bool initials = true;
    for (std::size_t k = 0; k < word.size(); ++k)
      initials = initials && (k % 2 == 0 ? is_upper_ascii(word[k]) : word[k] == '.');
    if (initials) return true;
  }
  return in(kEnAbbreviations, word);
}

// Sentence boundaries at `.?!` followed by a space, outside quotes, and after a quote ending in
// `.?!` when a capital or a new quote follows.
void split_sentences(std::string_view text, u32 begin, u32 end, const std::vector<QuoteSpan>& spans,
                     std::size_t first_span, std::size_t last_span, std::vector<Sentence>& out) {
  Sentence current{begin, begin, first_span, first_span};
  std::size_t s = first_span;
  auto close = [&](u32 at) {
    current.end = at;
    current.last_span = s;
    if (current.end > current.begin) out.push_back(current);
    current = Sentence{at, at, s, s};
  };
  u32 pos = begin;
  while (pos < end) {
    if (s < last_span && pos == spans[s].open) {
      const QuoteSpan& q = spans[s];
      ++s;
      pos = q.close_end;
      // `"…." He went on` ends a sentence after the closing mark.
      u32 last = q.text_end;
      while (last > q.text_begin && text[last - 1] == ' ') --last;
      const char c = last > q.text_begin ? text[last - 1] : ' ';
      if ((c == '.' || c == '?' || c == '!') && !q.single) {
        u32 after = pos;
        while (after < end && text[after] == ' ') ++after;
        // `…합니다.”슬랙 채널에서…`: Korean text whose space after the mark was lost.
        // A quotative ending glued to the mark (`…입니다."라고 말했다`) keeps the sentence going.
        bool hangul_glued = after == pos && after < end && static_cast<unsigned char>(text[after]) >= 0xEA &&
                            static_cast<unsigned char>(text[after]) <= 0xED;
        for (std::string_view m : kKoMarkers)
          if (hangul_glued && text.substr(after, end - after).starts_with(m)) hangul_glued = false;
        if (after < end && (after > pos || hangul_glued) &&
            (is_upper_ascii(text[after]) || text[after] == '"' || hangul_glued ||
             (s < last_span && after == spans[s].open)))
          close(after);
      }
      continue;
    }
    const char c = text[pos];
    if ((c == '.' || c == '?' || c == '!') && (pos + 1 == end || text[pos + 1] == ' ')) {
      if (c != '.' || !abbreviation_before(text, pos)) {
        u32 after = pos + 1;
        while (after < end && text[after] == ' ') ++after;
        close(after);
        pos = after;
        continue;
      }
    }
    ++pos;
  }
  close(end);
}

// ---------------------------------------------------------------------------------------------
// The document pass.

struct Reference {
  int person = kNone;
  bool pronoun = false;     // a pronoun that names no one by itself
  bool unknown = false;     // a subject that is not a named person
  std::string description;  // for an unknown: what the text calls the speaker
  std::string org;
  bool speaks = false;            // an organisation or a described speaker (Korean): carried like a person
  std::size_t tok = 0;            // last token of the reference
  std::string_view pronoun_word;  // English `he`, `it`, `they`, `one`: resolved by the discourse state
};

struct Mention {
  u32 pos = 0;
  int person = kNone;
};

class DocumentPass {
 public:
  explicit DocumentPass(std::string_view text) : text_(text) {}

  QuoteExtraction run();

 private:
  // Pass 1: who the document introduces.
  void collect_people(const std::vector<Tok>& toks);
  std::size_t collect_korean(const std::vector<Tok>& toks, std::size_t i);  // returns the last token used
  void collect_korean_gloss(const std::vector<Tok>& toks, std::size_t i);
  void collect_english(const std::vector<Tok>& toks, std::size_t i, std::size_t* skip_to);
  std::size_t title_after(const std::vector<Tok>& toks, std::size_t from, std::string* org, std::string* title) const;

  // Pass 2: attribution.
  void attribute_sentence(std::size_t sentence_index, const std::vector<Tok>& toks);
  bool korean_marker(const std::vector<Tok>& toks, std::size_t q, std::string_view* marker) const;
  bool direct_korean_marker(const std::vector<Tok>& toks, std::size_t q, std::string_view* marker) const;
  Reference korean_reference(const std::vector<Tok>& toks, std::size_t a, std::size_t b, bool after_quote) const;
  bool english_attribution(const std::vector<Tok>& toks, std::size_t q, Reference* ref);
  bool english_attribution_at_end(const std::vector<Tok>& toks, std::size_t q, std::size_t prev_end, Reference* ref);
  bool english_np(const std::vector<Tok>& toks, std::size_t i, std::size_t limit, Reference* ref, std::size_t* next);
  bool english_np_before(const std::vector<Tok>& toks, std::size_t a, std::size_t verb, Reference* ref,
                         bool add = true);
  int resolve_english(Reference& ref, u32 pos, const std::vector<Mention>& in_sentence);
  std::string canonical_org(const std::string& org) const;
  void note_english_subject(const std::vector<Tok>& toks, const std::vector<Mention>& in_sentence, std::size_t si,
                            const Reference* spoke, int spoke_person);
  void english_appositive(const std::vector<Tok>& toks, std::size_t i, std::size_t limit, int person,
                          std::size_t* next);
  int english_name_run(const std::vector<Tok>& toks, std::size_t i, std::size_t limit, bool add, std::size_t* next,
                       Reference* ref);
  std::vector<Mention> mentions(const std::vector<Tok>& toks) const;

  int resolve(const Reference& ref, u32 pos, const std::vector<Mention>& in_sentence) const;
  void emit(const QuoteSpan& span, int person, const Reference& ref);

  std::string_view text_;
  std::vector<QuoteSpan> spans_;
  std::vector<Sentence> sentences_;
  PersonTable people_;
  std::vector<Quote> quotes_;
  std::vector<int> sentence_person_;                         // the person each sentence is about (kNone if none)
  int last_person_ = kNone;                                  // the latest person mentioned, for pronouns
  std::unordered_map<std::string, std::string> full_names_;  // surname → first full Latin name seen
  bool previous_speech_ = false;                             // the previous sentence held a speech quote
  Reference previous_ref_;
  std::unordered_set<std::string_view> particle_stems_;  // stems the document uses with a particle
  std::unordered_set<std::string_view> repeated_stems_;  // … more than once (`샤리프는` … `샤리프는`)
  std::unordered_set<std::string_view> bare_words_;      // Hangul words the document uses without one // the
                                                         // organisation or described speaker it was about
  bool previous_says_ = false;  // the previous sentence announced speech (`이렇게 말했다.`)
  bool lower_wire_ = false;     // all-lower-case wire text (`finance minister manuel azpurua said`)
  // English discourse state (issue 14): the subject of the latest sentence that said something —
  // a person, a described speaker or an organisation — for `he`/`she`/`it`/`they`/`one`; the
  // sentence where a person was last named; descriptions and organisations named in full, for
  // `the spokesman` and `Standard` (`Standard Oil Co`).
  Reference en_subject_;
  int en_subject_person_ = kNone;
  std::size_t en_subject_sentence_ = 0;
  bool have_en_subject_ = false;
  std::size_t last_person_sentence_ = 0;
  std::vector<std::string> en_descriptions_;
  std::vector<std::string> en_orgs_;
  std::string en_last_org_;                           // the organisation that last spoke
  std::unordered_set<std::string_view> solo_words_;   // capitalised words the text uses alone (`Duffy said`)
  std::unordered_set<std::string_view> lower_words_;  // Latin words the text writes in lower case (`has`)
  // Korean: the last person quoted and where, and the last sentence with no subject and no quote
  // (a speaker carries over one such sentence).
  int ko_last_speaker_ = kNone;
  std::size_t ko_last_speaker_sentence_ = 0;
  std::size_t ko_subjectless_ = static_cast<std::size_t>(-2);
  int lower_person(const std::vector<Tok>& toks, std::size_t i, std::size_t* next) const;
  void collect_lower_wire(const std::vector<Tok>& toks);
};

// A parenthesis around a gloss (`심태섭(사진)`, `한상대(53)`): true for the bracket itself, which
// the caller skips, with `depth` counting how deep inside brackets the next token is.
bool is_gloss_bracket(const Tok& t, int& depth) {
  if (is_punct(t, "(")) {
    ++depth;
    return true;
  }
  if (is_punct(t, ")")) {
    if (depth > 0) --depth;
    return true;
  }
  return false;
}

std::string join_words(const std::vector<Tok>& toks, std::size_t a, std::size_t b, bool skip_glosses = true) {
  std::string out;
  int depth = 0;
  for (std::size_t i = a; i < b; ++i) {
    if (is_gloss_bracket(toks[i], depth)) continue;
    if (skip_glosses && depth > 0) continue;
    if (!is_word(toks[i])) continue;
    if (!out.empty()) out += ' ';
    out += toks[i].text;
  }
  return out;
}

// Endings an organisation word may have without ending the title phrase (대한상의, 베이, 감염내과).
bool org_particle(std::string_view p) {
  return p.empty() || p == "의" || p == "이" || p == "가" || p == "과" || p == "와";
}

// The longest title head `stem` ends with. A lookup per code point of the word, not a scan of
// the list: it runs for nearly every Korean word of a document (a fifth of indexing time).
std::string_view title_head_of(std::string_view stem) { return SpeakerLexicon::ending_in(lexicon().title_set, stem); }

bool is_title_head(std::string_view stem) { return !title_head_of(stem).empty(); }

bool looks_foreign(std::string_view w);

// A word ending like a verb, an adverb or a noun with a particle (`오전부터`, `따르면`,
// `주장하던`): never the given name of a transliterated name.
bool verb_or_particle_ending(std::string_view w) {
  return !SpeakerLexicon::ending_in(lexicon().name_stop_ending_set, w).empty();
}

enum class SubjectKind { kNothing, kOrganization, kDescription };
SubjectKind subject_kind(std::string_view stem);

bool is_native_name(std::string_view w) {
  const std::size_t n = syllables(w);
  if (n < 2 || n > 4) return false;
  if (in(lexicon().not_names, w) || is_title_head(w)) return false;
  std::size_t pos = 0;
  next_code_point(w, pos);
  const std::string_view first = w.substr(0, pos);
  if (kKoSurnames.find(first) == std::string_view::npos) return false;
  for (std::string_view p :
       {"과", "와", "을", "를", "에", "의", "로", "도", "만", "들", "대", "는", "된", "할", "던", "며", "면"})
    if (ends_with(w, p)) return false;
  // `정의당`, `서울시`, `기상청`, `백악관`: organisations spelled like a surname and a given name.
  if (in(lexicon().org_names, w)) return false;
  for (std::string_view p : {"당", "청", "처", "관", "시", "부", "위", "국", "교", "팀", "단", "회"})
    if (ends_with(w, p)) return false;
  // `사장은`, `전화가`, `하나인`, `정확한`, `지급하`: a noun with its particle or a verb's form.
  for (std::string_view p : {"가", "다", "될", "하", "한"})
    if (ends_with(w, p)) return false;
  // `사장은`, `장관이`: a title with its particle.
  for (std::string_view p : {"은", "이", "을", "도"})
    if (ends_with(w, p) && is_title_head(w.substr(0, w.size() - 3))) return false;
  if (looks_foreign(w)) return false;
  if (n == 4)
    return w.starts_with("남궁") || w.starts_with("선우") || w.starts_with("제갈") || w.starts_with("황보") ||
           w.starts_with("독고") || w.starts_with("사공") || w.starts_with("서문");
  return n == 3;  // two-syllable names are too often common words (정부, 이번)
}

// A native name glued to the verb before it when a space was lost (`주장하던한상대`): the last three
// syllables, when they are a name and what precedes them ends like a verb; else empty.
std::string_view glued_name(std::string_view w) {
  const std::size_t n = syllables(w);
  if (n < 5 || n > 9) return {};
  const std::size_t cut = w.size() - 9;  // three syllables of three bytes each
  const std::string_view name = w.substr(cut), before = w.substr(0, cut);
  // The shape of a native name (`한상대` ends in 대, which is_native_name refuses for `서울대`):
  // what precedes it being a verb is evidence enough.
  std::size_t first_end = 0;
  next_code_point(name, first_end);
  if (kKoSurnames.find(name.substr(0, first_end)) == std::string_view::npos || in(lexicon().not_names, name) ||
      looks_foreign(name) || is_title_head(name))
    return {};
  for (std::string_view p : {"의", "을", "를", "은", "는", "이", "가", "과", "와", "에", "도", "로", "만", "고", "며"})
    if (ends_with(name, p)) return {};
  if (verb_or_particle_ending(before)) return name;
  for (std::string_view e : {"던", "는", "은", "한", "된", "인"})
    if (ends_with(before, e)) return name;
  return {};
}

// A Hangul word of one to four syllables spelled with syllables that transliterate foreign names
// and (almost) never occur in Korean given names.
bool looks_foreign(std::string_view w) {
  const std::size_t n = syllables(w);
  if (n == 0 || n > 6) return false;
  // Sorted for binary search; every multi-syllable spelling we care about (제프, 피터) holds one
  // of them.
  static constexpr char32_t kForeign[] = {U'드', U'딘', U'던', U'랜', U'르', U'릭', U'맥', U'벤', U'브', U'빌',
                                          U'샤', U'션', U'슨', U'스', U'앤', U'앨', U'엘', U'잭', U'즈', U'츠',
                                          U'카', U'캐', U'케', U'켈', U'크', U'클', U'터', U'테', U'톰', U'튼',
                                          U'트', U'티', U'팀', U'퍼', U'폴', U'프', U'닉'};
  static const std::vector<char32_t> sorted = [] {
    std::vector<char32_t> v(std::begin(kForeign), std::end(kForeign));
    std::sort(v.begin(), v.end());
    return v;
  }();
  bool foreign = false;
  for (std::size_t pos = 0; pos < w.size() && !foreign;)
    foreign = std::binary_search(sorted.begin(), sorted.end(), next_code_point(w, pos));
  return foreign && !is_title_head(w);
}

// A Latin word that can be part of a person's name.
bool is_en_speech_verb(const std::vector<Tok>& toks, std::size_t i) {
  if (i >= toks.size() || !is_word(toks[i]) || !in(kEnSpeechVerbs, toks[i].text)) return false;
  if (toks[i].text == "pointed") return i + 1 < toks.size() && toks[i + 1].text == "out";
  if (toks[i].text == "went") return i + 1 < toks.size() && toks[i + 1].text == "on";
  return true;
}

// Particles inside names (`Wesley von Schack`, `De la Dehesa`): `Von Schack` is a surname, not a
// first and a last name.
// First words of places, never of a person's name (`West Germany said`, `New Jersey`).
constexpr std::string_view kEnPlaceStarts[] = {"West",  "East",   "North",  "South", "New",     "Saudi",  "Hong",
                                               "Great", "United", "Soviet", "Latin", "Central", "Middle", "Sri"};

constexpr std::string_view kEnNameParticles[] = {"von", "van", "de",  "la",  "le",  "du",
                                                 "di",  "da",  "del", "der", "bin", "al"};

// A capitalised role word, also the last part of a hyphenated one (`Vice-President`).
bool is_en_role(std::string_view w) {
  if (in(kEnRoles, w)) return true;
  const std::size_t dash = w.rfind('-');
  return dash != std::string_view::npos && dash + 1 < w.size() && in(kEnRoles, w.substr(dash + 1));
}

bool is_name_word(std::string_view w) {
  if (w.empty() || !is_upper_ascii(w[0])) return false;
  for (char c : w)
    if (!(std::isalpha(static_cast<unsigned char>(c)) || c == '-' || c == '\'' || c == '.')) return false;
  // All capitals of three or more letters is an acronym, not a name.
  if (w.size() >= 3 && std::all_of(w.begin(), w.end(), [](char c) { return is_upper_ascii(c) || c == '.'; }))
    return false;
  return true;
}

std::size_t DocumentPass::title_after(const std::vector<Tok>& toks, std::size_t from, std::string* org,
                                      std::string* title) const {
  // Up to five words (glosses skipped) ending in a title head; returns the head's index or npos.
  std::size_t words = 0;
  int depth = 0;
  for (std::size_t j = from; j < toks.size() && words <= 7; ++j) {
    const Tok& t = toks[j];
    if (is_punct(t, "(")) {
      ++depth;
      continue;
    }
    if (is_punct(t, ")")) {
      if (depth > 0) --depth;
      continue;
    }
    if (depth > 0) continue;
    if (!is_word(t)) return std::string_view::npos;
    ++words;
    bool head = is_title_head(t.stem) || is_title_head(t.text);
    // `대외경제정책연구원 박사`: a head followed by another head is part of the organisation.
    if (head && t.particle.empty() && j + 1 < toks.size() && is_word(toks[j + 1]) &&
        (is_title_head(toks[j + 1].stem) || is_title_head(toks[j + 1].text)))
      head = false;
    if (head) {
      // Title modifiers just before the head belong to the title.
      std::size_t title_from = j;
      for (std::size_t k = j; k > from; --k) {
        const Tok& m = toks[k - 1];
        if (is_word(m) && in(lexicon().title_modifiers, m.text))
          title_from = k - 1;
        else
          break;
      }
      const std::string_view head_text = is_title_head(t.stem) ? t.stem : t.text;
      std::string t_out = join_words(toks, title_from, j);
      if (!t_out.empty()) t_out += ' ';
      t_out += head_text;
      *title = t_out;
      *org = join_words(toks, from, title_from);
      return j;
    }
    // An org word carries no particle; many org words end like one (대한상의, 베이, 감염내과).
    if (!org_particle(t.particle)) return std::string_view::npos;
    if (is_native_name(t.text)) return std::string_view::npos;
  }
  return std::string_view::npos;
}

// A quote within the next few tokens (`아니스 샤리프는 … "…"`): the subject before it speaks.
bool speaks_soon(const std::vector<Tok>& toks, std::size_t from) {
  for (std::size_t k = from; k < toks.size() && k < from + 12; ++k)
    if (toks[k].kind == TokKind::kQuote) return true;
  return false;
}

std::size_t DocumentPass::collect_korean(const std::vector<Tok>& toks, std::size_t i) {
  const Tok& t = toks[i];
  // `우하람은 "…"`: a native name as the subject right before a quote is a person without a title.
  // (`스웨덴 한림원은`: after a bare noun it is the end of an organisation's name.)
  const bool after_bare_noun = i > 0 && is_word(toks[i - 1]) && toks[i - 1].particle.empty() &&
                               starts_hangul(toks[i - 1].text) && !is_title_head(toks[i - 1].text);
  if ((t.particle == "은" || t.particle == "는" || t.particle == "이" || t.particle == "가") && !after_bare_noun &&
      is_native_name(t.stem)) {
    for (std::size_t k = i + 1; k < toks.size() && k <= i + 3; ++k)
      if (toks[k].kind == TokKind::kQuote) {
        Person p;
        p.name = std::string(t.stem);
        people_.add(p);
        return i;
      }
  }
  // `… 전문가인 미카 엔즐리는`, `의학교수인 김철수는`: a title (with 인, "who is") before the name.
  if (ends_with(t.text, "인") && t.text.size() > 3 && i + 1 < toks.size() && is_word(toks[i + 1])) {
    const std::string_view role = t.text.substr(0, t.text.size() - 3);
    const std::string_view head = title_head_of(role);
    if (!head.empty()) {
      const Tok& a = toks[i + 1];
      const bool topic = [](std::string_view p) {
        return p == "은" || p == "는" || p == "이" || p == "가";
      }(a.particle);
      Person p;
      std::size_t last = i + 1;
      if (topic && is_native_name(a.stem)) {
        p.name = std::string(a.stem);
      } else if (a.particle.empty() && i + 2 < toks.size() && is_word(toks[i + 2])) {
        const Tok& b = toks[i + 2];
        const bool b_topic = b.particle == "은" || b.particle == "는" || b.particle == "이" || b.particle == "가";
        if (b_topic && syllables(a.text) >= 1 && syllables(a.text) <= 4 && syllables(b.stem) >= 1 &&
            syllables(b.stem) <= 4 && !is_title_head(b.stem) && !verb_or_particle_ending(a.text) &&
            subject_kind(b.stem) == SubjectKind::kNothing &&
            (looks_foreign(a.text) || looks_foreign(b.stem) || syllables(a.text) >= 2)) {
          p.name = std::string(a.text) + " " + std::string(b.stem);
          last = i + 2;
        }
      }
      if (!p.name.empty()) {
        p.title = std::string(head);
        people_.add(p);
        return last;
      }
    }
  }
  // `알리야스 벡 알름쿨로브는`: a three-word transliterated name whose family name the text uses
  // again with a particle.
  if (looks_foreign(t.text) && t.particle.empty() && !verb_or_particle_ending(t.text) && i + 2 < toks.size() &&
      is_word(toks[i + 1]) && is_word(toks[i + 2]) && starts_hangul(toks[i + 1].text) && toks[i + 1].particle.empty() &&
      syllables(toks[i + 1].text) >= 1 && syllables(toks[i + 1].text) <= 3 && !is_title_head(toks[i + 1].text) &&
      subject_kind(toks[i + 1].text) == SubjectKind::kNothing && !verb_or_particle_ending(toks[i + 1].text)) {
    const Tok& c = toks[i + 2];
    const bool c_subject = c.particle == "은" || c.particle == "는" || c.particle == "이" || c.particle == "가";
    if (c_subject && syllables(c.stem) >= 2 && syllables(c.stem) <= 6 && looks_foreign(c.stem) &&
        !is_title_head(c.stem) && subject_kind(c.stem) == SubjectKind::kNothing &&
        subject_kind(t.text) == SubjectKind::kNothing && repeated_stems_.contains(c.stem)) {
      Person p;
      p.name = std::string(t.text) + " " + std::string(toks[i + 1].text) + " " + std::string(c.stem);
      people_.add(p);
      return i + 2;
    }
  }
  // `장관 알마즈벡 아브또브는` (a title before a transliterated name), `아니스 샤리프는` (both
  // words spelled like a foreign name): a two-word name with the subject's particle.
  if (looks_foreign(t.text) && t.particle.empty() && !verb_or_particle_ending(t.text) && i + 1 < toks.size() &&
      is_word(toks[i + 1]) && starts_hangul(toks[i + 1].text)) {
    const Tok& b = toks[i + 1];
    const bool b_subject = b.particle == "은" || b.particle == "는" || b.particle == "이" || b.particle == "가";
    const bool title_before = i > 0 && is_word(toks[i - 1]) && toks[i - 1].particle.empty() &&
                              starts_hangul(toks[i - 1].text) && is_title_head(toks[i - 1].text);
    if (b_subject && syllables(b.stem) >= 2 && syllables(b.stem) <= 6 && !is_title_head(b.stem) &&
        subject_kind(b.stem) == SubjectKind::kNothing && subject_kind(t.text) == SubjectKind::kNothing &&
        (title_before || (looks_foreign(b.stem) && (speaks_soon(toks, i + 2) || repeated_stems_.contains(b.stem))))) {
      Person p;
      p.name = std::string(t.text) + " " + std::string(b.stem);
      if (title_before) p.title = std::string(title_head_of(toks[i - 1].text));
      people_.add(p);
      return i + 1;
    }
  }
  std::string name;
  std::size_t after = i + 1;
  const bool foreign_next = after < toks.size() && is_word(toks[after]) && looks_foreign(toks[after].text);
  // `한상대(53, …)`: a name with the age glossed after it, whatever its last syllable.
  const bool age_gloss = after + 1 < toks.size() && is_punct(toks[after], "(") && toks[after].begin == t.end &&
                         is_word(toks[after + 1]) && toks[after + 1].text[0] >= '1' && toks[after + 1].text[0] <= '9';
  std::size_t first_end = 0;
  if (!t.text.empty()) next_code_point(t.text, first_end);
  const bool native_shape = syllables(t.text) == 3 &&
                            kKoSurnames.find(t.text.substr(0, first_end)) != std::string_view::npos &&
                            !in(lexicon().not_names, t.text) && !looks_foreign(t.text);
  // (`김정한 교수`: a name ending in 한, which is_native_name refuses for `정확한`, right before a title.)
  const bool han_before_title = native_shape && ends_with(t.text, "한") && after < toks.size() &&
                                is_word(toks[after]) && is_title_head(toks[after].stem) &&
                                org_particle(toks[after].particle) && toks[after].particle != "과" &&
                                toks[after].particle != "와";
  // `기준이 중사 1호봉`, `경찰이`: a word that is a noun elsewhere in the document with another
  // particle, or alone, is that noun and its particle here.
  const bool noun_with_particle =
      !t.particle.empty() && (repeated_stems_.contains(t.stem) || bare_words_.contains(t.stem));
  if ((is_native_name(t.text) || (age_gloss && native_shape) || han_before_title) && !foreign_next &&
      !noun_with_particle) {
    name = std::string(t.text);
  } else if (const std::string_view glued = glued_name(t.text); !glued.empty()) {
    name = std::string(glued);
  } else if (ends_with(t.stem, "씨") && is_native_name(t.stem.substr(0, t.stem.size() - 3))) {
    Person p;
    p.name = std::string(t.stem.substr(0, t.stem.size() - 3));
    people_.add(p);
    return i;
  } else if (looks_foreign(t.text) && t.particle.empty() && !verb_or_particle_ending(t.text) && after < toks.size() &&
             is_word(toks[after]) && starts_hangul(toks[after].text) && syllables(toks[after].text) > 1 &&
             syllables(toks[after].text) <= 5 && toks[after].particle.empty() && !is_title_head(toks[after].text) &&
             !is_native_name(toks[after].text) && subject_kind(toks[after].text) == SubjectKind::kNothing &&
             subject_kind(t.text) == SubjectKind::kNothing &&
             // `카다피 국가 원수는` beside `카다피는`: a one-word name before a title phrase.
             !(particle_stems_.contains(t.text) && !looks_foreign(toks[after].text))) {
    // `마이클 다이아몬드 교수`, `앨런 스턴 뉴호라이즌 연구 책임자`: a transliterated given name
    // and family name before an organisation and a title.
    name = std::string(t.text) + " " + std::string(toks[after].text);
    ++after;
  } else if (looks_foreign(t.text) && t.particle.empty() && !verb_or_particle_ending(t.text) &&
             particle_stems_.contains(t.text) && subject_kind(t.text) == SubjectKind::kNothing) {
    name = std::string(t.text);  // `카다피 국가 원수는`: the title phrase is checked below
  } else if (looks_foreign(t.text) && t.particle.empty() && !verb_or_particle_ending(t.text) &&
             syllables(t.text) >= 2 && syllables(t.text) <= 6 && subject_kind(t.text) == SubjectKind::kNothing &&
             !is_title_head(t.text) && !in(lexicon().np_stops, t.text) &&
             people_.find_surname_title(t.text, {}) == kNone && [&] {
               // `카다피 국가 원수는 "…"`: a transliterated name before a title phrase that speaks
               // (not the family name of someone named before: `란돌프 디렉터는`).
               std::string o2, t2;
               const std::size_t h = title_after(toks, after, &o2, &t2);
               return h != std::string_view::npos && h - after <= 2 && in(kKoSubjectParticles, toks[h].particle) &&
                      speaks_soon(toks, h + 1) && SpeakerLexicon::ending_in(lexicon().description_head_set, t2).empty();
             }()) {
    name = std::string(t.text);
  } else if (t.particle.empty() && after < toks.size() && is_word(toks[after]) &&
             in(lexicon().person_titles, toks[after].stem) && syllables(t.text) >= 2 && syllables(t.text) <= 6 &&
             (looks_foreign(t.text) || particle_stems_.contains(t.text)) && !verb_or_particle_ending(t.text) &&
             !is_title_head(t.text) && subject_kind(t.text) == SubjectKind::kNothing &&
             !in(lexicon().np_stops, t.text)) {
    name = std::string(t.text);  // `푸틴 대통령은` beside `푸틴은`: one word before a person's title
  } else if (t.particle.empty() && syllables(t.text) >= 2 && syllables(t.text) <= 6 &&
             particle_stems_.contains(t.text) && !verb_or_particle_ending(t.text) && !is_title_head(t.text) &&
             subject_kind(t.text) == SubjectKind::kNothing && !in(lexicon().np_stops, t.text) &&
             !in(lexicon().not_names, t.text) && people_.find_surname_title(t.text, {}) == kNone && [&] {
               // `바이든 미국 대통령이` beside `바이든은`: a country or organisation between the name
               // and a person's title.
               std::string o2, t2;
               const std::size_t h = title_after(toks, after, &o2, &t2);
               return h != std::string_view::npos && h > after && h - after <= 2 &&
                      in(lexicon().person_titles, toks[h].stem) && !o2.empty();
             }()) {
    name = std::string(t.text);
  } else {
    return i;
  }
  // `조 바이든`: a one-syllable given name opening the sentence goes with a one-word name that is not
  // a native one.
  if (name == t.text && i == 1 && is_word(toks[0]) && syllables(toks[0].text) == 1 && toks[0].particle.empty() &&
      !in(lexicon().title_modifiers, toks[0].text) && !is_native_name(name))
    name = std::string(toks[0].text) + " " + name;
  std::string org, title;
  if (after < toks.size() && is_word(toks[after]) && toks[after].stem == "씨") {
    Person p;
    p.name = name;
    people_.add(p);
    return after;
  }
  // `전공한 임 박사`: a one-syllable surname before the title means the word before is no name.
  // (`문영호 전 대표`: 전 "former" after a name is a title modifier, not a surname.)
  if (after + 1 < toks.size() && is_word(toks[after]) && syllables(toks[after].text) == 1 &&
      kKoSurnames.find(toks[after].text) != std::string_view::npos && is_word(toks[after + 1]) &&
      is_title_head(toks[after + 1].stem) && !(name == t.text && in(lexicon().title_modifiers, toks[after].text)))
    return i;
  const std::size_t head = title_after(toks, after, &org, &title);
  if (head == std::string_view::npos) return i;
  if (title == "씨" && !org.empty()) return i;  // `신고한 집주인 김 모 씨`: words before a 씨 are no name
  if (title == "씨") title.clear();
  Person p;
  p.name = name;
  p.title = title;
  p.org = org;
  people_.add(p);
  return head;  // the organisation words are not names of their own (서울대 교수)
}

// `션 란돌프(Sean Randolph) 베이 카운슬 …(…) 시니어 디렉터`: Hangul words glued to a Latin gloss of
// two to four capitalised words, followed by a title.
void DocumentPass::collect_korean_gloss(const std::vector<Tok>& toks, std::size_t i) {
  const Tok& t = toks[i];
  if (!starts_hangul(t.text) || !t.particle.empty()) return;
  if (i + 1 >= toks.size() || !is_punct(toks[i + 1], "(") || toks[i + 1].begin != t.end) return;
  std::size_t j = i + 2;
  std::vector<std::string_view> latin;
  while (j < toks.size() && is_word(toks[j]) && is_name_word(toks[j].text)) latin.push_back(toks[j++].text);
  if (j >= toks.size() || !is_punct(toks[j], ")") || latin.size() < 2 || latin.size() > 4) return;
  for (std::string_view w : latin)
    if (in(kEnOrgWords, w) || in(kEnNotNameStarts, w)) return;
  // As many Hangul words before the gloss as it has Latin words.
  std::size_t first = i;
  while (i - first + 1 < latin.size() && first > 0 && is_word(toks[first - 1]) && starts_hangul(toks[first - 1].text) &&
         toks[first - 1].particle.empty() && syllables(toks[first - 1].text) > 0 &&
         syllables(toks[first - 1].text) <= 4)
    --first;
  std::string org, title;
  const bool has_title = title_after(toks, j + 1, &org, &title) != std::string_view::npos;
  if (!has_title && i - first + 1 != latin.size()) return;
  if (!has_title) return;  // a gloss alone may name a place (`뉴욕(New York)`)
  Person p;
  p.name = join_words(toks, first, i + 1);
  for (std::string_view w : latin) {
    if (!p.name_en.empty()) p.name_en += ' ';
    p.name_en += w;
  }
  p.title = title;
  p.org = org;
  people_.add(p);
}

// A run of capitalised words at i: `Treasury Secretary James Baker`, `Dr. Lee Kyu-yeop`,
// `Sean Randolph`. Returns the person (added to the table when `add`), or kNone; `ref` gets an
// organisation or description when the run names no person.
int DocumentPass::english_name_run(const std::vector<Tok>& toks, std::size_t i, std::size_t limit, bool add,
                                   std::size_t* next, Reference* ref) {
  std::vector<std::string_view> words;
  std::string honorific;
  std::size_t j = i;
  while (j < limit && words.size() < 7) {
    const Tok& t = toks[j];
    // `Salomon Brothers (Asia) Ltd`: a parenthesised word inside an organisation's name.
    if (!words.empty() && is_punct(t, "(") && j + 3 < limit && capitalised(toks[j + 1]) && is_punct(toks[j + 2], ")") &&
        capitalised(toks[j + 3])) {
      j += 3;
      continue;
    }
    if (!is_word(t)) break;
    if (words.empty() && in(kEnHonorifics, t.text)) {
      honorific = std::string(t.text);
      ++j;
      if (j < limit && is_punct(toks[j], ".")) ++j;
      continue;
    }
    const bool connector =
        !words.empty() &&
        (t.text == "of" || t.text == "de" || t.text == "van" || t.text == "von" || t.text == "bin" || t.text == "al" ||
         t.text == "and" || t.text == "for" || t.text == "the" || t.text == "la" || t.text == "der" ||
         t.text == "del" || t.text == "da" || t.text == "di" || t.text == "du" || t.text == "dos" || t.text == "le");
    if (!is_name_word(t.text) && !connector && !(t.text.size() >= 2 && is_upper_ascii(t.text[0]))) break;
    words.push_back(t.text);
    ++j;
    // An initial: `David T. Mizrahi`; initials run together: `E.F. Hutton`.
    const bool initials =
        t.text.size() >= 3 && t.text.size() % 2 == 1 && t.text[1] == '.' &&
        std::all_of(t.text.begin(), t.text.end(), [](char c) { return is_upper_ascii(c) || c == '.'; });
    if ((t.text.size() == 1 || initials) && j + 1 < limit && is_punct(toks[j], ".") && is_word(toks[j + 1]) &&
        is_upper_ascii(toks[j + 1].text[0]))
      ++j;
  }
  // `Lee Kyu-yeop of the Korea Institute …`: a connector after a name that holds no organisation
  // word ends the name; `Bank of Japan Governor …` keeps going.
  for (std::size_t c = 1; c < words.size(); ++c) {
    const std::string_view w = words[c];
    if (w != "of" && w != "and" && w != "for" && w != "the") continue;
    bool org_before = false, name_before = false;
    for (std::size_t k = 0; k < c; ++k) {
      if (in(kEnOrgWords, words[k])) org_before = true;
      // `U.S. Secretary of State George Shultz`: an acronym is not a name before the connector.
      if (!is_en_role(words[k]) && is_name_word(words[k])) name_before = true;
    }
    if (!org_before && name_before) {
      j -= words.size() - c;
      words.resize(c);
    }
    break;
  }
  while (!words.empty() && !is_name_word(words.back()) && !in(kEnOrgWords, words.back())) {
    words.pop_back();
    --j;
  }
  // `Prime Minister Yasuhiro Nakasone's plan`: the name owns what follows; the name is without `'s`.
  if (!words.empty() && words.back().size() > 3 &&
      (ends_with(words.back(), "'s") || ends_with(words.back(), "\xE2\x80\x99s")))
    words.back().remove_suffix(ends_with(words.back(), "'s") ? 2 : 4);
  *next = j;
  if (words.empty()) return kNone;
  if (honorific.empty() && in(kEnNotNameStarts, words.front())) return kNone;
  // `the NAR's John Tuccillo`, `Midland Montagu's Maude`: what precedes a possessive is an
  // organisation.
  std::string possessor;
  for (std::size_t k = 0; k + 1 < words.size(); ++k)
    if (ends_with(words[k], "'s") || ends_with(words[k], "s'") || ends_with(words[k], "\xE2\x80\x99s")) {
      possessor.clear();
      for (std::size_t m = 0; m <= k; ++m) {
        if (!possessor.empty()) possessor += ' ';
        possessor += words[m];
      }
      possessor = possessor.substr(
          0, possessor.size() - (ends_with(possessor, "s'") ? 1 : (ends_with(possessor, "'s") ? 2 : 4)));
      words.erase(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(k + 1));
      k = static_cast<std::size_t>(-1);
    }
  // The last role word splits organisation + title from the name.
  std::size_t role = words.size();
  for (std::size_t k = 0; k < words.size(); ++k)
    if (is_en_role(words[k])) role = k;
  std::size_t name_from = role == words.size() ? 0 : role + 1;
  bool org_word = false;
  // `Chancellor of the Exchequer Nigel Lawson`: the role's complement, with its article.
  const std::size_t of_words =
      (role < words.size() && name_from + 3 < words.size() && words[name_from] == "of" && words[name_from + 1] == "the")
          ? 3
          : 2;
  const std::size_t check_from =
      (role < words.size() && name_from + of_words < words.size() && words[name_from] == "of") ? name_from + of_words
                                                                                               : name_from;
  for (std::size_t k = check_from; k < words.size(); ++k)
    if (in(kEnOrgWords, words[k]) || words[k] == "of" || words[k] == "and" || words[k] == "for" || words[k] == "the")
      org_word = true;
  auto join = [&](std::size_t a, std::size_t b) {
    std::string s;
    for (std::size_t k = a; k < b; ++k) {
      if (!s.empty()) s += ' ';
      s += words[k];
    }
    return s;
  };
  if (org_word || name_from >= words.size()) {
    if (ref) {
      ref->unknown = true;
      ref->org = join(0, words.size());
    }
    return kNone;
  }
  // `Secretary of State George Shultz`: the role's complement is not part of the name.
  std::string role_of;
  if (role < words.size() && name_from + of_words < words.size() && words[name_from] == "of") {
    role_of = " " + join(name_from, name_from + of_words);
    name_from += of_words;
  }
  const std::size_t name_words = words.size() - name_from;
  std::string title, org;
  if (role < words.size()) {
    std::size_t title_from = role;
    while (title_from > 0 && is_en_role(words[title_from - 1])) --title_from;
    title = join(title_from, role + 1) + role_of;
    org = join(0, title_from);
  } else if (!honorific.empty()) {
    title = honorific + ".";
  }
  if (org.empty()) org = possessor;
  const std::string name = join(name_from, words.size());
  if (name_words == 1) {
    int row = people_.find_surname_en(name);
    if (row == kNone) row = people_.find_name_en(name);
    // `Cranston said` where the text named `Alan Cranston` before without a role we recognised.
    if (row == kNone && add) {
      const auto full = full_names_.find(name);
      if (full != full_names_.end()) {
        Person p;
        p.name_en = full->second;
        row = people_.add(p);
      }
    }
    if (row == kNone && (!title.empty()) && add) {
      Person p;
      p.name_en = name;
      p.title = title;
      p.org = org;
      row = people_.add(p);
    }
    if (row == kNone && ref) {
      ref->unknown = true;
      ref->org = name;  // an unknown single capitalised word is usually an organisation
    }
    return row;
  }
  int row = people_.find_name_en(name);
  if (row == kNone && add) {
    Person p;
    p.name_en = name;
    p.title = title;
    p.org = org;
    row = people_.add(p);
  } else if (row != kNone && add) {
    Person p;
    p.name_en = name;
    p.title = title;
    p.org = org;
    people_.add(p);
  }
  return row;
}

// `, head of research at the Korea Chamber of Commerce and Industry` after a name: a role
// (with a role noun) and an organisation. False when the words after the comma say no role.
std::string lower_ascii(std::string_view w) {
  std::string out(w);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool parse_appositive(const std::vector<Tok>& toks, std::size_t i, std::size_t limit, std::string* title_out,
                      std::string* org_out, std::size_t* next) {
  *next = i;
  if (i >= limit || !is_punct(toks[i], ",")) return false;
  std::size_t j = i + 1;
  std::size_t end = j;
  while (end < limit && end - j < 16 && is_word(toks[end]) && !in(kEnSpeechVerbs, toks[end].text)) ++end;
  if (end == j) return false;
  std::vector<std::string_view> w;
  for (std::size_t k = j; k < end; ++k) w.push_back(toks[k].text);
  if (w.front() == "who" || w.front() == "which" || in(kEnSpeechVerbs, w.front())) return false;
  std::size_t start = (w.front() == "a" || w.front() == "an" || w.front() == "the") ? 1 : 0;
  if (start >= w.size()) return false;
  // The role: lower-case words (or role words) up to `at|of|with|for|in` before a capital.
  std::size_t split = w.size();
  for (std::size_t k = start; k < w.size(); ++k) {
    if ((w[k] == "at" || w[k] == "with" || w[k] == "for" || w[k] == "of" || w[k] == "in") && k + 1 < w.size() &&
        (is_upper_ascii(w[k + 1][0]) || (w[k + 1] == "the" && k + 2 < w.size() && is_upper_ascii(w[k + 2][0])))) {
      split = k;
      if (w[k] != "of") break;  // prefer `at` over the `of` of `head of research`
      // keep looking for a later `at`
      bool later_at = false;
      for (std::size_t m = k + 1; m < w.size(); ++m)
        if (w[m] == "at" || w[m] == "with") later_at = true;
      if (!later_at) break;
    }
  }
  bool role_seen = false;
  for (std::size_t k = start; k < split; ++k) {
    std::string lower(w[k]);
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (in(kEnRoleNouns, lower)) role_seen = true;
  }
  if (!role_seen) return false;
  if (split - start > 6) {
    // `Michio Watanabe, a faction member and deputy secretary general of the ruling party,`: a
    // long appositive keeps its first role as the title.
    std::size_t last_role = start;
    for (std::size_t k = start; k < start + 6; ++k)
      if (in(kEnRoleNouns, lower_ascii(w[k]))) last_role = k;
    split = last_role + 1;
    std::string title;
    for (std::size_t k = start; k < split; ++k) {
      if (!title.empty()) title += ' ';
      title += w[k];
    }
    *next = end;
    *title_out = title;
    org_out->clear();
    return true;
  }
  std::string title, org;
  for (std::size_t k = start; k < split; ++k) {
    if (!title.empty()) title += ' ';
    title += w[k];
  }
  std::size_t org_from = split + 1;
  if (org_from < w.size() && w[org_from] == "the") ++org_from;
  for (std::size_t k = org_from; k < w.size(); ++k) {
    if (!org.empty()) org += ' ';
    org += w[k];
  }
  *next = end;
  *title_out = title;
  *org_out = org;
  return true;
}

void DocumentPass::english_appositive(const std::vector<Tok>& toks, std::size_t i, std::size_t limit, int person,
                                      std::size_t* next) {
  std::string title, org;
  if (!parse_appositive(toks, i, limit, &title, &org, next) || person == kNone) return;
  Person p = people_.people()[person];
  if (p.title.empty()) p.title = title;
  if (p.org.empty()) p.org = org;
  people_.add(p);
}

void DocumentPass::collect_english(const std::vector<Tok>& toks, std::size_t i, std::size_t* skip_to) {
  *skip_to = i + 1;
  const Tok& t = toks[i];
  if (!capitalised(t)) return;
  if (i > 0 && is_word(toks[i - 1]) && is_name_word(toks[i - 1].text) && !in(kEnNotNameStarts, toks[i - 1].text))
    return;  // inside a run that started earlier
  // `But Robert Giordano, chief economist …`: a sentence word before a name is not part of it.
  if (in(kEnNotNameStarts, t.text) && t.text != "The" && i + 1 < toks.size() && capitalised(toks[i + 1]) &&
      is_name_word(toks[i + 1].text))
    return;
  std::size_t next = i;
  // Look first without adding: a run becomes a person when a role, honorific, gloss or
  // appositive says it is one.
  Reference scratch;
  int row = english_name_run(toks, i, toks.size(), false, &next, &scratch);
  if (next <= i) return;
  *skip_to = next;
  bool role_in_run = false, honorific = false, org_in_run = false;
  std::size_t name_words = 0;
  for (std::size_t k = i; k < next; ++k) {
    if (is_en_role(toks[k].text)) role_in_run = true;
    if (in(kEnHonorifics, toks[k].text)) honorific = true;
    if (in(kEnOrgWords, toks[k].text)) org_in_run = true;
    if (is_word(toks[k])) ++name_words;
  }
  if (org_in_run) {
    // `Standard Oil Co`, `The New York Times Co`: an organisation named in full, for later short
    // forms (`Standard said`).
    std::size_t from = i;
    while (from < next && in(kEnNotNameStarts, toks[from].text)) ++from;
    if (next - from >= 2 && en_orgs_.size() < 256) {
      std::string full = join_words(toks, from, next);
      if (std::find(en_orgs_.begin(), en_orgs_.end(), full) == en_orgs_.end()) en_orgs_.push_back(std::move(full));
    }
  }
  if (name_words >= 2 && name_words <= 4 && !org_in_run && !scratch.unknown) {
    std::string full = join_words(toks, i, next);
    if (honorific) full = join_words(toks, i + 1, next);
    full_names_.emplace(std::string(toks[next - 1].text), full);
  }
  // `president Pierre Peladeau`, `analyst Michael Lewis`: a lower-case role just before.
  std::string role_before;
  if (i > 0 && is_word(toks[i - 1])) {
    std::string lower(toks[i - 1].text);
    if (!lower.empty() && !is_upper_ascii(lower[0]) && in(kEnRoleNouns, lower)) role_before = lower;
  }
  const bool gloss = next + 2 < toks.size() && is_punct(toks[next], "(") && is_word(toks[next + 1]) &&
                     starts_hangul(toks[next + 1].text);
  std::string app_title, app_org;
  std::size_t app_next = next;
  const bool apposition = parse_appositive(toks, next, toks.size(), &app_title, &app_org, &app_next);
  // `Jung Jun-hwa, who gave …`: a relative `who` marks a person.
  const bool who = next + 1 < toks.size() && is_punct(toks[next], ",") && toks[next + 1].text == "who";
  const bool of_org = next + 1 < toks.size() && toks[next].text == "of" &&
                      (capitalised(toks[next + 1]) ||
                       (toks[next + 1].text == "the" && next + 2 < toks.size() && capitalised(toks[next + 2])));
  // `Michael Duffy said …`: two or three name words right before a speech verb are a person when
  // the text goes on with the last word alone (`Duffy said`) but never the first, or with `he`/`she`.
  bool speaks_as_person = false;
  if (row == kNone && !org_in_run && !role_in_run && name_words >= 2 && name_words <= 3 && next - i == name_words &&
      canonical_org(join_words(toks, i, next)) == join_words(toks, i, next) && is_en_speech_verb(toks, next) &&
      !in(kEnNotNameStarts, toks[i].text) && !solo_words_.contains(toks[i].text) &&
      !in(kEnNameParticles, lower_ascii(toks[i].text)) && !in(kEnPlaceStarts, toks[i].text) &&
      std::all_of(toks.begin() + static_cast<std::ptrdiff_t>(i), toks.begin() + static_cast<std::ptrdiff_t>(next),
                  [&](const Tok& w) {
                    return is_name_word(w.text) && !in(kEnNotNameStarts, w.text) &&
                           !lower_words_.contains(lower_ascii(w.text));
                  })) {
    const std::string_view after =
        text_.substr(toks[next - 1].end, std::min<std::size_t>(400, text_.size() - toks[next - 1].end));
    speaks_as_person = solo_words_.contains(toks[next - 1].text) || after.find(" he ") != std::string_view::npos ||
                       after.find(" she ") != std::string_view::npos || after.find("He ") != std::string_view::npos ||
                       after.find("She ") != std::string_view::npos;
  }
  if (row == kNone) {
    if (scratch.unknown && !role_in_run && !honorific && !speaks_as_person) return;
    if (!(role_in_run || honorific || gloss || apposition || of_org || who || !role_before.empty() || speaks_as_person))
      return;
    if (name_words < 2 && !role_in_run && !honorific && !apposition) return;
    if (name_words < 2 && apposition) {
      if (in(kEnNotNameStarts, toks[i].text)) return;  // `on Monday, the president of …`
      Person p;
      p.name_en = std::string(toks[i].text);
      p.title = app_title;
      p.org = app_org;
      if (people_.find_surname_en(p.name_en) == kNone) people_.add(p);
      return;
    }
    Reference r;
    std::size_t n2 = i;
    row = english_name_run(toks, i, toks.size(), true, &n2, &r);
    if (row == kNone) return;
    if (!role_before.empty() && people_.people()[row].title.empty()) {
      Person p = people_.people()[row];
      p.title = role_before;
      people_.add(p);
    }
    if (apposition) {
      std::size_t after = next;
      const std::size_t before = people_.people()[row].title.size();
      english_appositive(toks, next, toks.size(), row, &after);
      // An appositive that says nothing of a role does not make a person.
      (void)before;
    }
  } else if (apposition) {
    std::size_t after = next;
    english_appositive(toks, next, toks.size(), row, &after);
  }
  if (gloss) {
    std::size_t j = next + 1;
    std::size_t first = j;
    while (j < toks.size() && is_word(toks[j]) && starts_hangul(toks[j].text)) ++j;
    if (j < toks.size() && is_punct(toks[j], ")")) {
      Person p = people_.people()[row];
      if (p.name.empty()) p.name = join_words(toks, first, j);
      std::string t2, o2;
      std::size_t n2 = j + 1;
      if (parse_appositive(toks, j + 1, toks.size(), &t2, &o2, &n2)) {
        if (p.title.empty()) p.title = t2;
        if (p.org.empty()) p.org = o2;
      }
      people_.add(p);
    }
  }
  if (of_org) {
    std::size_t j = next + 1;
    if (toks[j].text == "the") ++j;
    std::size_t first = j;
    while (j < toks.size() && is_word(toks[j]) &&
           (is_upper_ascii(toks[j].text[0]) || toks[j].text == "for" || toks[j].text == "and" || toks[j].text == "of"))
      ++j;
    while (j > first && !is_upper_ascii(toks[j - 1].text[0])) --j;
    Person p = people_.people()[row];
    if (p.org.empty()) p.org = join_words(toks, first, j);
    people_.add(p);
  }
}

void DocumentPass::collect_people(const std::vector<Tok>& toks) {
  // Glosses first: `션 란돌프(Sean Randolph)` links both scripts before any other reading.
  for (std::size_t i = 0; i < toks.size(); ++i)
    if (is_word(toks[i]) && starts_hangul(toks[i].text)) collect_korean_gloss(toks, i);
  for (std::size_t i = 0; i < toks.size();) {
    if (!is_word(toks[i])) {
      ++i;
      continue;
    }
    // `CEO인 모건 슬레인은`: a Latin title with 인 ("who is") opens a Korean name too.
    const bool latin_title_in = !starts_hangul(toks[i].text) && ends_with(toks[i].text, "인") &&
                                !title_head_of(toks[i].text.substr(0, toks[i].text.size() - 3)).empty();
    if (starts_hangul(toks[i].text) || latin_title_in) {
      const std::size_t used = collect_korean(toks, i);
      i = used + 1;
    } else if (is_upper_ascii(toks[i].text[0])) {
      std::size_t next = i + 1;
      collect_english(toks, i, &next);
      i = std::max(next, i + 1);
    } else {
      ++i;
    }
  }
}

// People named in a sentence (outside quotes), by position: full names, surname + title.
std::vector<Mention> DocumentPass::mentions(const std::vector<Tok>& toks) const {
  std::vector<Mention> out;
  for (std::size_t i = 0; i < toks.size(); ++i) {
    const Tok& t = toks[i];
    if (!is_word(t)) continue;
    int row = kNone;
    if (starts_hangul(t.text)) {
      row = people_.find_name(t.stem);
      if (row == kNone) row = people_.find_name(t.text);
      if (const std::string_view glued = glued_name(t.stem); row == kNone && !glued.empty())
        row = people_.find_name(glued);
      if (row == kNone && i > 0 && is_word(toks[i - 1]))
        row = people_.find_name(std::string(toks[i - 1].text) + " " + std::string(t.stem));
      if (row == kNone && t.particle.empty() && i + 1 < toks.size() && is_word(toks[i + 1])) {
        const std::string_view head = title_head_of(toks[i + 1].stem);
        if (!head.empty()) row = people_.find_surname_title(t.text, head);
      }
    } else if (is_upper_ascii(t.text[0])) {
      // `a Thomson officer`: a capitalised word before a role noun names an employer, not a person.
      if (i + 1 < toks.size() && is_word(toks[i + 1]) && in(kEnRoleNouns, toks[i + 1].text)) continue;
      row = people_.find_surname_en(t.text);
      if (row == kNone && i + 1 < toks.size() && is_word(toks[i + 1]))
        row = people_.find_name_en(std::string(t.text) + " " + std::string(toks[i + 1].text));
    }
    if (row == kNone && lower_wire_ && !starts_hangul(t.text)) {
      std::size_t after = 0;
      row = lower_person(toks, i, &after);
    }
    if (row != kNone) out.push_back({t.begin, row});
  }
  return out;
}

// What a subject that names no person says of its speaker: an organisation (`국방부는`, `KT는`,
// `서울시에서는`), a description (`관계자는`, `간부들은`, `선관위 측은`, a bare title), or nothing
// (`이번 작전은`).

SubjectKind subject_kind(std::string_view stem) {
  if (stem.empty()) return SubjectKind::kNothing;
  const SpeakerLexicon& lex = lexicon();
  if (!starts_hangul(stem)) {
    // An acronym: `KT는`, `CERN은`, `KBS는`.
    const bool acronym = stem.size() >= 2 && stem.size() <= 8 &&
                         std::all_of(stem.begin(), stem.end(), [](char c) { return is_upper_ascii(c) || c == '&'; });
    return acronym ? SubjectKind::kOrganization : SubjectKind::kNothing;
  }
  std::string_view s = stem;
  if (ends_with(s, "들") && syllables(s) > 1) s.remove_suffix(3);  // 간부들 → 간부
  if (in(lex.not_subjects, stem) || in(lex.np_stops, stem)) return SubjectKind::kNothing;
  if (!SpeakerLexicon::ending_in(lex.description_head_set, s).empty()) return SubjectKind::kDescription;
  if (in(lex.org_names, s)) return SubjectKind::kOrganization;
  if (is_title_head(s)) return SubjectKind::kDescription;
  if (syllables(s) >= 3 && !SpeakerLexicon::ending_in(lex.org_suffix_set, s).empty()) return SubjectKind::kOrganization;
  return SubjectKind::kNothing;
}

// A word that ends the noun phrase before a described or organisation speaker: a verb's adnominal
// form (`소속사인`, `투표한`), a number, a stop word (`또한`, `이날`).
bool ends_noun_phrase(const Tok& t) {
  if (!is_word(t)) return true;
  if (in(lexicon().np_stops, t.text) || in(lexicon().not_subjects, t.text)) return true;
  const unsigned char c = static_cast<unsigned char>(t.text[0]);
  if (c >= '0' && c <= '9') return true;
  if (t.text == "한") return false;  // `한 관계자`: "one", not a verb
  // `CERN 대변인 측`, `전라북도 관계자`: titles and organisations end like verbs or particles.
  if (is_title_head(t.text) || subject_kind(t.text) != SubjectKind::kNothing) return false;
  if (syllables(t.text) >= 2)
    for (std::string_view e : {"인", "한", "된", "던", "는", "할", "될", "운", "온", "은", "을", "를",
                               "에", "고", "며", "서", "자", "면", "니", "게", "데", "록", "만"})
      if (ends_with(t.text, e) && t.particle != e) return true;
  return !t.particle.empty() && t.particle != "의";
}

// The words of a described or organisation speaker ending at token `head` (whose stem is the last
// word): up to four words back that carry no particle (`대한민국 외교통상부`), and for a
// description also `의` (`무바라크 전 대통령의 한 측근`).
std::string speaker_phrase(const std::vector<Tok>& toks, std::size_t a, std::size_t head, bool description) {
  std::size_t from = head;
  while (from > a && head - from < 4) {
    const Tok& w = toks[from - 1];
    if (ends_noun_phrase(w)) break;
    if (w.particle == "의" && !description) break;
    --from;
  }
  // A phrase does not start with a genitive: `국방부의 …`.
  std::string out;
  for (std::size_t k = from; k < head; ++k) {
    out += toks[k].text;
    out += ' ';
  }
  out += toks[head].stem;
  return out;
}

// `곽 전 교육감이 추진해온 …`, `빨간색이 선택된 …`: a subject (이/가) followed by a verb's
// adnominal form belongs to a relative clause, not to the clause that says the quote.
bool relative_clause_subject(const std::vector<Tok>& toks, std::size_t k, std::size_t b) {
  if (toks[k].particle != "이" && toks[k].particle != "가") return false;
  if (k + 1 >= b || !is_word(toks[k + 1]) || !starts_hangul(toks[k + 1].text)) return false;
  const Tok& v = toks[k + 1];
  if (syllables(v.text) < 2 || is_title_head(v.text) || subject_kind(v.stem) != SubjectKind::kNothing) return false;
  for (std::string_view e : {"는", "은", "던", "한", "된", "온", "운", "할", "될"})
    if (ends_with(v.text, e)) return true;
  return false;
}

// The subject among tokens [a, b) in Korean. The last topic (`은/는`) that names a speaker — a
// person, a pronoun, an organisation or a description — wins; else the last subject (`이/가`)
// that names one; else an unnamed subject (`이번 작전은`: speech with an unknown speaker).
std::string trimmed_quote(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
  if (e > b && s[e - 1] == ',') --e;
  while (e > b && s[e - 1] == ' ') --e;
  return std::string(s.substr(b, e - b));
}

Reference DocumentPass::korean_reference(const std::vector<Tok>& toks, std::size_t a, std::size_t b,
                                         bool after_quote) const {
  Reference topic, subject, any_person, generic;
  bool have_topic = false, have_subject = false, have_any = false, have_generic = false;
  auto subject_particle = [&](std::string_view p) { return in(kKoSubjectParticles, p) || (after_quote && p == "의"); };
  auto is_topic = [](std::string_view p) { return p == "은" || p == "는" || p == "께서는"; };
  auto keep = [&](const Reference& r, std::string_view particle) {
    if (is_topic(particle)) {
      topic = r;
      have_topic = true;
    } else {
      subject = r;
      have_subject = true;
    }
  };
  for (std::size_t i = a; i < b; ++i) {
    const Tok& t = toks[i];
    if (!is_word(t)) continue;
    Reference r;
    r.tok = i;
    std::string_view particle = t.particle;
    const bool hangul = starts_hangul(t.text);
    // `‘자유북한방송’은 "…"`: a name in quote marks with the topic's particle glued to it speaks
    // as an organisation; `전자 프런티어 재단 (EFF)은`: the particle after an acronym gloss is the
    // phrase's before the gloss.
    // (`‘자유북한방송’은` is one word: the closing mark sits between letters.)
    if (i > a && (t.particle == "은" || t.particle == "는") && is_punct(toks[i - 1], "\xE2\x80\x98") &&
        toks[i - 1].end == t.begin && ends_with(t.stem, "\xE2\x80\x99") && t.stem.size() > 3 &&
        speaks_soon(toks, i + 1)) {
      r.unknown = true;
      r.speaks = true;
      r.org = std::string(t.stem.substr(0, t.stem.size() - 3));
      keep(r, t.particle);
      continue;
    }
    // (The quoted name's token may lie before `a`: a single-marked span ends the previous clause.)
    if (i > 0 && (t.text == "은" || t.text == "는") && toks[i - 1].end == t.begin && speaks_soon(toks, i + 1)) {
      std::string name;
      SubjectKind kind = SubjectKind::kOrganization;
      if (toks[i - 1].kind == TokKind::kQuote && spans_[toks[i - 1].span].single) {
        const QuoteSpan& sp = spans_[toks[i - 1].span];
        name = trimmed_quote(text_.substr(sp.text_begin, sp.text_end - sp.text_begin));
      } else if (is_punct(toks[i - 1], "\xE2\x80\x99") || is_punct(toks[i - 1], "'")) {
        std::size_t open = i - 1;
        while (open > a && i - open < 6 && is_word(toks[open - 1])) --open;
        if (open > a && (is_punct(toks[open - 1], "\xE2\x80\x98") || is_punct(toks[open - 1], "'")) && open < i - 1)
          name = join_words(toks, open, i - 1);
      } else if (i >= a + 4 && is_punct(toks[i - 1], ")") && is_punct(toks[i - 3], "(") && is_word(toks[i - 4]) &&
                 toks[i - 4].particle.empty()) {
        kind = subject_kind(toks[i - 4].text);
        // An acronym gloss (`(EFF)`) marks a named organisation, whatever its last word.
        if (kind == SubjectKind::kNothing && !starts_hangul(toks[i - 2].text)) kind = SubjectKind::kOrganization;
        if (kind != SubjectKind::kNothing && syllables(toks[i - 4].text) > 0)
          name = speaker_phrase(toks, a, i - 4, kind == SubjectKind::kDescription);
      }
      if (!name.empty() && name.size() <= 60) {
        r.unknown = true;
        r.speaks = true;
        if (kind == SubjectKind::kDescription)
          r.description = name;
        else
          r.org = name;
        keep(r, t.text);
        continue;
      }
    }
    if (hangul && (t.stem == "그" || t.stem == "그녀") && subject_particle(particle)) {
      r.pronoun = true;
      keep(r, particle);
      continue;
    }
    int row = kNone;
    if (hangul) {
      row = people_.find_name(t.stem);
      if (row == kNone) row = people_.find_name(t.text);
      if (const std::string_view glued = glued_name(t.stem); row == kNone && !glued.empty())
        row = people_.find_name(glued);
      if (row == kNone && i > a && is_word(toks[i - 1]))
        row = people_.find_name(std::string(toks[i - 1].text) + " " + std::string(t.stem));
      if (row != kNone && i + 1 < b && particle.empty()) {
        // `강석구 대한상의 조사본부장은`: the particle sits on the title, up to four words on.
        int depth = 0;
        for (std::size_t k = i + 1; k < b && k <= i + 10; ++k) {
          // `심태섭(사진) 아주대 교수는`: glosses in parentheses are skipped.
          if (is_gloss_bracket(toks[k], depth)) continue;
          if (depth > 0) continue;
          if (!is_word(toks[k])) break;
          // `전략기술개발관(국장)도`: the particle stands alone after the gloss.
          if (is_punct(toks[k - 1], ")") && in(kKoSubjectParticles, toks[k].text)) {
            particle = toks[k].text;
            r.tok = k;
            break;
          }
          if (is_title_head(toks[k].stem) && !toks[k].particle.empty()) {
            particle = toks[k].particle;
            r.tok = k;
            break;
          }
          // `… 부사장 역시 "…"`: 역시/또한 ("also") after the title marks the subject.
          if (is_title_head(toks[k].stem) && k + 1 < b && is_word(toks[k + 1]) &&
              (toks[k + 1].text == "역시" || toks[k + 1].text == "또한")) {
            particle = "는";
            r.tok = k + 1;
            break;
          }
          if (!org_particle(toks[k].particle)) break;
        }
      }
      if (row == kNone && t.particle.empty() && i + 1 < b && is_word(toks[i + 1])) {
        // `문 전 대표는`: title modifiers may stand between the surname and the title.
        std::size_t k = i + 1;
        while (k + 1 < b && k - i < 3 && is_word(toks[k + 1]) && in(lexicon().title_modifiers, toks[k].text) &&
               toks[k].particle.empty())
          ++k;
        const std::string_view head = is_word(toks[k]) ? title_head_of(toks[k].stem) : std::string_view{};
        if (!head.empty()) {
          row = people_.find_surname_title(t.text, head);
          // `노 국장은` for `노경원 … 전략기술개발관(국장)`: the surname alone, when the titles differ.
          if (row == kNone && syllables(t.text) == 1) row = people_.find_surname_title(t.text, {});
          if (row != kNone) {
            particle = toks[k].particle;
            r.tok = k;
          }
        }
      }
    }
    // `샤리프는` after `아니스 샤리프`: a transliterated family name alone.
    if (hangul && row == kNone && subject_particle(t.particle) && syllables(t.stem) >= 2 && syllables(t.stem) <= 5 &&
        looks_foreign(t.stem))
      row = people_.find_surname_title(t.stem, {});
    // `바이든은` after `조 바이든 미국 대통령`: the last word of a name of several words.
    if (hangul && row == kNone && subject_particle(t.particle) && syllables(t.stem) >= 2 && syllables(t.stem) <= 5)
      for (std::size_t p = 0; p < people_.size() && row == kNone; ++p) {
        const std::string& full = people_.people()[p].name;
        if (full.size() > t.stem.size() + 1 && std::string_view(full).ends_with(t.stem) &&
            full[full.size() - t.stem.size() - 1] == ' ')
          row = static_cast<int>(p);
      }
    if (row != kNone) {
      r.person = row;
      if (subject_particle(particle) && !relative_clause_subject(toks, r.tok, b))
        keep(r, particle);
      else {
        any_person = r;
        have_any = true;
      }
      i = std::max(i, r.tok);
      continue;
    }
    const SubjectKind kind = subject_kind(t.stem);
    // `서울시에서는 "…"`: an organisation speaks with 에서(는) too.
    // (`국회에서 열린 청문회에` is a place: 에서 alone counts only right before the quote.)
    const bool org_subject =
        kind == SubjectKind::kOrganization && (t.particle == "에서는" || (t.particle == "에서" && b - i <= 2));
    if (!(subject_particle(t.particle) || org_subject) || in(lexicon().not_subjects, t.text) ||
        (after_quote && t.particle == "의"))
      continue;
    if (hangul && syllables(t.stem) == 0) continue;
    if (relative_clause_subject(toks, i, b)) continue;
    // `대해서는`, `관련해서는`: a verb's connective form with a topic particle, not a noun.
    if (kind == SubjectKind::kNothing && ends_with(t.stem, "서")) continue;
    // `하겠다는 것이다`: a quotative adnominal (다는), not a noun with a topic particle.
    if (kind == SubjectKind::kNothing && t.particle == "는" && ends_with(t.stem, "다")) continue;
    if (kind == SubjectKind::kNothing) {
      if (!hangul) continue;
      // A topic or subject just before the quote (`시사저널은 "…"`, `노조는 "…"`) names its
      // speaker even when the lexicon does not know the word: it becomes the description.
      const bool names_speaker = b - i <= 3 && syllables(t.stem) >= 2 && !in(lexicon().not_speakers, t.stem) &&
                                 !ends_noun_phrase(Tok{TokKind::kWord, t.begin, t.end, t.stem, 0, t.stem, {}});
      if (i + 1 >= b && !names_speaker) continue;
      // An unnamed subject: the quote is speech, its speaker unknown.
      generic = Reference{};
      generic.unknown = true;
      generic.tok = i;
      if (names_speaker) generic.description = speaker_phrase(toks, a, i, true);
      have_generic = true;
      continue;
    }
    // A bare title that names someone the document introduced (`장관은` after `이주호 장관`).
    if (kind == SubjectKind::kDescription && t.stem == title_head_of(t.stem) &&
        (i == a || ends_noun_phrase(toks[i - 1]))) {
      if (const int titled = people_.find_title(t.stem); titled != kNone) {
        r.person = titled;
        keep(r, t.particle);
        continue;
      }
    }
    r.unknown = true;
    r.speaks = true;
    if (kind == SubjectKind::kOrganization)
      r.org = speaker_phrase(toks, a, i, false);
    else
      r.description = speaker_phrase(toks, a, i, true);
    keep(r, org_subject ? std::string_view(t.particle == "에서는" ? "는" : "가") : t.particle);
  }
  if (have_topic) return topic;
  if (have_subject) return subject;
  if (have_generic) return generic;
  if (have_any && after_quote) return any_person;
  return Reference{};  // no subject: the caller may carry one over
}

bool DocumentPass::korean_marker(const std::vector<Tok>& toks, std::size_t q, std::string_view* marker) const {
  if (direct_korean_marker(toks, q, marker)) return true;
  if (q + 2 >= toks.size() || toks[q + 1].begin != toks[q].end) return false;
  const Tok& next = toks[q + 1];
  // `"…"라는 말로`, `"…"는 비판을 했다`: a noun of speech after 라는/는.
  if (is_word(next) && (next.text == "라는" || next.text == "이라는" || next.text == "는" || next.text == "다는") &&
      is_word(toks[q + 2]))
    for (std::string_view n : lexicon().speech_nouns)
      if (toks[q + 2].text.starts_with(n)) {
        *marker = "고";
        return true;
      }
  // `"…것"을 요청했다`: a request.
  if (is_word(next) && (next.text == "을" || next.text == "를") && is_word(toks[q + 2]))
    for (std::string_view v : {"요청", "촉구", "당부", "주문"})
      if (toks[q + 2].text.starts_with(v)) {
        *marker = "고";
        return true;
      }
  // `"…", "…"라고 말했다`: quotes listed before the one with the ending are said with it.
  std::size_t k = q;
  for (int listed = 0;
       listed < 8 && k + 2 < toks.size() && is_punct(toks[k + 1], ",") && toks[k + 2].kind == TokKind::kQuote;
       ++listed) {
    k += 2;
    std::string_view m;
    if (direct_korean_marker(toks, k, &m)) {
      if (spans_[toks[q].span].single) return false;
      *marker = ",";
      return true;
    }
  }
  return false;
}

bool DocumentPass::direct_korean_marker(const std::vector<Tok>& toks, std::size_t q, std::string_view* marker) const {
  if (q + 1 >= toks.size()) return false;
  const Tok& next = toks[q + 1];
  if (!is_word(next) || next.begin != toks[q].end) return false;
  for (std::string_view m : kKoMarkers) {
    if (!next.text.starts_with(m)) continue;
    const std::string_view rest = next.text.substr(m.size());
    if (!rest.empty() && rest != "도" && rest != "는" && rest != "요") return false;
    // A naming verb after the ending: `"…"이라고 불리는`.
    if ((m == "라고" || m == "이라고" || m == "고") && q + 2 < toks.size() && is_word(toks[q + 2]))
      for (std::string_view n : kKoNamingStarts)
        if (toks[q + 2].text.starts_with(n)) return false;
    // Single marks are speech only around a clause (`'혁신이 먼저다'라고`), not a term (`'초소수성'이라고`).
    const QuoteSpan& span = spans_[toks[q].span];
    if (span.single) {
      const std::string_view inner = text_.substr(span.text_begin, span.text_end - span.text_begin);
      const bool clause = ends_with(inner, "다") || ends_with(inner, "요") || ends_with(inner, "까") ||
                          ends_with(inner, "죠") || std::count(inner.begin(), inner.end(), ' ') >= 3;
      if (!clause) return false;
    }
    *marker = m;
    return true;
  }
  return false;
}

// In lower-case wire text, the person named at i (`manuel azpurua`, `azpurua`, `Azpurua`).
int DocumentPass::lower_person(const std::vector<Tok>& toks, std::size_t i, std::size_t* next) const {
  if (!lower_wire_ || i >= toks.size() || !is_word(toks[i])) return kNone;
  if (i + 1 < toks.size() && is_word(toks[i + 1])) {
    const int row = people_.find_name_en(lower_ascii(toks[i].text) + " " + lower_ascii(toks[i + 1].text));
    if (row != kNone) {
      *next = i + 2;
      return row;
    }
  }
  const int row = people_.find_surname_en(lower_ascii(toks[i].text));
  if (row != kNone) *next = i + 1;
  return row;
}

// `finance minister manuel azpurua told`: a role noun, then two lower-case words, then a speech
// verb, a comma or `and` — only in text that has lost its capitals.
void DocumentPass::collect_lower_wire(const std::vector<Tok>& toks) {
  static constexpr std::string_view kNotNames[] = {
      "of",   "the",  "and",  "a",    "an",   "to",  "in",  "for", "on", "at",   "with",  "by",     "from",
      "that", "this", "said", "says", "told", "has", "had", "was", "is", "will", "would", "general"};
  for (std::size_t i = 0; i + 2 < toks.size(); ++i) {
    if (!is_word(toks[i]) || !in(kEnRoleNouns, toks[i].text)) continue;
    const Tok& a = toks[i + 1];
    const Tok& b = toks[i + 2];
    auto name_like = [&](const Tok& t) {
      return is_word(t) && t.text.size() >= 3 && !is_upper_ascii(t.text[0]) &&
             std::all_of(t.text.begin(), t.text.end(),
                         [](char c) { return std::isalpha(static_cast<unsigned char>(c)); }) &&
             !in(kNotNames, t.text) && !in(kEnRoleNouns, t.text) && !in(kEnSpeechVerbs, t.text);
    };
    if (!name_like(a) || !name_like(b)) continue;
    const bool closes = i + 3 == toks.size() || is_en_speech_verb(toks, i + 3) || is_punct(toks[i + 3], ",") ||
                        toks[i + 3].text == "and";
    if (!closes) continue;
    Person p;
    p.name_en = std::string(a.text) + " " + std::string(b.text);
    p.title = std::string(toks[i].text);
    people_.add(p);
  }
}

// The head noun of an English description names people (`spokesman`, `source`, `bankers`):
// 1 one person, 2 several, 0 not people.
int human_head(std::string_view head) {
  static constexpr std::string_view kMore[] = {"source", "banker",    "dealer",  "official", "diplomat",   "observer",
                                               "aide",   "insider",   "broker",  "delegate", "legislator", "negotiator",
                                               "trader", "spokesman", "analyst", "economist"};
  std::string w = lower_ascii(head);
  auto known = [&](std::string_view x) { return in(kEnRoleNouns, x) || in(kMore, x); };
  if (known(w)) return 1;
  if (w == "people" || w == "spokesmen" || w == "chairmen") return 2;
  if (w.size() > 3 && w.back() == 's') {
    w.pop_back();
    if (known(w)) return 2;
  }
  return 0;
}

std::string_view last_word(std::string_view s) {
  const std::size_t sp = s.rfind(' ');
  return sp == std::string_view::npos ? s : s.substr(sp + 1);
}

// The word of a description that says who speaks: the last one naming people (`broker` of `a
// broker at Sanyo Securities Co Ltd`), else its last word.
std::string_view description_head(std::string_view d) {
  std::string_view rest = d;
  while (!rest.empty()) {
    const std::string_view w = last_word(rest);
    if (human_head(w) != 0) return w;
    if (w.size() >= rest.size()) break;
    rest = rest.substr(0, rest.size() - w.size() - 1);
  }
  return last_word(d);
}

bool is_determiner(std::string_view w) {
  return w == "a" || w == "an" || w == "the" || w == "one" || w == "A" || w == "An" || w == "The" || w == "One" ||
         w == "some" || w == "Some" || w == "another" || w == "Another";
}

// Words that end a described speaker walking back from its head: verbs, prepositions, conjunctions.
bool np_stop(std::string_view w) {
  static constexpr std::string_view kStops[] = {
      "that",  "and",    "but",   "or",    "in",   "on",      "at",  "of",    "to",   "for",  "with", "from", "by",
      "after", "before", "since", "while", "when", "as",      "is",  "was",   "were", "are",  "has",  "have", "had",
      "be",    "been",   "will",  "would", "also", "however", "who", "which", "if",   "than", "said", "says", "told"};
  if (in(kStops, w)) return true;
  return is_upper_ascii(w[0]) && in(kEnNotNameStarts, w) && !is_determiner(w);
}

// A noun phrase that can say something, starting at i: a pronoun, a name run with an optional
// appositive, or a determiner phrase (`the spokesman`, `a company official`).
bool DocumentPass::english_np(const std::vector<Tok>& toks, std::size_t i, std::size_t limit, Reference* ref,
                              std::size_t* next) {
  if (i >= limit || !is_word(toks[i])) return false;
  const std::string_view w = toks[i].text;
  if (in(kEnPronounsKnown, w)) {
    ref->pronoun = true;
    ref->pronoun_word = w;
    ref->tok = i;
    *next = i + 1;
    return true;
  }
  if (in(kEnPronounsUnknown, w)) {
    ref->unknown = true;
    ref->pronoun_word = w;
    *next = i + 1;
    return true;
  }
  // `"…," one said`: one of the group that spoke before.
  if ((w == "one" || w == "One") && i + 1 < limit && is_en_speech_verb(toks, i + 1)) {
    ref->unknown = true;
    ref->pronoun_word = "one";
    *next = i + 1;
    return true;
  }
  if (const int row = lower_person(toks, i, next); row != kNone) {
    ref->person = row;
    ref->tok = *next - 1;
    return true;
  }
  // Lower-case role words before a name: `analyst John Smith`, `company spokesman Bob Jones`.
  std::size_t j = i;
  std::string role;
  const bool determiner =
      w == "the" || w == "a" || w == "an" || w == "one" || w == "another" || w == "The" || w == "A" || w == "An";
  if (determiner) ++j;
  std::size_t role_from = j;
  while (j < limit && j - i < 6 && is_word(toks[j]) && !is_upper_ascii(toks[j].text[0]) &&
         !in(kEnSpeechVerbs, toks[j].text) && std::isalpha(static_cast<unsigned char>(toks[j].text[0])))
    ++j;
  role = join_words(toks, role_from, j);
  if (j < limit && is_word(toks[j]) && is_upper_ascii(toks[j].text[0])) {
    std::size_t after = j;
    Reference r;
    // Peek first: a run followed by `analyst Michael Lewis` is an organisation, not a person.
    Reference peek;
    english_name_run(toks, j, limit, false, &after, &peek);
    // `Kleinwort Benson Ltd financial analyst Simon Smithson`: adjectives may come before the role.
    std::size_t role_at = after;
    while (role_at < limit && role_at - after < 2 && is_word(toks[role_at]) && !in(kEnRoleNouns, toks[role_at].text) &&
           !toks[role_at].text.empty() && std::islower(static_cast<unsigned char>(toks[role_at].text[0])) &&
           !np_stop(toks[role_at].text))
      ++role_at;
    const bool org_then_name = after > j && role_at + 1 < limit && is_word(toks[role_at]) &&
                               in(kEnRoleNouns, toks[role_at].text) && is_word(toks[role_at + 1]) &&
                               is_upper_ascii(toks[role_at + 1].text[0]);
    after = j;
    int row = org_then_name ? kNone : english_name_run(toks, j, limit, true, &after, &r);
    if (org_then_name) english_name_run(toks, j, limit, false, &after, &r);
    if (after > j) {
      // `Data Resources' Wyss`, `E.F. Hutton Group analyst Michael Lewis`: the run was the
      // organisation; the person's name comes after it.
      std::size_t k = after;
      std::string org_before, role_between;
      if (k + 1 < limit && (is_punct(toks[k], "'") || is_punct(toks[k], "\xE2\x80\x99")) &&
          toks[k].begin == toks[k - 1].end && is_word(toks[k + 1]) && is_upper_ascii(toks[k + 1].text[0])) {
        org_before = join_words(toks, j, k);
        ++k;
      } else if (row == kNone || org_then_name) {
        std::size_t m = k;
        if (role_at < limit && is_word(toks[role_at]) && in(kEnRoleNouns, toks[role_at].text))
          m = std::max(m, role_at);  // the adjectives before the role
        while (m < limit && m - k < 4 && is_word(toks[m]) && in(kEnRoleNouns, toks[m].text)) ++m;
        if (m > k && m < limit && is_word(toks[m]) && is_upper_ascii(toks[m].text[0])) {
          org_before = join_words(toks, j, k);
          role_between = join_words(toks, k, m);
          k = m;
        }
      }
      if (!org_before.empty()) {
        std::size_t after2 = k;
        Reference r2;
        const int row2 = english_name_run(toks, k, limit, true, &after2, &r2);
        if (row2 != kNone) {
          Person p = people_.people()[row2];
          if (p.org.empty()) p.org = org_before;
          if (p.title.empty()) p.title = role_between;
          people_.add(p);
          row = row2;
          r = r2;
          after = after2;
        }
      }
      ref->person = row;
      ref->unknown = row == kNone;
      ref->org = r.org;
      ref->description = role;
      ref->tok = after - 1;
      // `"…," a Swiss National Bank spokesman said`: the organisation names whose speaker it is.
      if (row == kNone && after < limit && is_word(toks[after]) && human_head(toks[after].text) != 0) {
        ref->description = join_words(toks, i, after + 1);
        ++after;
      } else if (row == kNone && !role.empty() && j > role_from && human_head(description_head(role)) != 0 &&
                 np_stop(toks[j - 1].text)) {
        // `said a broker at Sanyo Securities Co Ltd`: the role and its organisation.
        ref->description = join_words(toks, i, after);
      }
      if (row != kNone && !role.empty()) {
        Person p = people_.people()[row];
        if (p.title.empty()) p.title = role;
        people_.add(p);
      }
      std::size_t after_app = after;
      english_appositive(toks, after, limit, row, &after_app);
      *next = after_app;
      return true;
    }
  }
  bool plain_words = true;  // `"…", but also cautioned`: no conjunction or verb is a speaker
  for (std::size_t k = role_from; k < j; ++k) plain_words = plain_words && !np_stop(toks[k].text);
  if (j > role_from && plain_words && (determiner || human_head(toks[j - 1].text) != 0) &&
      (determiner || j - role_from <= 3)) {
    // `the spokesman`, `officials`, `a source close to the talks`: unnamed.
    ref->unknown = true;
    ref->description = join_words(toks, i, j);
    *next = j;
    return true;
  }
  return false;
}

// The noun phrase that ends right before `verb`, e.g. `Randolph said`, `he told reporters`.
bool DocumentPass::english_np_before(const std::vector<Tok>& toks, std::size_t a, std::size_t verb, Reference* ref,
                                     bool add) {
  if (verb <= a) return false;
  std::size_t e = verb;  // NP is [s, e)
  // `Baker also said`, `Quantum later told`: an adverb between the subject and its verb.
  while (e > a + 1 && is_word(toks[e - 1]) &&
         (toks[e - 1].text == "also" || toks[e - 1].text == "later" || toks[e - 1].text == "then" ||
          toks[e - 1].text == "further" || toks[e - 1].text == "only" || toks[e - 1].text == "again"))
    --e;
  // `Perry gave no figures but said …`: the subject of a coordinated verb opens the clause.
  if (is_word(toks[e - 1]) && (toks[e - 1].text == "but" || toks[e - 1].text == "and") && e - 1 > a) {
    std::size_t next = a;
    Reference r;
    if (english_np(toks, a, e - 1, &r, &next) && (r.person != kNone || r.pronoun) && next < e - 1 &&
        is_word(toks[next]) && !is_upper_ascii(toks[next].text[0])) {
      *ref = r;
      return true;
    }
    return false;
  }
  // `the Congressional Research Service (CRS) said`: an acronym gloss is skipped.
  if (e >= a + 4 && is_punct(toks[e - 1], ")") && is_punct(toks[e - 3], "(") && is_word(toks[e - 2])) e -= 3;
  // `Wilson Sy, president of Prudential Securities, a local firm, told Reuters`: the name that opens
  // the clause, however long its appositives.
  if (is_punct(toks[e - 1], ",") && add && is_word(toks[a]) && is_upper_ascii(toks[a].text[0])) {
    std::size_t next = a;
    Reference r;
    if (english_np(toks, a, e, &r, &next) && r.person != kNone && next < e && is_punct(toks[next], ",")) {
      *ref = r;
      return true;
    }
  }
  // `Jung, a legislative researcher at …, said`: skip the appositive.
  if (is_punct(toks[e - 1], ",")) {
    std::size_t k = e - 1;
    while (k > a && !is_punct(toks[k - 1], ",") && e - k < 18) --k;
    if (k > a && is_punct(toks[k - 1], ",")) e = k - 1;
  }
  if (e <= a) return false;
  if (in(kEnPronounsKnown, toks[e - 1].text)) {
    ref->pronoun = true;
    ref->pronoun_word = toks[e - 1].text;
    ref->tok = e - 1;
    return true;
  }
  if (in(kEnPronounsUnknown, toks[e - 1].text)) {
    ref->unknown = true;
    ref->pronoun_word = toks[e - 1].text;
    return true;
  }
  if (lower_wire_) {
    std::size_t after = 0;
    int row = e >= a + 2 ? lower_person(toks, e - 2, &after) : kNone;
    if (row == kNone || after != e) row = lower_person(toks, e - 1, &after);
    if (row != kNone && after == e) {
      ref->person = row;
      ref->tok = e - 1;
      return true;
    }
  }
  std::size_t s = e;
  while (s > a && is_word(toks[s - 1]) && e - s < 7 &&
         (is_upper_ascii(toks[s - 1].text[0]) || toks[s - 1].text == "of" || toks[s - 1].text == "de" ||
          toks[s - 1].text == "la" || toks[s - 1].text == "van" || toks[s - 1].text == "von" ||
          toks[s - 1].text == "der" || toks[s - 1].text == "del" ||
          (toks[s - 1].text == "the" && s >= a + 2 && toks[s - 2].text == "of")))
    --s;
  // `The New York Times Co said`: the article is not part of the name.
  while (s + 1 < e && is_word(toks[s]) && in(kEnNotNameStarts, toks[s].text)) ++s;
  if (s + 1 == e && in(kEnNotNameStarts, toks[s].text)) s = e;
  if (s < e) {
    // A lower-case role or determiner before the name.
    std::size_t r = s;
    while (r > a && is_word(toks[r - 1]) && s - r < 4 && !is_upper_ascii(toks[r - 1].text[0]) &&
           !in(kEnSpeechVerbs, toks[r - 1].text) && toks[r - 1].text != "that" && toks[r - 1].text != "and")
      --r;
    std::size_t next = s;
    Reference r2;
    const int row = english_name_run(toks, s, e, add, &next, &r2);
    if (next > s) {
      *ref = r2;
      ref->person = row;
      ref->unknown = row == kNone;
      ref->tok = e - 1;
      if (r < s) ref->description = join_words(toks, r, s);
      return true;
    }
    return false;
  }
  const std::string_view w = toks[e - 1].text;
  if (in(kEnPronounsKnown, w)) {
    ref->pronoun = true;
    ref->tok = e - 1;
    return true;
  }
  if (in(kEnPronounsUnknown, w)) {
    ref->unknown = true;
    return true;
  }
  // `the spokesman said`, `officials said`
  std::size_t r = e;
  if (human_head(toks[e - 1].text) != 0 || toks[e - 1].text == "management") {
    // `A key Senate Budget Committee source told`, `One banker said`, `Fairchild management
    // warned`: the words of a described speaker back to its determiner.
    while (r > a && is_word(toks[r - 1]) && e - r < 8 && !np_stop(toks[r - 1].text) &&
           !is_en_speech_verb(toks, r - 1)) {
      --r;
      if (is_determiner(toks[r].text)) break;
    }
  } else {
    while (r > a && is_word(toks[r - 1]) && e - r < 5 && !is_upper_ascii(toks[r - 1].text[0]) &&
           toks[r - 1].text != "that" && toks[r - 1].text != "and" && toks[r - 1].text != "but")
      --r;
  }
  if (r < e) {
    ref->unknown = true;
    ref->description = join_words(toks, r, e);
    return true;
  }
  return false;
}

// English attribution of the quote at token q: after it (`"…," X said`, `"…," said X`,
// `"…," according to X`) or before it (`X said: "…"`).
bool DocumentPass::english_attribution(const std::vector<Tok>& toks, std::size_t q, Reference* ref) {
  std::size_t limit = q + 1;
  while (limit < toks.size() && toks[limit].kind != TokKind::kQuote && limit - q < 48) ++limit;
  std::size_t j = q + 1;
  if (j < limit && is_punct(toks[j], ",")) ++j;
  if (j < limit) {
    std::size_t after = j;
    Reference r;
    if (is_en_speech_verb(toks, j)) {
      std::size_t k = j + 1;
      while (k < limit && is_word(toks[k]) && (toks[k].text == "out" || toks[k].text == "on")) ++k;
      if (english_np(toks, k, limit, &r, &after)) {
        *ref = r;
        return true;
      }
      // `"…," said the report`; `"…," he said` matched below.
    }
    if (toks[j].text == "according" && j + 1 < limit && toks[j + 1].text == "to" &&
        english_np(toks, j + 2, limit, &r, &after)) {
      *ref = r;
      return true;
    }
    r = Reference{};
    if (english_np(toks, j, limit, &r, &after)) {
      std::size_t k = after;
      if (k < limit && is_word(toks[k]) &&
          (toks[k].text == "also" || toks[k].text == "later" || toks[k].text == "then" || toks[k].text == "further"))
        ++k;
      if (is_en_speech_verb(toks, k)) {
        *ref = r;
        return true;
      }
    }
  }
  // Before: the quote follows `said`, `said:`, `said that`, `told reporters:`.
  std::size_t a = q;
  while (a > 0 && toks[a - 1].kind != TokKind::kQuote && q - a < 48) --a;
  std::size_t e = q;
  while (e > a && (is_punct(toks[e - 1], ",") || is_punct(toks[e - 1], ":") || toks[e - 1].text == "that")) --e;
  for (std::size_t back = 0; back < 4 && e > a + back; ++back) {
    const std::size_t v = e - 1 - back;
    if (!is_en_speech_verb(toks, v)) continue;
    if (back > 0 && toks[v].text != "told" && toks[v].text != "tells" && toks[v].text != "said" &&
        toks[v].text != "says")
      break;
    Reference r;
    if (english_np_before(toks, a, v, &r)) {
      *ref = r;
      return true;
    }
    break;
  }
  return false;
}

// `"He is tough," but "will hang on" until October, Watanabe told Reuters.`: a sentence that opens
// with quotes and ends with its attribution (`X said`, `X told Reuters`, `said X`).
bool DocumentPass::english_attribution_at_end(const std::vector<Tok>& toks, std::size_t q, std::size_t prev_end,
                                              Reference* ref) {
  for (std::size_t k = 0; k < q; ++k)
    if (toks[k].kind != TokKind::kQuote && !(toks[k].kind == TokKind::kPunct) &&
        !(is_word(toks[k]) && (toks[k].text == "but" || toks[k].text == "and")))
      return false;
  (void)prev_end;
  std::size_t end = toks.size();
  while (end > q + 1 && toks[end - 1].kind == TokKind::kPunct) --end;
  // Quotes joined by `but`/`and` may come before the attribution: it starts after the last one.
  std::size_t last_quote = q;
  for (std::size_t k = q + 1; k < end; ++k)
    if (toks[k].kind == TokKind::kQuote) {
      if (!(is_word(toks[k - 1]) && (toks[k - 1].text == "but" || toks[k - 1].text == "and"))) return false;
      last_quote = k;
    }
  q = last_quote;
  // The verb: at most four words before the end (`told Reuters`, `told a news conference`).
  for (std::size_t v = end; v > q + 2 && end - v < 5; --v) {
    if (!is_en_speech_verb(toks, v - 1)) continue;
    for (std::size_t k = v; k < end; ++k)
      if (!is_word(toks[k])) return false;
    if (!is_punct(toks[v - 3], ",") && !is_punct(toks[v - 2], ",") && !(v >= 4 && is_punct(toks[v - 4], ",")))
      return false;
    std::size_t from = v - 2;
    while (from > q + 1 && !is_punct(toks[from - 1], ",")) --from;
    Reference r;
    if (!english_np_before(toks, from, v - 1, &r) || (r.person == kNone && !r.pronoun)) return false;
    *ref = r;
    return true;
  }
  return false;
}

bool has_speech_verb(const std::vector<Tok>& toks, std::size_t a, std::size_t b) {
  for (std::size_t i = a; i < b; ++i)
    if (is_en_speech_verb(toks, i)) return true;
  return false;
}

// Verbs that report speech around a partial quote: `said earnings "will probably be off"`,
// `repeated a projection that earnings "will …"`, `expressed "grave concern"`.
bool is_en_reporting_verb(const std::vector<Tok>& toks, std::size_t i) {
  static constexpr std::string_view kExtra[] = {"repeated", "repeats", "expressed", "expresses", "questioned",
                                                "saying",   "quoted",  "adding",    "describing"};
  return is_en_speech_verb(toks, i) || (is_word(toks[i]) && in(kExtra, toks[i].text));
}

// Every word capitalised (`"Anne Klein"`, `"Continental Express."`): a name or a title, not words
// someone said.
bool title_case_only(std::string_view s) {
  bool any = false;
  for (std::size_t pos = 0; pos < s.size();) {
    while (pos < s.size() && !std::isalpha(static_cast<unsigned char>(s[pos]))) ++pos;
    if (pos >= s.size()) break;
    const std::size_t from = pos;
    while (pos < s.size() && std::isalpha(static_cast<unsigned char>(s[pos]))) ++pos;
    const std::string_view w = s.substr(from, pos - from);
    if (any && (w == "of" || w == "the" || w == "and" || w == "for" || w == "in" || w == "on" || w == "to" || w == "a"))
      continue;  // `The New Vision of Kodak`
    if (!is_upper_ascii(w[0])) return false;
    any = true;
  }
  return any;
}

// A Korean quote that is a whole spoken sentence: Hangul, ending in a sentence-final ending and
// `.?!` (`…띄워주더군요.`, `…과정입니다.`); headlines end without one.
bool korean_spoken_sentence(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  if (s.empty() || (s.back() != '.' && s.back() != '?' && s.back() != '!')) return false;
  s.remove_suffix(1);
  for (std::string_view e : {"다", "요", "죠", "까", "네"})
    if (ends_with(s, e)) return true;
  return false;
}

// English references that name no one by themselves (issue 14). `he`/`she`: a person named
// before it in the sentence, else the subject of the latest sentence that said something when no
// person was named after that sentence (`Watanabe said … Miyazawa. "…," he said` is Watanabe;
// `A key committee source told Reuters … "…," he said` is the source), else the person named
// last. `it`/`they`/`one`: the organisation or group that last spoke. `the spokesman`: the
// described speaker introduced in full before (`A Swiss National Bank spokesman`); `the company`:
// the organisation that last spoke; `Standard`: the organisation named in full before
// (`Standard Oil Co`).
int DocumentPass::resolve_english(Reference& ref, u32 pos, const std::vector<Mention>& in_sentence) {
  if (ref.person != kNone) return ref.person;
  const bool recent = have_en_subject_ && en_subject_sentence_ >= last_person_sentence_;
  if (ref.pronoun) {
    int row = kNone;
    for (const Mention& m : in_sentence)
      if (m.pos < pos) row = m.person;
    if (row != kNone) return row;
    if (recent && en_subject_person_ != kNone) return en_subject_person_;
    // `…, Slifer said. "…," he said.`: a single unknown capitalised subject that `he` goes on
    // from was a person's surname, not an organisation.
    if (recent && en_subject_.description.empty() && en_subject_.org.find(' ') == std::string::npos &&
        is_name_word(en_subject_.org) && !in(kEnOrgWords, en_subject_.org) && !in(kEnNotNameStarts, en_subject_.org) &&
        !lower_words_.contains(lower_ascii(en_subject_.org)) &&
        std::find(en_orgs_.begin(), en_orgs_.end(), en_subject_.org) == en_orgs_.end()) {
      for (const std::string& full : en_orgs_)
        if (std::string_view(full).starts_with(en_subject_.org + " ")) return last_person_;
      Person p;
      p.name_en = en_subject_.org;
      const int added = people_.add(p);
      if (added != kNone) return added;
    }
    if (recent && en_subject_person_ == kNone && !en_subject_.description.empty() &&
        human_head(description_head(en_subject_.description)) == 1) {
      ref.pronoun = false;
      ref.unknown = true;
      ref.description = en_subject_.description;
      ref.org = en_subject_.org;
      return kNone;
    }
    return last_person_;
  }
  if (ref.unknown && !ref.pronoun_word.empty() && have_en_subject_ && en_subject_person_ == kNone) {
    const std::string_view w = ref.pronoun_word;
    const int group = en_subject_.description.empty() ? 0 : human_head(description_head(en_subject_.description));
    if ((w == "it" || w == "It") && en_subject_.description.empty() && !en_subject_.org.empty()) {
      ref.org = en_subject_.org;
    } else if ((w == "they" || w == "They") && (group == 2 || (group == 0 && !en_subject_.org.empty()))) {
      ref.description = en_subject_.description;
      ref.org = en_subject_.org;
    } else if (w == "one" && group == 2) {
      ref.description = en_subject_.description;
    }
    if (!ref.org.empty()) ref.org = canonical_org(ref.org);
    return kNone;
  }
  if (!ref.description.empty()) {
    const std::string& d = ref.description;
    const bool definite = d.starts_with("the ") || d.starts_with("The ") || d.find(' ') == std::string::npos;
    if (definite && std::count(d.begin(), d.end(), ' ') <= 2) {
      const std::string head = lower_ascii(description_head(d));
      for (auto it = en_descriptions_.rbegin(); it != en_descriptions_.rend(); ++it)
        if (lower_ascii(description_head(*it)) == head && *it != d) {
          ref.description = *it;
          break;
        }
      const std::string& org =
          !en_last_org_.empty() ? en_last_org_ : (en_orgs_.empty() ? en_last_org_ : en_orgs_.front());
      if ((head == "company" || head == "firm" || head == "group" || head == "corporation" || head == "partnership" ||
           head == "bank") &&
          ref.org.empty() && !org.empty() && ref.description == d) {
        ref.org = org;
        ref.description.clear();
      }
    }
  }
  if (!ref.org.empty()) ref.org = canonical_org(ref.org);
  return kNone;
}

// An organisation named by its first words (`Standard`, `Chrysler`) is the one the document named
// in full before (`Standard Oil Co`, `Chrysler Corp`).
std::string DocumentPass::canonical_org(const std::string& org) const {
  std::string_view o = org;
  if (o.starts_with("The ")) o.remove_prefix(4);
  for (const std::string& full : en_orgs_)
    if (full.size() > o.size() && std::string_view(full).starts_with(o) && full[o.size()] == ' ') return full;
  // `the Bank said` after `The World Bank said`.
  if (o.find(' ') == std::string_view::npos)
    for (const std::string& full : en_orgs_)
      if (full.size() > o.size() && std::string_view(full).ends_with(o) && full[full.size() - o.size() - 1] == ' ')
        return full;
  return std::string(o);
}

// Remembers who the sentence was about as a speaker: the speaker of its last English quote, else
// the subject of its first speech verb (`the source said`, `Quantum said`), else a person it opens
// with.
void DocumentPass::note_english_subject(const std::vector<Tok>& toks, const std::vector<Mention>& in_sentence,
                                        std::size_t si, const Reference* spoke, int spoke_person) {
  Reference subject;
  int person = kNone;
  bool found = false;
  if (spoke != nullptr) {
    subject = *spoke;
    person = spoke_person;
    found = person != kNone || !subject.description.empty() || !subject.org.empty();
  } else {
    std::size_t a = 0;
    for (std::size_t v = 0; v < toks.size() && !found; ++v) {
      if (toks[v].kind == TokKind::kQuote) {
        a = v + 1;
        continue;
      }
      if (!is_en_speech_verb(toks, v) || v == a) continue;
      if (is_word(toks[v - 1]) && (toks[v - 1].text == "and" || toks[v - 1].text == "but")) continue;
      Reference r;
      if (!english_np_before(toks, a, v, &r, false)) continue;
      person = resolve_english(r, toks[v].begin, in_sentence);
      subject = r;
      found = person != kNone || !r.description.empty() || !r.org.empty();
      if (!found) break;  // `it said`, `they said` with nothing to refer to
    }
  }
  if (!found && sentence_person_[si] != kNone) {
    person = sentence_person_[si];
    subject = Reference{};
    found = true;
  }
  if (!found) return;
  en_subject_ = subject;
  en_subject_person_ = person;
  en_subject_sentence_ = si;
  have_en_subject_ = true;
  if (person == kNone && !subject.description.empty()) {
    const std::string& d = subject.description;
    if (!d.starts_with("the ") && !d.starts_with("The ")) en_descriptions_.push_back(d);
  }
  if (person == kNone && subject.description.empty() && !subject.org.empty()) en_last_org_ = subject.org;
}

int DocumentPass::resolve(const Reference& ref, u32 pos, const std::vector<Mention>& in_sentence) const {
  if (ref.person != kNone) return ref.person;
  if (ref.pronoun) {
    int row = last_person_;
    for (const Mention& m : in_sentence)
      if (m.pos < pos) row = m.person;
    return row;
  }
  return kNone;
}

void DocumentPass::emit(const QuoteSpan& span, int person, const Reference& ref) {
  Quote q;
  q.begin = span.text_begin;
  q.end = span.text_end;
  q.text = trimmed_quote(text_.substr(span.text_begin, span.text_end - span.text_begin));
  if (q.text.empty()) return;
  // Recompute begin/end on the trimmed text.
  const std::size_t at = text_.substr(span.text_begin, span.text_end - span.text_begin).find(q.text);
  if (at != std::string_view::npos) {
    q.begin = span.text_begin + static_cast<u32>(at);
    q.end = q.begin + static_cast<u32>(q.text.size());
  }
  if (person != kNone) {
    q.speaker = people_.speaker(person);
  } else {
    q.speaker.title = ref.description;
    q.speaker.org = ref.org;
  }
  quotes_.push_back(std::move(q));
}

bool mostly_latin(std::string_view s) {
  std::size_t latin = 0, hangul = 0;
  for (std::size_t pos = 0; pos < s.size();) {
    const char32_t cp = next_code_point(s, pos);
    if (cp < 0x80 && std::isalpha(static_cast<int>(cp)))
      ++latin;
    else if (is_hangul_syllable(cp))
      ++hangul;
  }
  return latin > 3 * hangul && latin > 0;
}

void DocumentPass::attribute_sentence(std::size_t si, const std::vector<Tok>& toks) {
  const std::vector<Mention> in_sentence = mentions(toks);
  const int previous = si > 0 ? sentence_person_[si - 1] : kNone;
  // An organisation or described speaker the previous sentence was about (`국방부는 … 밝혔다.
  // 또한 "…"고 덧붙였다`), when it was about no person.
  const Reference previous_ref = previous == kNone ? previous_ref_ : Reference{};
  int sentence_person = kNone;
  int last_speaker = kNone;
  u32 last_speaker_pos = 0;
  Reference last_ref;  // the latest organisation or described speaker of this sentence
  bool last_was_ref = false;

  // Quote tokens of the sentence, in order.
  std::vector<std::size_t> qs;
  for (std::size_t i = 0; i < toks.size(); ++i)
    if (toks[i].kind == TokKind::kQuote) qs.push_back(i);

  // Korean chains: consecutive quotes joined by 며/면서/라며…, ending in a quotative ending.
  std::size_t prev_end = 0;        // token after the previous quote's clause
  int prev_quote_speaker = kNone;  // speaker of the previous English quote in this sentence
  bool sentence_speech = false;
  u32 unnamed_pos = 0;              // where an unnamed speaker (`a senior banker said`) was last quoted
  Reference en_spoke, partial_ref;  // the reference of the last English quote, of the last partial quote
  int en_spoke_person = kNone, partial_person = kNone;
  bool en_spoke_set = false, partial_set = false;
  const std::size_t quotes_before = quotes_.size();
  for (std::size_t n = 0; n < qs.size();) {
    const std::size_t q = qs[n];
    const std::size_t quotes_emitted_before = quotes_.size();
    std::string_view marker;
    if (korean_marker(toks, q, &marker)) {
      std::size_t tail = n;
      while ((in(kKoChainMarkers, marker) || marker == ",") && tail + 1 < qs.size() && qs[tail + 1] == qs[tail] + 2) {
        std::string_view m2;
        if (!korean_marker(toks, qs[tail + 1], &m2)) break;
        ++tail;
        marker = m2;
      }
      // Subject before the chain's head, else after its tail, else carried over.
      Reference ref = korean_reference(toks, prev_end, q, false);
      // `신 씨는 … 정 위원장이 … "…"라고 말했다고 주장했다`: a quote reported as another's words
      // (the verb after it ends in 다고/다며) belongs to the subject inside the report.
      if (ref.person != kNone && qs[tail] + 2 < toks.size() && is_word(toks[qs[tail] + 2]) &&
          (ends_with(toks[qs[tail] + 2].text, "했다고") || ends_with(toks[qs[tail] + 2].text, "했다며") ||
           ends_with(toks[qs[tail] + 2].text, "했다는"))) {
        Reference inner;
        for (std::size_t k = ref.tok + 1; k < q; ++k) {
          if (!is_word(toks[k])) continue;
          const Reference r = korean_reference(toks, k, std::min(q, k + 4), false);
          if (r.person != kNone && r.person != ref.person && r.tok < q && is_word(toks[r.tok]) &&
              (toks[r.tok].particle == "이" || toks[r.tok].particle == "가") &&
              !relative_clause_subject(toks, r.tok, q))
            inner = r;
        }
        if (inner.person != kNone) ref = inner;
      }
      // `리비아 인민해방군, "…"이라고 밝혀` (a headline): the words before a comma right before the
      // quote name the speaker.
      if (ref.person == kNone && !ref.pronoun && !ref.unknown && q >= prev_end + 2 && q - prev_end <= 5 &&
          is_punct(toks[q - 1], ",")) {
        bool bare = true;
        for (std::size_t k = prev_end; k + 1 < q; ++k)
          bare = bare && is_word(toks[k]) && starts_hangul(toks[k].text) && toks[k].particle.empty();
        if (bare) {
          Reference head;
          for (std::size_t k = prev_end; k + 1 < q && head.person == kNone; ++k) {
            head.person = people_.find_name(toks[k].text);
            head.tok = k;
          }
          if (head.person == kNone) {
            SubjectKind kind = subject_kind(toks[q - 2].text);
            const std::string named = join_words(toks, prev_end, q - 1);
            // An organisation the document names as a person's (`… 리비아 인민해방군 대변인`).
            for (const Person& known : people_.people())
              if (kind == SubjectKind::kNothing && known.org == named) kind = SubjectKind::kOrganization;
            if (kind != SubjectKind::kNothing) {
              head.unknown = true;
              head.speaks = true;
              const std::string words = join_words(toks, prev_end, q - 1);
              if (kind == SubjectKind::kOrganization)
                head.org = words;
              else
                head.description = words;
            }
          }
          if (head.person != kNone || head.speaks) ref = head;
        }
      }
      std::size_t post_end = qs[tail] + 2;
      while (post_end < toks.size() && toks[post_end].kind != TokKind::kQuote && post_end - qs[tail] < 40) ++post_end;
      if (ref.person == kNone && !ref.pronoun && !ref.unknown)
        ref = korean_reference(toks, qs[tail] + 2, post_end, true);
      int person = resolve(ref, toks[q].begin, in_sentence);
      const bool zero_subject = ref.person == kNone && !ref.pronoun && !ref.unknown;
      if (zero_subject) {
        if (last_was_ref)
          ref = last_ref;
        else if (last_speaker != kNone)
          person = last_speaker;
        else if (previous != kNone)
          person = previous;
        else if (!previous_ref.speaks && si >= 2 && ko_subjectless_ + 1 == si && ko_last_speaker_ != kNone &&
                 ko_last_speaker_sentence_ + 2 == si)
          person = ko_last_speaker_;  // `그는 "…"고 말했다. 학칙은 … 것이다. "…"고 밝혔다.`
        else
          ref = previous_ref;
      }
      for (std::size_t k = n; k <= tail; ++k) emit(spans_[toks[qs[k]].span], person, ref);
      if (person != kNone) {
        ko_last_speaker_ = person;
        ko_last_speaker_sentence_ = si;
      }
      if (person != kNone) {
        last_speaker = person;
        last_speaker_pos = toks[qs[tail]].begin;
        last_was_ref = false;
        people_.touch(person);
      } else if (ref.speaks) {
        last_ref = ref;
        last_was_ref = true;
      }
      prev_end = qs[tail] + 2;
      n = tail + 1;
      continue;
    }
    const QuoteSpan& span = spans_[toks[q].span];
    if (!span.single) {
      Reference ref;
      if (english_attribution(toks, q, &ref) || english_attribution_at_end(toks, q, prev_end, &ref)) {
        // `"…," said a broker at Sanyo Securities Co Ltd. "…," he added.` (one sentence after the
        // abbreviation): `he` is the speaker of the quote before it.
        if (ref.pronoun && en_spoke_set && en_spoke_person == kNone && !en_spoke.description.empty() &&
            human_head(description_head(en_spoke.description)) == 1) {
          bool named_between = false;
          for (const Mention& m : in_sentence) named_between = named_between || m.pos < toks[q].begin;
          if (!named_between) {
            ref = en_spoke;
            ref.pronoun = false;
          }
        }
        const int person = resolve_english(ref, toks[q].begin, in_sentence);
        emit(span, person, ref);
        en_spoke = ref;
        en_spoke_person = person;
        en_spoke_set = true;
        if (person == kNone && ref.unknown && !ref.description.empty()) unnamed_pos = toks[q].begin;
        if (person != kNone) {
          last_speaker = person;
          last_speaker_pos = toks[q].begin;
          people_.touch(person);
        }
      } else if (prev_quote_speaker != kNone && has_speech_verb(toks, prev_end, q)) {
        // `"…," said John Smith, an analyst at Acme, "but …"`: the same speaker goes on.
        emit(span, prev_quote_speaker, Reference{});
        last_speaker = prev_quote_speaker;
        last_speaker_pos = toks[q].begin;
      } else {
        // A sentence that is only quotes, right after an attributed one, continues it.
        const bool alone = toks.size() <= qs.size() + 2;
        const int carried = last_speaker != kNone ? last_speaker : previous;
        const std::string_view inner = text_.substr(span.text_begin, span.text_end - span.text_begin);
        // A partial quote inside reported speech: `Smith said earnings "will be off slightly"`.
        // The speaker is the subject of the nearest reporting verb before the quote.
        std::size_t verb = q;
        if (!alone && mostly_latin(inner) && !title_case_only(inner))
          while (verb > prev_end && q - verb < 40 && !is_en_reporting_verb(toks, verb - 1)) --verb;
        // `… based on "historic" production levels`: a second partial quote with no verb of its
        // own goes on with the first one's speaker.
        if (!alone && verb == prev_end && (partial_set || en_spoke_set) && mostly_latin(inner) &&
            !title_case_only(inner)) {
          Reference carried_ref = partial_set ? partial_ref : en_spoke;
          emit(span, partial_set ? partial_person : en_spoke_person, carried_ref);
          prev_end = q + 1;
          ++n;
          continue;
        }
        if (!alone && verb > prev_end && is_en_reporting_verb(toks, verb - 1)) {
          Reference subj;
          bool subject = english_np_before(toks, prev_end, verb - 1, &subj);
          // `Quantum said it told Fairchild it will not make "…"`: a pronoun under an earlier
          // reporting verb of the clause is that verb's subject.
          if (subject && (subj.pronoun || !subj.pronoun_word.empty())) {
            for (std::size_t v = verb - 1; v > prev_end + 1; --v) {
              if (!is_en_reporting_verb(toks, v - 1)) continue;
              Reference outer;
              if (english_np_before(toks, prev_end, v - 1, &outer) && !outer.pronoun && outer.pronoun_word.empty() &&
                  (outer.person != kNone || !outer.org.empty() || !outer.description.empty()))
                subj = outer;
              break;
            }
          }
          const int person = subject ? resolve_english(subj, toks[q].begin, in_sentence) : kNone;
          // An unknown speaker keeps a description only when it names a role (`a senior dealer`),
          // not whatever words happen to stand before the verb (`and`, `be`).
          bool role_described = false;
          for (std::size_t at = 0; at < subj.description.size();) {
            std::size_t e = subj.description.find(' ', at);
            if (e == std::string::npos) e = subj.description.size();
            const std::string w = subj.description.substr(at, e - at);
            if (human_head(w) != 0 || w == "management" || !subj.org.empty()) role_described = true;
            at = e + 1;
          }
          if (!role_described) subj.description.clear();
          emit(span, person, subj);
          partial_ref = subj;
          partial_person = person;
          partial_set = true;
          en_spoke = subj;
          en_spoke_person = person;
          en_spoke_set = true;
          if (person != kNone) {
            last_speaker = person;
            last_speaker_pos = toks[q].begin;
            people_.touch(person);
          }
          prev_quote_speaker = person;
          prev_end = q + 1;
          ++n;
          continue;
        }
        // A Korean spoken sentence standing alone after its speaker was introduced (`조 교수는 …
        // 믿는다. "…입니다."`, `어느 대학원생은 이런 말을 했다. "…죠."`).
        const bool opens_sentence = q == 0 || (q == 1 && is_word(toks[0]) && toks[0].end < toks[q].begin);
        if (alone && opens_sentence && !mostly_latin(inner) && korean_spoken_sentence(inner) &&
            (carried != kNone || previous_speech_ || previous_says_)) {
          emit(span, carried,
               carried == kNone && !last_was_ref ? previous_ref : (last_was_ref ? last_ref : Reference{}));
          sentence_speech = true;
          if (carried != kNone) {
            last_speaker = carried;
            last_speaker_pos = toks[q].begin;
          }
        }
        // An unnamed speaker goes on too: the quote is speech, its speaker stays unknown.
        if (alone && carried == kNone && previous_speech_ && mostly_latin(inner) && inner.size() > 20) {
          // The unnamed speaker of the sentence before goes on (`… one banker said. "…"`).
          Reference goes_on;
          if (have_en_subject_ && en_subject_sentence_ + 1 == si && en_subject_person_ == kNone) goes_on = en_subject_;
          emit(span, kNone, goes_on);
          sentence_speech = true;
        } else if (alone && carried != kNone && mostly_latin(inner) && inner.size() > 20) {
          emit(span, carried, Reference{});
          last_speaker = carried;
          last_speaker_pos = toks[q].begin;
        }
      }
    }
    prev_quote_speaker = last_speaker_pos == toks[q].begin ? last_speaker : kNone;
    // A single-marked term that is not speech (`김 신부는 ‘성적지향’을 언급하며 "…"`) does not end
    // the clause whose subject the next quote needs.
    if (!(span.single && quotes_.size() == quotes_emitted_before)) prev_end = q + 1;
    ++n;
  }

  if (last_speaker != kNone && !last_was_ref) sentence_person = last_speaker;
  previous_ref_ = last_was_ref ? last_ref : Reference{};
  previous_speech_ = sentence_speech || quotes_.size() > quotes_before;
  // `이렇게 말했다.`, `이런 말을 했다.`: a sentence that announces the speech after it.
  previous_says_ = false;
  if (qs.empty()) {
    std::size_t last = toks.size();
    while (last > 0 && !is_word(toks[last - 1])) --last;
    if (last > 1) {
      const std::string_view v = toks[last - 1].text, before = toks[last - 2].text;
      previous_says_ = (v == "말했다" || v == "했다" || v == "밝혔다" || v == "전했다" || v == "말한다" ||
                        v == "한다" || v == "밝힌다" || v == "전한다") &&
                       (before == "이렇게" || before == "말을" || before == "같이" || before == "다음과");
    }
  }
  if (sentence_person == kNone) {
    // The topic of a sentence without quotes: `정 조사관은 … 제시했다`, `Kang was careful …`.
    const Reference topic = korean_reference(toks, 0, toks.size(), false);
    if (qs.empty() && topic.person == kNone && !topic.pronoun && !topic.speaks && topic.description.empty() &&
        in_sentence.empty())
      ko_subjectless_ = si;
    if (topic.person != kNone)
      sentence_person = topic.person;
    else if (topic.speaks && !last_was_ref)
      previous_ref_ = topic;
    else if (topic.pronoun)
      sentence_person = resolve(topic, toks.empty() ? 0 : toks.back().end, in_sentence);
    else if (!in_sentence.empty() && !toks.empty() && is_word(toks[0]) && !starts_hangul(toks[0].text) &&
             in_sentence.front().pos == toks[0].begin)
      sentence_person = in_sentence.front().person;
  }
  sentence_person_[si] = sentence_person;
  note_english_subject(toks, in_sentence, si, en_spoke_set ? &en_spoke : nullptr, en_spoke_person);
  // The latest person for a following pronoun: the last one named, or the last speaker when no
  // one is named after that speaker's quote.
  if (!in_sentence.empty() && (last_speaker == kNone || in_sentence.back().pos > last_speaker_pos)) {
    last_person_ = in_sentence.back().person;
    last_person_sentence_ = si;
  } else if (last_speaker != kNone) {
    last_person_ = last_speaker;
    last_person_sentence_ = si;
  }
  // `A Thomson officer explained …`: an unnamed person becomes the one a later `he` means.
  if (qs.empty() && in_sentence.empty() && toks.size() > 2 && is_word(toks[0]) &&
      (toks[0].text == "A" || toks[0].text == "An" || toks[0].text == "The")) {
    for (std::size_t k = 1; k < 4 && k < toks.size(); ++k)
      if (is_word(toks[k]) && in(kEnRoleNouns, toks[k].text)) {
        last_person_ = kNone;
        break;
      }
  }
  // `"…," said the regional manager … "…," he added`: he is the unnamed manager, no one else.
  if (unnamed_pos > 0 && unnamed_pos > last_speaker_pos &&
      (in_sentence.empty() || in_sentence.back().pos < unnamed_pos))
    last_person_ = kNone;
  for (const Mention& m : in_sentence) people_.touch(m.person);
  if (last_speaker != kNone) people_.touch(last_speaker);
}

QuoteExtraction DocumentPass::run() {
  // Paragraphs, spans and sentences.
  u32 start = 0;
  while (start <= text_.size()) {
    std::size_t nl = text_.find('\n', start);
    if (nl == std::string_view::npos) nl = text_.size();
    // Does the next paragraph open with a double quote mark (a quote going on)?
    std::size_t next = nl + 1;
    while (next < text_.size() && (text_[next] == ' ' || text_[next] == '\t')) ++next;
    const std::string_view rest = next < text_.size() ? text_.substr(next) : std::string_view{};
    const bool next_quotes =
        rest.starts_with("\"") || rest.starts_with("\xE2\x80\x9C") || rest.starts_with("\xE2\x80\x9E");
    const std::vector<QuoteSpan> par = find_quote_spans(text_.substr(start, nl - start), start, next_quotes);
    const std::size_t first = spans_.size();
    spans_.insert(spans_.end(), par.begin(), par.end());
    split_sentences(text_, start, static_cast<u32>(nl), spans_, first, spans_.size(), sentences_);
    start = static_cast<u32>(nl) + 1;
  }
  std::vector<std::vector<Tok>> toks;
  toks.reserve(sentences_.size());
  for (const Sentence& s : sentences_)
    toks.push_back(tokenize(text_, s.begin, s.end, spans_, s.first_span, s.last_span));

  // Wire text that has lost its capitals: under one Latin word in twenty starts with one.
  std::size_t latin = 0, capital = 0;
  for (const auto& sentence : toks)
    for (const Tok& t : sentence)
      if (is_word(t) && std::isalpha(static_cast<unsigned char>(t.text[0]))) {
        ++latin;
        if (is_upper_ascii(t.text[0])) ++capital;
      }
  lower_wire_ = latin >= 40 && capital * 20 < latin;
  for (const auto& sentence : toks)
    for (const Tok& t : sentence)
      if (is_word(t) && starts_hangul(t.text)) {
        if (t.particle.empty())
          bare_words_.insert(t.text);
        else if (!particle_stems_.insert(t.stem).second)
          repeated_stems_.insert(t.stem);
      }
  // Capitalised words standing alone (no capitalised word beside them): surnames used alone.
  for (const auto& sentence : toks)
    for (std::size_t i = 0; i < sentence.size(); ++i) {
      if (!capitalised(sentence[i]) || !is_name_word(sentence[i].text)) continue;
      const bool before = i > 0 && capitalised(sentence[i - 1]) && !in(kEnNotNameStarts, sentence[i - 1].text);
      const bool after = i + 1 < sentence.size() && capitalised(sentence[i + 1]);
      if (!before && !after && solo_words_.size() < 20000) solo_words_.insert(sentence[i].text);
    }
  for (const auto& sentence : toks)
    for (const Tok& t : sentence)
      if (is_word(t) && !t.text.empty() && std::islower(static_cast<unsigned char>(t.text[0])) &&
          lower_words_.size() < 50000)
        lower_words_.insert(t.text);
  for (const auto& t : toks) collect_people(t);
  if (lower_wire_)
    for (const auto& t : toks) collect_lower_wire(t);
  // Organisation aliases: the document's Hangul words, and `Long Name (ACRONYM)`.
  std::set<std::string> words;
  std::vector<std::pair<std::string, std::string>> acronyms;
  for (const auto& sentence : toks) {
    for (std::size_t i = 0; i < sentence.size(); ++i) {
      const Tok& t = sentence[i];
      if (!is_word(t)) continue;
      if (starts_hangul(t.text) && words.size() < 20000) words.insert(std::string(t.stem));
      if (i >= 2 && i + 1 < sentence.size() && is_punct(sentence[i - 1], "(") && is_punct(sentence[i + 1], ")") &&
          t.text.size() >= 2 && std::all_of(t.text.begin(), t.text.end(), [](char c) { return is_upper_ascii(c); })) {
        std::size_t b = i - 1;
        while (b > 0 && is_word(sentence[b - 1]) && i - b < 10 &&
               (is_upper_ascii(sentence[b - 1].text[0]) || sentence[b - 1].text == "of" ||
                sentence[b - 1].text == "and" || sentence[b - 1].text == "for"))
          --b;
        if (b < i - 1 && sentence[b].text == "the") ++b;
        if (b < i - 1 && sentence[b].text == "The") ++b;
        if (b < i - 1) acronyms.emplace_back(std::string(t.text), join_words(sentence, b, i - 1));
      }
    }
  }
  people_.find_org_aliases({words.begin(), words.end()}, acronyms);

  sentence_person_.assign(sentences_.size(), kNone);
  for (std::size_t si = 0; si < sentences_.size(); ++si) attribute_sentence(si, toks[si]);
  // Re-read each quote's speaker: the table may have learnt a name form after the quote was seen.
  QuoteExtraction out;
  for (Quote& q : quotes_) {
    if (!q.speaker.known()) continue;
    int row = q.speaker.name.empty() ? kNone : people_.find_name(q.speaker.name);
    if (row == kNone && !q.speaker.name_en.empty()) row = people_.find_name_en(q.speaker.name_en);
    if (row != kNone) q.speaker = people_.speaker(row);
  }
  out.quotes = std::move(quotes_);
  out.people = std::move(people_);
  return out;
}

}  // namespace

QuoteExtraction QuoteExtractor::extract(std::string_view text) const { return DocumentPass(text).run(); }

}  // namespace kb::analysis
