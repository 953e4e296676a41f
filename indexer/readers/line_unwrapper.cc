#include "readers/line_unwrapper.h"

#include <algorithm>
#include <cstdint>

namespace kb {
namespace {

// ---- characters

struct CodePoint {
  char32_t value = 0;
  std::size_t length = 1;
};

// The code point at `i`; an ill-formed byte is taken as itself, one byte long.
CodePoint decode(std::string_view s, std::size_t i) {
  const auto b = static_cast<unsigned char>(s[i]);
  std::size_t length = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
  if (length == 0 || i + length > s.size()) return {b, 1};
  char32_t value = length == 1 ? b : length == 2 ? (b & 0x1F) : length == 3 ? (b & 0x0F) : (b & 0x07);
  for (std::size_t k = 1; k < length; ++k) {
    const auto c = static_cast<unsigned char>(s[i + k]);
    if ((c & 0xC0) != 0x80) return {b, 1};
    value = (value << 6) | (c & 0x3F);
  }
  return {value, length};
}

// The code point that ends at `end` (exclusive).
CodePoint decode_last(std::string_view s, std::size_t end) {
  std::size_t start = end - 1;
  while (start > 0 && end - start < 4 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
  const CodePoint cp = decode(s, start);
  return start + cp.length == end ? cp : CodePoint{static_cast<unsigned char>(s[end - 1]), 1};
}

bool is_wide(char32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}
bool is_hangul(char32_t c) { return (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x1100 && c <= 0x11FF); }
bool is_lower(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7); }
bool is_upper(char32_t c) { return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7); }
bool is_letter(char32_t c) { return is_lower(c) || is_upper(c) || is_hangul(c); }
bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }
bool is_box_drawing(char32_t c) { return c >= 0x2500 && c <= 0x257F; }

// Punctuation that may open a sentence before its first letter, or close one after its end.
bool is_opening(char32_t c) {
  return c == '"' || c == '\'' || c == '(' || c == '[' || c == '$' || c == 0x201C || c == 0x2018 || c == 0x300C ||
         c == 0x300E || c == 0x3008 || c == 0x300A;
}
bool is_closing(char32_t c) {
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019 || c == 0x300D || c == 0x300F ||
         c == 0x3009 || c == 0x300B;
}
bool is_sentence_end(char32_t c) {
  return c == '.' || c == '!' || c == '?' || c == ':' || c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0x2026;
}
// Markers that open a list item or a section line by themselves: - * • · ■ □ ▲ △ ▶ ▷ ◆ ◇ ○ ● ※ ★ ☆ ▪ ◦ ‣ …
bool is_bullet(char32_t c) {
  return c == '-' || c == '*' || c == '+' || c == 0x2022 || c == 0x00B7 || c == 0x2023 || c == 0x2043 || c == 0x25E6 ||
         c == 0x203B || (c >= 0x25A0 && c <= 0x25FF) || c == 0x2605 || c == 0x2606;
}
// 가 나 다 라 마 바 사 아 자 차 카 타 파 하: Korean enumerations (`가.`, `나)`).
bool is_enumerating_syllable(char32_t c) {
  static constexpr char32_t kSyllables[] = {0xAC00, 0xB098, 0xB2E4, 0xB77C, 0xB9C8, 0xBC14, 0xC0AC,
                                            0xC544, 0xC790, 0xCC28, 0xCE74, 0xD0C0, 0xD30C, 0xD558};
  return std::find(std::begin(kSyllables), std::end(kSyllables), c) != std::end(kSyllables);
}
bool is_circled_number(char32_t c) { return (c >= 0x2460 && c <= 0x24FF) || (c >= 0x2776 && c <= 0x2793); }

int width_of(std::string_view s) {
  int width = 0;
  for (std::size_t i = 0; i < s.size();) {
    const CodePoint cp = decode(s, i);
    width += is_wide(cp.value) ? 2 : 1;
    i += cp.length;
  }
  return width;
}

// ---- one line

enum class Kind { kBlank, kPlain, kListItem, kQuoted, kField, kTable, kHeading };
enum class TableShape { kNone, kWeak, kStrong };

