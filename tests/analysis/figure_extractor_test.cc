// Issue 4: figures extracted, normalised and tied to their sentence and year.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <random>
#include <sstream>

#include "analysis/figure_extractor.h"
#include "support/test_support.h"

namespace kb::test {
namespace {

using analysis::Figure;
using analysis::FigureExtraction;
using analysis::FigureExtractor;
using analysis::FigureKind;
using analysis::MentionKind;
using analysis::Qualifier;

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The invariants every extraction keeps, whatever the input.
void expect_well_formed(std::string_view text, const FigureExtraction& x) {
  std::uint32_t last_end = 0;
  for (const Figure& f : x.figures) {
    EXPECT_TRUE(std::isfinite(f.value)) << f.surface;
    EXPECT_TRUE(std::isfinite(f.high)) << f.surface;
    EXPECT_LE(f.value, f.high) << f.surface;
    EXPECT_LT(f.begin, f.end);
    EXPECT_LE(f.end, text.size());
    EXPECT_GE(f.begin, last_end) << "figures overlap or are out of order at " << f.surface;
    last_end = f.end;
    if (f.end <= text.size() && f.begin < f.end) {
      EXPECT_EQ(text.substr(f.begin, f.end - f.begin), f.surface);
    }
    EXPECT_LE(f.sentence_begin, f.begin);
    EXPECT_GE(f.sentence_end, f.end);
    EXPECT_FALSE(f.unit.empty());
  }
  for (const auto& m : x.mentions) {
    EXPECT_LT(m.begin, m.end);
    EXPECT_LE(m.end, text.size());
  }
}

FigureExtraction extract(std::string_view text) {
  FigureExtraction x = FigureExtractor().extract(text);
  expect_well_formed(text, x);
  return x;
}

struct Expected {
  std::string surface;
  double value;
  std::string unit;
  Qualifier qualifier = Qualifier::kExact;
};

// --- The seed article ------------------------------------------------------------------------

TEST(Issue4_SeedArticle, EveryFigureFoundAndNothingElse) {
  const std::string text = read_file(corpus_dir() / "seed" / "korea_us_ai_seminar.txt");
  ASSERT_FALSE(text.empty());
  const FigureExtraction x = extract(text);

  // In article order.
  const std::vector<Expected> expected = {
      {"70여 명", 70, "count", Qualifier::kApprox},
      {"37%", 37, "percent"},
      {"76%", 76, "percent"},
      {"5개", 5, "count"},
      {"10억달러", 1e9, "USD", Qualifier::kAtLeast},
      {"161개", 161, "count"},
      {"64개", 64, "count"},
      {"40%", 40, "percent"},
      {"50억달러", 5e9, "USD", Qualifier::kAtLeast},
      {"79개", 79, "count"},
      {"45개", 45, "count"},
      {"57%", 57, "percent"},
      {"973건", 973, "count"},
      {"3.5배", 3.5, "ratio"},
      {"1090억달러", 1.09e11, "USD"},
      {"13억달러", 1.3e9, "USD"},
      {"80배", 80, "ratio"},
      {"1,090억달러", 1.09e11, "USD"},
      {"13억달러", 1.3e9, "USD"},
      {"80배", 80, "ratio"},
      {"1.3만장", 13000, "count"},
      {"72만장", 720000, "count"},
      {"1.3만장", 13000, "count"},
      {"72만장", 720000, "count"},
      {"6가지", 6, "count"},
  };
  std::vector<const Figure*> found;
  for (const Figure& f : x.figures)
    if (f.surface != "한 곳") {
      found.push_back(&f);
    } else {
      EXPECT_DOUBLE_EQ(f.value, 1);  // `한 곳` may be a count of 1
    }
  ASSERT_EQ(found.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    SCOPED_TRACE(expected[i].surface);
    EXPECT_EQ(found[i]->surface, expected[i].surface);
    EXPECT_DOUBLE_EQ(found[i]->value, expected[i].value);
    EXPECT_EQ(found[i]->unit, expected[i].unit);
    EXPECT_EQ(found[i]->qualifier, expected[i].qualifier);
  }
  EXPECT_EQ(found[0]->counter, "명");
  EXPECT_EQ(found[20]->counter, "장");

  // Dates: 2024년 three times, 17일.
  int years = 0, day17 = 0;
  for (const auto& m : x.mentions) {
    const std::string s = text.substr(m.begin, m.end - m.begin);
    if (m.kind == MentionKind::kDate && s == "2024년") {
      ++years;
      EXPECT_EQ(m.year, 2024);
    }
    if (m.kind == MentionKind::kDate && s == "17일") ++day17;
  }
  EXPECT_EQ(years, 3);
  EXPECT_EQ(day17, 1);

  // Figures in a sentence that states 2024 carry the year; the headline states none.
  EXPECT_EQ(found[1]->year, 2024);   // 37%
  EXPECT_EQ(found[14]->year, 0);     // 1090억달러 in the headline
  EXPECT_EQ(found[17]->year, 2024);  // 1,090억달러

  // Not quantities: no figure touches them.
  for (const std::string not_figure : {"H100", "2위", "22대", "첫 번째", "두 번째", "다시 한 번", "한국", "한·미"}) {
    for (std::size_t at = text.find(not_figure); at != std::string::npos; at = text.find(not_figure, at + 1)) {
      for (const Figure& f : x.figures)
        EXPECT_FALSE(f.begin < at + not_figure.size() && at < f.end) << not_figure << " overlaps " << f.surface;
    }
  }
}

// --- Forms, one row per phenomenon -----------------------------------------------------------

struct FormCase {
  std::string input;
  std::string surface;  // the one figure expected
  double value;
  std::string unit;
  Qualifier qualifier = Qualifier::kExact;
  std::string counter = "";
  double high = NAN;  // for ranges
};

void PrintTo(const FormCase& c, std::ostream* os) { *os << c.input; }

class FigureForms : public ::testing::TestWithParam<FormCase> {};

TEST_P(FigureForms, ExtractsOneFigure) {
  const FormCase& c = GetParam();
  const FigureExtraction x = extract(c.input);
  ASSERT_EQ(x.figures.size(), 1u) << (x.figures.empty() ? "none" : x.figures[0].surface);
  const Figure& f = x.figures[0];
  EXPECT_EQ(f.surface, c.surface);
  EXPECT_DOUBLE_EQ(f.value, c.value);
  EXPECT_EQ(f.unit, c.unit);
  EXPECT_EQ(f.qualifier, c.qualifier);
  EXPECT_EQ(f.counter, c.counter);
  if (!std::isnan(c.high)) {
    EXPECT_DOUBLE_EQ(f.high, c.high);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Korean, FigureForms,
    ::testing::Values(
        FormCase{"매출은 4천 820만 달러였다", "4천 820만 달러", 4.82e7, "USD"},
        FormCase{"한화 약 5만 8200원에", "5만 8200원", 58200, "KRW", Qualifier::kApprox},
        FormCase{"월 667만5천원을 받는다", "667만5천원", 6675000, "KRW"},
        FormCase{"관객 1.3만명", "1.3만명", 13000, "count", Qualifier::kExact, "명"},
        FormCase{"예산 삼십억 원을", "삼십억 원", 3e9, "KRW"},
        FormCase{"전국 세 곳에서", "세 곳", 3, "count", Qualifier::kExact, "곳"},
        FormCase{"총 3억5천203만대를", "3억5천203만대", 352030000, "count", Qualifier::kExact, "대"},
        FormCase{"480억 달러 규모", "480억 달러", 4.8e10, "USD"},
        FormCase{"2조 원 이하", "2조 원", 2e12, "KRW", Qualifier::kAtMost},
        FormCase{"100만 원 미만", "100만 원", 1e6, "KRW", Qualifier::kBelow},
        FormCase{"5천만원 초과", "5천만원", 5e7, "KRW", Qualifier::kAbove},
        FormCase{"3천명가량이", "3천명", 3000, "count", Qualifier::kApprox, "명"},
        FormCase{"100엔", "100엔", 100, "JPY"},
        FormCase{"50위안", "50위안", 50, "CNY"},
        FormCase{"20유로를", "20유로", 20, "EUR"},
        FormCase{"금리는 0.5%p 올랐다", "0.5%p", 0.5, "percentage-point"},
        FormCase{"3.2퍼센트포인트 하락", "3.2퍼센트포인트", 3.2, "percentage-point"},
        FormCase{"15퍼센트가", "15퍼센트", 15, "percent"},
        FormCase{"무려 80배를 웃돈다", "80배", 80, "ratio"},
        FormCase{"3~5% 수준", "3~5%", 3, "percent", Qualifier::kRange, "", 5},
        FormCase{"10-20%가", "10-20%", 10, "percent", Qualifier::kRange, "", 20},
        FormCase{"20만∼30만 달러", "20만∼30만 달러", 2e5, "USD", Qualifier::kRange, "", 3e5},
        FormCase{"두세 번 만났다", "두세 번", 2, "count", Qualifier::kRange, "번", 3},
        FormCase{"300여명이", "300여명", 300, "count", Qualifier::kApprox, "명"},
        FormCase{"10개국 정상", "10개국", 10, "count", Qualifier::kExact, "개국"},
        FormCase{"하나의 문제", "하나", 1, "count"},
        FormCase{"거리 100km", "100km", 100, "km"},
        FormCase{"무게 30kg", "30kg", 30, "kg"},
        FormCase{"관객 175만명을 넘어섰다", "175만명", 1750000, "count", Qualifier::kExact, "명"},
        FormCase{"백만배 빠르다", "백만배", 1e6, "ratio"}));

// Issue 4 follow-up: boundaries, native numerals before nouns, glued counts, more measures.
INSTANTIATE_TEST_SUITE_P(
    Issue4_FollowUp, FigureForms,
    ::testing::Values(
        // A particle right after the digits ends a bare number.
        FormCase{"심사위원 평균 7.5는 낮은 편이다", "7.5", 7.5, "number"},
        FormCase{"참가 팀은 모두 12로 늘었다", "12", 12, "number"},
        // A unit or counter glued to a word of its own ends the figure at the unit.
        FormCase{"새 5만원권 지폐", "5만원", 5e4, "KRW"},
        FormCase{"10점만점 영화", "10점", 10, "count", Qualifier::kExact, "점"},
        FormCase{"올해로 4회째 열리는 축제", "4회", 4, "count", Qualifier::kExact, "회"},
        FormCase{"연출과 연기 3박자를 갖춘 작품", "3박자", 3, "count", Qualifier::kExact, "박자"},
        // A native numeral before an ordinary noun counts it; its particle is cut off.
        FormCase{"두 배우가 끝까지 극을 이끈다", "두 배우", 2, "count", Qualifier::kExact, "배우"},
        FormCase{"그날 밤 세 모녀의 이야기", "세 모녀", 3, "count", Qualifier::kExact, "모녀"},
        FormCase{"다섯 형제는 함께 자랐다", "다섯 형제", 5, "count", Qualifier::kExact, "형제"},
        FormCase{"그 영화를 두어 번 봤다", "두어 번", 2, "count", Qualifier::kRange, "번", 3},
        FormCase{"이제 서른이 되었다", "서른", 30, "count"},
        // Particles stack after a numeral: 만 + 으로 + 도.
        FormCase{"음악 하나만으로도 볼 만하다", "하나", 1, "count"},
        // A native numeral and a counter glued to the end of a longer word.
        FormCase{"솔직히 별한개도 아깝다", "한개", 1, "count", Qualifier::kExact, "개"},
        FormCase{"결국 토끼두마리를 놓쳤다", "두마리", 2, "count", Qualifier::kExact, "마리"},
        FormCase{"오늘은 또하나의 결승전", "하나", 1, "count"},
        FormCase{"나도한번 가 보고 싶다", "한번", 1, "count", Qualifier::kExact, "번"},
        FormCase{"별을 한개 줬다", "한개", 1, "count", Qualifier::kExact, "개"},
        FormCase{"다섯살 아이가 그렸다", "다섯살", 5, "count", Qualifier::kExact, "살"},
        // Measures.
        FormCase{"화면은 6.1인치로 커졌다", "6.1인치", 6.1, "in"},
        FormCase{"하루 1천200kcal를 먹는다", "1천200kcal", 1200, "kcal"},
        FormCase{"부지 3만2천m2를 매입했다", "3만2천m2", 32000, "m2"},
        FormCase{"낮 기온 28℃까지", "28℃", 28, "degC"},
        FormCase{"기온이 영하 12도까지 내려갔다", "영하 12도", -12, "degC"},
        FormCase{"체온이 37.5도를 넘으면", "37.5도", 37.5, "degC"},
        FormCase{"코스 전장은 6천500야드다", "6천500야드", 6500, "yd"},
        FormCase{"모두 5달러씩 냈다", "5달러", 5, "USD"},
        // Counters that are also particles (대, 인) keep counting; compound counters; plural 들.
        FormCase{"20대 청년층", "20대", 20, "count", Qualifier::kExact, "대"},
        FormCase{"1인 시위를 벌였다", "1인", 1, "count", Qualifier::kExact, "인"},
        FormCase{"드라마 16부작으로 제작", "16부작", 16, "count", Qualifier::kExact, "부작"},
        FormCase{"원유 3천만 배럴을 비축", "3천만 배럴", 3e7, "bbl"},
        FormCase{"두 딸들도 함께 왔다", "두 딸", 2, "count", Qualifier::kExact, "딸"},
        FormCase{"두 아들이 있다", "두 아들", 2, "count", Qualifier::kExact, "아들"},
        FormCase{"비밀번호 4자리를 입력", "4자리", 4, "count", Qualifier::kExact, "자리"},
        FormCase{"관객 1人 평점", "1人", 1, "count", Qualifier::kExact, "人"},
        FormCase{"벌써 마흔이 넘었다", "마흔", 40, "count"},
        FormCase{"마흔 넘어 시작했다", "마흔", 40, "count"}));

INSTANTIATE_TEST_SUITE_P(
    English, FigureForms,
    ::testing::Values(
        FormCase{"private AI investment reached $109 billion", "$109 billion", 1.09e11, "USD"},
        FormCase{"OpenAI is running 720,000 H100 GPUs", "720,000 H100 GPUs", 720000, "count", Qualifier::kExact,
                 "H100 GPUs"},
        FormCase{"Korea secured 13,000 GPUs", "13,000 GPUs", 13000, "count", Qualifier::kExact, "GPUs"},
        // A year-like number before a plural noun still counts it.
        FormCase{"the precinct counted 2024 votes", "2024 votes", 2024, "count", Qualifier::kExact, "votes"},
        FormCase{"the AI sector took 37 percent", "37 percent", 37, "percent"},
        FormCase{"a difference of more than 80 times", "80 times", 80, "ratio", Qualifier::kAbove},
        FormCase{"net profit 12.5 mln dlrs", "12.5 mln dlrs", 1.25e7, "USD"},
        FormCase{"sales rose 4.5 pct", "4.5 pct", 4.5, "percent"},
        FormCase{"a loan of 1.2 bln dlrs", "1.2 bln dlrs", 1.2e9, "USD"},
        FormCase{"valued at $1 billion or more", "$1 billion", 1e9, "USD", Qualifier::kAtLeast},
        FormCase{"about 70 people attended", "70 people", 70, "count", Qualifier::kApprox, "people"},
        FormCase{"up to 5 million euros", "5 million euros", 5e6, "EUR", Qualifier::kAtMost},
        FormCase{"rates fell 0.25 percentage points", "0.25 percentage points", 0.25, "percentage-point"},
        FormCase{"a 10-fold rise", "10-fold", 10, "ratio"},
        FormCase{"US$5 million", "US$5 million", 5e6, "USD"},
        FormCase{"USD 3 million", "USD 3 million", 3e6, "USD"},
        FormCase{"€20 each", "€20", 20, "EUR"},
        FormCase{"nearly 3,000 won", "3,000 won", 3000, "KRW", Qualifier::kApprox},
        FormCase{"less than 5%", "5%", 5, "percent", Qualifier::kBelow}));

// --- Not quantities --------------------------------------------------------------------------

class NotFigures : public ::testing::TestWithParam<std::string> {};

TEST_P(NotFigures, NoFigure) {
  const FigureExtraction x = extract(GetParam());
  EXPECT_TRUE(x.figures.empty()) << x.figures[0].surface;
}

INSTANTIATE_TEST_SUITE_P(
    Issue4, NotFigures,
    ::testing::Values("H100 모듈", "갤럭시 S8", "COVID-19 확산", "2위 뉴욕", "22대 국회에", "두 번째 발제자",
                      "첫 번째 발표", "제44대 대통령", "다시 한 번 경제적", "한국의 AI", "한·미 혁신", "2024년",
                      "17일 서울", "2008년 11월 4일", "in 2024, the sector", "on March 17", "the 22nd Assembly",
                      "3D 프린터와 5G", "세미나에는", "사이", "오만하다", "조사본부장", "3시 30분", "13:30",
                      "https://example.com/photo/202510/1682453_699993.jpg", "10여 년간", "세 번째"));

// Issue 4 follow-up: not quantities either.
INSTANTIATE_TEST_SUITE_P(
    Issue4_FollowUp, NotFigures,
    ::testing::Values(
        // Ordinals: 번째 after a native numeral, and the names of one of a series.
        "여섯 번째 시즌", "다섯 번째 앨범", "지하철 2호선 역", "육군 22사단 소속", "초등학교 3학년 학생",
        "5공화국 시절의 사건", "서울중앙지법 형사1부는 선고했다", "형사3단독 재판부",
        // Spans of time.
        "20여년 만에 다시 봤다", "10여분 동안 기다렸다", "4달 전에 봤다", "두 달 동안 쉬었다", "한 해를 보내며",
        // `한` as the verb 하다 or the surname Han; `네` as yes or your; Sino-looking words.
        "숙제를 한 학생은 없다", "일을 한 사람",
        // Issue 14: `한` before a noun is the article of news prose (a young man), not one.
        "한 청년이 길을 나섰다", "한 의원은 반대했다", "한 씨가 올린 영상", "네 엄마가 왔다",
        "네, 맞아요", "구조대가 출동했다", "조사부는 사건을 넘겼다", "조사원을 배치했다", "만이자 세 번째",
        "두개골 골절", "세명대학교",
        // A month and a day naming an event.
        // Inning halves name one of a series; a year glued to a word; 한 after a closing quote
        // or before an adnominal verb form.
        "2번째인데도 좋다", "이하나의 매력", "다시한번 생각했다", "6회말 공격에서", "9회초 수비", "2010남아공 월드컵", "2013회계연도 결산", "'뻔'한 영화였다", "두 걸출한 인물",
        "4·19 혁명 기념일", "5ㆍ18 민주화운동", "3월 11·13·19일 경기", "8.15 광복절 행사", "9.11 테러 이후",
        // A year before a determiner or a verb (corpus/en/ai_investment_gap_brief.md).
        "the companies that raised the most AI money in 2024 all have their headquarters here",
        "shipments in 2023 have doubled", "2024 private AI investment reached a record",
        "the 1997 financial crisis"));

TEST(Issue4_FollowUp, EachOneIsTheNumeralTwice) {
  const FigureExtraction x = extract("대사 하나하나가 좋다");
  ASSERT_EQ(x.figures.size(), 2u);
  EXPECT_EQ(x.figures[0].surface, "하나");
  EXPECT_EQ(x.figures[1].surface, "하나");
  EXPECT_LT(x.figures[0].end, x.figures[1].end);
  const FigureExtraction glued = extract("소품하나하나도 정성스럽다");
  ASSERT_EQ(glued.figures.size(), 2u);
  EXPECT_EQ(glued.figures[1].surface, "하나");
}

TEST(Issue4_FollowUp, WonBeforeAWordIsNoMoney) {
  // `3원칙` is three principles, not three won.
  for (const Figure& f : extract("안전 3원칙을 지킨다").figures) EXPECT_NE(f.unit, "KRW") << f.surface;
}

// --- Bad input -------------------------------------------------------------------------------

TEST(Issue4_BadInput, HugeNumberIsDroppedNotInfinite) {
  const FigureExtraction x = extract("999,999,999,999,999,999조 원");
  EXPECT_TRUE(x.figures.empty());
}

TEST(Issue4_BadInput, ExponentIsACode) {
  const FigureExtraction x = extract("1e400 달러");
  EXPECT_TRUE(x.figures.empty());
}

TEST(Issue4_BadInput, CommaListIsNoNumber) {
  const FigureExtraction x = extract("1,2,3,4");
  EXPECT_TRUE(x.figures.empty());
}

TEST(Issue4_BadInput, DoubleDotIsNoDecimal) {
  const FigureExtraction x = extract("..5");
  EXPECT_TRUE(x.figures.empty());
}

TEST(Issue4_BadInput, PercentSignsAlone) {
  EXPECT_TRUE(extract("%%%").figures.empty());
  EXPECT_TRUE(extract("% 퍼센트 배 억 조 만").figures.empty());
}

TEST(Issue4_BadInput, FiftyThousandDigits) {
  const std::string digits(50000, '7');
  EXPECT_TRUE(extract(digits).figures.empty());
  EXPECT_TRUE(extract(digits + "억달러 그리고 " + digits + ".5%").figures.empty());
}

TEST(Issue4_BadInput, FigureBrokenAcrossALineIsNotJoined) {
  for (const std::string text : {"1,090억\n달러", "1,0\n90억달러", "$109\nbillion", "4천\n820만 달러"}) {
    const FigureExtraction x = extract(text);
    for (const Figure& f : x.figures) {
      EXPECT_EQ(f.surface.find('\n'), std::string::npos) << text;
      // `1,090억` alone is a number the line does state; joined with the next line's unit it
      // would be a money figure the text never wrote on one line.
      EXPECT_FALSE(f.unit == "USD" && (f.value == 1.09e11 || f.value == 4.82e7)) << text;
      EXPECT_NE(f.value, 1090.0) << text;
    }
  }
}

TEST(Issue4_BadInput, RandomStringsKeepInvariants) {
  const std::vector<std::string> alphabet = {
      "0", "1", "5", "9", ",", ".", "~", "-", " ", "\n", "%", "$", "€", "억", "만", "조", "천", "백", "달러", "원", "배",
      "명", "개", "한", "두", "세", "여", "약", "이상", "년", "위", "대", "번째", "제", "e", "H", "billion", "mln",
      "pct", "times", "percent", "하나", "삼십", "(", ")", "\xE2\x80\xA6", "\xFF", "\xC0", "\xE3\x81"};
  std::mt19937 rng(4);
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
  std::uniform_int_distribution<int> length(0, 60);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int n = length(rng);
    for (int i = 0; i < n; ++i) text += alphabet[pick(rng)];
    SCOPED_TRACE(text);
    extract(text);
  }
}

// --- Across languages ------------------------------------------------------------------------

TEST(Issue4_SameFigure, KoreanAndEnglishAgree) {
  const FigureExtraction ko = extract("미국의 AI 민간 투자 규모는 1,090억달러로");
  const FigureExtraction en = extract("private AI investment reached $109 billion in 2024");
  ASSERT_EQ(ko.figures.size(), 1u);
  ASSERT_EQ(en.figures.size(), 1u);
  EXPECT_EQ(ko.figures[0].unit, en.figures[0].unit);
  EXPECT_DOUBLE_EQ(ko.figures[0].value, en.figures[0].value);
  EXPECT_EQ(en.figures[0].year, 2024);
}

TEST(Issue4_SameFigure, EnglishBriefsGiveTheSeedFigures) {
  const std::string text = read_file(corpus_dir() / "en" / "ai_investment_gap_brief.md");
  const FigureExtraction x = extract(text);
  int usd_109bn = 0;
  for (const Figure& f : x.figures)
    if (f.unit == "USD" && f.value == 1.09e11) ++usd_109bn;
  EXPECT_EQ(usd_109bn, 2);
}

}  // namespace
}  // namespace kb::test
