#include "analysis/figure_extractor.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "analysis/english_numbers.h"
#include "analysis/figure_lexicon.h"
#include "analysis/figure_text.h"
#include "analysis/korean_numerals.h"
#include "analysis/number_parser.h"

namespace kb::analysis {

namespace {

using namespace figures;

struct Draft {
  Pos begin = 0;
  Pos end = 0;
  double value = 0;
  double high = 0;
  bool has_unit = false;
  FigureKind kind = FigureKind::kNumber;
  std::string unit = "number";
  std::string counter;
  Qualifier qualifier = Qualifier::kExact;
};

class Scanner {
 public:
  Scanner(std::string_view text, FigureExtraction& out) : text_(text), out_(out) {}

  void run() {
    Pos start = 0;
    const Pos size = static_cast<Pos>(text_.size());
    while (start < size) {
      const Pos end = sentence_end(start);
      scan_sentence(start, end);
      start = end;
    }
  }

 private:
  // -------------------------------------------------------------------------------------------
  // Reading the current sentence (figure_text.h), never past limit_.

  SentenceText sent() const { return SentenceText(text_, sentence_begin_, limit_); }
  Cp at(Pos p) const { return sent().at(p); }
  Cp before(Pos p) const { return sent().before(p); }
  bool starts(Pos p, std::string_view lit) const { return sent().starts(p, lit); }
  Pos skip_spaces(Pos p) const { return sent().skip_spaces(p); }
  Pos hangul_run_end(Pos p) const { return sent().hangul_run_end(p); }
  Pos latin_word_end(Pos p) const { return sent().latin_word_end(p); }
  Pos code_run_end(Pos p) const { return sent().code_run_end(p); }
  std::string_view slice(Pos b, Pos e) const { return text_.substr(b, e - b); }
  std::string_view latin_word(Pos p) const { return sent().latin_word(p); }
  std::string_view rest(Pos p) const { return sent().rest(p); }

  // -------------------------------------------------------------------------------------------
  // Sentences.

  Pos sentence_end(Pos start) const {
    const Pos size = static_cast<Pos>(text_.size());
    for (Pos p = start; p < size; ++p) {
      const char c = text_[p];
      if (c == '\n') return p + 1;
      if ((c == '.' || c == '?' || c == '!') && p + 1 < size && !(c == '.' && month_abbreviation_before(p))) {
        Pos q = p + 1;
        while (q < size && (text_[q] == '"' || text_[q] == '\'' || text_[q] == ')')) ++q;
        if (q < size && (text_[q] == ' ' || text_[q] == '\t')) return q + 1;
      }
    }
    return size;
  }

  // `Sept.`, `Aug.`: an abbreviated month before a full stop, which ends no sentence.
  bool month_abbreviation_before(Pos dot) const {
    Pos ws = dot;
    while (ws > 0 && dot - ws < 5 && is_ascii_letter(static_cast<unsigned char>(text_[ws - 1]))) --ws;
    if (ws == dot || dot - ws > 4 || (ws > 0 && is_ascii_letter(static_cast<unsigned char>(text_[ws - 1]))))
      return false;
    if (text_[ws] < 'A' || text_[ws] > 'Z') return false;
    const std::string lower = lower_word(text_.substr(ws, dot - ws));
    return lower != "may" && contains(kMonths, lower);
  }

  void scan_sentence(Pos b, Pos e) {
    sentence_begin_ = b;
    limit_ = e;
    Pos se = e;
    while (se > b && (text_[se - 1] == '\n' || text_[se - 1] == '\r' || text_[se - 1] == ' ')) --se;
    sentence_year_ = 0;
    first_figure_ = out_.figures.size();
    Pos p = b;
    while (p < e) {
      Cp c = at(p);
      if (c.len == 0) break;
      const Cp prev = before(p);
      const Pos from = p;
      if (is_digit(c.cp) || (may_be_sign(c.cp) && signed_number_at(p, prev))) {
        p = on_number(p);
      } else if (c.cp == '$' || c.cp == 0x20A9 || c.cp == 0xFFE6 || c.cp == 0x20AC || c.cp == 0xA3 || c.cp == 0xA5 ||
                 c.cp == 0xFFE5) {
        p = on_currency_symbol(p, c);
      } else if (is_ascii_letter(c.cp)) {
        p = on_latin(p);
      } else if (is_hangul(c.cp) && !is_hangul(prev.cp)) {
        p = may_start_numeral(c.cp) ? on_hangul_word(p) : glued_native_count(p, hangul_run_end(p));
      } else {
        p += c.len;
      }
      if (p <= from) p = from + c.len;  // every handler moves on; this only guards the loop
    }
    for (std::size_t i = first_figure_; i < out_.figures.size(); ++i) {
      out_.figures[i].sentence_begin = b;
      out_.figures[i].sentence_end = se;
      out_.figures[i].year = sentence_year_;
    }
  }

  static bool may_be_sign(char32_t c) { return c == '-' || c == '+' || c == 0x2212 || (c >= 0x25B2 && c <= 0x25BD); }

  // A sign that belongs to the number after it, not a joiner inside a word or code (`UTC+02`,
  // `A-1`, `3-2`).
  bool signed_number_at(Pos p, Cp prev) const {
    return read_sign(sent(), p).has_value() && !is_word_char(prev.cp) && prev.cp != '-' && prev.cp != '.' &&
           prev.cp != '+';
  }

  void mention(Pos b, Pos e, MentionKind kind, int year = 0) {
    out_.mentions.push_back(Mention{b, e, kind, year});
    if (year != 0 && sentence_year_ == 0) sentence_year_ = year;
  }

  // -------------------------------------------------------------------------------------------
  // Unit matching after a number.

  // True when the Hangul text [p, run_end) is empty or a particle/copula/qualifier tail.
  bool is_tail(Pos p, Pos run_end) const {
    if (p >= run_end) return true;
    const std::string_view t = slice(p, run_end);
    if (contains(kTails, t)) return true;
    // A qualifier followed by a particle: 가량을, 이상의, 여명이 handled elsewhere.
    for (const auto& q : kAfterQualifiers)
      if (has_prefix(t, q.text) && contains(kTails, t.substr(q.text.size()))) return true;
    // Particles stack: 만으로도 = 만 + 으로 + 도, 뿐인 = 뿐 + 인 (three at most).
    return t.size() >= 6 && stacked_particles(t, 3);
  }

  static bool stacked_particles(std::string_view t, int depth) {
    if (t.empty()) return true;
    if (depth == 0 || t.size() > 18 || t.size() < 3) return false;
    for (std::string_view tail : kTails)
      if (has_prefix(t, tail) && stacked_particles(t.substr(tail.size()), depth - 1)) return true;
    return false;
  }

  static const UnitWord* match_korean_unit(std::string_view rest) {
    const UnitWord* best = nullptr;
    for (const UnitWord& u : kKoreanUnits)
      if (has_prefix(rest, u.text) && (best == nullptr || u.text.size() > best->text.size())) best = &u;
    return best;
  }

  static std::string_view match_list(std::string_view rest, const auto& list) { return longest_prefix(rest, list); }

  // -------------------------------------------------------------------------------------------
  // Handlers. Each returns the position to continue from.

  Pos on_latin(Pos p) {
    // URLs and codes: a Latin run with digits or joiners (H100, COVID-19, www.x.com/1).
    const Pos word_end = latin_word_end(p);
    if (starts(word_end, "://") || slice(p, word_end) == "www") {
      Pos e = word_end;
      while (e < limit_ && !is_space(at(e).cp) && text_[e] != ')' && text_[e] != '\n') e += std::max<Pos>(at(e).len, 1);
      mention(p, e, MentionKind::kCode);
      return e;
    }
    Pos e = code_run_end(p);
    if (e > word_end) {
      bool has_digit = false;
      for (Pos i = p; i < e; ++i)
        if (text_[i] >= '0' && text_[i] <= '9') has_digit = true;
      if (has_digit) {
        mention(p, e, MentionKind::kCode);
        return e;
      }
    }
    // `half a percent`, `half a million people`: a half of a scale or a unit.
    if (word_end - p == 4 && iequals(slice(p, word_end), "half")) {
      if (const Pos r = on_half(p, word_end); r != 0) return r;
    }
    // `twenty-five` is joined like a code; a number word all the same.
    if (const auto n = may_start_english_number(p, word_end) ? read_english_number(sent(), p) : std::nullopt)
      return std::max(on_english_number(p, *n), word_end);
    return std::max(e, word_end);
  }

  // Cheap test before the number-word tables: first letters and lengths of `one` … `ninety`.
  bool may_start_english_number(Pos p, Pos word_end) const {
    const Pos n = word_end - p;
    if (n < 3 || n > 9) return false;
    const char c = to_lower(text_[p]);
    return c == 'o' || c == 't' || c == 'f' || c == 's' || c == 'e' || c == 'n' || c == 'd' || c == 'h';
  }

  // `four billion dlrs`, `three people`, `twenty-five passengers`: a number word is a figure
  // before a scale, a unit or (within three words) a plural noun; `one of them`, `one big
  // order` and `four-year` stay words, `two days` is a span of time.
  Pos on_english_number(Pos p, const EnglishNumber& n) {
    const Pos w = skip_spaces(n.end);
    if (w == n.end) return n.end;
    Draft d;
    d.begin = p;
    d.value = d.high = n.value;
    d.end = n.end;
    const std::string lower = lower_word(latin_word(w));
    if (lower.empty()) return n.end;
    if (is_english_unit_or_scale(lower)) {
      const Pos r = read_english_unit(d, n.end);
      if (r == 0) return end_mention_;
      if (r == kNoUnit || !d.has_unit) return n.end;
      finish(d);
      return std::max(r, d.end);
    }
    if (n.value == 1) return n.end;  // `one` is mostly a pronoun or an article
    Pos e = w;
    for (int i = 0; i < 3; ++i) {
      const std::string_view word = latin_word(e);
      const std::string l = lower_word(word);
      if (l.empty() || contains(kEnglishNonCounted, l) || contains(kMonths, l)) return n.end;
      const Pos word_end = e + static_cast<Pos>(word.size());
      if (contains(kEnglishTimeWords, l)) {
        mention(p, word_end, MentionKind::kDate);
        return word_end;
      }
      if (is_plural_noun(l)) {
        set_count(d, slice(w, word_end));
        d.end = word_end;
        read_after_qualifier(d, d.end);
        finish(d);
        return d.end;
      }
      const Pos next = skip_spaces(word_end);
      if (next == word_end) return n.end;
      e = next;
    }
    return n.end;
  }