struct Line {
  Kind kind = Kind::kBlank;
  std::string_view content;  // without indentation and trailing white space
  int indent = 0;            // columns
  int end = 0;               // the column after its last character
  int first_word = 0;        // width of its first word
  int hang = 0;              // list item: the column where its text starts
  bool ends_sentence = false;
  bool ends_open = false;           // ends in a lower-case word or a comma: the sentence goes on
  bool ends_function_word = false;  // ends in `the`, `of`, `and`, `를`, `에서` …: nothing ends there
  bool starts_lower = false;        // its first letter (after opening punctuation) is lower case
  bool starts_digit = false;
  bool field_shape = false;  // `Label: value`, a header field when its block is all fields
  TableShape table = TableShape::kNone;
  int words = 0;
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// Runs of two or more spaces between words, as table columns are separated; a run after a
// sentence end is typewriter spacing, not a column (`income.   Much of`).
int column_gaps(std::string_view s) {
  int gaps = 0;
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] != ' ') {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < s.size() && s[j] == ' ') ++j;
    const auto before = static_cast<unsigned char>(s[i - (i > 0 ? 1 : 0)]);
    if (j - i >= 2 && i > 0 && j < s.size() && !is_sentence_end(before) && !is_closing(before) && before != ',') ++gaps;
    i = j;
  }
  return gaps;
}

// Strong: two column gaps, a tab, two `|`, box drawing, or mostly digits (`1,234.5  (12.0)`, not
// a sentence's last word `1986.`). Weak: one column gap, a table row only beside another row.
TableShape table_shape(std::string_view s) {
  const int gaps = column_gaps(s);
  if (gaps >= 2) return TableShape::kStrong;
  int bars = 0, digits = 0, letters = 0, others = 0;
  for (std::size_t i = 0; i < s.size();) {
    const CodePoint cp = decode(s, i);
    i += cp.length;
    if (cp.value == '\t' || is_box_drawing(cp.value)) return TableShape::kStrong;
    if (cp.value == '|') ++bars;
    if (is_digit(cp.value)) {
      ++digits;
    } else if (is_letter(cp.value) || cp.value >= 0x80) {
      ++letters;
    } else if (cp.value != ' ') {
      ++others;
    }
  }
  if (bars >= 2) return TableShape::kStrong;
  const bool numeric = digits > 0 && digits + others >= 2 * letters && digits + others + letters >= 3 &&
                       s.back() != '.' && s.back() != ',' && !is_lower(decode(s, 0).value);
  if (numeric) return TableShape::kStrong;
  return gaps == 1 ? TableShape::kWeak : TableShape::kNone;
}

// Capitals only, at least four of them, two words or more, no lower case and no Hangul, no
// final period or comma: a wire headline.
bool looks_like_heading(std::string_view s) {
  if (s.find(' ') == std::string_view::npos || s.back() == '.' || s.back() == ',') return false;
  int upper = 0;
  for (std::size_t i = 0; i < s.size();) {
    const CodePoint cp = decode(s, i);
    i += cp.length;
    if (is_lower(cp.value) || is_hangul(cp.value)) return false;
    if (is_upper(cp.value)) ++upper;
  }
  return upper >= 4;
}

// The width of a list marker that opens `s` and the spaces after it; 0 when there is none.
std::size_t list_marker(std::string_view s) {
  auto spaces_after = [&](std::size_t at) -> std::size_t {
    std::size_t j = at;
    while (j < s.size() && s[j] == ' ') ++j;
    return j > at && j < s.size() ? j : 0;
  };
  if (s.empty()) return 0;
  const CodePoint first = decode(s, 0);
  if (is_bullet(first.value)) {
    // `-` and `*` need a space after them (`-5 pct`, `*note` are text); other bullets do not.
    if (first.value == '-' || first.value == '*' || first.value == '+') return spaces_after(1);
    const std::size_t j = spaces_after(first.length);
    return j > 0 ? j : first.length;
  }
  if (is_circled_number(first.value)) {
    const std::size_t j = spaces_after(first.length);
    return j > 0 ? j : first.length;
  }
  // (1) (가) (a)
  if (first.value == '(') {
    std::size_t j = 1;
    while (j < s.size() && j < 5 && s[j] != ')') ++j;
    if (j < s.size() && s[j] == ')' && j > 1) {
      const std::string_view inner = s.substr(1, j - 1);
      const bool number = std::all_of(inner.begin(), inner.end(), [](char c) { return c >= '0' && c <= '9'; });
      const CodePoint k = decode(inner, 0);
      const bool letter = inner.size() == k.length && (is_enumerating_syllable(k.value) || is_lower(k.value));
      if (number || letter) {
        const std::size_t after = spaces_after(j + 1);
        return after > 0 ? after : j + 1;
      }
    }
    return 0;
  }
  // 1. 12) a. b) 가. 나)
  std::size_t j = 0;
  while (j < s.size() && j < 3 && s[j] >= '0' && s[j] <= '9') ++j;
  if (j == 0) {
    const CodePoint k = decode(s, 0);
    if (is_enumerating_syllable(k.value) || (k.value >= 'a' && k.value <= 'z')) j = k.length;
  }
  if (j > 0 && j < s.size() && (s[j] == '.' || s[j] == ')')) return spaces_after(j + 1);
  return 0;
}

