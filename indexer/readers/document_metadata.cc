#include "readers/document_metadata.h"

#include <array>

#include "readers/date_text.h"
#include "readers/html_blocks.h"

namespace kb {
namespace {

constexpr std::size_t kDatelineParagraphs = 8;
constexpr std::size_t kTitleParagraphs = 20;
constexpr std::size_t kShortLine = 80;      // code points: a line this short holding a date is a date line
constexpr std::size_t kDatelineHead = 48;   // bytes: a wire dateline starts this close to its paragraph's start
constexpr std::size_t kDatelineLabel = 24;  // code points: the most a short date line holds before its date
constexpr std::size_t kTitleBytes = 120;
constexpr long kTemplateDays = 366;

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '#' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Days since 1970-01-01 of `YYYY-MM-DD` or `YYYY-MM` (the 1st), for comparing dates.
long days_of(std::string_view iso) {
  const int y0 = std::stoi(std::string(iso.substr(0, 4)));
  const int m = std::stoi(std::string(iso.substr(5, 2)));
  const int d = iso.size() >= 10 ? std::stoi(std::string(iso.substr(8, 2))) : 1;
  const int y = m <= 2 ? y0 - 1 : y0;  // civil-from-days, after H. Hinnant
  const int era = y / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<long>(era) * 146097 + doe - 719468;
}

// What follows a date on a short line: nothing, a time, a weekday or agency in parentheses, a
// dash or a separator — not the rest of a sentence (`2008년 11월 4일, 대통령에 당선되었다`).
bool ends_like_date_line(std::string_view rest) {
  if (rest.empty() || rest == ".") return true;
  const char c = rest.front();
  if (c == '(' || c == '[' || c == '-' || c == '|' || c == '/' || c == '~' || (c >= '0' && c <= '9')) return true;
  for (std::string_view mark : {"\xE2\x80\x94", "\xE2\x80\x93", "\xEC\x98\xA4\xEC\xA0\x84", "\xEC\x98\xA4\xED\x9B\x84"})
    if (rest.starts_with(mark)) return true;  // — – 오전 오후
  return false;
}

// A wire dateline opening a paragraph of story: `WASHINGTON, March 5, 2024 (Reuters) -`,
// `SEOUL, 5 March 2024 — `. A Korean weekday or a time after the date there opens a sentence
// about an event (`2021년 7월 23일 오후 8시, 일본에서 …`), not a dateline.
bool ends_like_wire_dateline(std::string_view rest) {
  if (rest.size() >= 2 && rest[0] == '(' && std::isalpha(static_cast<unsigned char>(rest[1]))) return true;
  return rest.starts_with("- ") || rest.starts_with("\xE2\x80\x94") || rest.starts_with("\xE2\x80\x93");
}

bool has_any(std::string_view s, std::initializer_list<std::string_view> marks) {
  for (std::string_view m : marks)
    if (s.find(m) != std::string_view::npos) return true;
  return false;
}

// Is the date at [begin, end) of paragraph p its dateline?
bool is_dateline(std::string_view p, std::size_t begin, std::size_t end) {
  const std::string_view before = p.substr(0, begin);
  std::string_view rest = p.substr(end);
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  // What comes before a dateline is a label, a place or an agency, not a sentence or a citation
  // (`"…". 《위키뉴스》, 2020년 4월 23일`).
  if (has_any(before, {".", "\"", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE3\x80\x8B"})) return false;  // . " “ ” 》
  if (code_points(p) > kShortLine) return begin <= kDatelineHead && ends_like_wire_dateline(rest);
  if (code_points(before) > kDatelineLabel || !ends_like_date_line(rest)) return false;
  // A short sentence that starts with its event's date (`2010년 1월 8일 오전 9시 사고가 났다.`).
  const std::string_view line = trim(p);
  return rest.empty() || !(line.ends_with("\xEB\x8B\xA4.") || line.ends_with("\xEB\x8B\xA4"));  // 다. 다
}

std::string basename_of(std::string_view path) {
  const std::size_t slash = path.find_last_of('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

// Generic labels at the head of Korean official documents, compared without spaces.
bool is_label(std::string_view text) {
  std::string squeezed;
  for (char c : text)
    if (c != ' ') squeezed += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static constexpr std::array<std::string_view, 15> kLabels{
      "보도자료", "보도참고자료", "참고자료", "설명자료", "해명자료", "보도설명자료", "pressrelease", "newsrelease",
      "붙임",     "별첨",         "공고",     "목차",     "대외비",   "대외주의",     "내부용"};
  for (std::string_view label : kLabels)
    if (squeezed == label) return true;
  return false;
}

// The one non-empty cell of a table row, the paragraph itself when it has no `|`, "" when it
// is a row of several cells.
std::string_view single_cell(std::string_view text) {
  if (text.find('|') == std::string_view::npos) return text;
  std::string_view cell;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t bar = text.find('|', start);
    if (bar == std::string_view::npos) bar = text.size();
    const std::string_view part = trim(text.substr(start, bar - start));
    if (!part.empty()) {
      if (!cell.empty()) return {};
      cell = part;
    }
    start = bar + 1;
  }
  return cell;
}

bool is_hangul_syllable(std::string_view s) {  // one UTF-8 code point in U+AC00..U+D7A3
  if (s.size() != 3) return false;
  const char32_t cp = (static_cast<char32_t>(s[0] & 0x0F) << 12) | (static_cast<char32_t>(s[1] & 0x3F) << 6) |
                      static_cast<char32_t>(s[2] & 0x3F);
  return (static_cast<unsigned char>(s[0]) & 0xF0) == 0xE0 && cp >= 0xAC00 && cp <= 0xD7A3;
}

// `입 법 예 고` → `입법예고`: Hangul syllables spaced out one by one for layout.
std::string join_spaced_letters(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t space = text.find(' ', start);
    if (space == std::string_view::npos) space = text.size();
    if (space > start) words.push_back(text.substr(start, space - start));
    start = space + 1;
  }
  std::size_t singles = 0;
  for (std::string_view w : words) singles += is_hangul_syllable(w);
  if (words.size() < 3 || singles != words.size()) return std::string(text);
  std::string out;
  for (std::string_view w : words) out += w;
  return out;
}

std::string cut_at_word(std::string_view text) {
  if (text.size() <= kTitleBytes) return std::string(text);
  std::size_t cut = kTitleBytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  const std::size_t space = text.rfind(' ', cut);
  if (space != std::string_view::npos && space > kTitleBytes / 2) cut = space;
  return std::string(text.substr(0, cut)) + "\xE2\x80\xA6";  // …
}

bool has_letter(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80 || std::isalpha(static_cast<unsigned char>(c))) return true;
  return false;
}

// A line that is a month and nothing else (`2022. 1.`, `2025.11.`, `2024년 3월`): the date of
// a plan or report that states no day.
std::string month_line_date(std::string_view p) {
  const std::optional<DateMatch> m = find_date(p, false);
  if (!m) return {};
  const std::string rest = std::string(p.substr(0, m->begin)) + std::string(p.substr(m->end));
  return trim(rest).empty() ? m->iso : std::string();
}

// A paragraph's text as a title, or "" when it cannot be one.
std::string as_title(const Paragraph& p) {
  const std::string_view text = trim(single_cell(trim(p.text)));
  if (text.empty() || !has_letter(text) || is_label(text)) return {};
  if (text.starts_with("![") || text.starts_with("http://") || text.starts_with("https://")) return {};
  if (!month_line_date(text).empty() || (code_points(text) <= kShortLine && find_date(text))) return {};  // a date line
  return cut_at_word(join_spaced_letters(text));
}

// Rule 2 at day precision: the first paragraphs' first dateline with a day.
std::string day_dateline(const std::vector<Paragraph>& paragraphs) {
  for (std::size_t i = 0; i < paragraphs.size() && i < kDatelineParagraphs; ++i) {
    const std::string_view p = paragraphs[i].text;
    std::size_t from = 0;
    while (from < p.size()) {
      const std::optional<DateMatch> m = find_date(p.substr(from));
      if (!m) break;
      const std::size_t begin = from + m->begin, end = from + m->end;
      if (is_dateline(p, begin, end)) return m->iso;
      from = end;
    }
  }
  return {};
}

}  // namespace

std::string dateline_date(const std::vector<Paragraph>& paragraphs) {
  if (std::string day = day_dateline(paragraphs); !day.empty()) return day;
  for (std::size_t i = 0; i < paragraphs.size() && i < kDatelineParagraphs; ++i)
    if (std::string month = month_line_date(trim(paragraphs[i].text)); !month.empty()) return month;
  return {};
}

std::string title_from_paragraphs(const std::vector<Paragraph>& paragraphs) {
  const std::size_t n = std::min(paragraphs.size(), kTitleParagraphs);
  for (std::size_t i = 0; i < n; ++i)
    if (std::string title = as_title(paragraphs[i]); !title.empty()) return title;
  return {};
}

void settle_metadata(ExtractedDoc& doc, std::string_view path) {
  const bool declared = doc.date_source == kDateFromFrontMatter || doc.date_source == kDateFromHtmlMeta;
  const std::string created = parse_date(doc.date);
  const std::string modified = parse_date(doc.modified);
  doc.modified.clear();
  if (declared && !created.empty()) {
    doc.date = created;
  } else if (std::string stated = dateline_date(doc.paragraphs); !stated.empty()) {
    doc.date = std::move(stated);
    doc.date_source = kDateFromDateline;
  } else if (std::string named = date_in_file_name(basename_of(path)); !named.empty()) {
    doc.date = std::move(named);
    doc.date_source = kDateFromFileName;
  } else if (!created.empty() || !modified.empty()) {
    const bool template_date =
        !created.empty() && !modified.empty() && days_of(modified) - days_of(created) > kTemplateDays;
    doc.date = created.empty() || template_date ? modified : created;
    doc.date_source = kDateFromMetadata;
  } else {
    doc.date.clear();
    doc.date_source.clear();
  }
  if (!is_meaningful_title(doc.title)) doc.title = title_from_paragraphs(doc.paragraphs);
}

ReadResult read_document(const Reader& reader, std::string_view bytes, std::string_view path) {
  ReadResult result = reader.read(bytes);
  if (result.ok()) settle_metadata(result.doc, path);
  return result;
}

}  // namespace kb
