// Issue 3: Korean and English analysis for passage retrieval. A passage is found whatever
// particle, ending or spacing the query uses, so both sides must reduce these forms to the same
// terms.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>

#include "analysis/analyzer.h"
#include "analysis/korean_filter.h"
#include "schema/schema.h"
#include "support/test_support.h"

namespace kb::test {
namespace {

using analysis::TextAnalyzer;

class Issue3_Analysis : public ::testing::TestWithParam<AnalyzerCase> {};

TEST_P(Issue3_Analysis, AnalyzesTo) {
  TextAnalyzer analyzer;
  expect_analyzes_to(analyzer, GetParam());
}

INSTANTIATE_TEST_SUITE_P(Particles, Issue3_Analysis,
                         ::testing::Values(AnalyzerCase{"헤이그가 헤이그는 헤이그에서", {"헤이그", "헤이그", "헤이그"}},
                                           AnalyzerCase{"함장의 함장", {"함장", "함장"}},
                                           AnalyzerCase{"임종석이 임종석은", {"임종석", "임종석"}},
                                           AnalyzerCase{"실리콘밸리로부터", {"실리콘밸리"}},
                                           // Stacked particles: the inner one goes too when it has two syllables.
                                           AnalyzerCase{"서울까지도 학교에서만 칭짱고원이라고도 정부로부터의",
                                                        {"서울", "학교", "칭짱고원", "정부"}},
                                           AnalyzerCase{"경기도는", {"경기도"}},
                                           // A one-syllable stem keeps its syllable: `사과`, `최고` are nouns.
                                           AnalyzerCase{"사과 최고", {"사과", "최고"}}));

INSTANTIATE_TEST_SUITE_P(
    Endings, Issue3_Analysis,
    ::testing::Values(AnalyzerCase{"당선된 당선되었다 당선됐다", {"당선", "당선", "당선"}},
                      AnalyzerCase{"발표했다 발표하는 발표하며 발표하였다", {"발표", "발표", "발표", "발표"}},
                      AnalyzerCase{"개통된 개통되었으며", {"개통", "개통"}},
                      AnalyzerCase{"태어났다 태어났으며", {"태어나", "태어나"}},
                      AnalyzerCase{"대중적인 대중적으로", {"대중", "대중"}}, AnalyzerCase{"맛있다", {"맛있"}}));

// Every form of a verb meets its past: the adnominal ㄴ, the contracted vowels and the separate
// 았/었 syllable go, question endings too (kAnalysisVersion 8).
INSTANTIATE_TEST_SUITE_P(VerbForms, Issue3_Analysis,
                         ::testing::Values(AnalyzerCase{"태어난 태어났나 태어나는", {"태어나", "태어나", "태어나"}},
                                           AnalyzerCase{"불렸다 불리는가 불리며", {"불리", "불리", "불리"}},
                                           AnalyzerCase{"선고받았다 선고받았는가", {"선고받", "선고받"}},
                                           AnalyzerCase{"세워진 세워져 세워졌다", {"세워지", "세워지", "세워지"}},
                                           AnalyzerCase{"돌아온 돌아왔다", {"돌아오", "돌아오"}},
                                           AnalyzerCase{"보였다 보이는", {"보이", "보이"}},
                                           AnalyzerCase{"가리키는가 가리키며", {"가리키", "가리키"}},
                                           // Nouns ending in ㄴ keep it, and two syllables are never touched.
                                           AnalyzerCase{"레이건 베를린은 티베트고원 사건 시간 피난",
                                                        {"레이건", "베를린", "티베트고원", "사건", "시간", "피난"}}));

INSTANTIATE_TEST_SUITE_P(MixedScript, Issue3_Analysis,
                         ::testing::Values(AnalyzerCase{"KBS가 iPhone의 AI분야", {"kbs", "iphone", "ai", "분야"}},
                                           AnalyzerCase{"1989년 3.5배 $109",
                                                        {"1989", "년", "3.5", "배", "109"},
                                                        {"1989", "년", "3.5", "배", "109"}}));

// Headlines abbreviate countries in hanja; a run of them becomes one token per country.
INSTANTIATE_TEST_SUITE_P(Hanja, Issue3_Analysis,
                         ::testing::Values(AnalyzerCase{"美 정부", {"미국", "정부"}, {"美", "정부"}},
                                           AnalyzerCase{
                                               "韓美 정상", {"한국", "미국", "정상"}, {"韓", "美", "정상"}, {1, 2, 3}},
                                           AnalyzerCase{"中·日·北", {"중국", "일본", "북한"}},
                                           // A real hanja word is left alone.
                                           AnalyzerCase{"漢字", {"漢字"}}));

INSTANTIATE_TEST_SUITE_P(
    Jamo, Issue3_Analysis,
    ::testing::Values(AnalyzerCase{"ㅎㅏㄴㄱㅜㄱ", {"한국"}}, AnalyzerCase{"ㅅㅓㅇㄴㅏㅁ", {"성남"}},
                      // NFD (conjoining jamo, macOS file names): 서울 as ᄉ ᅥ ᄋ ᅮ ᆯ + 에서
                      AnalyzerCase{"\xE1\x84\x89\xE1\x85\xA5\xE1\x84\x8B\xE1\x85\xAE\xE1\x86\xAF에서", {"서울"}}));

INSTANTIATE_TEST_SUITE_P(English, Issue3_Analysis,
                         ::testing::Values(AnalyzerCase{"Randolph's city's", {"randolph", "city"}},
                                           AnalyzerCase{"state-of-the-art GPUs", {"state", "of", "the", "art", "gpus"}},
                                           AnalyzerCase{"1,090 billion", {"1090", "billion"}}));

std::set<std::string> index_terms(const std::string& text) {
  TextAnalyzer analyzer;
  std::set<std::string> terms;
  for (const auto& t : analyzer.analyze(text))
    analysis::for_each_index_term(t, [&](const std::string& term, std::uint32_t) { terms.insert(term); });
  return terms;
}

// The bigrams whose postings hold `text`: its bigram terms, and the word terms of two syllables
// that stand for theirs (analysis::bigram_posting_terms).
std::set<std::string> bigram_terms(const std::string& text) {
  std::set<std::string> out;
  for (const std::string& t : index_terms(text)) {
    if (t.starts_with(schema::kPrefixBigram))
      out.insert(t);
    else if (t.size() == 6 && analysis::detect_language(t) == "ko")  // two Hangul syllables
      out.insert(std::string(schema::kPrefixBigram) + t);
  }
  return out;
}

// Compounds spaced either way share every syllable bigram, the one across the space included.
TEST(Issue3_Compounds, SpacedEitherWayShareBigrams) {
  EXPECT_EQ(bigram_terms("쿠알라룸푸르 국제공항은"), bigram_terms("쿠알라룸푸르국제공항은"));
  const std::set<std::string> joined = bigram_terms("재학중인");
  for (const std::string& gram : bigram_terms("재학 중")) EXPECT_TRUE(joined.count(gram)) << gram;
}

// Issue 16: a word of exactly two syllables is indexed once, as its word term; a longer word keeps
// its bigrams, and a query's bigram reads both (bigram_posting_terms).
TEST(Issue16_TwoSyllableWords, IndexedOnceAsTheirWordTerm) {
  const std::string xb(schema::kPrefixBigram);
  struct Row {
    std::string text, word, absent_bigram;
    std::vector<std::string> bigrams;
  };
  for (const Row& row : std::vector<Row>{
           {"투자는", "투자", xb + "투자", {}},
           {"투자금을", "투자금", "", {xb + "투자", xb + "자금"}},
           {"반도체 수출", "반도체", xb + "수출", {xb + "반도", xb + "도체", xb + "체수"}},
       }) {
    const std::set<std::string> terms = index_terms(row.text);
    EXPECT_TRUE(terms.count(row.word)) << row.text;
    if (!row.absent_bigram.empty()) {
      EXPECT_FALSE(terms.count(row.absent_bigram)) << row.text;
    }
    for (const std::string& gram : row.bigrams) EXPECT_TRUE(terms.count(gram)) << row.text << " " << gram;
  }
  EXPECT_EQ(analysis::bigram_posting_terms(xb + "투자"), (std::array<std::string, 2>{xb + "투자", "투자"}));
}

TEST(Issue3_Compounds, NoBridgeAcrossPunctuation) {
  EXPECT_FALSE(bigram_terms("서울, 부산").count(std::string(schema::kPrefixBigram) + "울부"));
  EXPECT_TRUE(bigram_terms("서울 부산").count(std::string(schema::kPrefixBigram) + "울부"));
}

TEST(Issue3_Questions, InterrogativesAndAskedForNounsLeftOutOfQueries) {
  TextAnalyzer analyzer;
  const auto tokens = analyzer.analyze("임종석이 지명수배된 연도는 언제인가? 누가 무엇을 몇 명이 어디에서");
  std::vector<std::string> searched;
  for (const auto& t : tokens)
    if (!t.stopword) searched.push_back(t.term);
  // `명이` keeps its `이`: a one-syllable stem is never cut (see KoreanFilter).
  EXPECT_EQ(searched, (std::vector<std::string>{"임종석", "지명수배", "명이"}));
}

// The query chain is a prefix of the index chain: every term a query looks for is a term the
// index holds for the same text.
TEST(Issue3_Chain, QueryTermsAreIndexTerms) {
  const std::vector<std::string> alphabet = {"한", "국", "의",  "가", "는", "했", "다", "되", "었", "된", " ",
                                             "美", "AI", "1,5", "년", "ㅎ", "ㅏ", "'s", "-",  "하", "며"};
  std::mt19937 rng(11);
  TextAnalyzer analyzer;
  for (int round = 0; round < 300; ++round) {
    std::string text;
    for (int i = static_cast<int>(rng() % 30); i > 0; --i) text += alphabet[rng() % alphabet.size()];
    const std::set<std::string> indexed = index_terms(text);
    for (const auto& t : analyzer.analyze(text))
      analysis::for_each_query_term(t, [&](const std::string& term, analysis::TermSpace space) {
        if (space == analysis::TermSpace::kWord) {
          EXPECT_TRUE(indexed.count(term)) << "'" << term << "' of '" << text << "' is not indexed";
        } else {  // a bigram's postings are held by its bigram term or by its word term
          const auto held_by = analysis::bigram_posting_terms(term);
          EXPECT_TRUE(indexed.count(held_by[0]) || indexed.count(held_by[1]))
              << "'" << term << "' of '" << text << "' is not indexed";
        }
      });
  }
}

TEST(Issue3_Random, KoreanHeavyInputKeepsInvariants) {
  const std::vector<std::string> alphabet = {"한",
                                             "국",
                                             "가",
                                             "했",
                                             "\xE1\x84\x92",
                                             "\xE1\x85\xA1",
                                             "\xE1\x86\xAB",
                                             "ㄱ",
                                             "ㅏ",
                                             "ㅆ",
                                             "美",
                                             "韓",
                                             "漢",
                                             " ",
                                             "A",
                                             "9",
                                             ".",
                                             ",",
                                             "’s",
                                             "\xCC\x81",
                                             "\xEF\xBC\xA1",
                                             "·",
                                             "\xF0\x9F\x98\x80"};
  std::mt19937 rng(5);
  TextAnalyzer analyzer;
  for (int round = 0; round < 1000; ++round) {
    std::string input;
    for (int i = static_cast<int>(rng() % 50); i > 0; --i) input += alphabet[rng() % alphabet.size()];
    if (rng() % 3 == 0) input.insert(rng() % (input.size() + 1), 1, static_cast<char>(0x80 + rng() % 0x40));
    const std::string text = analysis::repair_utf8(input);
    const auto tokens = analyzer.analyze(text);
    ASSERT_EQ(check_token_invariants(text, tokens), "") << "input: " << text;
    for (const auto& t : tokens)
      analysis::for_each_index_term(t, [&](const std::string& term, std::uint32_t) {
        ASSERT_TRUE(!term.empty() && analysis::is_valid_utf8(term)) << "input: " << text;
      });
  }
}

}  // namespace
}  // namespace kb::test