// `Subject: …`, `Reply-To: …`, `보낸 사람: …`: a label of at most three words, each capitalised
// or Hangul, a colon, a value.
bool field_shape(std::string_view s) {
  const std::size_t colon = s.find(':');
  if (colon == 0 || colon == std::string_view::npos || colon > 30 || colon + 2 >= s.size()) return false;
  if (s[colon + 1] != ' ' && s[colon + 1] != '\t') return false;
  int words = 0;
  bool word_start = true;
  for (std::size_t i = 0; i < colon;) {
    const CodePoint cp = decode(s, i);
    i += cp.length;
    if (cp.value == ' ') {
      word_start = true;
      continue;
    }
    if (!is_letter(cp.value) && cp.value != '-') return false;
    if (word_start && !is_upper(cp.value) && !is_hangul(cp.value)) return false;
    if (word_start) ++words;
    word_start = false;
  }
  return words >= 1 && words <= 3;
}

// Korean particles and connective endings a sentence or a heading does not end with (chosen
// not to be the last syllable of common nouns: no 과 as in 결과, no 의 as in 회의, no 을 as in 마을).
bool ends_with_korean_particle(std::string_view s) {
  static constexpr std::string_view kEndings[] = {"를",   "에",   "은",   "는",   "며",   "에서", "으로",
                                                  "지만", "는데", "면서", "하고", "했고", "하여", "해서"};
  const std::size_t space = s.rfind(' ');
  const std::string_view word = space == std::string_view::npos ? s : s.substr(space + 1);
  for (std::string_view e : kEndings)
    if (word.size() > e.size() && word.ends_with(e) && is_hangul(decode_last(word, word.size() - e.size()).value))
      return true;
  return false;
}

// English words a sentence, a heading or a list item cannot end with.
bool ends_with_function_word(std::string_view s) {
  static constexpr std::string_view kWords[] = {
      "a",     "an",  "the", "of",  "to", "and", "or",  "for",  "in", "on",   "at",    "by",   "with", "from", "its",
      "their", "his", "her", "our", "is", "are", "was", "were", "be", "that", "which", "than", "into", "but",  "said"};
  const std::size_t space = s.rfind(' ');
  if (space == std::string_view::npos) return false;
  const std::string_view word = s.substr(space + 1);
  return std::find(std::begin(kWords), std::end(kWords), word) != std::end(kWords);
}

Line measure(std::string_view raw) {
  Line line;
  std::size_t begin = 0;
  int column = 0;
  while (begin < raw.size()) {
    if (raw[begin] == ' ') {
      ++column, ++begin;
    } else if (raw[begin] == '\t') {
      column = (column / 8 + 1) * 8, ++begin;
    } else if (raw.substr(begin, 3) == "\xE3\x80\x80") {  // U+3000 ideographic space
      column += 2, begin += 3;
    } else if (is_space(raw[begin])) {
      ++begin;
    } else {
      break;
    }
  }
  std::size_t end = raw.size();
  while (end > begin && is_space(raw[end - 1])) --end;
  if (end <= begin) return line;
  line.content = raw.substr(begin, end - begin);
  line.indent = column;
  line.end = column + width_of(line.content);
  const std::string_view s = line.content;
  const std::size_t space = s.find(' ');
  line.first_word = width_of(s.substr(0, space));
  line.words = 1 + static_cast<int>(std::count(s.begin(), s.end(), ' '));

  // How it starts: skip opening punctuation to the first letter or digit.
  for (std::size_t i = 0; i < s.size();) {
    const CodePoint cp = decode(s, i);
    if (is_opening(cp.value)) {
      i += cp.length;
      continue;
    }
    line.starts_lower = is_lower(cp.value);
    line.starts_digit = is_digit(cp.value);
    break;
  }
  // How it ends: skip closing punctuation back to the last mark.
  std::size_t at = s.size();
  CodePoint last = decode_last(s, at);
  while (is_closing(last.value) && at > last.length) {
    at -= last.length;
    last = decode_last(s, at);
  }
  line.ends_sentence = is_sentence_end(last.value);
  line.ends_function_word = ends_with_function_word(s) || ends_with_korean_particle(s);
  line.ends_open = last.value == ',' || is_lower(last.value) || line.ends_function_word;

  line.field_shape = field_shape(s);
  if (s.front() == '>') {
    line.kind = Kind::kQuoted;
  } else if (const std::size_t marker = list_marker(s); marker > 0) {
    line.kind = Kind::kListItem;
    line.hang = column + width_of(s.substr(0, marker));
  } else if (line.table = table_shape(s); line.table == TableShape::kStrong) {
    line.kind = Kind::kTable;
  } else if (looks_like_heading(s)) {
    line.kind = Kind::kHeading;
  } else {
    line.kind = Kind::kPlain;
  }
  return line;
}