  // `half a` (or `an`) before a scale or a unit word; 0 when something else follows.
  Pos on_half(Pos p, Pos word_end) {
    const Pos a = skip_spaces(word_end);
    const std::string article = lower_word(latin_word(a));
    if (a == word_end || (article != "a" && article != "an")) return 0;
    const Pos article_end = a + static_cast<Pos>(article.size());
    const Pos w = skip_spaces(article_end);
    if (w == article_end || !is_english_unit_or_scale(lower_word(latin_word(w)))) return 0;
    Draft d;
    d.begin = p;
    d.value = d.high = 0.5;
    d.end = article_end;
    const Pos r = read_english_unit(d, article_end);
    if (r == 0) return end_mention_;
    if (r == kNoUnit || !d.has_unit) return 0;
    finish(d);
    return std::max(r, d.end);
  }

  Pos on_currency_symbol(Pos p, Cp c) {
    std::string_view iso = "USD";
    if (c.cp == 0x20A9 || c.cp == 0xFFE6)
      iso = "KRW";
    else if (c.cp == 0x20AC)
      iso = "EUR";
    else if (c.cp == 0xA3)
      iso = "GBP";
    else if (c.cp == 0xA5 || c.cp == 0xFFE5)
      iso = "JPY";
    const Pos n = skip_spaces(p + c.len);
    if (!is_digit(at(n).cp)) return p + c.len;
    Pos begin = p;
    // US$: the "US" was skipped as a Latin word; take it into the surface.
    if (c.cp == '$' && p >= sentence_begin_ + 2 && slice(p - 2, p) == "US" && !is_ascii_letter(before(p - 2).cp))
      begin = p - 2;
    return on_number_at(n, begin, iso);
  }

  Pos on_number(Pos p) {
    const Cp prev = before(p);
    // `1분9초56`: hundredths glued to a time in minutes and seconds, part of the time.
    if ((prev.cp == U'초' || prev.cp == U'분') && is_digit(before(p - prev.len).cp)) {
      Pos e = p;
      while (is_digit(at(e).cp)) e += at(e).len;
      mention(p, e, MentionKind::kDate);
      return e;
    }
    // A numeric character reference left in the text (`&#44419;`): no number.
    if (prev.cp == '#' && p >= sentence_begin_ + 2 && text_[p - 2] == '&') {
      Pos e = p;
      while (is_digit(at(e).cp)) e += at(e).len;
      if (at(e).cp == ';') ++e;
      mention(p - 2, e, MentionKind::kCode);
      return e;
    }
    // A footnote marker `[1]`, `[17]`: no number.
    if (prev.cp == '[') {
      Pos e = p;
      while (is_digit(at(e).cp) && e - p < 4) e += at(e).len;
      if (at(e).cp == ']') {
        mention(p, e, MentionKind::kCode);
        return e + 1;
      }
    }
    // Glued to letters or to a joiner after letters: part of a code (COVID-19, A-1, v2).
    // (An ellipsis after a word, `누구냐..1`, joins nothing; `..5` alone stays junk.)
    bool ellipsis = false;
    if (prev.cp == '.' && before(p - 1).cp == '.') {
      Pos dots = p - 1;
      while (dots > sentence_begin_ && before(dots).cp == '.') --dots;
      ellipsis = is_word_char(before(dots).cp);
    }
    // `(重光初子.88)`: a dot after a name in Han characters or Hangul separates the age after it.
    // (Only after a dot: at the sentence's first byte p - 1 would wrap around.)
    const char32_t before_dot = prev.cp == '.' ? before(p - 1).cp : 0;
    if (prev.cp == '.' && (is_hangul(before_dot) || (before_dot >= 0x4E00 && before_dot <= 0x9FFF))) ellipsis = true;
    if (is_ascii_letter(prev.cp) || prev.cp == '_' || prev.cp == '/' ||
        ((prev.cp == '-' || prev.cp == '.') && is_word_char(before(p - 1).cp)) || (prev.cp == '.' && !ellipsis)) {
      const Pos e = code_run_end(p);
      mention(p, std::max(e, p + 1), MentionKind::kCode);
      return std::max(e, p + 1);
    }
    // ISO code before the number: USD 5 million, KRW 1,000.
    std::string_view iso;
    Pos begin = p;
    {
      Pos q = p;
      if (is_space(before(q).cp)) q -= before(q).len;
      if (q >= sentence_begin_ + 3) {
        const std::string_view w = slice(q - 3, q);
        for (std::string_view code : {"USD", "KRW", "EUR", "JPY", "CNY", "GBP"})
          if (w == code && !is_ascii_letter(before(q - 3).cp)) {
            iso = code;
            begin = q - 3;
          }
      }
    }
    return on_number_at(p, begin, iso);
  }

  // The core: a number at p (a sign or a digit), its surface starting at `begin` (a currency
  // prefix may come first), `iso` the currency a prefix gave. The stages in order: sign →
  // amount (or a list of small numbers, or junk: a code) → fraction → what the context makes it
  // (a day after a month, an ordinal after 제, a dotted date) → units, counters, qualifiers →
  // range → the figure.
  Pos on_number_at(Pos p, Pos begin, std::string_view iso) {
    double sign = 1;
    if (!is_digit(at(p).cp)) {
      const std::optional<Sign> sg = read_sign(sent(), p);
      if (!sg) return p + std::max<Pos>(at(p).len, 1);
      sign = sg->factor;
      p = sg->number;
    }
    const NumberRead read = read_korean_amount(sent(), p);
    if (!read.amount && begin == p) {
      if (const Pos e = small_number_list(p); e != 0) return e;
    }
    if (!read.amount) {
      const Pos junk_end = std::max(read.junk_end, p + 1);
      mention(begin, junk_end, MentionKind::kCode);
      return junk_end;
    }
    const Amount* amount = &*read.amount;
    // `007`, `031-8060-2560`: digits after a leading zero name something (a code, a phone
    // number); a time `09:30` stays a time.
    if (amount->plain_integer && amount->int_digits >= 2 && at(p).cp == '0' && at(amount->end).cp != ':') {
      const Pos e = std::max(code_run_end(p), amount->end);
      mention(begin, e, MentionKind::kCode);
      return e;
    }
    // `8, 9일`, `1, 2권`: small numbers listed with a comma and a space share what follows.
    if (begin == p && amount->plain_integer && amount->int_digits <= 2 && at(amount->end).cp == ',' &&
        is_space(at(amount->end + 1).cp)) {
      if (const Pos e = small_number_list(p); e != 0) return e;
    }
    Draft d;
    d.begin = begin;
    d.value = sign * amount->value;
    d.end = amount->end;
    if (!iso.empty()) set_unit(d, FigureKind::kMoney, iso);

    const Pos after = amount->end;
    // `4분의 1`: a fraction; a zero denominator makes the whole no number.
    if (const std::optional<Fraction> fraction = read_fraction(sent(), *amount)) {
      if (fraction->zero_denominator) {
        mention(begin, fraction->end, MentionKind::kCode);
        return fraction->end;
      }
      d.value = sign * fraction->value;
      d.end = fraction->end;
      read_after_qualifier(d, d.end);
      finish(d);
      return d.end;
    }
    // `September 14 poisonings`: a month before the number makes it a day.
    if (iso.empty() && p == begin && month_before(begin)) {
      record(begin, after, MentionKind::kDate);
      return end_mention_;
    }
    // Prefix 제: an ordinal (제44대, 제 16호).
    if (is_ordinal_je(begin)) {
      Pos e = hangul_run_end(after);
      mention(ordinal_je_begin_, e, MentionKind::kOrdinal);
      return e;
    }
    // `4·19`, `5ㆍ18`, `8.15 광복절`: a month and a day naming an event, a date.
    if (iso.empty() && sign > 0 && p == begin) {
      if (const Pos de = dotted_date_end(p, after); de != 0) {
        record(begin, de, MentionKind::kDate);
        return end_mention_;
      }
    }
    Pos e = read_units(d, after, *amount);
    if (e == 0) return end_mention_;  // a date, rank, ordinal or code: already recorded
    // A range: 3~5%, 10-20%, 20만∼30만 달러.
    e = read_range(d, e);
    if (e == 0) return end_mention_;
    finish(d);
    return std::max(e, d.end);
  }

