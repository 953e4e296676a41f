// Issue 13: paragraphs in hard-wrapped plain text (readers/line_unwrapper.h). Wrapped lines are
// joined into paragraphs with the source lines they span; tables, lists, quoted e-mail lines,
// header fields and one-paragraph-per-line files keep their lines. Every text below is our own,
// written in the shapes the issue names (wire copy, e-mail, a fixed-width table, a numbered
// list, Korean articles).
#include <gtest/gtest.h>

#include <fstream>

#include "analysis/document_analyzer.h"
#include "readers/line_unwrapper.h"
#include "readers/text_reader.h"
#include "support/test_support.h"

namespace kb::test {
namespace {

struct Para {
  int begin;  // source lines
  int end;
  std::string text;
};

struct WrapCase {
  std::string name;
  std::string text;
  std::vector<Para> paragraphs;
};
void PrintTo(const WrapCase& c, std::ostream* os) { *os << c.name; }

std::vector<UnwrappedParagraph> read_paragraphs(const std::string& text) {
  const ReadResult read = TextReader().read(text);
  EXPECT_TRUE(read.ok()) << read.message;
  std::vector<UnwrappedParagraph> out;
  for (const Paragraph& p : read.doc.paragraphs) out.push_back({p.text, p.line_begin, p.line_end});
  return out;
}

std::string describe(const std::vector<UnwrappedParagraph>& got) {
  std::string out;
  for (const UnwrappedParagraph& p : got)
    out += std::to_string(p.line_begin) + "-" + std::to_string(p.line_end) + ": " + p.text + "\n";
  return out;
}

class Issue13_WrappedText : public ::testing::TestWithParam<WrapCase> {};

TEST_P(Issue13_WrappedText, ParagraphsAndTheirLines) {
  const WrapCase& c = GetParam();
  const std::vector<UnwrappedParagraph> got = read_paragraphs(c.text);
  ASSERT_EQ(got.size(), c.paragraphs.size()) << describe(got);
  for (std::size_t i = 0; i < got.size(); ++i) {
    EXPECT_EQ(got[i].text, c.paragraphs[i].text) << "paragraph " << i;
    EXPECT_EQ(got[i].line_begin, c.paragraphs[i].begin) << "paragraph " << i << ": " << got[i].text;
    EXPECT_EQ(got[i].line_end, c.paragraphs[i].end) << "paragraph " << i << ": " << got[i].text;
  }
}

// Wire copy as printed: a headline, a dateline, paragraphs opened by four spaces, lines of about
// 64 columns, a figure whose unit is on the next line, the sign-off.
const std::string kWireWithHeadline =
    "HANBIT SEMICONDUCTOR RAISES SPENDING PLAN\n"
    "    SEOUL, March 4 - Hanbit Semiconductor Co said it would raise\n"
    "capital spending this year to 2.8 billion dlrs from 2.1 billion\n"
    "dlrs last year, citing strong demand for memory chips.\n"
    "    The company said most of the increase would go to a new\n"
    "fabrication line south of Seoul, which is due to start\n"
    "production in the second half of next year.\n"
    "    \"Demand has been stronger than we expected in every\n"
    "quarter,\" a company spokesman told reporters, adding that server\n"
    "memory prices rose 12 pct in January.\n"
    " REUTER\n";

// The body alone, as a story without its headline is stored: the first line is short (the
// dateline stood before it), paragraphs are indented, results lines are indented one by one,
// hyphenated compounds end lines, and a blank line follows the sign-off (Reuters NEWID 3430's
// shape, which made the old reader run every paragraph together).
const std::string kWireWithoutHeadline =
    "Kumho Shipping Corp said it would\n"
    "order four container ships worth 410 mln dlrs from a British-\n"
    "Korean joint venture, its first order since the yard reopened\n"
    "last year.\n"
    "    The ships, due for delivery in 1989, will be financed with\n"
    "medium- and long-term loans from three Japanese banks, the company\n"
    "said.\n"
    "    Qtr to March 31\n"
    "    Shr 1.20 dlrs vs 1.05 dlrs\n"
    "    Net 12.5 mln vs 10.1 mln\n"
    " Reuter\n"
    " \n";

// An e-mail: header fields, a greeting, a wrapped paragraph, quoted lines, a sign-off.
const std::string kEmail =
    "From: Minji Park <minji.park@example.org>\n"
    "To: research-desk@example.org\n"
    "Subject: Re: Q1 memory prices\n"
    "\n"
    "Hi all,\n"
    "\n"
    "The contract price for server DRAM rose 4.5 pct in the first\n"
    "quarter from the fourth, according to the tracker figures Jae-won\n"
    "sent around on Monday. NAND prices were flat over the same period.\n"
    "\n"
    "> Can you check whether the 2.1 billion dollar figure in the draft\n"
    "> refers to the full year or only to the first half? The slide\n"
    "> deck says both.\n"
    "\n"
    "It is the full year; the first-half figure was 980 million\n"
    "dollars. I have fixed the slide.\n"
    "\n"
    "Thanks,\n"
    "Minji\n";

// A fixed-width table inside wire copy.
const std::string kTable =
    "KOREA MARCH EXPORTS RISE\n"
    "    SEOUL, April 1 - South Korea's exports rose in March from a\n"
    "year earlier, led by semiconductors and ships, the trade ministry\n"
    "said in a statement. Figures are in millions of dlrs:\n"
    "                    March 87    Feb 87    March 86\n"
    "    Exports          3,412.5   2,987.1     2,710.4\n"
    "    Imports          3,105.8   2,844.0     2,650.9\n"
    "    Balance            306.7     143.1        59.5\n"
    "    The ministry said exports for the first quarter were the\n"
    "highest on record for the month of March since 1981.\n"
    " REUTER\n";

// A numbered list between wrapped paragraphs; the first item wraps with a hanging indent.
const std::string kNumberedList =
    "The committee made four recommendations to the ministry, which\n"
    "must answer them within 60 days:\n"
    "1. Publish the utilisation of the shared GPU cluster every\n"
    "   quarter, broken down by institution.\n"
    "2. Open a second regional data centre by 2027\n"
    "3. Fund grid connections for sites outside the capital region\n"
    "4. Review the plan again in two years\n"
    "The ministry said it would respond in writing before the end of\n"
    "the month, after consulting the regional governments.\n";

// A Korean article saved one paragraph per line (the seed article's shape), with a blank line
// before a section line: every line stays a paragraph.
const std::string kKoreanOneParagraphPerLine =
    "[경제] 부산항 물동량 3년 만에 최대…환적 화물이 견인\n"
    "부산항만공사는 올해 1분기 부산항 컨테이너 물동량이 612만 TEU로 집계돼 같은 기간 기준 3년 만에 가장 "
    "많았다고 5일 밝혔다.\n"
    "환적 화물은 331만 TEU로 지난해 같은 기간보다 8.4% 늘었다. 수출입 화물은 281만 TEU로 1.2% 증가하는 데 "
    "그쳤다.\n"
    "공사 관계자는 \"중국과 동남아 항로의 환적 수요가 꾸준히 늘고 있다\"며 \"하반기에도 증가세가 이어질 "
    "것\"이라고 말했다.\n"
    "\n"
    "■ 신항 2-6단계 부두 내년 개장\n"
    "신항 서측 2-6단계 부두는 내년 상반기 개장을 목표로 막바지 공사를 진행 중이다.\n";

// Korean text wrapped at 72 columns (a Hangul syllable is two), paragraphs between blank lines.
const std::string kKoreanWrapped =
    "지역 데이터센터 전력 수요 전망\n"
    "\n"
    "올해 수도권 밖에 새로 짓는 데이터센터는 모두 14곳으로, 이들이 필요로\n"
    "하는 전력은 약 1.2기가와트(GW)에 이를 것으로 전망된다. 이는 지난해보다\n"
    "35% 늘어난 규모다.\n"
    "\n"
    "전력망 여유가 있는 전남과 경북이 가장 많은 물량을 받을 것으로 보이며,\n"
    "정부는 송전망 확충에 2030년까지 4조 5천억 원을 투입할 계획이다.\n"
    "\n"
    "업계에서는 송전선로 건설이 주민 반대로 늦어질 경우 데이터센터 가동\n"
    "시점도 함께 밀릴 수 있다는 우려가 나온다.\n";

// Korean text wrapped at 66 columns, paragraphs opened by two spaces, no blank lines, CRLF.
const std::string kKoreanWrappedIndented =
    "  올해 수도권 밖에 새로 짓는 데이터센터는 모두 14곳으로, 이들이\r\n"
    "필요로 하는 전력은 약 1.2기가와트(GW)에 이를 것으로 전망된다. 이는\r\n"
    "지난해보다 35% 늘어난 규모다.\r\n"
    "  전력망 여유가 있는 전남과 경북이 가장 많은 물량을 받을 것으로\r\n"
    "보이며, 정부는 송전망 확충에 2030년까지 4조 5천억 원을 투입할\r\n"
    "계획이다.\r\n"
    "  업계에서는 송전선로 건설이 주민 반대로 늦어질 경우 데이터센터\r\n"
    "가동 시점도 함께 밀릴 수 있다는 우려가 나온다.\r\n";

// A Korean list (가. 나.) and a table with a `|` layout.
const std::string kKoreanListAndTable =
    "정부가 제시한 지원 방안은 다음과 같다.\n"
    "가. 지방 데이터센터 전력 요금 감면\n"
    "나. 송전망 건설 기간 단축\n"
    "다. 연구자 공용 GPU 확충\n"
    "| 지역 | 전력(MW) | 착공 |\n"
    "| 전남 | 120 | 2025 |\n"
    "| 경북 | 95 | 2026 |\n";

INSTANTIATE_TEST_SUITE_P(
    Table, Issue13_WrappedText,
    ::testing::Values(
        WrapCase{"WireCopyWithHeadline",
                 kWireWithHeadline,
                 {{1, 1, "HANBIT SEMICONDUCTOR RAISES SPENDING PLAN"},
                  {2, 4,
                   "SEOUL, March 4 - Hanbit Semiconductor Co said it would raise capital spending this year to 2.8 "
                   "billion dlrs from 2.1 billion dlrs last year, citing strong demand for memory chips."},
                  {5, 7,
                   "The company said most of the increase would go to a new fabrication line south of Seoul, which "
                   "is due to start production in the second half of next year."},
                  {8, 10,
                   "\"Demand has been stronger than we expected in every quarter,\" a company spokesman told "
                   "reporters, adding that server memory prices rose 12 pct in January."},
                  {11, 11, "REUTER"}}},
        WrapCase{"WireCopyWithoutHeadline",
                 kWireWithoutHeadline,
                 {{1, 4,
                   "Kumho Shipping Corp said it would order four container ships worth 410 mln dlrs from a "
                   "British-Korean joint venture, its first order since the yard reopened last year."},
                  {5, 7,
                   "The ships, due for delivery in 1989, will be financed with medium- and long-term loans from "
                   "three Japanese banks, the company said."},
                  {8, 8, "Qtr to March 31"},
                  {9, 9, "Shr 1.20 dlrs vs 1.05 dlrs"},
                  {10, 10, "Net 12.5 mln vs 10.1 mln"},
                  {11, 11, "Reuter"}}},
        WrapCase{
            "EmailWithQuotedLines",
            kEmail,
            {{1, 1, "From: Minji Park <minji.park@example.org>"},
             {2, 2, "To: research-desk@example.org"},
             {3, 3, "Subject: Re: Q1 memory prices"},
             {5, 5, "Hi all,"},
             {7, 9,
              "The contract price for server DRAM rose 4.5 pct in the first quarter from the fourth, "
              "according to the tracker figures Jae-won sent around on Monday. NAND prices were flat over the "
              "same period."},
             {11, 11, "> Can you check whether the 2.1 billion dollar figure in the draft"},
             {12, 12, "> refers to the full year or only to the first half? The slide"},
             {13, 13, "> deck says both."},
             {15, 16, "It is the full year; the first-half figure was 980 million dollars. I have fixed the slide."},
             {18, 18, "Thanks,"},
             {19, 19, "Minji"}}},
        WrapCase{"FixedWidthTable",
                 kTable,
                 {{1, 1, "KOREA MARCH EXPORTS RISE"},
                  {2, 4,
                   "SEOUL, April 1 - South Korea's exports rose in March from a year earlier, led by semiconductors "
                   "and ships, the trade ministry said in a statement. Figures are in millions of dlrs:"},
                  {5, 5, "March 87    Feb 87    March 86"},
                  {6, 6, "Exports          3,412.5   2,987.1     2,710.4"},
                  {7, 7, "Imports          3,105.8   2,844.0     2,650.9"},
                  {8, 8, "Balance            306.7     143.1        59.5"},
                  {9, 10,
                   "The ministry said exports for the first quarter were the highest on record for the month of "
                   "March since 1981."},
                  {11, 11, "REUTER"}}},
        WrapCase{
            "NumberedList",
            kNumberedList,
            {{1, 2, "The committee made four recommendations to the ministry, which must answer them within 60 days:"},
             {3, 4, "1. Publish the utilisation of the shared GPU cluster every quarter, broken down by institution."},
             {5, 5, "2. Open a second regional data centre by 2027"},
             {6, 6, "3. Fund grid connections for sites outside the capital region"},
             {7, 7, "4. Review the plan again in two years"},
             {8, 9,
              "The ministry said it would respond in writing before the end of the month, after consulting the "
              "regional governments."}}},
        WrapCase{"KoreanOneParagraphPerLine",
                 kKoreanOneParagraphPerLine,
                 {{1, 1, "[경제] 부산항 물동량 3년 만에 최대…환적 화물이 견인"},
                  {2, 2,
                   "부산항만공사는 올해 1분기 부산항 컨테이너 물동량이 612만 TEU로 집계돼 같은 기간 기준 3년 만에 가장 "
                   "많았다고 5일 밝혔다."},
                  {3, 3,
                   "환적 화물은 331만 TEU로 지난해 같은 기간보다 8.4% 늘었다. 수출입 화물은 281만 TEU로 1.2% 증가하는 "
                   "데 그쳤다."},
                  {4, 4,
                   "공사 관계자는 \"중국과 동남아 항로의 환적 수요가 꾸준히 늘고 있다\"며 \"하반기에도 증가세가 이어질 "
                   "것\"이라고 말했다."},
                  {6, 6, "■ 신항 2-6단계 부두 내년 개장"},
                  {7, 7, "신항 서측 2-6단계 부두는 내년 상반기 개장을 목표로 막바지 공사를 진행 중이다."}}},
        WrapCase{"KoreanHardWrapped",
                 kKoreanWrapped,
                 {{1, 1, "지역 데이터센터 전력 수요 전망"},
                  {3, 5,
                   "올해 수도권 밖에 새로 짓는 데이터센터는 모두 14곳으로, 이들이 필요로 하는 전력은 약 "
                   "1.2기가와트(GW)에 이를 것으로 전망된다. 이는 지난해보다 35% 늘어난 규모다."},
                  {7, 8,
                   "전력망 여유가 있는 전남과 경북이 가장 많은 물량을 받을 것으로 보이며, 정부는 송전망 확충에 "
                   "2030년까지 4조 5천억 원을 투입할 계획이다."},
                  {10, 11,
                   "업계에서는 송전선로 건설이 주민 반대로 늦어질 경우 데이터센터 가동 시점도 함께 밀릴 수 있다는 "
                   "우려가 나온다."}}},
        WrapCase{"KoreanHardWrappedIndented",
                 kKoreanWrappedIndented,
                 {{1, 3,
                   "올해 수도권 밖에 새로 짓는 데이터센터는 모두 14곳으로, 이들이 필요로 하는 전력은 약 "
                   "1.2기가와트(GW)에 이를 것으로 전망된다. 이는 지난해보다 35% 늘어난 규모다."},
                  {4, 6,
                   "전력망 여유가 있는 전남과 경북이 가장 많은 물량을 받을 것으로 보이며, 정부는 송전망 확충에 "
                   "2030년까지 4조 5천억 원을 투입할 계획이다."},
                  {7, 8,
                   "업계에서는 송전선로 건설이 주민 반대로 늦어질 경우 데이터센터 가동 시점도 함께 밀릴 수 있다는 "
                   "우려가 나온다."}}},
        // Not wrapped, but a line that breaks its sentence after a particle or `the` goes on.
        WrapCase{"BrokenSentencesInUnwrappedText",
                 "정준화 국회입법조사처 입법조사관은\n"
                 "\"정부가 GPU를 확보했다\"고 말했다.\n"
                 "다음 문단은 따로 남는다.\n"
                 "The shared cluster is run by the\n"
                 "National Computing Centre.\n",
                 {{1, 2, "정준화 국회입법조사처 입법조사관은 \"정부가 GPU를 확보했다\"고 말했다."},
                  {3, 3, "다음 문단은 따로 남는다."},
                  {4, 5, "The shared cluster is run by the National Computing Centre."}}},
        WrapCase{"KoreanListAndTable",
                 kKoreanListAndTable,
                 {{1, 1, "정부가 제시한 지원 방안은 다음과 같다."},
                  {2, 2, "가. 지방 데이터센터 전력 요금 감면"},
                  {3, 3, "나. 송전망 건설 기간 단축"},
                  {4, 4, "다. 연구자 공용 GPU 확충"},
                  {5, 5, "| 지역 | 전력(MW) | 착공 |"},
                  {6, 6, "| 전남 | 120 | 2025 |"},
                  {7, 7, "| 경북 | 95 | 2026 |"}}}),
    [](const ::testing::TestParamInfo<WrapCase>& row) { return row.param.name; });

std::vector<std::string_view> lines_of(const std::string& text) {
  std::vector<std::string_view> lines;
  std::string_view rest = text;
  while (!rest.empty()) {
    const std::size_t nl = rest.find('\n');
    lines.push_back(rest.substr(0, nl));
    if (nl == std::string_view::npos) break;
    rest.remove_prefix(nl + 1);
  }
  return lines;
}

// What the unwrapper decides about each file as a whole.
TEST(Issue13_WrappedTextLayout, WrappedFilesAndTheOthers) {
  const LineUnwrapper unwrapper;
  const LineLayout wire = unwrapper.layout(lines_of(kWireWithHeadline));
  EXPECT_TRUE(wire.wrapped);
  EXPECT_TRUE(wire.indented_paragraphs);
  EXPECT_EQ(wire.margin, 0);
  EXPECT_GE(wire.width, 60);
  EXPECT_LE(wire.width, 66);
  EXPECT_TRUE(unwrapper.layout(lines_of(kKoreanWrapped)).wrapped);
  EXPECT_TRUE(unwrapper.layout(lines_of(kEmail)).wrapped);
  EXPECT_FALSE(unwrapper.layout(lines_of(kKoreanOneParagraphPerLine)).wrapped);
  EXPECT_FALSE(unwrapper.layout(lines_of(kKoreanListAndTable)).wrapped);
}

// The issue's example: `2.1 billion` / `dlrs` on two lines is one passage stating 2.1e9 USD.
TEST(Issue13_WrappedTextRegression, FigureSplitAcrossLinesIsOnePassage) {
  const ReadResult read = TextReader().read(kWireWithHeadline);
  ASSERT_TRUE(read.ok());
  analysis::DocumentAnalyzer analyzer;
  const analysis::AnalyzedDocument doc = analyzer.analyze(read.doc);
  ASSERT_EQ(doc.passages.size(), 5u);
  const analysis::AnalyzedPassage& passage = doc.passages[1];
  EXPECT_NE(passage.text.find("2.1 billion dlrs last year"), std::string::npos) << passage.text;
  EXPECT_EQ(passage.line_begin, 2);
  EXPECT_EQ(passage.line_end, 4);
  bool found = false;
  for (const analysis::Figure& f : passage.figures)
    if (f.unit == "USD" && f.value == 2.1e9) found = true;
  EXPECT_TRUE(found) << "no 2.1e9 USD figure in: " << passage.text;
  for (const analysis::AnalyzedPassage& p : doc.passages) EXPECT_FALSE(p.text.starts_with("dlrs")) << p.text;
}

// The seed article is one paragraph per line: it keeps every line as its own paragraph.
TEST(Issue13_WrappedTextRegression, SeedArticleKeepsItsLines) {
  std::ifstream in(corpus_dir() / "seed/korea_us_ai_seminar.txt", std::ios::binary);
  ASSERT_TRUE(in);
  const std::string text{std::istreambuf_iterator<char>(in), {}};
  const std::vector<UnwrappedParagraph> got = read_paragraphs(text);
  int line = 0, non_empty = 0;
  for (std::string_view l : lines_of(text)) {
    ++line;
    if (l.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    ASSERT_LT(static_cast<std::size_t>(non_empty), got.size());
    EXPECT_EQ(got[non_empty].line_begin, line);
    EXPECT_EQ(got[non_empty].line_end, line);
    ++non_empty;
  }
  EXPECT_EQ(got.size(), static_cast<std::size_t>(non_empty));
}

// Random lines never crash it, and paragraphs cover the lines in order without overlap.
TEST(Issue13_WrappedTextRegression, LinesStayInOrder) {
  std::string text;
  unsigned seed = 13;
  const char* words[] = {"dlrs", "2.1", "Korea", "- ",     "1.",  ">",     "|",
                         "  ",   "\t",  "가.",   "데이터", "mln", "said.", ":"};
  for (int i = 0; i < 3000; ++i) {
    seed = seed * 1103515245u + 12345u;
    text += words[(seed >> 16) % std::size(words)];
    text += (seed >> 8) % 9 == 0 ? "\n" : " ";
  }
  int previous_end = 0;
  for (const UnwrappedParagraph& p : LineUnwrapper().unwrap(lines_of(text))) {
    EXPECT_GT(p.line_begin, previous_end);
    EXPECT_GE(p.line_end, p.line_begin);
    EXPECT_FALSE(p.text.empty());
    previous_end = p.line_end;
  }
}

}  // namespace
}  // namespace kb::test