std::vector<Line> measure_all(const std::vector<std::string_view>& raw) {
  std::vector<Line> lines;
  lines.reserve(raw.size());
  for (std::string_view r : raw) lines.push_back(measure(r));
  // A weak table row (one column gap) beside another row is a row.
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].kind != Kind::kPlain || lines[i].table != TableShape::kWeak) continue;
    const bool row_before = i > 0 && lines[i - 1].table != TableShape::kNone;
    const bool row_after = i + 1 < lines.size() && lines[i + 1].table != TableShape::kNone;
    if (row_before || row_after) lines[i].kind = Kind::kTable;
  }
  // Header fields: a block (lines between blank lines) whose lines are all field-shaped, but for
  // lines indented past its first (folded values, as RFC 5322 writes them).
  for (std::size_t begin = 0; begin < lines.size();) {
    if (lines[begin].kind == Kind::kBlank) {
      ++begin;
      continue;
    }
    std::size_t end = begin;
    bool fields = true;
    for (; end < lines.size() && lines[end].kind != Kind::kBlank; ++end) {
      const bool folded = end > begin && lines[end].indent > lines[begin].indent;
      if (!lines[end].field_shape && !folded) fields = false;
    }
    if (fields) {
      for (std::size_t i = begin; i < end; ++i) lines[i].kind = Kind::kField;
    }
    begin = end;
  }
  return lines;
}

bool joinable_kind(Kind k) { return k == Kind::kPlain || k == Kind::kListItem; }

int slack_of(int width) { return std::max(3, width / 8); }

bool is_full(const Line& a, const Line& b, int width) { return a.end + 1 + b.first_word > width - slack_of(width); }

LineLayout layout_of(const std::vector<Line>& lines) {
  LineLayout layout;
  // The margin: the smallest indentation of at least two plain lines and a tenth of them (else
  // the smallest of all), where continuation lines sit.
  std::vector<int> indent_count;
  int plain = 0;
  for (const Line& l : lines) {
    if (l.kind != Kind::kPlain) continue;
    ++plain;
    if (static_cast<std::size_t>(l.indent) >= indent_count.size()) indent_count.resize(l.indent + 1);
    ++indent_count[l.indent];
  }
  if (plain == 0) return layout;
  layout.margin = -1;
  for (std::size_t k = 0; k < indent_count.size() && layout.margin < 0; ++k)
    if (indent_count[k] >= 2 && indent_count[k] * 10 >= plain) layout.margin = static_cast<int>(k);
  if (layout.margin < 0)
    layout.margin = static_cast<int>(
        std::find_if(indent_count.begin(), indent_count.end(), [](int n) { return n > 0; }) - indent_count.begin());
  // Indented paragraphs: lines past the margin followed by a line at the margin that goes on.
  int indented = 0, openers = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].kind != Kind::kPlain || lines[i].indent <= layout.margin) continue;
    ++indented;
    if (i + 1 < lines.size() && lines[i + 1].kind == Kind::kPlain && lines[i + 1].indent == layout.margin) ++openers;
  }
  layout.indented_paragraphs = openers >= 1 && indented >= 2;

  // Candidate continuations: a plain line (or list item) followed by a plain line not indented past it.
  std::vector<std::pair<const Line*, const Line*>> pairs;
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    const Line& a = lines[i];
    const Line& b = lines[i + 1];
    if (!joinable_kind(a.kind) || b.kind != Kind::kPlain) continue;
    if (b.indent > a.indent && !(a.kind == Kind::kListItem && b.indent == a.hang)) continue;
    if (layout.indented_paragraphs && b.indent > layout.margin && !(a.kind == Kind::kListItem && b.indent == a.hang))
      continue;
    pairs.emplace_back(&a, &b);
  }
  if (pairs.size() < 2) return layout;
  std::vector<int> ends;
  for (const auto& [a, b] : pairs) ends.push_back(a->end);
  std::sort(ends.begin(), ends.end());
  layout.width = ends[std::min(ends.size() - 1, ends.size() * 4 / 5)];
  if (layout.width < 40 || layout.width > 160) return layout;
  // Most candidates are full and open; and where the next line starts with a Latin letter, a
  // third of them at least start in lower case (rows of a list of short lines start capitalised).
  std::size_t full = 0, open = 0, latin = 0, lower = 0;
  for (const auto& [a, b] : pairs) {
    if (is_full(*a, *b, layout.width)) ++full;
    if (!a->ends_sentence) ++open;
    if (b->starts_lower) ++lower;
    if (b->starts_lower || is_upper(decode(b->content, 0).value)) ++latin;
  }
  // And hardly any plain line runs far past the width (a paragraph on one line).
  std::size_t long_lines = 0;
  for (const Line& l : lines)
    if (l.kind == Kind::kPlain && l.end > layout.width + layout.width / 4) ++long_lines;
  layout.wrapped = full * 10 >= pairs.size() * 6 && open * 2 >= pairs.size() && (latin < 2 || lower * 3 >= latin) &&
                   long_lines * 8 <= static_cast<std::size_t>(plain);
  return layout;
}