  // The end of a month-day date written with a middle dot (`4·19`, `3·11·13`) or, before a noun,
  // with a full stop (`8.15 광복절`, `9.11 테러`); 0 when [p, after) and what follows is none.
  // A middle-dot pair before a glued counter (`1·2기`) or a full-stop pair before a particle
  // (`8.5는`) stays a number.
  Pos dotted_date_end(Pos p, Pos after) const {
    auto small = [&](Pos b, Pos& e, int max) {
      int v = 0, n = 0;
      e = b;
      while (n < 3 && at(e).cp >= '0' && at(e).cp <= '9') {
        v = v * 10 + static_cast<int>(at(e).cp - '0');
        ++e;
        ++n;
      }
      return n >= 1 && n <= 2 && v >= 1 && v <= max && text_[b] != '0';
    };
    Pos e = 0;
    if (!small(p, e, 12)) return 0;
    const Cp sep = at(e);
    const bool middle_dot = sep.cp == 0xB7 || sep.cp == 0x318D || sep.cp == 0x119E || sep.cp == 0x30FB;
    if (middle_dot) {
      Pos de = e;
      while (middle_dot_at(de)) {
        Pos next = 0;
        if (!small(de + at(de).len, next, 31)) break;
        de = next;
      }
      if (de == e) return 0;
      const Pos run_end = hangul_run_end(de);
      if (run_end == de || is_tail(de, run_end)) return de;
      // 11·13·19일: days listed before their unit.
      const std::string_view after_dot = text_.substr(de, limit_ - de);
      const std::string_view date = match_list(after_dot, kDateUnits);
      if (date == "일" || date == "월") return de + 3;
      // `1·2기`, `3·4위`: numbers before their counter; `6·25전쟁`: an event named by its date.
      if (!date.empty() || match_korean_unit(after_dot) != nullptr ||
          !match_list(after_dot, korean_figure_words().counters).empty() || starts(de, "위") || starts(de, "차") ||
          starts(de, "등") || starts(de, "번"))
        return 0;
      return de;
    }
    if (sep.cp != '.' || after != e + 1 + (is_digit(at(e + 2).cp) ? 2 : 1)) return 0;
    // `규모 8.8 지진`: an earthquake's magnitude, not 8 August.
    if (is_space(before(p).cp)) {
      const Pos w = p - before(p).len;
      Pos ws = w;
      while (ws > sentence_begin_ && is_hangul(before(ws).cp)) ws -= 3;
      const std::string_view prev = slice(ws, w);
      if (prev == "규모" || prev == "진도") return 0;
    }
    Pos de = 0;
    if (!small(e + 1, de, 31) || de != after) return 0;
    const Pos w = skip_spaces(de);
    if (w == de || !is_hangul(at(w).cp)) return 0;
    const Pos run_end = hangul_run_end(w);
    const std::string_view rest = text_.substr(w, limit_ - w);
    if (is_tail(w, run_end) || match_korean_unit(rest) != nullptr ||
        !match_list(rest, korean_figure_words().counters).empty() || !match_list(rest, kDateUnits).empty())
      return 0;
    for (const TailQualifier& t : kAfterQualifiers)
      if (rest.starts_with(t.text)) return 0;
    return de;
  }

  // `1,2루`, `5,6편`, `7,9살`: small numbers listed with commas share the counter after the
  // last one; each is a count. 0 when p starts no such list (`1,2,3,4` alone stays a code).
  Pos small_number_list(Pos p) {
    std::vector<std::pair<Pos, Pos>> items;
    Pos q = p;
    for (;;) {
      Pos e = q;
      while (is_digit(at(e).cp) && items.size() < 10) e += at(e).len;
      if (e == q || e - q > 6) return 0;  // at most two (possibly full-width) digits
      items.emplace_back(q, e);
      if (at(e).cp == ',' && is_digit(at(e + 1).cp)) {
        q = e + 1;
        continue;
      }
      if (at(e).cp == ',' && is_space(at(e + 1).cp) && is_digit(at(e + 2).cp)) {
        q = e + 2;
        continue;
      }
      q = e;
      break;
    }
    if (items.size() < 2) return 0;
    const Pos run_end = hangul_run_end(q);
    // `8, 9일`: days (or months, years) listed before their unit, one date.
    if (const std::string_view date = match_list(rest(q), kDateUnits);
        !date.empty() && is_tail(q + static_cast<Pos>(date.size()), run_end)) {
      mention(p, q + static_cast<Pos>(date.size()), MentionKind::kDate);
      return run_end;
    }
    const std::string_view counter = match_list(rest(q), korean_figure_words().counters);
    if (counter.empty() || !is_tail(q + static_cast<Pos>(counter.size()), run_end)) return 0;
    for (std::size_t i = 0; i < items.size(); ++i) {
      Draft d;
      d.begin = items[i].first;
      d.end = i + 1 == items.size() ? q + static_cast<Pos>(counter.size()) : items[i].second;
      for (Pos c = items[i].first; c < items[i].second; c += at(c).len) d.value = d.value * 10 + digit_value(at(c).cp);
      d.high = d.value;
      set_count(d, counter);
      finish(d);
    }
    return run_end;
  }

  bool emergency_number(const Draft& d, const Amount& amount) const {
    if (!amount.plain_integer || (d.value != 119 && d.value != 112)) return false;
    const std::string_view next = rest(skip_spaces(d.end));
    return next.starts_with("구조") || next.starts_with("구급") || next.starts_with("신고") ||
           next.starts_with("상황") || next.starts_with("종합상황");
  }

  // True when a capitalised month name (`March`, `Sept`) stands right before p, one space between.
  bool month_before(Pos p) const {
    if (!is_space(before(p).cp)) return false;
    Pos w = p - before(p).len;
    if (before(w).cp == '.') w -= 1;  // Sept. 11
    Pos ws = w;
    while (ws > sentence_begin_ && is_ascii_letter(static_cast<unsigned char>(text_[ws - 1]))) --ws;
    if (ws == w || text_[ws] < 'A' || text_[ws] > 'Z' || (ws > sentence_begin_ && is_word_char(before(ws).cp)))
      return false;
    return contains(kMonths, lower_word(slice(ws, w)));
  }

  bool middle_dot_at(Pos p) const {
    const char32_t c = at(p).cp;
    return c == 0xB7 || c == 0x318D || c == 0x119E || c == 0x30FB;
  }

  // Reads what follows a number: magnitudes, units, counters, qualifiers. Returns the position
  // after the figure (0 when a mention was recorded instead; end_mention_ says where to go on).
  Pos read_units(Draft& d, Pos after, const Amount& amount) {
    Pos q = after;
    const Cp next = at(q);
    // `4 1/3 innings`: a whole number and a fraction after it.
    if (const Pos fe = mixed_fraction_end(d, amount, q); fe != 0) {
      Amount whole = amount;
      whole.plain_integer = false;
      whole.end = fe;
      return read_units(d, fe, whole);
    }
    // A speed glued to the digits: 34m/s, 300km/h.
    if (const Pos sp = speed_unit_end(d, q); sp != 0) return read_after_qualifier(d, sp);
    // Latin glued to the digits: a unit symbol, an ordinal suffix, a scale, or a code.
    if (is_ascii_letter(next.cp)) {
      const Pos we = latin_word_end(q);
      const std::string_view w = slice(q, we);
      const bool whole = !is_digit(at(we).cp) && at(we).cp != '-';
      if (whole && (iequals(w, "st") || iequals(w, "nd") || iequals(w, "rd") || iequals(w, "th"))) {
        return record(d.begin, we, MentionKind::kOrdinal);
      }
      if (whole) {
        for (const Scale& s : kEnglishScales)
          if (iequals(w, s.text)) {
            d.value *= s.factor;
            d.end = we;
            return read_english_unit(d, we);
          }
        // $5m, $3k: millions and thousands only after a currency.
        if (d.has_unit && d.kind == FigureKind::kMoney && (w == "m" || w == "k")) {
          d.value *= (w == "m" ? 1e6 : 1e3);
          d.end = we;
          return read_english_unit(d, we);
        }
        for (const UnitWord& u : kLatinUnits)
          if (w == u.text) {
            set_unit(d, u.kind, u.unit);
            d.end = we;
            return read_after_qualifier(d, we);
          }
      }
      // Square and cubic metres written m2, m3, km2 (a digit right after the letters).
      if ((at(we).cp == '2' || at(we).cp == '3') && !is_digit(at(we + 1).cp) && !is_ascii_letter(at(we + 1).cp) &&
          at(we + 1).cp != '-' && (w == "m" || w == "km" || w == "cm")) {
        const std::string unit = std::string(w) + static_cast<char>(at(we).cp);
        set_unit(d, FigureKind::kMeasure, unit);
        d.end = we + 1;
        return read_after_qualifier(d, d.end);
      }
      return record(d.begin, code_run_end(q), MentionKind::kCode);
    }
    if (next.cp == '-' && iequals(slice(q + 1, latin_word_end(q + 1)), "fold")) {
      set_unit(d, FigureKind::kRatio, "ratio");
      d.end = latin_word_end(q + 1);
      return read_after_qualifier(d, d.end);
    }
    if (next.cp == '-' && is_ascii_letter(at(q + 1).cp))
      if (const Pos r = hyphenated_english(d, q); r != kNoUnit) return r;
    // Time of day 13:30 (`7: 45 p.m.` too), or a code joined by a slash or an underscore.
    if ((next.cp == ':' && is_digit(at(q + 1).cp))) return record(d.begin, code_run_end(q), MentionKind::kDate);
    if (next.cp == ':' && is_space(at(q + 1).cp) && is_digit(at(q + 2).cp) && is_digit(at(q + 3).cp) &&
        is_space(at(q + 4).cp) &&
        (starts(q + 5, "a.m.") || starts(q + 5, "p.m.") || starts(q + 5, "am") || starts(q + 5, "pm") ||
         starts(q + 5, "AM") || starts(q + 5, "PM")))
      return record(d.begin, q + 4, MentionKind::kDate);
    // `5/12에`, `3/2는`: a slash fraction before a Korean particle (before anything else, `5/12`
    // may be a date or a code).
    if (next.cp == '/' && amount.plain_integer && amount.int_digits <= 2 && d.value >= 0) {
      Pos de = q + 1;
      double den = 0;
      while (de < q + 4 && at(de).cp >= '0' && at(de).cp <= '9') den = den * 10 + (text_[de++] - '0');
      const Pos run_end = hangul_run_end(de);
      if (de > q + 1 && de < q + 4 && den > 0 && run_end > de && is_tail(de, run_end)) {
        d.value /= den;
        d.end = de;
        return read_after_qualifier(d, de);
      }
    }
    if ((next.cp == '/' || next.cp == '_') && is_word_char(at(q + 1).cp))
      return record(d.begin, code_run_end(q), MentionKind::kCode);

    // `18여년`, `40여분`: about so many years or minutes, a span of time.
    if (starts(q, "여") && is_hangul(at(q + 3).cp)) {
      const std::string_view date = match_list(text_.substr(q + 3, limit_ - q - 3), kDateUnits);
      if (!date.empty() && date != "박")
        return record(d.begin, q + 3 + static_cast<Pos>(date.size()), MentionKind::kDate);
    }
    // Korean: 여 (approximately) glued, then a unit or counter, glued or after one space.
    if (starts(q, "여") && !is_hangul(at(q + 3).cp) ? true : (starts(q, "여") && unit_follows(q + 3))) {
      d.qualifier = Qualifier::kApprox;
      q += 3;
      d.end = q;
    }
    // `1人`: the Han character for person, as a counter.
    if (at(q).cp == 0x4EBA && !d.has_unit) {
      set_count(d, "人");
      d.end = q + at(q).len;
      return read_after_qualifier(d, d.end);
    }
    const bool glued = is_hangul(at(q).cp) || at(q).cp == '%' || at(q).cp == 0xFF05 || at(q).cp == 0x339E ||
                       at(q).cp == 0x338F || at(q).cp == 0x33A1 || at(q).cp == 0x2103 || at(q).cp == 0x2109 ||
                       (at(q).cp == 0xB0 && (at(q + 2).cp == 'C' || at(q + 2).cp == 'F'));
    if (glued && !d.has_unit && emergency_number(d, amount)) return record(d.begin, d.end, MentionKind::kCode);
    if (glued) return read_korean_unit(d, q, amount, /*after_space=*/false);
    Pos s = skip_spaces(q);
    if (s != q && is_hangul(at(s).cp)) {
      const Pos r = read_korean_unit(d, s, amount, /*after_space=*/true);
      if (r != kNoUnit) return r;
    }
    if (s != q) {
      if (is_ascii_letter(at(s).cp) || at(s).cp == '%') {
        const Pos r = read_english_unit(d, q);
        if (r != kNoUnit) return r;
      }
    }
    // A bare number.
    return bare_number(d, q, amount);
  }

