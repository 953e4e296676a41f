// Issue 6: every format kb reads, read correctly from our own fixtures (tests/data/readers,
// made by tools/make-fixtures.py), and every kind of bad input refused with a precise reason.
#include <gtest/gtest.h>

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

TEST(Issue6_Pdf, TextQualityJudgement) {
  EXPECT_FALSE(judge_text("정상적인 한국어 문장입니다. Normal text.").unreadable());
  EXPECT_TRUE(judge_text("6\x03HO\x03\x03R\x03QW\x03U").unreadable());
  EXPECT_EQ(judge_text("가\uF000나\uF000").private_use, 2u);
  EXPECT_FALSE(judge_text("가\uF000나\uF000").unreadable());
}

}  // namespace
}  // namespace kb::test
