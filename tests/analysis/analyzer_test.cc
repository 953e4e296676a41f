#include <gtest/gtest.h>

#include <random>

#include "analysis/analyzer.h"
#include "analysis/document_analyzer.h"
#include "support/test_support.h"

namespace kb::test {
namespace {

using analysis::TextAnalyzer;

class AnalyzerTable : public ::testing::TestWithParam<AnalyzerCase> {};

TEST_P(AnalyzerTable, AnalyzesTo) {
  TextAnalyzer analyzer;
  expect_analyzes_to(analyzer, GetParam());
}

// Korean: particles stripped, script changes split, numbers keep their decimals and lose their
// grouping commas.
INSTANTIATE_TEST_SUITE_P(
    Korean, AnalyzerTable,
    ::testing::Values(
        AnalyzerCase{"실리콘밸리가 다시", {"실리콘밸리", "다시"}, {"실리콘밸리가", "다시"}, {1, 2}},
        AnalyzerCase{"실리콘밸리와 샌프란시스코", {"실리콘밸리", "샌프란시스코"}},
        AnalyzerCase{"AI분야가", {"ai", "분야"}, {"AI", "분야가"}, {1, 2}},
        AnalyzerCase{"1,090억달러로", {"1090", "억달러"}, {"1,090", "억달러로"}},
        AnalyzerCase{"GPU 1.3만장의", {"gpu", "1.3", "만장"}, {"GPU", "1.3", "만장의"}, {1, 2, 3}},
        AnalyzerCase{"KBS가 보도", {"kbs", "보도"}, {"KBS", "보도"}, {1, 2}},
        AnalyzerCase{"H100 GPU를", {"h100", "gpu"}},
        AnalyzerCase{"사과는 맛있다", {"사과", "맛있"}},
        AnalyzerCase{"한국은 AI 기술력과 인재 면에서", {"한국", "ai", "기술력", "인재", "면"}}));

INSTANTIATE_TEST_SUITE_P(
    Names, AnalyzerTable,
    ::testing::Values(AnalyzerCase{"션 란돌프(Sean Randolph) 디렉터는",
                                   {"션", "란돌프", "sean", "randolph", "디렉터"},
                                   {"션", "란돌프", "Sean", "Randolph", "디렉터는"},
                                   {1, 2, 3, 4, 5}},
                      AnalyzerCase{"오픈AI(OpenAI)", {"오픈", "ai", "openai"}}));

INSTANTIATE_TEST_SUITE_P(
    English, AnalyzerTable,
    ::testing::Values(AnalyzerCase{"Randolph's view", {"randolph", "view"}, {"Randolph's", "view"}},
                      AnalyzerCase{"$109 billion in 2024", {"109", "billion", "in", "2024"}},
                      AnalyzerCase{"720,000 H100 GPUs", {"720000", "h100", "gpus"}},
                      AnalyzerCase{"37 percent", {"37", "percent"}}));

// NFD Hangul (macOS file names, some exports) and full-width forms fold to the same terms.
INSTANTIATE_TEST_SUITE_P(
    Normalization, AnalyzerTable,
    ::testing::Values(
        // 한국 decomposed into conjoining jamo: ᄒ ᅡ ᆫ ᄀ ᅮ ᆨ
        AnalyzerCase{"\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB\xE1\x84\x80\xE1\x85\xAE\xE1\x86\xA8", {"한국"}},
        AnalyzerCase{"ＧＰＵ １３", {"gpu", "13"}}));

TEST(Analyzer, EnglishStemKeptBesideWord) {
  TextAnalyzer analyzer;
  const auto tokens = analyzer.analyze("investments");
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(tokens[0].term, "investments");
  EXPECT_EQ(tokens[0].stem, "invest");
  EXPECT_EQ(analysis::ranking_term(tokens[0]), "Zinvest");
  EXPECT_EQ(analysis::phrase_term(tokens[0]), "investments");
}

TEST(Analyzer, StopwordsMarked) {
  TextAnalyzer analyzer;
  const auto tokens = analyzer.analyze("the gap");
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_TRUE(tokens[0].stopword);
  EXPECT_FALSE(tokens[1].stopword);
}

TEST(Analyzer, EmptyAndPunctuationOnly) {
  TextAnalyzer analyzer;
  EXPECT_TRUE(analyzer.analyze("").empty());
  EXPECT_TRUE(analyzer.analyze("… \"' ■△ !!").empty());
}

TEST(Analyzer, RepairedInvalidUtf8StaysInside) {
  TextAnalyzer analyzer;
  const std::string repaired = analysis::repair_utf8("ab\xFF\xFE 한국\xED\xA0\x80 cd");
  const auto tokens = analyzer.analyze(repaired);
  EXPECT_EQ(check_token_invariants(repaired, tokens), "");
  ASSERT_FALSE(tokens.empty());
}

// Random strings from a mixed alphabet: the invariants hold whatever comes in.
TEST(Analyzer, RandomInputKeepsInvariants) {
  TextAnalyzer analyzer;
  const std::vector<std::string> alphabet = {"a", "Z", "1", ",", ".", " ", "\n", "한", "국", "가", "\xE1\x84\x92",
                                             "\xE1\x85\xA1", "漢", "'", "\"", "“", "%", "$", "-", "\xEF\xBC\xA1",
                                             "\xCC\x81", "\xF0\x9F\x98\x80"};
  std::mt19937 rng(42);
  for (int round = 0; round < 500; ++round) {
    std::string input;
    const int len = static_cast<int>(rng() % 60);
    for (int i = 0; i < len; ++i) input += alphabet[rng() % alphabet.size()];
    if (rng() % 4 == 0) input += static_cast<char>(0x80 + rng() % 0x40);  // a stray byte
    const std::string text = analysis::repair_utf8(input);
    const auto tokens = analyzer.analyze(text);
    ASSERT_EQ(check_token_invariants(text, tokens), "") << "input: " << text;
  }
}

TEST(Language, DetectedByScript) {
  EXPECT_EQ(analysis::detect_language("실리콘밸리가 AI를 축으로 다시 부상"), "ko");
  EXPECT_EQ(analysis::detect_language("Silicon Valley is back, Randolph said."), "en");
  EXPECT_EQ(analysis::detect_language("12345 !!"), "und");
}

TEST(DocumentAnalyzer, PassagesKeepOffsetsIntoDocumentText) {
  ExtractedDoc doc;
  doc.paragraphs = {{"첫 문단이다.", 0, false}, {"Second paragraph here.", 0, false}};
  analysis::DocumentAnalyzer analyzer;
  const auto out = analyzer.analyze(doc);
  ASSERT_EQ(out.passages.size(), 2u);
  for (const auto& p : out.passages) EXPECT_EQ(out.text.substr(p.offset, p.text.size()), p.text);
  EXPECT_EQ(out.passages[1].ordinal, 1u);
  EXPECT_EQ(out.title, "첫 문단이다.");
}

TEST(DocumentAnalyzer, LongParagraphCutAtSentences) {
  std::string para;
  for (int i = 0; i < 60; ++i) para += "한국의 AI 투자는 빠르게 늘고 있다. ";
  ExtractedDoc doc;
  doc.paragraphs = {{para, 0, false}};
  analysis::DocumentAnalyzer analyzer;
  const auto out = analyzer.analyze(doc);
  ASSERT_GT(out.passages.size(), 1u);
  for (const auto& p : out.passages) {
    EXPECT_LE(p.text.size(), analysis::PassageSplitter::kMaxPassageBytes);
    EXPECT_EQ(out.text.substr(p.offset, p.text.size()), p.text);
    EXPECT_TRUE(p.text.ends_with("있다.")) << p.text;
  }
}

TEST(DocumentAnalyzer, TitleSkipsImageLines) {
  std::vector<Paragraph> paragraphs = {{"![[출처=대한상공회의소]](https://example.org/a.jpg)", 0, false},
                                       {"전 세계의 자본과 인재가 모인 미국 실리콘밸리", 0, false}};
  EXPECT_EQ(analysis::derive_title(paragraphs), "전 세계의 자본과 인재가 모인 미국 실리콘밸리");
}

}  // namespace
}  // namespace kb::test