  static constexpr Pos kNoUnit = 0xFFFFFFFF;

  // The Hangul word just before p (glued, or before one space), empty when none.
  std::string_view hangul_word_before(Pos p) const {
    Pos w = p;
    if (is_space(before(w).cp)) w -= before(w).len;
    Pos ws = w;
    while (ws > sentence_begin_ && is_hangul(before(ws).cp)) ws -= 3;
    return slice(ws, w);
  }

  // `N세` after a noun that is no age word: `볼드윈 4세`, `교포 2세`, `니콜라이2세`. An age follows a
  // particle or an adnominal (`환자인 76세`), 만 or an age word (`나이 30세`), or nothing.
  bool regnal_or_generation(const Draft& d, const Amount& amount) const {
    if (!amount.plain_integer || d.value < 1 || d.value > 30 || d.has_unit) return false;
    const std::string_view word = hangul_word_before(d.begin);
    if (word.size() < 6) return false;
    static constexpr std::string_view kAgeWords[] = {"나이", "연령", "생후", "출신", "올해", "당시", "현재",
                                                     "평균", "향년", "이상", "이하", "미만", "사이", "정도"};
    if (contains(kAgeWords, word)) return false;
    static constexpr std::string_view kEndings[] = {"의", "은", "는", "이", "가", "을", "를", "에", "도", "로",
                                                    "인", "된", "한", "던", "운", "진", "난", "간", "온", "본",
                                                    "할", "될", "때", "듯", "게", "고", "며", "면", "서", "와",
                                                    "과", "만", "약", "총", "께", "쯤", "씨", "군", "양"};
    const std::string_view last = word.substr(word.size() - 3);
    const bool glued = !is_space(before(d.begin).cp);
    if (contains(kEndings, last) && !(glued && last == "이" && word.size() >= 9)) return false;
    return true;
  }

  static bool opening_quote(char32_t c) { return c == '"' || c == '\'' || c == 0x2018 || c == 0x201C; }
  static bool closing_quote(char32_t c) { return c == '"' || c == '\'' || c == 0x2019 || c == 0x201D; }

  bool quoted_number(const Draft& d) const {
    const char32_t next = at(d.end).cp;
    if (!opening_quote(before(d.begin).cp)) return false;
    if (closing_quote(next)) return true;
    // `"90210,"`, or `"90210.` at the end of the text.
    return (next == ',' || next == '.') && (closing_quote(at(d.end + 1).cp) || d.end + 1 >= limit_);
  }

  // A score line's second number after `대` (ending at p) and one space: `2 대 1`, `53대 46으로`.
  // Sets d to the first number, spanning both, and returns the end; 0 when the second number
  // has a counter or unit of its own (`20대 3명`: three people in their twenties).
  Pos score_line_end(Draft& d, const Amount& amount, Pos p) {
    if (!amount.plain_integer || d.has_unit || amount.int_digits > 3) return 0;
    const Pos n = skip_spaces(p);
    if (n == p || !is_digit(at(n).cp)) return 0;
    Pos e = n;
    while (is_digit(at(e).cp) && e - n < 4) e += at(e).len;
    if (e - n > 3 || at(e).cp == '.' || at(e).cp == ',' || is_ascii_letter(at(e).cp) || at(e).cp == '%') return 0;
    const Pos run_end = hangul_run_end(e);
    if (run_end > e && (!is_tail(e, run_end) || starts(e, "대") || starts(e, "여") || starts(e, "인"))) return 0;
    if (run_end == e && unit_follows(e)) return 0;
    d.end = e;
    return e;
  }

  // True when a Hangul word that is no particle or qualifier follows p after one space.
  bool noun_follows(Pos p) const {
    const Pos w = skip_spaces(p);
    if (w == p || !is_hangul(at(w).cp)) return false;
    const Pos run_end = hangul_run_end(w);
    if (is_tail(w, run_end)) return false;
    const std::string_view next = rest(w);
    for (const TailQualifier& t : kAfterQualifiers)
      if (next.starts_with(t.text)) return false;
    return true;
  }

  // True when the word before p (one space) is a street or a neighbourhood: `을지로`, `안암동`.
  bool after_street_name(Pos p) const {
    if (!is_space(before(p).cp)) return false;
    const std::string_view word = hangul_word_before(p);
    return word.size() >= 6 && (word.ends_with("로") || word.ends_with("동") || word.ends_with("길"));
  }

  // `4 1/3`: after a whole number, one space and a proper fraction of small numbers (not a date
  // `5/12/2024`, not a code `1/2a`). Adds the fraction to d and returns its end, else 0.
  Pos mixed_fraction_end(Draft& d, const Amount& amount, Pos q) {
    if (!amount.plain_integer || d.has_unit || !is_space(at(q).cp)) return 0;
    Pos e = q + 1;
    auto small = [&](int& v) {
      const Pos b = e;
      v = 0;
      while (e < b + 3 && at(e).cp >= '0' && at(e).cp <= '9') v = v * 10 + (text_[e++] - '0');
      return e > b && e < b + 3;
    };
    int num = 0, den = 0;
    if (!small(num) || at(e).cp != '/') return 0;
    ++e;
    if (!small(den) || num == 0 || num >= den) return 0;
    const char32_t after = at(e).cp;
    if (is_word_char(after) || after == '/' || after == '.' || after == '-') return 0;
    d.value += (d.value < 0 ? -1.0 : 1.0) * num / den;
    d.end = e;
    return e;
  }

  // A number joined by a hyphen to an English word: `24-year-old` (an age, a count),
  // `19-month high` and `10-minute flight` (spans of time, dates), `32-meter` (a measure).
  // kNoUnit when the word is none of these.
  Pos hyphenated_english(Draft& d, Pos hyphen) {
    static constexpr UnitWord kSingularUnits[] = {
        {"meter", kMeasure, "m"},      {"metre", kMeasure, "m"}, {"kilometer", kMeasure, "km"},
        {"kilometre", kMeasure, "km"}, {"mile", kMeasure, "mi"}, {"foot", kMeasure, "ft"},
        {"inch", kMeasure, "in"},      {"ton", kMeasure, "t"},   {"tonne", kMeasure, "t"}};
    const Pos we = latin_word_end(hyphen + 1);
    const std::string lower = lower_word(slice(hyphen + 1, we));
    if (contains(kEnglishTimeWords, lower)) {
      if (starts(we, "-old") && !is_ascii_letter(at(we + 4).cp)) {
        set_count(d, slice(hyphen + 1, we + 4));
        d.end = we + 4;
        return read_after_qualifier(d, d.end);
      }
      return record(d.begin, we, MentionKind::kDate);
    }
    for (const UnitWord& u : kSingularUnits)
      if (lower == u.text && !d.has_unit) {
        set_unit(d, u.kind, u.unit);
        d.end = we;
        return read_after_qualifier(d, d.end);
      }
    return kNoUnit;
  }

  // A speed unit at p that ends a word (`m/s`, `km/h`): sets it on d and returns its end, else 0.
  Pos speed_unit_end(Draft& d, Pos p) {
    if (d.has_unit) return 0;
    for (const UnitWord& u : kSpeedUnits)
      if (starts(p, u.text)) {
        const Pos e = p + static_cast<Pos>(u.text.size());
        if (is_ascii_letter(at(e).cp) || is_digit(at(e).cp) || at(e).cp == '/') continue;
        set_unit(d, u.kind, u.unit);
        d.end = e;
        return e;
      }
    return 0;
  }

  bool unit_follows(Pos p) const {
    const Pos s = skip_spaces(p);
    const std::string_view rest = text_.substr(s, limit_ - s);
    return match_korean_unit(rest) != nullptr || !match_list(rest, korean_figure_words().counters).empty();
  }

  Pos bare_number(Draft& d, Pos q, const Amount& amount) {
    // Emergency numbers before their service (`119 구조대`, `112 신고`) name it.
    if (!d.has_unit && emergency_number(d, amount)) return record(d.begin, d.end, MentionKind::kCode);
    // A number alone in quotes is a title (`‘90210’`, `"90210,"`).
    if (!d.has_unit && quoted_number(d)) return record(d.begin, d.end, MentionKind::kCode);
    // A year-like number (1900-2099) with no unit is a year: in 2024, 2024 AI investment.
    if (!d.has_unit && amount.plain_integer && amount.int_digits == 4 && d.value >= 1900 && d.value <= 2099) {
      // `2013~14 시즌`, `2008-09`: a season written with the second year's last two digits.
      const char32_t dash = at(d.end).cp;
      Pos e = d.end;
      if ((dash == '~' || dash == '-' || dash == 0x2013 || dash == 0x223C) && is_digit(at(d.end + at(d.end).len).cp)) {
        const Pos two = d.end + at(d.end).len;
        if (is_digit(at(two + 1).cp) && !is_digit(at(two + 2).cp) && !is_word_char(at(two + 2).cp)) e = two + 2;
      }
      return record(d.begin, e, MentionKind::kDate, static_cast<int>(d.value));
    }
    // A month before it: March 17.
    if (!d.has_unit) {
      Pos w = d.begin;
      if (is_space(before(w).cp)) w -= before(w).len;
      Pos ws = w;
      while (ws > sentence_begin_ && is_ascii_letter(static_cast<unsigned char>(text_[ws - 1]))) --ws;
      std::string lower;
      for (char c : slice(ws, w)) lower.push_back(to_lower(c));
      if (ws < w && (contains(kMonths, lower) || lower == "year")) return record(d.begin, d.end, MentionKind::kDate);
      // A list marker at the start of a line: `1.` or `2)` then a space.
      if (d.begin == sentence_begin_ || text_[d.begin - 1] == '\n') {
        const Cp n = at(d.end);
        if ((n.cp == '.' || n.cp == ')') && is_space(at(d.end + 1).cp))
          return record(d.begin, d.end, MentionKind::kOrdinal);
      }
    }
    (void)q;
    return read_after_qualifier(d, d.end);
  }

