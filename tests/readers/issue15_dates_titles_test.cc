// Issue 15: dates and titles that are right. One date parser for the shapes texts write
// (readers/date_text.h), the rules that settle a document's date and title
// (readers/document_metadata.h), and our fixtures in the shapes real files have
// (tools/make-date-fixtures.py).
#include <gtest/gtest.h>

#include <fstream>

#include "readers/date_text.h"
#include "readers/document_metadata.h"
#include "readers/front_matter.h"
#include "readers/registry.h"
#include "support/test_support.h"

namespace kb::test {
namespace {

// ---- the parser: a metadata value → its date, or "" (absent).
struct DateCase {
  std::string text;
  std::string iso;  // "" = absent
};
void PrintTo(const DateCase& c, std::ostream* os) { *os << c.text; }

class Issue15_ParseDate : public ::testing::TestWithParam<DateCase> {};

TEST_P(Issue15_ParseDate, ParsedWhenUnambiguousElseAbsent) {
  EXPECT_EQ(parse_date(GetParam().text), GetParam().iso) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    Table, Issue15_ParseDate,
    ::testing::Values(
        // ISO and metadata shapes
        DateCase{"2024-03-05", "2024-03-05"},
        DateCase{"2024-03-05T23:30:00-05:00", "2024-03-05"},  // the day stated, not shifted to UTC
        DateCase{"2006-02-06 22:49:08", "2006-02-06"},
        DateCase{"20240305093000+09'00'", "2024-03-05"},  // PDF, without its D:
        DateCase{"20240305", "2024-03-05"}, DateCase{"Tue, 05 Mar 2024 10:00:00 GMT", "2024-03-05"},
        DateCase{"2024-03", "2024-03"},
        // Korean
        DateCase{"2024.3.5", "2024-03-05"}, DateCase{"2024. 3. 5.", "2024-03-05"},
        DateCase{"2024. 6. 21.(금) 11:00", "2024-06-21"}, DateCase{"2024/03/05", "2024-03-05"},
        DateCase{"2024년 3월 5일", "2024-03-05"}, DateCase{"2024년3월5일(화)", "2024-03-05"},
        DateCase{"2024년 3월", "2024-03"}, DateCase{"24년 3월", "2024-03"}, DateCase{"‘24년 3월 5일", "2024-03-05"},
        DateCase{"98년 3월", "1998-03"}, DateCase{"2024년", ""},  // a year alone
        DateCase{"2024", ""}, DateCase{"3월 5일", ""},            // no year
        DateCase{"‘24년 1분기", ""},                              // a quarter is not a month
        DateCase{"40년 3월", ""},  // 2040 is the future, 1940 is not what a text means by 40년
        // English
        DateCase{"March 5, 2024", "2024-03-05"}, DateCase{"March 5th, 2024", "2024-03-05"},
        DateCase{"Mar. 5 2024", "2024-03-05"}, DateCase{"5 March 2024", "2024-03-05"},
        DateCase{"5th March, 2024", "2024-03-05"}, DateCase{"Sept 30, 2023", "2023-09-30"},
        DateCase{"March 2024", "2024-03"}, DateCase{"March 5", ""},  // no year
        // ambiguous or impossible: absent, never a wrong date
        DateCase{"5/3/24", ""}, DateCase{"03/05/2024", ""}, DateCase{"05.03.2024", ""}, DateCase{"0000-00-00", ""},
        DateCase{"9999-12-31", ""}, DateCase{"2200-01-01", ""}, DateCase{"2024-13-40", ""}, DateCase{"2023-02-29", ""},
        DateCase{"2024-02-29", "2024-02-29"}, DateCase{"1.3만장", ""}, DateCase{"2024.3", ""},  // a decimal number
        DateCase{"2022. 1.", "2022-01"}, DateCase{"2025.11.", "2025-11"}, DateCase{"", ""}));

// Every prefix of date-shaped text and random bytes: an ISO date or nothing, never a crash.
TEST(Issue15_ParseDate, PrefixesAndRandomBytesGiveIsoOrNothing) {
  auto check = [](std::string_view s) {
    for (const std::string& iso : {parse_date(s), date_in_file_name(s)})
      EXPECT_TRUE(iso.empty() || iso.size() == 7 || iso.size() == 10) << iso;
    if (const auto m = find_date(s, false)) {
      EXPECT_LE(m->begin, m->end);
      EXPECT_LE(m->end, s.size());
    }
  };
  for (std::string_view full : {"2024년 3월 5일", "2024. 6. 21.(금)", "March 5th, 2024", "5 Sept. 2024", "‘24년 3월",
                                "20240305093000", "2024-03-05T09:00"})
    for (std::size_t n = 0; n <= full.size(); ++n) check(full.substr(0, n));
  std::uint32_t x = 15;
  const std::string alphabet = "0123456789-./ 년월일MarchSept,th(";
  for (int round = 0; round < 2000; ++round) {
    std::string s;
    for (int i = 0; i < 24; ++i) {
      x = x * 1103515245u + 12345u;
      s += alphabet[(x >> 16) % alphabet.size()];  // bytes, so Hangul is cut too
    }
    check(s);
  }
}

// ---- file names
TEST(Issue15_DateInFileName, Shapes) {
  EXPECT_EQ(date_in_file_name("20240305_보도자료.hwpx"), "2024-03-05");
  EXPECT_EQ(date_in_file_name("2024-03-05-report.pdf"), "2024-03-05");
  EXPECT_EQ(date_in_file_name("report_2024_03_05.docx"), "2024-03-05");
  EXPECT_EQ(date_in_file_name("moef_fdi_2024q1_press_release.hwpx"), "");
  EXPECT_EQ(date_in_file_name("240305_memo.txt"), "");        // six digits: absent
  EXPECT_EQ(date_in_file_name("scan_202403051234.pdf"), "");  // a longer number
  EXPECT_EQ(date_in_file_name("20241340.txt"), "");
}

// ---- datelines: the first paragraphs of a text → its date ("" = none).
struct DatelineCase {
  std::vector<std::string> paragraphs;
  std::string iso;
};

std::vector<Paragraph> paragraphs_of(const std::vector<std::string>& texts) {
  std::vector<Paragraph> out;
  for (const std::string& t : texts) out.push_back({t, 0, false});
  return out;
}

TEST(Issue15_Dateline, Table) {
  const std::vector<DatelineCase> cases = {
      {{"데이터센터 전력 수요, 1년 새 12% 늘어", "2024.3.5"}, "2024-03-05"},
      {{"데이터센터 전력 수요", "2024년 3월 5일"}, "2024-03-05"},
      {{"(서울=연합뉴스) 김하늘 기자 = 2024-03-05 14:20 송고"}, "2024-03-05"},
      {{"보도시점 | 2024. 6. 21.(금) 11:00 | 배포 | 2024. 6. 21.(금) 09:00"}, "2024-06-21"},
      {{"WASHINGTON, March 5, 2024 (Reuters) - Regional data centres are built first where the grid has spare "
        "capacity, officials said on Tuesday."},
       "2024-03-05"},
      {{"WASHINGTON, March 5 (Reuters) - Regional data centres are built first where the grid has spare capacity."},
       ""},
      // dates of events in the story are not the document's
      {{"지역 데이터센터 첫 가동",
        "2023년 8월 27일에 열린 전력 회의에서 만장일치로 정한 계획에 따라 첫 데이터센터가 가동했다."},
       ""},
      {{"2023년 11월 4일, 전력망 계획이 발표되었다."}, ""},
      {{"2023년 1월 8일 오전 9시 데이터센터 냉각 설비가 멈췄다."}, ""},
      {{"2023년 7월 23일 오후 8시, 남부 지역에서 데이터센터 준공식을 진행하였다. 1년 이상 늦어진 준공이었다. 준공식은 "
        "온라인으로 중계되었다."},
       ""},
      {{"전력 사용 급증",
        "전력거래소에 따르면, 남부 지역 데이터센터 단지에서 2023년 9월 19일 20시 33분에 최대 전력 "
        "사용량이 기록되었다."},
       ""},
      {{"김하늘(Haneul Kim, 1971년 5월 24일~)은 데이터센터 전력 연구자이다. 지역 전력망을 연구했다."}, ""},
      {{"냉각 설비 교체", "\"데이터센터 냉각 설비 멈춰\". 《kb 뉴스》, 2023년 1월 8일"}, ""},
      {{"The plan, announced on November 4, 2023, puts new data centres where the grid has spare capacity and "
        "publishes the utilisation of the shared research cluster every quarter."},
       ""},
      {{"1", "2", "3", "4", "5", "6", "7", "8", "2024.3.5"}, ""},  // past the first 8 paragraphs
      // a line that is only a month, when no line states a day
      {{"2022년 데이터센터 전력 업무계획", "2022. 1."}, "2022-01"},
      {{"전력 사용 보고 방법 일부개정고시(안)", "2025.11.", "kb 연구소", "2025년 11월 21일"}, "2025-11-21"},
      {{"2024년 3월 고용동향"}, ""},
  };
  for (const DatelineCase& c : cases)
    EXPECT_EQ(dateline_date(paragraphs_of(c.paragraphs)), c.iso) << c.paragraphs.front();
}

// ---- titles: the document's real heading, never a table cell or a label.
TEST(Issue15_Title, Table) {
  struct Case {
    std::vector<std::string> paragraphs;
    std::string title;
  };
  const std::vector<Case> cases = {
      {{"| 보도자료 |", "‘24년 1분기 지역 데이터센터 전력 사용 12% 감소", "보도시점 | 2024. 6. 21.(금) 11:00"},
       "‘24년 1분기 지역 데이터센터 전력 사용 12% 감소"},
      {{"kb 연구소 | 보도자료 |", "보도시점 | 2024. 1. 2.(화) 08:00 | 배포 | 2024. 1. 2.(화) 08:00",
        "연구자 공용 GPU 클러스터 사용률 분기마다 공개"},
       "연구자 공용 GPU 클러스터 사용률 분기마다 공개"},
      {{"보도자료", "보도시점 2025. 9. 19.(금) 11:00 배포 2025. 9. 19.(금) 08:00", "지역 데이터센터 전력 계획"},
       "지역 데이터센터 전력 계획"},
      {{"입 법 예 고", "울산 데이터센터 조례 일부개정조례안"}, "입법예고"},
      {{"대외주의", "2025. 1.", "2024년 3월 고용동향"}, "2024년 3월 고용동향"},
      {{"2024.3.5", "Grid limits slow new data centres"}, "Grid limits slow new data centres"},
      {{"Press Release", "Grid limits slow new data centres"}, "Grid limits slow new data centres"},
      {{"| |", "![](chart.png)", "https://example.org"}, ""},
  };
  for (const Case& c : cases)
    EXPECT_EQ(title_from_paragraphs(paragraphs_of(c.paragraphs)), c.title) << c.paragraphs.front();
}

TEST(Issue15_Title, FirstReadableParagraphHeadingOrNot) {
  std::vector<Paragraph> ps = paragraphs_of({"Summer data centre plan", "Grid limits"});
  ps[1].heading = true;  // a section heading after the unmarked title line
  EXPECT_EQ(title_from_paragraphs(ps), "Summer data centre plan");
}

// ---- the order of the date rules, and the template rule.
TEST(Issue15_SettleDate, TemplateCreationDateGivesWayToLastSaved) {
  ExtractedDoc doc;
  doc.paragraphs = paragraphs_of({"연구자 공용 GPU 클러스터는 분기마다 사용률을 공개한다."});
  doc.date = "2008-09-16T00:00:00Z";
  doc.modified = "2023-12-31T09:01:37Z";
  doc.date_source = kDateFromMetadata;
  settle_metadata(doc, "/docs/plan.hwpx");
  EXPECT_EQ(doc.date, "2023-12-31");
  EXPECT_EQ(doc.date_source, "metadata");
  EXPECT_TRUE(doc.modified.empty());
}

TEST(Issue15_SettleDate, CreationDateKeptWhenCloseToLastSaved) {
  ExtractedDoc doc;
  doc.paragraphs = paragraphs_of({"연구자 공용 GPU 클러스터는 분기마다 사용률을 공개한다."});
  doc.date = "2024-06-20T01:00:00Z";
  doc.modified = "2024-09-01T09:01:37Z";
  doc.date_source = kDateFromMetadata;
  settle_metadata(doc, "/docs/plan.hwpx");
  EXPECT_EQ(doc.date, "2024-06-20");
}

TEST(Issue15_SettleDate, FileNameBeforeMetadataDatelineBeforeFileName) {
  ExtractedDoc doc;
  doc.paragraphs = paragraphs_of({"연구자 공용 GPU 클러스터는 분기마다 사용률을 공개한다."});
  doc.date = "2008-09-16T00:00:00Z";
  doc.date_source = kDateFromMetadata;
  settle_metadata(doc, "/docs/20240305_보도자료.hwpx");
  EXPECT_EQ(doc.date, "2024-03-05");
  EXPECT_EQ(doc.date_source, "filename");

  ExtractedDoc dated;
  dated.paragraphs = paragraphs_of({"지역 데이터센터 전력 계획", "2024. 3. 6."});
  settle_metadata(dated, "/docs/20240305_보도자료.hwpx");
  EXPECT_EQ(dated.date, "2024-03-06");
  EXPECT_EQ(dated.date_source, "dateline");
}

TEST(Issue15_SettleDate, DeclaredDateWinsAndBadValuesAreDropped) {
  ExtractedDoc doc;
  doc.paragraphs = paragraphs_of({"Updated March 9, 2024"});
  doc.date = "2024-03-05T23:30:00-05:00";
  doc.date_source = kDateFromHtmlMeta;
  settle_metadata(doc, "");
  EXPECT_EQ(doc.date, "2024-03-05");
  EXPECT_EQ(doc.date_source, "html-meta");

  ExtractedDoc bad;
  bad.paragraphs = paragraphs_of({"Regional data centres are built first where the grid has spare capacity."});
  bad.date = "0000-00-00";
  bad.date_source = kDateFromFrontMatter;
  settle_metadata(bad, "/notes/a.md");
  EXPECT_EQ(bad.date, "");
  EXPECT_EQ(bad.date_source, "");
}

// ---- front matter
TEST(Issue15_FrontMatter, ReadsFlatKeysAndWhereTheBodyStarts) {
  const std::string text =
      "---\ntitle: \"전력 계획\"\nDate: 2024-03-05\nlink: https://example.org/a\ntags:\n  - 전력\n---\n# 본문\n";
  const FrontMatter fm = read_front_matter(text);
  ASSERT_TRUE(fm.found);
  EXPECT_EQ(fm.title, "전력 계획");
  EXPECT_EQ(fm.date, "2024-03-05");
  EXPECT_EQ(fm.url, "https://example.org/a");
  EXPECT_EQ(text.substr(fm.body_offset), "# 본문\n");
  EXPECT_FALSE(read_front_matter("---\ntitle: never closed\n\nbody").found);
  EXPECT_FALSE(read_front_matter("# 본문\n---\n").found);
}

// ---- per format, from our fixtures
std::string fixture_path(std::string_view name) { return (source_dir() / "tests/data/readers" / name).string(); }

ReadResult read_fixture(std::string_view name) {
  std::ifstream in(fixture_path(name), std::ios::binary);
  EXPECT_TRUE(in) << "missing fixture " << name << " (run tools/make-date-fixtures.py)";
  const std::string bytes{std::istreambuf_iterator<char>(in), {}};
  const Reader* reader = ReaderRegistry::standard().find(fixture_path(name), std::string_view(bytes).substr(0, 16));
  if (reader == nullptr) return ReadResult::failure(ReadStatus::kUnsupported, "no reader");
  return read_document(*reader, bytes, fixture_path(name));
}

struct FixtureCase {
  std::string file;
  std::string title;
  std::string date;
  std::string source;
};
void PrintTo(const FixtureCase& c, std::ostream* os) { *os << c.file; }

class Issue15_Fixtures : public ::testing::TestWithParam<FixtureCase> {};

TEST_P(Issue15_Fixtures, TitleDateAndSource) {
  const FixtureCase& c = GetParam();
  const ReadResult r = read_fixture(c.file);
  ASSERT_TRUE(r.ok()) << r.message;
  EXPECT_EQ(r.doc.title, c.title);
  EXPECT_EQ(r.doc.date, c.date);
  EXPECT_EQ(r.doc.date_source, c.source);
}

INSTANTIATE_TEST_SUITE_P(
    Table, Issue15_Fixtures,
    ::testing::Values(
        FixtureCase{"issue15_press_release.hwpx", "‘24년 1분기 지역 데이터센터 전력 사용 12% 감소", "2024-06-21",
                    "dateline"},
        FixtureCase{"issue15_template_only.hwpx", "입법예고", "2023-12-31", "metadata"},
        FixtureCase{"issue15_front_matter.md", "지역 데이터센터 전력 계획 2차 보고", "2024-03-05", "front-matter"},
        FixtureCase{"issue15_meta_dates.html", "Grid limits slow new data centres", "2024-03-05", "html-meta"},
        FixtureCase{"issue15_dateline_ko.txt", "데이터센터 전력 수요, 1년 새 12% 늘어", "2024-03-05", "dateline"},
        FixtureCase{"issue15_dateline_en.txt", "Grid limits slow new data centres", "2024-03-05", "dateline"},
        FixtureCase{"issue15_dateline_yearless.txt", "Grid limits slow new data centres", "", ""}));

TEST(Issue15_FrontMatter, IsMetadataNotAPassage) {
  const ReadResult r = read_fixture("issue15_front_matter.md");
  ASSERT_TRUE(r.ok()) << r.message;
  EXPECT_EQ(r.doc.source_url, "https://example.org/reports/power-2");
  EXPECT_EQ(r.doc.author, "김하늘");
  ASSERT_FALSE(r.doc.paragraphs.empty());
  EXPECT_EQ(r.doc.paragraphs.front().text, "전력망 여유가 있는 지역에 데이터센터를 먼저 짓는다.");
  for (const Paragraph& p : r.doc.paragraphs) {
    EXPECT_EQ(p.text.find("title:"), std::string::npos) << p.text;
    EXPECT_EQ(p.text.find("date:"), std::string::npos) << p.text;
  }
}

}  // namespace
}  // namespace kb::test
