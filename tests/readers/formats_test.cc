// Issue 6: every format kb reads, read correctly from our own fixtures (tests/data/readers,
// made by tools/make-fixtures.py), and every kind of bad input refused with a precise reason.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <pugixml.hpp>

#include "readers/hwp_reader.h"
#include "readers/pdf_reader.h"
#include "readers/registry.h"
#include "readers/text_decoding.h"
#include "readers/xml_util.h"
#include "readers/zip_archive.h"
#include "support/test_support.h"

namespace kb::test {
namespace {

std::string fixture_path(std::string_view name) { return (source_dir() / "tests/data/readers" / name).string(); }

std::string fixture(std::string_view name) {
  std::ifstream in(fixture_path(name), std::ios::binary);
  EXPECT_TRUE(in) << "missing fixture " << name << " (run tools/make-fixtures.py)";
  return {std::istreambuf_iterator<char>(in), {}};
}

struct Read {
  std::string reader;
  ReadResult result;
};

Read read_fixture(std::string_view name) {
  const std::string bytes = fixture(name);
  const Reader* reader = ReaderRegistry::standard().find(fixture_path(name), std::string_view(bytes).substr(0, 16));
  if (reader == nullptr) return {"", ReadResult::failure(ReadStatus::kUnsupported, "no reader")};
  return {std::string(reader->name()), reader->read(bytes)};
}

std::string all_text(const ExtractedDoc& doc) {
  std::string out;
  for (const Paragraph& p : doc.paragraphs) out += p.text + "\n";
  return out;
}

struct FormatCase {
  std::string file;
  std::string reader;
  std::string title;
  std::vector<std::string> present;  // substrings of the extracted text
  std::vector<std::string> absent = {};
  std::string author = {};
  std::string date_prefix = {};
};
void PrintTo(const FormatCase& c, std::ostream* os) { *os << c.file; }

class Issue6_FormatTable : public ::testing::TestWithParam<FormatCase> {};

TEST_P(Issue6_FormatTable, ReadsTextAndMetadata) {
  const FormatCase& c = GetParam();
  const Read read = read_fixture(c.file);
  ASSERT_TRUE(read.result.ok()) << c.file << ": " << read.result.message;
  EXPECT_EQ(read.reader, c.reader);
  const ExtractedDoc& doc = read.result.doc;
  EXPECT_EQ(doc.title, c.title);
  if (!c.author.empty()) {
    EXPECT_EQ(doc.author, c.author);
  }
  if (!c.date_prefix.empty()) {
    EXPECT_TRUE(doc.date.starts_with(c.date_prefix)) << doc.date;
  }
  const std::string text = all_text(doc);
  for (const std::string& s : c.present) EXPECT_NE(text.find(s), std::string::npos) << "missing: " << s << "\nin:\n" << text;
  for (const std::string& s : c.absent) EXPECT_EQ(text.find(s), std::string::npos) << "should not be indexed: " << s;
}

const std::string kKo0 = "지방 데이터센터는 전력망 여유가 있는 곳에 먼저 짓는다.";
const std::string kKo1 = "연구자 공용 GPU 클러스터는 분기마다 사용률을 공개한다.";
const std::string kEn0 = "Regional data centres are built first where the grid has spare capacity.";
const std::string kEn1 = "The shared research GPU cluster publishes its utilisation every quarter.";

INSTANTIATE_TEST_SUITE_P(
    Text, Issue6_FormatTable,
    ::testing::Values(
        FormatCase{"text_utf8.txt", "text", "", {kKo0, kEn1}},
        FormatCase{"text_utf16le_bom.txt", "text", "", {kKo0, kKo1}},
        FormatCase{"text_utf16be_bom.txt", "text", "", {kEn0}},
        FormatCase{"text_euckr.txt", "text", "", {"지역 데이터센터 전력 계획", kKo1}},
        FormatCase{"text_cp949.txt", "text", "", {"똠방각하 펲시 뷁", kKo0}}));

INSTANTIATE_TEST_SUITE_P(
    Markup, Issue6_FormatTable,
    ::testing::Values(
        FormatCase{"page.html", "html", "지역 데이터센터 전력 계획", {kKo0, kKo1, "지역 | 전력(MW)", "전남 | 120", kEn0},
                   {"스크립트", "소개 메뉴", "color", "자바스크립트"}, "kb 편집부", "2025-03-01"},
        FormatCase{"page_euckr.html", "html", "지역 데이터센터 전력 계획", {kKo0, kKo1}},
        FormatCase{"malformed.html", "html", "", {kEn0, kEn1, "unclosed tags"}},
        FormatCase{"page.xhtml", "xml", "Regional compute plan", {kEn0, kEn1 + " Bold words stay in the paragraph."},
                   {"Menu item", "var x"}, "kb desk"},
        FormatCase{"generic.xml", "xml", "지역 데이터센터 전력 계획", {kKo0, kKo1 + " 강조 포함."}, {}, "kb 편집부", "2025-03-01"},
        FormatCase{"generic_euckr.xml", "xml", "지역 데이터센터 전력 계획", {kKo0}}));

INSTANTIATE_TEST_SUITE_P(
    Office, Issue6_FormatTable,
    ::testing::Values(
        // The text box sits in mc:Choice and again in mc:Fallback; the deletion is tracked.
        FormatCase{"brief.docx", "zip-package", "Regional compute plan",
                   {kEn0, "Region | MW", "Jeonnam | 120", "Anchor paragraph.", "Text box sentence appears once.",
                    "Kept words inserted words.", kKo0},
                   {"deleted words"}, "kb desk", "2025-03-01"},
        FormatCase{"brief.hwpx", "zip-package", "지역 데이터센터 전력 계획",
                   {kKo0, kKo1, "변경 유지 문장", "지역 | 전력", "전남 | 120"}, {"삭제된 말"}, "kb 편집부", "2025-03-01T09:00"},
        FormatCase{"brief.hwp", "hwp", "지역 데이터센터 전력 계획", {kKo0, kKo1, kEn0}, {}, "kb 편집부"},
        // An HWP 5 binary named .hwpx: the magic bytes choose the reader.
        FormatCase{"hwp5_named.hwpx", "hwp", "지역 데이터센터 전력 계획", {kKo0}},
        FormatCase{"brief.pdf", "pdf", "Regional compute plan", {kEn0, kKo0, kEn1, kKo1}, {}, "kb desk", "2025-03-01"}));

// Issue 6, second round: notes, headers and footers, and HWP 5 table rows.
const std::string kEnNote = "Spare capacity figures come from the 2024 regional grid survey.";
const std::string kEnEndnote = "전력 수요 추정치는 연구진이 직접 계산했다.";
const std::string kEnHeader = "Regional compute plan, internal draft";
const std::string kEnFooter = "Prepared by the kb desk for review";
const std::string kKoNote = "각주: 전력망 여유 용량은 2024년 지역 조사에서 나왔다.";
const std::string kKoCellNote = "표 각주: 전남 수치는 예비 집계다.";
const std::string kKoEndnote = "미주: 사용률 공개 주기는 내년에 다시 정한다.";
const std::string kKoHeader = "지역 데이터센터 전력 계획 내부 초안";
const std::string kKoFooter = "kb 편집부 검토용";

INSTANTIATE_TEST_SUITE_P(
    NotesAndTables, Issue6_FormatTable,
    ::testing::Values(
        // Separator notes and the continuation notice are layout, page-number fields no text.
        FormatCase{"notes.docx",
                   "zip-package",
                   "Regional compute plan",
                   {kEn0, kKo0, kEnNote, kEnEndnote, kEnHeader, kEnFooter},
                   {"Continued on the next page", "47", "98"}},
        FormatCase{"notes.hwpx",
                   "zip-package",
                   "지역 데이터센터 전력 계획",
                   {kKo0, kKoNote, kKoCellNote, kKoEndnote, kKoHeader, kKoFooter, "지역 | 전력\n전남 | 120\n"}},
        FormatCase{
            "tables.hwp",
            "hwp",
            "지역 데이터센터 전력 계획",
            {"지역 | 전력(MW) | 비고\n전남 | 120 |\n강원 | 80 | 예비 2차 검토\n합계 | 200 | MW\n" + kKoCellNote + "\n",
             kKo0 + "\n" + kKoNote + "\n", kKo1 + "\n" + kKoEndnote + "\n"}}));

struct OrderCase {
  std::string file;
  std::vector<std::string> in_order;  // whole paragraphs, each exactly once, in this order
};
void PrintTo(const OrderCase& c, std::ostream* os) { *os << c.file; }

class Issue6_NotesAndHeaders : public ::testing::TestWithParam<OrderCase> {};

TEST_P(Issue6_NotesAndHeaders, EachOnceInItsPlace) {
  const OrderCase& c = GetParam();
  const Read read = read_fixture(c.file);
  ASSERT_TRUE(read.result.ok()) << c.file << ": " << read.result.message;
  std::vector<std::string> texts;
  for (const Paragraph& p : read.result.doc.paragraphs) texts.push_back(p.text);
  std::size_t previous = 0;
  for (const std::string& want : c.in_order) {
    const auto count = std::count(texts.begin(), texts.end(), want);
    EXPECT_EQ(count, 1) << "'" << want << "' in:\n" << all_text(read.result.doc);
    const auto at = static_cast<std::size_t>(std::find(texts.begin(), texts.end(), want) - texts.begin());
    EXPECT_GE(at, previous) << "'" << want << "' out of order in:\n" << all_text(read.result.doc);
    previous = at;
  }
}

INSTANTIATE_TEST_SUITE_P(Office, Issue6_NotesAndHeaders,
                         ::testing::Values(
                             // DOCX: body, then footnotes, endnotes, then the three identical headers as one, footers.
                             OrderCase{"notes.docx", {kEn0, kKo0, kEnNote, kEnEndnote, kEnHeader, kEnFooter}},
                             // HWPX: a note follows its paragraph, a note in a cell follows the table; the header
                             // repeated in the second section for odd and even pages comes once, at the end.
                             OrderCase{"notes.hwpx",
                                       {kKo0, kKoNote, "지역 | 전력", "전남 | 120", kKoCellNote, kKo1, kKoEndnote, kEn0,
                                        kKoHeader, kKoFooter}},
                             OrderCase{"tables.hwp",
                                       {"지역 데이터센터 전력 계획", "표 1. 지역별 전력", "지역 | 전력(MW) | 비고",
                                        "합계 | 200 | MW", kKoCellNote, kKo0, kKoNote, kKo1, kKoEndnote, kKoHeader,
                                        kKoFooter}}));

TEST(Issue6_Docx, PageFieldsGiveNoText) {
  // The header paragraph ends with a PAGE field whose cached result is "47": the paragraph is the
  // header's words alone. The footer's first paragraph is only page fields and " / ": no
  // paragraph at all.
  const Read read = read_fixture("notes.docx");
  ASSERT_TRUE(read.result.ok());
  const auto& ps = read.result.doc.paragraphs;
  EXPECT_TRUE(std::any_of(ps.begin(), ps.end(), [](const Paragraph& p) { return p.text == kEnHeader; }))
      << all_text(read.result.doc);
  for (const Paragraph& p : ps) {
    EXPECT_EQ(p.text.find("47"), std::string::npos) << p.text;
    EXPECT_NE(p.text, "/") << "a footer of page fields only";
  }
}

TEST(Issue6_Docx, TextBoxIsIndexedOnce) {
  const Read read = read_fixture("brief.docx");
  ASSERT_TRUE(read.result.ok());
  const std::string text = all_text(read.result.doc);
  const std::string box = "Text box sentence appears once.";
  const std::size_t first = text.find(box);
  ASSERT_NE(first, std::string::npos);
  EXPECT_EQ(text.find(box, first + 1), std::string::npos) << text;
}

TEST(Issue6_Docx, TitleAndHeadingStylesAreHeadings) {
  const Read read = read_fixture("brief.docx");
  ASSERT_TRUE(read.result.ok());
  const auto& ps = read.result.doc.paragraphs;
  ASSERT_GE(ps.size(), 3u);
  EXPECT_TRUE(ps[0].heading);   // style "Title"
  EXPECT_TRUE(ps[1].heading);   // style id "1", named "heading 1"
  EXPECT_FALSE(ps[2].heading);
  EXPECT_EQ(read.result.doc.lang, "en");
}

TEST(Issue6_Pdf, ParagraphsKeepTheirPageNumbers) {
  const Read read = read_fixture("brief.pdf");
  ASSERT_TRUE(read.result.ok());
  for (const Paragraph& p : read.result.doc.paragraphs) {
    if (p.text == kEn0) {
      EXPECT_EQ(p.page, 1);
    }
    if (p.text == kKo1) {
      EXPECT_EQ(p.page, 2);
    }
    EXPECT_GE(p.page, 1) << p.text;
  }
}

struct BadCase {
  std::string file;
  ReadStatus status;
  std::string reason;  // a substring of the one-line message
};
void PrintTo(const BadCase& c, std::ostream* os) { *os << c.file; }

class Issue6_BadInput : public ::testing::TestWithParam<BadCase> {};

TEST_P(Issue6_BadInput, RefusedWithAPreciseReason) {
  const BadCase& c = GetParam();
  const Read read = read_fixture(c.file);
  ASSERT_FALSE(read.result.ok()) << c.file << " was read: " << all_text(read.result.doc).substr(0, 200);
  EXPECT_EQ(read_status_name(read.result.status), std::string(read_status_name(c.status))) << read.result.message;
  EXPECT_NE(read.result.message.find(c.reason), std::string::npos) << read.result.message;
  EXPECT_EQ(read.result.message.find('\n'), std::string::npos) << "one line";
  EXPECT_TRUE(read.result.doc.paragraphs.empty());
}

INSTANTIATE_TEST_SUITE_P(
    Containers, Issue6_BadInput,
    ::testing::Values(
        BadCase{"truncated.docx", ReadStatus::kCorrupt, "truncated or damaged ZIP"},
        BadCase{"zipbomb.docx", ReadStatus::kTooLarge, "zip bomb"},
        BadCase{"many_entries.zip.docx", ReadStatus::kTooLarge, "entries, more than the limit"},
        BadCase{"traversal.docx", ReadStatus::kCorrupt, "unsafe ZIP entry name '../evil.txt'"},
        BadCase{"encrypted.hwpx", ReadStatus::kEncrypted, "encrypted HWPX"},
        BadCase{"bad_section.hwpx", ReadStatus::kCorrupt, "malformed XML in Contents/section0.xml"},
        BadCase{"distribution.hwp", ReadStatus::kEncrypted, "distribution document"},
        BadCase{"truncated.hwp", ReadStatus::kCorrupt, "damaged or truncated OLE2"},
        BadCase{"hwp3_legacy.hwp", ReadStatus::kUnsupported, "HWP 3.0"}));

INSTANTIATE_TEST_SUITE_P(
    MarkupAndPdf, Issue6_BadInput,
    ::testing::Values(
        BadCase{"billion_laughs.xml", ReadStatus::kCorrupt, "declares XML entities"},
        BadCase{"malformed.xml", ReadStatus::kCorrupt, "malformed XML"},
        BadCase{"encrypted.pdf", ReadStatus::kEncrypted, "encrypted PDF"},
        BadCase{"truncated.pdf", ReadStatus::kCorrupt, "damaged or truncated PDF"},
        BadCase{"scan.pdf", ReadStatus::kNoText, "no text layer"},
        BadCase{"no_unicode_map.pdf", ReadStatus::kNoText, "without a Unicode mapping"}));

TEST(Issue6_Xml, PugixmlNeverExpandsCustomEntities) {
  // Even without kb's DOCTYPE check, pugixml leaves &lol9; unexpanded: the attack costs nothing.
  const std::string bytes = fixture("billion_laughs.xml");
  pugi::xml_document xml;
  ASSERT_TRUE(xml.load_buffer(bytes.data(), bytes.size()));
  const std::string text = xml.document_element().child("p").text().get();
  EXPECT_LT(text.size(), 16u) << text.substr(0, 64);
  EXPECT_EQ(text.find("lollol"), std::string::npos);
}

TEST(Issue6_Zip, EntryNamesThatClimbOutAreUnsafe) {
  for (const char* bad : {"../evil", "a/../../evil", "/etc/passwd", "..\\evil", "C:\\x", "a/.."})
    EXPECT_TRUE(is_unsafe_entry_name(bad)) << bad;
  for (const char* good : {"word/document.xml", "Contents/section0.xml", "a..b/c", "..."})
    EXPECT_FALSE(is_unsafe_entry_name(good)) << good;
}

TEST(Issue6_Zip, EntryCountLimitIsConfigurable) {
  const std::string bytes = fixture("brief.docx");
  ZipLimits limits;
  limits.max_entries = 3;
  const ZipArchive::Opened opened = ZipArchive::open(bytes, limits);
  EXPECT_FALSE(opened.archive);
  EXPECT_EQ(opened.status, ReadStatus::kTooLarge);
}

TEST(Issue6_Zip, ReadStopsAtTheTotalLimitWhateverTheHeadersSay) {
  const std::string bytes = fixture("brief.docx");
  ZipLimits limits;
  limits.max_total_bytes = 100;
  ZipArchive::Opened opened = ZipArchive::open(bytes, limits);
  ASSERT_TRUE(opened.archive);
  const ZipArchive::Entry entry = opened.archive->read("word/document.xml");
  EXPECT_EQ(entry.status, ReadStatus::kTooLarge);
  EXPECT_TRUE(entry.data.empty());
}

TEST(Issue6_Text, DecodingTable) {
  struct Case {
    std::string bytes;
    std::string text;
    std::string charset;
  };
  const std::vector<Case> cases = {
      {"plain ASCII", "plain ASCII", "UTF-8"},
      {"\xEF\xBB\xBF한국어", "한국어", "UTF-8"},
      {std::string("\xFF\xFE\x5C\xD5\x6D\xAD", 6), "한국", "UTF-16LE"},
      {std::string("\xFE\xFF\xD5\x5C\xAD\x6D", 6), "한국", "UTF-16BE"},
      {"\xC7\xD1\xB1\xB9\xBE\xEE \xB9\xAE\xC0\xE5\xC0\xD4\xB4\xCF\xB4\xD9.", "한국어 문장입니다.", "CP949"},
  };
  for (const Case& c : cases) {
    const DecodedText d = decode_text(c.bytes);
    EXPECT_EQ(d.status, ReadStatus::kOk);
    EXPECT_EQ(d.text, c.text);
    EXPECT_EQ(d.charset, c.charset);
  }
  EXPECT_EQ(decode_text(std::string("a\0b", 3)).status, ReadStatus::kBinary);
}

TEST(Issue6_Hwp, TruncatedRecordKeepsEarlierParagraphs) {
  auto record = [](std::uint32_t tag, std::u16string text) {
    std::string payload;
    for (char16_t c : text) {
      payload += static_cast<char>(c & 0xFF);
      payload += static_cast<char>(c >> 8);
    }
    const std::uint32_t header = tag | (static_cast<std::uint32_t>(payload.size()) << 20);
    std::string out(4, '\0');
    for (int i = 0; i < 4; ++i) out[static_cast<std::size_t>(i)] = static_cast<char>(header >> (8 * i));
    return out + payload;
  };
  std::string stream = record(67, u"첫 문단\r") + record(67, u"둘째\t\r");
  // A tab control is 8 code units; the text after it survives.
  std::u16string with_tab = u"앞";
  with_tab += u'\t';
  with_tab += std::u16string(6, u'\0');
  with_tab += u'\t';
  with_tab += u"뒤\r";
  stream += record(67, with_tab);
  stream += record(67, u"잘린 문단").substr(0, 7);
  EXPECT_EQ(hwp_paragraph_texts(stream), (std::vector<std::string>{"첫 문단", "둘째", "앞 뒤"}));
}

// HWP 5 records built by hand: tag, level and payload, as BodyText/Section streams hold them.
std::string hwp_record(std::uint32_t tag, std::uint32_t level, const std::string& payload) {
  const std::uint32_t header = tag | level << 10 | static_cast<std::uint32_t>(payload.size()) << 20;
  std::string out(4, '\0');
  for (int i = 0; i < 4; ++i) out[static_cast<std::size_t>(i)] = static_cast<char>(header >> (8 * i));
  return out + payload;
}
std::string u16le(std::initializer_list<std::uint16_t> values) {
  std::string out;
  for (std::uint16_t v : values) {
    out += static_cast<char>(v & 0xFF);
    out += static_cast<char>(v >> 8);
  }
  return out;
}
std::string hwp_text(std::uint32_t level, std::u16string text) {
  std::string payload;
  for (char16_t c : text + u"\r") payload += u16le({static_cast<std::uint16_t>(c)});
  return hwp_record(66, level, std::string(22, '\0')) + hwp_record(67, level + 1, payload);
}
std::string hwp_ctrl(std::uint32_t level, const char* id) {  // "tbl " is stored as " lbt"
  return hwp_record(71, level, std::string{id[3], id[2], id[1], id[0]} + std::string(8, '\0'));
}
std::string hwp_table(std::uint32_t level, std::initializer_list<std::uint16_t> cells_per_row) {
  std::string payload = u16le({0, 0, static_cast<std::uint16_t>(cells_per_row.size()), 2, 0, 0, 0, 0, 0});
  for (std::uint16_t n : cells_per_row) payload += u16le({n});
  return hwp_record(77, level, payload + u16le({1, 0}));
}
// A cell's list header; with `row` < 0 the record stops before the cell address (older writers).
std::string hwp_cell(std::uint32_t level, int column, int row) {
  std::string payload = u16le({1, 0, 0, 0});
  if (row >= 0)
    payload +=
        u16le({static_cast<std::uint16_t>(column), static_cast<std::uint16_t>(row), 1, 1}) + std::string(18, '\0');
  return hwp_record(72, level, payload);
}

TEST(Issue6_Hwp, TableCellsOfOneRowAreOneParagraph) {
  struct Case {
    std::string name;
    std::string stream;
    std::vector<std::string> paragraphs;
  };
  const std::vector<Case> cases = {
      {"rows by cell address",
       hwp_text(0, u"표 앞 문단") + hwp_ctrl(1, "tbl ") + hwp_table(2, {2, 2}) + hwp_cell(2, 0, 0) +
           hwp_text(2, u"지역") + hwp_cell(2, 1, 0) + hwp_text(2, u"Power") + hwp_cell(2, 0, 1) + hwp_text(2, u"전남") +
           hwp_cell(2, 1, 1) + hwp_text(2, u"120") + hwp_text(2, u"MW") + hwp_text(0, u"표 뒤 문단"),
       {"표 앞 문단", "지역 | Power", "전남 | 120 MW", "표 뒤 문단"}},
      {"rows by the TABLE record's cell counts when cells carry no address",
       hwp_ctrl(1, "tbl ") + hwp_table(2, {1, 2}) + hwp_cell(2, 0, -1) + hwp_text(2, u"Merged title") +
           hwp_cell(2, 0, -1) + hwp_text(2, u"a") + hwp_cell(2, 0, -1) + hwp_text(2, u"b"),
       {"Merged title", "a | b"}},
      {"a caption before the TABLE record stays a paragraph; empty rows vanish",
       hwp_ctrl(1, "tbl ") + hwp_cell(2, 0, -1) + hwp_text(2, u"Table 1. Capacity") + hwp_table(2, {2, 1}) +
           hwp_cell(2, 0, 0) + hwp_cell(2, 1, 0) + hwp_cell(2, 0, 1) + hwp_text(2, u"x"),
       {"Table 1. Capacity", "x"}},
      {"a nested table joins its cell; a note in a cell follows the outer table",
       hwp_ctrl(1, "tbl ") + hwp_table(2, {2}) + hwp_cell(2, 0, 0) + hwp_text(2, u"본부") + hwp_ctrl(3, "fn  ") +
           hwp_cell(4, 0, -1) + hwp_text(4, u"셀 각주") + hwp_cell(2, 1, 0) + hwp_text(2, u"") + hwp_ctrl(3, "tbl ") +
           hwp_table(4, {2}) + hwp_cell(4, 0, 0) + hwp_text(4, u"A") + hwp_cell(4, 1, 0) + hwp_text(4, u"B") +
           hwp_text(0, u"다음"),
       {"본부 | A | B", "셀 각주", "다음"}},
      {"a footnote outside tables follows its paragraph",
       hwp_text(0, u"본문") + hwp_ctrl(1, "fn  ") + hwp_cell(2, 0, -1) + hwp_text(2, u"각주 문장") + hwp_text(0, u"끝"),
       {"본문", "각주 문장", "끝"}},
      {"headers and footers come after the body, each text once",
       hwp_text(0, u"제목") + hwp_ctrl(1, "head") + hwp_cell(2, 0, -1) + hwp_text(2, u"머리말") + hwp_ctrl(1, "head") +
           hwp_cell(2, 0, -1) + hwp_text(2, u"머리말") + hwp_ctrl(1, "foot") + hwp_cell(2, 0, -1) +
           hwp_text(2, u"- -") + hwp_text(0, u"본문"),
       {"제목", "본문", "머리말"}},
      {"a stream cut inside a table keeps the rows read so far",
       hwp_ctrl(1, "tbl ") + hwp_table(2, {2, 2}) + hwp_cell(2, 0, 0) + hwp_text(2, u"a") + hwp_cell(2, 1, 0) +
           hwp_text(2, u"b") + hwp_cell(2, 0, 1) + hwp_text(2, u"c"),
       {"a | b", "c"}},
  };
  for (const Case& c : cases) EXPECT_EQ(hwp_paragraph_texts(c.stream), c.paragraphs) << c.name;
}

TEST(Issue6_Pdf, TextQualityJudgement) {
  EXPECT_FALSE(judge_text("정상적인 한국어 문장입니다. Normal text.").unreadable());
  EXPECT_TRUE(judge_text("6\x03HO\x03\x03R\x03QW\x03U").unreadable());
  EXPECT_EQ(judge_text("가\uF000나\uF000").private_use, 2u);
  EXPECT_FALSE(judge_text("가\uF000나\uF000").unreadable());
}

}  // namespace
}  // namespace kb::test