  Pos read_korean_unit(Draft& d, Pos q, const Amount& amount, bool after_space) {
    const Pos run_end = hangul_run_end(q);
    const std::string_view rest = text_.substr(q, limit_ - q);
    // Dates and times.
    if (!after_space) {
      std::string_view date = match_list(rest, kDateUnits);
      if (date == "박" && !is_tail(q + 3, run_end)) date = {};  // 3박자: beats, not nights
      if (date.empty() && rest.starts_with("달") && !rest.starts_with("달러")) date = rest.substr(0, 3);  // 4달
      if (!date.empty() && !rest.starts_with("분의")) {
        int year = 0;
        if (date == "년" && amount.plain_integer && d.value >= 1000 && d.value <= 2999)
          year = static_cast<int>(d.value);
        Pos e = q + static_cast<Pos>(date.size());
        // 2008-2010년 or 3~5일: a date range swallows the range.
        return record(d.begin, e, MentionKind::kDate, year);
      }
      // Names in a series: 1호선, 22사단, 2학년, 5공화국.
      for (std::string_view r : korean_figure_words().ordinal_nouns)
        if (has_prefix(rest, r) && (r.size() > 3 || is_tail(q + 3, run_end)))
          return record(d.begin, q + static_cast<Pos>(r.size()), MentionKind::kOrdinal);
      // `엘리자베스 2세`, `재벌 3세`: a regnal number or a generation after a noun, no age.
      if (rest.starts_with("세") && is_tail(q + 3, run_end) && regnal_or_generation(d, amount))
        return record(d.begin, q + 3, MentionKind::kOrdinal);
      // `서해5도`, `서해 5도`: the five islands of the Yellow Sea, a place.
      if (rest.starts_with("도") && hangul_word_before(d.begin).ends_with("서해"))
        return record(d.begin, q + 3, MentionKind::kCode);
      // `7호 태풍`, `1호 가입자`: 호 before a noun names one of a series (`100호 이상` counts).
      if (rest.starts_with("호") && run_end == q + 3 && noun_follows(run_end))
        return record(d.begin, q + 3, MentionKind::kOrdinal);
      // `을지로 2가`: a street's section, part of an address.
      if (rest.starts_with("가") && run_end == q + 3 && after_street_name(d.begin))
        return record(d.begin, q + 3, MentionKind::kCode);
      // A court division or a unit named by a number glued to its body: 형사1부, 가사4부.
      if (is_hangul(before(d.begin).cp) && (rest.starts_with("부") || rest.starts_with("단독")) &&
          is_tail(q + static_cast<Pos>(rest.starts_with("부") ? 3 : 6), run_end))
        return record(d.begin, q + static_cast<Pos>(rest.starts_with("부") ? 3 : 6), MentionKind::kOrdinal);
      // Ranks and ordinals: 2위, 1등, 두 번째, 3째, 1차.
      for (std::string_view r : {"위", "등"})
        if (rest.starts_with(r) && is_tail(q + 3, run_end)) return record(d.begin, q + 3, MentionKind::kRank);
      for (std::string_view r : {"번째", "째", "차전", "차"})
        if (rest.starts_with(r) && (r == "번째" || is_tail(q + static_cast<Pos>(r.size()), run_end)) &&
            !rest.starts_with("차례"))
          return record(d.begin, q + static_cast<Pos>(r.size()), MentionKind::kOrdinal);
      // `53대 46으로`, `0대 1`: a score line, one figure (not 53 vehicles and a number).
      if (rest.starts_with("대") && run_end == q + 3)
        if (const Pos e = score_line_end(d, amount, run_end); e != 0) return read_after_qualifier(d, e);
      // 22대 국회: an ordinal.
      if (rest.starts_with("대") && run_end == q + 3) {
        const Pos w = skip_spaces(run_end);
        const std::string_view next_word = text_.substr(w, limit_ - w);
        for (std::string_view noun : kOrdinalDaeNouns)
          if (next_word.starts_with(noun)) return record(d.begin, q + 3, MentionKind::kOrdinal);
      }
    } else {
      // After a space, 번째 still makes an ordinal (`2 번째`) and a date unit a date (`10여 년`).
      if (rest.starts_with("번째")) return record(d.begin, q + 6, MentionKind::kOrdinal);
      const std::string_view date = match_list(rest, kDateUnits);
      if (!date.empty() && is_tail(q + static_cast<Pos>(date.size()), run_end))
        return record(d.begin, q + static_cast<Pos>(date.size()), MentionKind::kDate);
      // `2 대 4` is a score line, not two of something.
      if (rest.starts_with("대") && run_end == q + 3 && is_digit(at(skip_spaces(run_end)).cp)) {
        if (const Pos e = score_line_end(d, amount, run_end); e != 0) return read_after_qualifier(d, e);
        return kNoUnit;
      }
    }
    // A particle right after the digits (`8.5는`, `40을`): a bare number.
    // (대, 인, 여 are tails and counters too: 20대 and 1인 stay counts.)
    if (!after_space && contains(kTails, slice(q, run_end)) && !starts(q, "도") &&
        match_list(rest, korean_figure_words().counters).empty() && match_korean_unit(rest) == nullptr)
      return bare_number(d, q, amount);
    // Degrees: `영하 12도` (below zero, so negative), `영상 3도`, `섭씨 30도`, `36.5도`.
    if (!after_space && starts(q, "도") && is_tail(q + 3, run_end) && !d.has_unit) {
      Pos w = d.begin;
      std::string_view prev;
      if (is_space(before(w).cp)) {
        w -= before(w).len;
        if (w >= sentence_begin_ + 6) prev = slice(w - 6, w);
      }
      const bool temperature = prev == "영하" || prev == "영상" || prev == "섭씨";
      // A whole number of degrees: an angle when a half or a full turn, else a temperature
      // (`22도 밑으로`) unless glued to a word (`서해5도`: islands) or a burn's degree (`3도 화상`).
      const bool angle = d.value == 180 || d.value == 360;
      const bool degrees = temperature || !amount.plain_integer ||
                           (!is_hangul(before(d.begin).cp) && hangul_word_before(d.begin) != "서해" &&
                            !starts(skip_spaces(q + 3), "화상") && d.value <= 60);
      if (angle && !temperature && amount.plain_integer) {
        set_unit(d, FigureKind::kMeasure, "deg");
        d.end = q + 3;
        return read_after_qualifier(d, d.end);
      }
      if (degrees) {
        set_unit(d, FigureKind::kMeasure, "degC");
        if (prev == "영하") {
          d.value = -d.value;
          d.begin = w - 6;
        }
        d.end = q + 3;
        return read_after_qualifier(d, d.end);
      }
    }
    // Units: currencies, percent, 배, measures.
    const UnitWord* unit = match_korean_unit(rest);
    if (unit) {
      const Pos ue = q + static_cast<Pos>(unit->text.size());
      const bool hangul_unit = is_hangul(at(q).cp);
      // `5만 원권`: a banknote of that value.
      const bool banknote = unit->kind == FigureKind::kMoney && starts(ue, "권") && is_tail(ue + 3, run_end);
      if (!hangul_unit || is_tail(ue, run_end) || banknote) {
        if (!(d.has_unit && d.kind == FigureKind::kMoney && unit->kind == FigureKind::kMoney))
          set_unit(d, unit->kind, unit->unit, unit->factor);
        d.end = ue;
        return read_after_qualifier(d, ue);
      }
    }
    // Counters.
    const std::string_view counter = match_list(rest, korean_figure_words().counters);
    if (!counter.empty() && is_tail(q + static_cast<Pos>(counter.size()), run_end) && !d.has_unit) {
      set_count(d, counter);
      d.end = q + static_cast<Pos>(counter.size());
      return read_after_qualifier(d, d.end);
    }
    if (after_space) return kNoUnit;
    // A unit or counter glued to more Hangul that is no particle (`5만원권`, `10점만점`, `4회째`,
    // `48살때`): the figure ends at the unit; the rest is a word of its own. Money and percent
    // keep their unit; a counter counts only when the number has no unit yet.
    if (unit && unit->kind != FigureKind::kMeasure && is_hangul(at(q).cp) &&
        (unit->text.size() > 3 || !amount.plain_integer)) {  // `3원칙` is no money
      if (!(d.has_unit && d.kind == FigureKind::kMoney && unit->kind == FigureKind::kMoney))
        set_unit(d, unit->kind, unit->unit);
      d.end = q + static_cast<Pos>(unit->text.size());
      return read_after_qualifier(d, d.end);
    }
    if (!counter.empty() && !d.has_unit && counter.size() >= 3) {
      set_count(d, counter);
      d.end = q + static_cast<Pos>(counter.size());
      return read_after_qualifier(d, d.end);
    }
    // A year glued to a word: `2014판`, `2013회계연도`.
    if (!d.has_unit && amount.plain_integer && amount.int_digits == 4 && d.value >= 1900 && d.value <= 2099)
      return record(d.begin, d.end, MentionKind::kDate, static_cast<int>(d.value));
    // Any other word glued to the number counts it (`10부작`, `3루타`), its particle cut.
    if (!d.has_unit) {
      Pos stem_end = run_end;
      for (Pos cut = q + 3; cut < run_end; cut += 3)
        if (is_tail(cut, run_end)) {
          stem_end = cut;
          break;
        }
      if (stem_end - q <= 9) {
        set_count(d, slice(q, stem_end));
        d.end = stem_end;
        return read_after_qualifier(d, d.end);
      }
    }
    return read_after_qualifier(d, d.end);
  }