// Whether `b` goes on the paragraph whose first line is `first` and last line is `a`.
struct Open {
  const Line* first = nullptr;
  const Line* last = nullptr;
  int lines = 0;
  int continuation_indent = 0;
};

bool continues(const Open& p, const Line& b, bool b_ends_block, const LineLayout& layout) {
  const Line& a = *p.last;
  if (!joinable_kind(a.kind) || b.kind != Kind::kPlain) return false;
  // A sign-off: one word alone on the last line of its block after a sentence (`Reuter`, `Kim`).
  if (b_ends_block && a.ends_sentence && b.words == 1 && !b.ends_sentence) return false;
  const bool hanging = p.first->kind == Kind::kListItem && b.indent == p.first->hang;
  if (p.lines >= 2) {
    if (b.indent != p.continuation_indent) return false;
  } else if (b.indent > a.indent && !hanging) {
    return false;  // the second line sits at the first's indentation or left of it, or hangs
  }
  if (layout.indented_paragraphs && b.indent > layout.margin && !hanging) return false;
  if (layout.wrapped) {
    if (is_full(a, b, layout.width)) return true;
    if (a.content.back() == ':') return false;
    if (b.starts_lower) return true;
    if (p.first->kind == Kind::kListItem) return false;  // an unmarked line after a short item
    if (a.ends_sentence) return false;
    return a.end * 3 >= layout.width && (a.ends_open || b.starts_digit);
  }
  return a.words >= 3 && !a.ends_sentence && (b.starts_lower || a.ends_function_word);
}

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Appends line `b` to paragraph text `text` (see the header for the hyphen rule).
void append(std::string& text, std::string_view b) {
  if (text.empty()) {
    text.assign(b);
    return;
  }
  const bool hyphen = text.size() >= 2 && text.back() == '-' && is_ascii_letter(text[text.size() - 2]);
  if (hyphen && !b.empty() && is_ascii_letter(b.front())) {
    const std::string_view word = b.substr(0, b.find(' '));
    if (word != "and" && word != "or" && word != "to" && word != "nor") {
      text.append(b);
      return;
    }
  }
  text.push_back(' ');
  text.append(b);
}

}  // namespace

LineLayout LineUnwrapper::layout(const std::vector<std::string_view>& lines) const {
  return layout_of(measure_all(lines));
}

std::vector<UnwrappedParagraph> LineUnwrapper::unwrap(const std::vector<std::string_view>& raw) const {
  const std::vector<Line> lines = measure_all(raw);
  const LineLayout layout = layout_of(lines);
  std::vector<UnwrappedParagraph> out;
  Open open;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const Line& line = lines[i];
    const int number = static_cast<int>(i) + 1;
    if (line.kind == Kind::kBlank) {
      open = {};
      continue;
    }
    const bool ends_block = i + 1 == lines.size() || lines[i + 1].kind == Kind::kBlank;
    if (open.last != nullptr && continues(open, line, ends_block, layout)) {
      append(out.back().text, line.content);
      out.back().line_end = number;
      if (++open.lines == 2) open.continuation_indent = line.indent;
      open.last = &line;
      continue;
    }
    out.push_back({std::string(line.content), number, number});
    open = {&line, &line, 1, 0};
  }
  return out;
}

}  // namespace kb