  Pos read_english_unit(Draft& d, Pos q) {
    Pos w = skip_spaces(q);
    std::string_view word = latin_word(w);
    bool scaled = false;
    // A scale word after a space: 109 billion, 12.5 mln.
    for (const Scale& s : kEnglishScales)
      if (!word.empty() && iequals(word, s.text)) {
        d.value *= s.factor;
        d.end = w + static_cast<Pos>(word.size());
        w = skip_spaces(d.end);
        word = latin_word(w);
        scaled = true;
        break;
      }
    const bool settled = scaled || d.has_unit;
    if (at(w).cp == '%') {
      set_unit(d, FigureKind::kPercent, "percent");
      d.end = w + 1;
      return read_after_qualifier(d, d.end);
    }
    const bool code_ahead = is_ascii_letter(at(w).cp) && is_digit(at(latin_word_end(w)).cp);
    if (word.empty() && !code_ahead) return settled ? read_after_qualifier(d, d.end) : kNoUnit;
    std::string lower;
    for (char c : word) lower.push_back(to_lower(c));
    const Pos we = code_ahead ? latin_word_end(w) : w + static_cast<Pos>(word.size());
    // percentage point(s), pct point(s), per cent
    if (lower == "percentage" || lower == "pct" || lower == "percent") {
      const Pos w2 = skip_spaces(we);
      std::string_view next = latin_word(w2);
      if (iequals(next, "point") || iequals(next, "points")) {
        set_unit(d, FigureKind::kPercentagePoint, "percentage-point");
        d.end = w2 + static_cast<Pos>(next.size());
        return read_after_qualifier(d, d.end);
      }
    }
    if (lower == "per") {
      const Pos w2 = skip_spaces(we);
      if (iequals(latin_word(w2), "cent")) {
        set_unit(d, FigureKind::kPercent, "percent");
        d.end = w2 + 4;
        return read_after_qualifier(d, d.end);
      }
    }
    for (const UnitWord& u : kEnglishUnits)
      if (lower == u.text) {
        if (!(d.has_unit && d.kind == FigureKind::kMoney)) set_unit(d, u.kind, u.unit, u.factor);
        d.end = we;
        return read_after_qualifier(d, d.end);
      }
    if ((lower == "degrees" || lower == "degree") && !d.has_unit) return read_degrees(d, we);
    // A unit symbol after a space (`870 km`); one-letter symbols other than `m` are too often
    // words or initials.
    if (const Pos sp = speed_unit_end(d, w); sp != 0) return read_after_qualifier(d, sp);
    for (const UnitWord& u : kLatinUnits)
      if (word == u.text && (u.kind == FigureKind::kMoney || u.text.size() >= 2 || u.text == "m") && !d.has_unit) {
        set_unit(d, u.kind, u.unit);
        d.end = we;
        return read_after_qualifier(d, d.end);
      }
    if (d.has_unit) return read_after_qualifier(d, d.end);
    if (!scaled && (contains(kEnglishTimeWords, lower) || contains(kMonths, lower))) {
      return record(d.begin, we, MentionKind::kDate);
    }
    if (!code_ahead && (contains(kEnglishNonCounted, lower) || lower.size() < 2))
      return settled ? read_after_qualifier(d, d.end) : kNoUnit;
    // A year before a singular word (`2024 private AI investment`): no count, which would take a
    // plural noun (`2024 votes`).
    if (!code_ahead && !scaled && !lower.ends_with('s') && d.value >= 1900 && d.value <= 2099) {
      const std::string_view digits = slice(d.begin, d.end);
      if (digits.size() == 4 && digits.find_first_not_of("0123456789") == std::string_view::npos)
        return record(d.begin, d.end, MentionKind::kDate, static_cast<int>(d.value));
    }
    // An acronym (`18.69 ERA`, `30 NBA`) names what the number is, it counts nothing.
    if (!code_ahead && word.size() >= 2 &&
        std::all_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
      return settled ? read_after_qualifier(d, d.end) : kNoUnit;
    // A counted noun, possibly after a model code: 13,000 GPUs, 720,000 H100 GPUs.
    Pos counter_begin = w;
    Pos counter_end = we;
    if (code_ahead) {
      const Pos code_end = code_run_end(w);
      const Pos w2 = skip_spaces(code_end);
      const std::string_view noun = latin_word(w2);
      if (noun.empty() || w2 == code_end) return settled ? read_after_qualifier(d, d.end) : kNoUnit;
      mention(w, code_end, MentionKind::kCode);
      counter_end = w2 + static_cast<Pos>(noun.size());
    }
    set_count(d, slice(counter_begin, counter_end));
    d.end = counter_end;
    return read_after_qualifier(d, d.end);
  }

  // `N degrees` ending at `we`: Celsius or Fahrenheit when named (`degrees Celsius`, `degrees
  // F`); a half or a full turn is an angle; otherwise a temperature, in Fahrenheit above 50
  // (no weather is that hot in Celsius) and in Celsius below.
  Pos read_degrees(Draft& d, Pos we) {
    d.end = we;
    const Pos w = skip_spaces(we);
    const std::string scale = w == we ? std::string() : lower_word(latin_word(w));
    if (scale == "celsius" || scale == "c" || scale == "centigrade") {
      set_unit(d, FigureKind::kMeasure, "degC");
      d.end = w + static_cast<Pos>(scale.size());
    } else if (scale == "fahrenheit" || scale == "f") {
      set_unit(d, FigureKind::kMeasure, "degF");
      d.end = w + static_cast<Pos>(scale.size());
    } else if (d.value == 180 || d.value == 360) {
      set_unit(d, FigureKind::kMeasure, "deg");
    } else {
      set_unit(d, FigureKind::kMeasure, d.value > 50 ? "degF" : "degC");
    }
    return read_after_qualifier(d, d.end);
  }

  // Qualifiers after the figure (이상, 가량, or more) and before it (약, about, more than).
  Pos read_after_qualifier(Draft& d, Pos e) {
    Pos q = e;
    const Pos s = skip_spaces(q);
    const std::string_view rest = text_.substr(s, limit_ - s);
    for (const TailQualifier& t : kAfterQualifiers) {
      if (t.text == "대" && s != q) continue;  // `3억원대` only glued
      if (rest.starts_with(t.text) &&
          (t.text != "대" || !is_hangul(at(s + 3).cp) || is_tail(s + 3, hangul_run_end(s + 3)))) {
        if (d.qualifier == Qualifier::kExact || d.qualifier == Qualifier::kApprox) d.qualifier = t.qualifier;
        break;
      }
    }
    if (iequals(latin_word(s), "or")) {
      const Pos w2 = skip_spaces(s + 2);
      const std::string_view more = latin_word(w2);
      if (iequals(more, "more"))
        d.qualifier = Qualifier::kAtLeast;
      else if (iequals(more, "less") || iequals(more, "fewer"))
        d.qualifier = Qualifier::kAtMost;
    }
    read_before_qualifier(d);
    return e;
  }

  void read_before_qualifier(Draft& d) {
    Pos w = d.begin;
    if (is_space(before(w).cp))
      w -= before(w).len;
    else
      return;
    // The one or two words before.
    Pos w1 = w;
    while (w1 > sentence_begin_ && (is_ascii_letter(before(w1).cp) || is_hangul(before(w1).cp))) w1 -= before(w1).len;
    const std::string_view one = slice(w1, w);
    std::string two_lower;
    if (w1 > sentence_begin_ && is_space(before(w1).cp)) {
      Pos w0 = w1 - 1;
      while (w0 > sentence_begin_ && is_ascii_letter(before(w0).cp)) w0 -= 1;
      for (char c : slice(w0, w1 - 1)) two_lower.push_back(to_lower(c));
      two_lower += ' ';
    }
    std::string one_lower;
    for (char c : one) one_lower.push_back(to_lower(c));
    const std::string two = two_lower + one_lower;
    for (const TailQualifier& t : kBeforeQualifiers) {
      if (t.text == one_lower || t.text == two) {
        if (d.qualifier == Qualifier::kExact ||
            (d.qualifier == Qualifier::kApprox && t.qualifier != Qualifier::kApprox))
          d.qualifier = t.qualifier;
        return;
      }
    }
  }

  // After a figure: `~`, `∼`, `-` or `–` and a second number make a range.
  Pos read_range(Draft& d, Pos e) {
    Pos q = e;
    // `25 ~ 30km`: one space before a tilde (never before a dash, `10 - 3` is arithmetic).
    if (is_space(at(q).cp) && at(q + 1).cp == '~') ++q;
    Cp c = at(q);
    const bool tilde = c.cp == '~' || c.cp == 0x223C || c.cp == 0x301C || c.cp == 0xFF5E;
    const bool dash = c.cp == '-' || c.cp == 0x2013;
    if (!tilde && !dash) return e;
    Pos n = skip_spaces(q + c.len);
    if (dash && n != q + c.len) return e;  // `10 - 3` is arithmetic, not a range
    if (!is_digit(at(n).cp)) return e;
    const NumberRead second_read = read_korean_amount(sent(), n);
    if (!second_read.amount) return e;
    const Amount* second = &*second_read.amount;
    Draft d2;
    d2.begin = n;
    d2.value = second->value;
    d2.end = second->end;
    if (d.has_unit && d.kind == FigureKind::kMoney) set_unit(d2, d.kind, d.unit);
    const std::size_t mentions_before = out_.mentions.size();
    const Pos r = read_units(d2, second->end, *second);
    if (r == 0) {
      // The second end is a date, rank or code: the whole is one (2008-2010년, 3~5일).
      const Mention m = out_.mentions.back();
      out_.mentions.resize(mentions_before);
      if (m.kind == MentionKind::kCode && dash) return record(d.begin, m.end, MentionKind::kCode);
      return record(d.begin, m.end, m.kind, m.year);
    }
    if (dash && d.has_unit != d2.has_unit && d.has_unit) return e;
    if (d.has_unit && d2.has_unit && (d.unit != d2.unit)) return e;
    // `26~7살`: the high end written with its last digit only (26 to 27).
    if (tilde && d2.value < d.value && d2.value >= 1 && d2.value <= 9 && d.value >= 10 && d.value < 1000 &&
        d.value == std::floor(d.value) && second->end == n + 1) {
      const double high = d.value - std::fmod(d.value, 10) + d2.value;
      if (high > d.value) d2.value = high;
    }
    if (d2.value < d.value) {
      // `4-3 승리`, `2–0`: a score line, one figure (the first number) spanning both.
      if (dash && !d.has_unit && !d2.has_unit && d.value < 1000 && d.value == std::floor(d.value) &&
          d2.value == std::floor(d2.value) && second->plain_integer) {
        d.end = d2.end;
        return std::max(r, d2.end);
      }
      return e;  // not a range
    }
    if (!d.has_unit && d2.has_unit) {
      d.kind = d2.kind;
      d.unit = d2.unit;
      d.counter = d2.counter;
      d.has_unit = true;
    }
    d.high = d2.value;
    d.qualifier = Qualifier::kRange;
    d.end = d2.end;
    return std::max(r, d2.end);
  }

  // -------------------------------------------------------------------------------------------
  // Hangul words: native and Sino-Korean numerals, 제N, 첫 번째, 다시 한 번.

  Pos on_hangul_word(Pos p) {
    const Pos run_end = hangul_run_end(p);
    const std::string_view word = slice(p, run_end);
    // 첫 번째, 첫째: ordinals.
    if (word == "첫" || word == "첫째" || word == "첫번째") {
      Pos e = run_end;
      const Pos s = skip_spaces(run_end);
      if (word == "첫" && text_.substr(s, limit_ - s).starts_with("번째")) e = s + 6;
      if (word == "첫" && e == run_end) return run_end;  // 첫 회의: "first" as an adjective
      mention(p, e, MentionKind::kOrdinal);
      return e;
    }
    if (word == "제" && is_digit(at(skip_spaces(run_end)).cp)) return run_end;  // the digits follow
    if (const Pos r = on_native_numeral(p, run_end); r != 0) return r;
    if (const Pos r = on_hundred_or_thousand(p, run_end); r != 0) return r;
    if (const Pos r = on_sino_numeral(p, run_end); r != 0) return r;
    return glued_native_count(p, run_end);
  }

  // A native numeral and a counter glued to the end of a longer word: `별한개도`, `성공극의두마리`,
  // `영화중하나`. Only the common counters, and only when nothing but a particle follows, so
  // that `두개골` and `세명대` stay words.
  void glued_one(Pos b, Pos e) {
    Draft d;
    d.begin = b;
    d.end = e;
    d.value = d.high = 1;
    set_count(d, "");
    finish(d);
  }

  Pos glued_native_count(Pos p, Pos run_end) {
    // Scans every Hangul word, so it looks at one code point per syllable and compares strings
    // only after a numeral syllable.
    for (Pos q = p + 3; q + 6 <= run_end; q += 3) {
      const char32_t c = at(q).cp;
      double value = 0;
      Pos len = 3;
      switch (c) {
        case U'한':
          value = 1;
          break;
        case U'두':
          value = 2;
          break;
        case U'세':
          value = 3;
          break;
        case U'네':
          value = 4;
          break;
        case U'다':
          value = 5;
          len = 6;
          if (at(q + 3).cp != U'섯') continue;
          break;
        case U'하':
          // `또하나의`, `영화하나가`, `소품하나하나도`: the noun 하나.
          // One syllable before it is mostly a surname (장하나, 이하나), except 또.
          if (at(q + 3).cp != U'나' || (q == p + 3 && !starts(p, "또"))) continue;
          if (starts(q - 3, "야")) continue;  // `봐야하나`: the verb 하다 asking, not one
          if (starts(q + 6, "하나") && is_tail(q + 12, run_end)) {
            glued_one(q, q + 6);
            glued_one(q + 6, q + 12);
            return run_end;
          }
          if (!is_tail(q + 6, run_end)) continue;
          glued_one(q, q + 6);
          return run_end;
        default:
          continue;
      }
      // `나도한번`: once; `다시한번` is the idiom.
      if (c == U'한' && starts(q + 3, "번") && is_tail(q + 6, run_end)) {
        if (q >= p + 6 && (slice(q - 6, q) == "다시" || slice(q - 3, q) == "또")) {
          mention(q - (slice(q - 3, q) == "또" ? 3 : 6), q + 6, MentionKind::kIdiom);
          return run_end;
        }
        Draft d;
        d.begin = q;
        d.value = d.high = 1;
        set_count(d, "번");
        d.end = q + 6;
        finish(d);
        return run_end;
      }
      const Pos cs = q + len;
      Pos ce = 0;
      if (starts(cs, "개") || starts(cs, "명"))
        ce = cs + 3;
      else if (starts(cs, "마리") || starts(cs, "가지"))
        ce = cs + 6;
      if (ce == 0 || ce > run_end || !is_tail(ce, run_end)) continue;
      Draft d;
      d.begin = q;
      d.value = d.high = value;
      set_count(d, slice(cs, ce));
      d.end = ce;
      read_after_qualifier(d, d.end);
      finish(d);
      return run_end;
    }
    return run_end;
  }

  Pos on_native_numeral(Pos p, Pos run_end) {
    const std::string_view word = slice(p, run_end);
    // Nouns: 하나, 둘, 셋 (+ particle).
    for (const NativeNumeral& n : kNativeNouns) {
      if (!word.starts_with(n.text)) continue;
      const Pos ne = p + static_cast<Pos>(n.text.size());
      if (text_.substr(ne, limit_ - ne).starts_with("째")) {
        mention(p, ne + 3, MentionKind::kOrdinal);
        return run_end;
      }
      // `하나·외환은행`: a name joined to the next by a middle dot.
      if (ne == run_end && middle_dot_at(ne)) return run_end;
      // 하나하나, 둘둘: each one, read as the numeral twice.
      if (starts(ne, n.text) && is_tail(ne + static_cast<Pos>(n.text.size()), run_end)) {
        for (Pos b : {p, ne}) {
          Draft d;
          d.begin = b;
          d.end = b + static_cast<Pos>(n.text.size());
          d.value = d.high = n.value;
          set_count(d, "");
          finish(d);
        }
        return run_end;
      }
      if (!is_tail(ne, run_end) || starts(ne, "대") || starts(ne, "여")) continue;
      // `다섯 번째`, `여섯 명`, `다섯 형제`: an adnominal before a counter or a noun, read below.
      if (ne == run_end && (native_counter_follows(ne) || noun_follows_adnominal(n.text, ne))) break;
      Draft d;
      d.begin = p;
      d.end = ne;
      d.value = d.high = n.value;
      set_count(d, "");
      read_after_qualifier(d, ne);
      finish(d);
      return run_end;
    }
    // Adnominal: 한 곳, 세 명, 두세 번, 한개, 두명.
    for (const NativeNumeral& n : kNativeAdnominal) {
      if (!word.starts_with(n.text)) continue;
      const Pos ne = p + static_cast<Pos>(n.text.size());
      Pos cs = ne;
      if (ne == run_end) {
        cs = skip_spaces(ne);
        if (cs == ne || !is_hangul(at(cs).cp)) return 0;
      }
      const Pos cend = hangul_run_end(cs);
      const std::string_view rest = text_.substr(cs, limit_ - cs);
      if (rest.starts_with("번째") || rest.starts_with("째")) {
        mention(p, cs + (rest.starts_with("째") ? 3 : 6), MentionKind::kOrdinal);
        return cend;
      }
      const std::string_view counter = cs == ne ? match_list(rest, korean_figure_words().glued_native_counters)
                                                : match_list(rest, korean_figure_words().counters);
      const Pos ce = cs + static_cast<Pos>(counter.size());
      // `한개반`: one and a half.
      const bool and_half = !counter.empty() && starts(ce, "반") && is_tail(ce + 3, cend);
      if (counter.empty() || counter == "대" || counter == "세" || counter == "자" ||
          !(is_tail(ce, cend) || and_half || (cs == ne && particle_then_word(ce, cend))))
        return cs == ne ? 0 : on_native_before_noun(p, n, cs, cend);
      // `일을 한 사람`: after an object `한 사람` is a person who did it (the verb 하다).
      if (n.text == "한" && counter == "사람" && is_space(before(p).cp)) {
        const Pos w = p - before(p).len;
        if (w >= sentence_begin_ + 3 && (slice(w - 3, w) == "을" || slice(w - 3, w) == "를")) return 0;
      }
      // 한 번도, 한번도 (never): an idiom, not a count.
      if (n.text == "한" && counter == "번" && starts(cs + 3, "도") && cs + 6 == cend) {
        mention(p, cs + 3, MentionKind::kIdiom);
        return cend;
      }
      // 다시 한 번, 또 한 번: an idiom, not a count.
      if (n.text == "한" && counter == "번") {
        Pos w = p;
        if (is_space(before(w).cp)) {
          w -= before(w).len;
          Pos w1 = w;
          while (w1 > sentence_begin_ && is_hangul(before(w1).cp)) w1 -= 3;
          const std::string_view prev = slice(w1, w);
          if (prev == "다시" || prev == "또" || prev == "다시금" || prev == "또다시") {
            mention(w1, cs + 3, MentionKind::kIdiom);
            return cend;
          }
        }
      }
      Draft d;
      d.begin = p;
      d.value = n.value + (and_half ? 0.5 : 0);
      d.high = n.high + (and_half ? 0.5 : 0);
      set_count(d, counter);
      d.end = ce + (and_half ? 3 : 0);
      if (n.high > n.value) d.qualifier = Qualifier::kRange;
      read_after_qualifier(d, d.end);
      finish(d);
      return cend;
    }
    return 0;
  }

  // True when [p, run_end) is a case particle and then more of a word run on without a space
  // (`별두개는서비스임`): the text left its spaces out.
  bool particle_then_word(Pos p, Pos run_end) const {
    if (run_end - p < 9) return false;
    static constexpr std::string_view kParticles[] = {"은", "는", "을", "를", "도", "의", "에", "로", "만"};
    for (std::string_view t : kParticles)
      if (starts(p, t)) return true;
    return false;
  }

  // True when the word after p (one space) is a counter or 번째 for a native numeral.
  bool native_counter_follows(Pos p) const {
    const Pos cs = skip_spaces(p);
    if (cs == p || !is_hangul(at(cs).cp)) return false;
    const std::string_view rest = text_.substr(cs, limit_ - cs);
    if (rest.starts_with("번째") || rest.starts_with("째")) return true;
    const std::string_view counter = match_list(rest, korean_figure_words().counters);
    return !counter.empty() && is_tail(cs + static_cast<Pos>(counter.size()), hangul_run_end(cs));
  }

  // True when `numeral` also has an adnominal use and a Hangul word other than a particle follows
  // after one space: `다섯 형제` counts brothers, `다섯이 왔다` stays the noun.
  bool noun_follows_adnominal(std::string_view numeral, Pos p) const {
    bool adnominal = false;
    for (const NativeNumeral& a : kNativeAdnominal) adnominal = adnominal || (a.text == numeral && a.value < 10);
    const Pos w = skip_spaces(p);
    return adnominal && w != p && is_hangul(at(w).cp) && !contains(kTails, slice(w, hangul_run_end(w)));
  }

  // A native numeral standing alone before an ordinary noun counts it: `두 배우`, `세 모녀`,
  // `네 신사`. `열` (heat, open) and `네` (yes, your) are too often other words, `한` too: it
  // is the article of news prose (`한 행성에서`, `한 남성이`: a planet, a man) or the verb 하다
  // (`일을 한 사람`), so it counts only with a counter (`한 곳`, issue 14).
  Pos on_native_before_noun(Pos p, const NativeNumeral& n, Pos noun, Pos noun_run_end) {
    if (n.value >= 10 || n.text == "네" || n.text == "석" || n.text == "넉") return 0;  // `마흔 넘지`
    // `세 부담`, `세 혜택`: 세 is the tax.
    if (n.text == "세" &&
        (starts(noun, "부담") || starts(noun, "혜택") || starts(noun, "감면") || starts(noun, "부과")))
      return 0;
    if (n.text == "한") return 0;
    const Pos stem_end = noun_stem_end(noun, noun_run_end);
    if (stem_end <= noun) return 0;
    const std::string_view stem = slice(noun, stem_end);
    // `두 걸출한 인물`: an adnominal verb form stands between the numeral and its noun.
    if (noun_run_end - noun >= 6 && stem_end == noun_run_end) {
      const std::string_view last = slice(noun_run_end - 3, noun_run_end);
      if (last == "한" || last == "던" || last == "운" || last == "된" || last == "는") return 0;
    }
    // `한 의원`, `한 씨가`: the surname Han before a title.
    if (n.text == "한") {
      const std::string_view word = slice(noun, noun_run_end);
      for (std::string_view t : kTitles)
        if (stem == t || (word.starts_with(t) && contains(kTails, word.substr(t.size())))) return 0;
    }
    // `두 달`, `한 해`: a span of time, a date.
    for (std::string_view t : kNativeTimeNouns)
      if (stem.starts_with(t) && (stem.size() == t.size() || stem.substr(t.size()) == "치")) {
        mention(p, stem_end, MentionKind::kDate);
        return noun_run_end;
      }
    Draft d;
    d.begin = p;
    d.value = n.value;
    d.high = n.high;
    set_count(d, slice(noun, stem_end));
    d.end = stem_end;
    if (n.high > n.value) d.qualifier = Qualifier::kRange;
    read_after_qualifier(d, d.end);
    finish(d);
    return noun_run_end;
  }

  // The end of the noun in the Hangul word [b, run_end): a particle is cut off (`배우가` →
  // `배우`), but a two-syllable word whose second syllable only looks like one stays whole
  // (`아이`, `나라`).
  Pos noun_stem_end(Pos b, Pos run_end) const {
    if (contains(kTails, slice(b, run_end))) return b;  // the "noun" is itself a particle
    for (Pos cut = b + 3; cut < run_end; cut += 3) {
      if (!contains(kTails, slice(cut, run_end))) continue;
      const bool ambiguous_one =
          run_end - b == 6 && run_end - cut == 3 &&
          !(starts(cut, "을") || starts(cut, "를") || starts(cut, "은") || starts(cut, "는") || starts(cut, "의") ||
            starts(cut, "에") || starts(cut, "과") || starts(cut, "와") || starts(cut, "도"));
      if (ambiguous_one) return run_end;
      // The plural 들 is no part of the noun: `두 딸들도` counts 딸.
      if (cut - b >= 6 && slice(cut - 3, cut) == "들" && slice(b, cut) != "아들") return cut - 3;
      return cut;
    }
    if (run_end - b >= 6 && slice(run_end - 3, run_end) == "들" && slice(b, run_end) != "아들") return run_end - 3;
    return run_end;
  }

  // `백명`, `천개의`: 백 or 천 alone with a common counter glued (a longer run is read below).
  Pos on_hundred_or_thousand(Pos p, Pos run_end) {
    const double value = starts(p, "백") ? 100 : starts(p, "천") ? 1000 : 0;
    if (value == 0) return 0;
    static constexpr std::string_view kCounters[] = {"명", "개", "마리", "가지", "곳", "번"};
    const std::string_view counter = longest_prefix(rest(p + 3), kCounters);
    const Pos ce = p + 3 + static_cast<Pos>(counter.size());
    if (counter.empty() || !is_tail(ce, run_end)) return 0;
    Draft d;
    d.begin = p;
    d.value = d.high = value;
    set_count(d, counter);
    d.end = ce;
    read_after_qualifier(d, d.end);
    finish(d);
    return run_end;
  }

  // 삼십억 원, 이천오백만: a run of Sino-Korean numerals with 십/백/천 in it, or ending in
  // 만/억/조 before a unit. Two-syllable words like 구조 and 오만 stay words.
  Pos on_sino_numeral(Pos p, Pos run_end) {
    const std::optional<SinoNumeral> n = parse_sino_numeral(slice(p, run_end));
    if (!n) return 0;
    const Pos q = p + static_cast<Pos>(n->bytes);
    const bool small_mag = n->small_magnitude, has_big = n->big_magnitude;
    const int syllables = n->syllables;
    const double value = n->value;
    Draft d;
    d.begin = p;
    d.end = q;
    d.value = value;
    const Pos after = q;
    if (!small_mag && !(has_big && syllables >= 2)) return 0;
    // A unit or counter must follow (glued or after a space) unless 십/백/천 make it plainly a
    // numeral of three or more syllables.
    Pos s = after;
    if (s == run_end) s = skip_spaces(s);
    const std::string_view rest = text_.substr(s, limit_ - s);
    const UnitWord* u = is_hangul(at(s).cp) ? match_korean_unit(rest) : nullptr;
    const std::string_view counter = u ? std::string_view{} : match_list(rest, korean_figure_words().counters);
    const Pos cend = hangul_run_end(s);
    if (u && is_tail(s + static_cast<Pos>(u->text.size()), cend)) {
      set_unit(d, u->kind, u->unit);
      d.end = s + static_cast<Pos>(u->text.size());
    } else if (!counter.empty() && is_tail(s + static_cast<Pos>(counter.size()), cend) &&
               (small_mag || syllables > 2 || s != after)) {  // `구조대` is a rescue team
      set_count(d, counter);
      d.end = s + static_cast<Pos>(counter.size());
    } else if (!(small_mag && syllables >= 3 && after == run_end)) {
      return 0;
    }
    read_after_qualifier(d, d.end);
    finish(d);
    return std::max(d.end, run_end);
  }

  // -------------------------------------------------------------------------------------------

  bool is_ordinal_je(Pos begin) {
    Pos w = begin;
    if (is_space(before(w).cp)) w -= before(w).len;
    if (w >= sentence_begin_ + 3 && slice(w - 3, w) == "제" && !is_hangul(before(w - 3).cp)) {
      ordinal_je_begin_ = w - 3;
      return true;
    }
    return false;
  }

  Pos record(Pos b, Pos e, MentionKind kind, int year = 0) {
    mention(b, e, kind, year);
    end_mention_ = std::max(e, b + 1);
    return 0;
  }

  static void set_unit(Draft& d, FigureKind kind, std::string_view unit, double factor = 1) {
    d.value *= factor;
    d.high *= factor;
    d.kind = kind;
    d.unit = std::string(unit);
    d.has_unit = true;
  }

  static void set_count(Draft& d, std::string_view counter) {
    d.kind = FigureKind::kCount;
    d.unit = "count";
    d.counter = std::string(counter);
    d.has_unit = true;
  }

  void finish(Draft& d) {
    if (!std::isfinite(d.value) || d.end <= d.begin) return;
    if (d.qualifier != Qualifier::kRange || !std::isfinite(d.high)) d.high = d.value;
    Figure f;
    f.surface = std::string(slice(d.begin, d.end));
    f.value = d.value;
    f.high = d.high;
    f.unit = d.unit;
    f.kind = d.kind;
    f.counter = d.counter;
    f.qualifier = d.qualifier;
    f.begin = d.begin;
    f.end = d.end;
    out_.figures.push_back(std::move(f));
  }

  std::string_view text_;
  FigureExtraction& out_;
  Pos sentence_begin_ = 0;
  Pos limit_ = 0;
  int sentence_year_ = 0;
  std::size_t first_figure_ = 0;
  Pos end_mention_ = 0;
  Pos ordinal_je_begin_ = 0;
};

}  // namespace

FigureExtraction FigureExtractor::extract(std::string_view text) const {
  FigureExtraction out;
  // Offsets are 32-bit across kb; a larger text is cut rather than misread.
  if (text.size() >= 0xFFFFFFF0u) text = text.substr(0, 0xFFFFFFF0u);
  Scanner(text, out).run();
  return out;
}

}  // namespace kb::analysis