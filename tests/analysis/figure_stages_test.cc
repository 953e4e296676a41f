// Issue 14: the figure stages, each alone — number parsing, Korean numerals, English number
// words and the compiled-in Korean lexicon — below the extractor that drives them.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "analysis/english_numbers.h"
#include "analysis/figure_lexicon.h"
#include "analysis/korean_numerals.h"
#include "analysis/number_parser.h"

namespace kb::test {
namespace {

using namespace analysis::figures;

SentenceText whole(std::string_view text) { return SentenceText(text, 0, static_cast<Pos>(text.size())); }

struct AmountRow {
  std::string text;
  double value;
  std::size_t length;  // bytes read
};

void PrintTo(const AmountRow& r, std::ostream* os) { *os << r.text; }

class Issue14_FigureStagesAmount : public ::testing::TestWithParam<AmountRow> {};

TEST_P(Issue14_FigureStagesAmount, Reads) {
  const AmountRow& r = GetParam();
  const NumberRead n = read_korean_amount(whole(r.text), 0);
  ASSERT_TRUE(n.amount.has_value());
  EXPECT_DOUBLE_EQ(n.amount->value, r.value);
  EXPECT_EQ(n.amount->end, r.length);
}

INSTANTIATE_TEST_SUITE_P(Korean, Issue14_FigureStagesAmount,
                         ::testing::Values(AmountRow{"4천 820만 달러", 4.82e7, 11}, AmountRow{"1.3만장", 1.3e4, 6},
                                           AmountRow{"1,090억달러", 1.09e11, 8}, AmountRow{"667만5천원", 6.675e6, 10},
                                           AmountRow{"3억5천203만", 3.5203e8, 14}, AmountRow{"１２만", 1.2e5, 9},
                                           AmountRow{"25.4억", 2.54e9, 7}));

TEST(Issue14_FigureStages, RefusedNumbersSayWhereTheJunkEnds) {
  const std::string text = "1,2,3,4 다음";
  const NumberRead list = read_plain_number(whole(text), 0);
  EXPECT_FALSE(list.amount.has_value());
  EXPECT_EQ(list.junk_end, 7u);
  const std::string digits(3000, '9');
  const NumberRead huge = read_plain_number(whole(digits), 0);
  EXPECT_FALSE(huge.amount.has_value());
  EXPECT_EQ(huge.junk_end, digits.size());
  EXPECT_FALSE(read_plain_number(whole("1.2.3"), 0).amount.has_value());
}

TEST(Issue14_FigureStages, Fractions) {
  const std::string text = "4분의 1";
  const SentenceText s = whole(text);
  const NumberRead den = read_korean_amount(s, 0);
  ASSERT_TRUE(den.amount.has_value());
  const auto f = read_fraction(s, *den.amount);
  ASSERT_TRUE(f.has_value());
  EXPECT_DOUBLE_EQ(f->value, 0.25);
  EXPECT_EQ(f->end, text.size());

  const std::string zero = "0분의 1";
  const auto z = read_fraction(whole(zero), *read_korean_amount(whole(zero), 0).amount);
  ASSERT_TRUE(z.has_value());
  EXPECT_TRUE(z->zero_denominator);

  for (const char* no : {"4분", "4분의", "4분의 ", "4분의 일"}) {
    const std::string t = no;
    EXPECT_FALSE(read_fraction(whole(t), *read_korean_amount(whole(t), 0).amount).has_value()) << t;
  }
}

TEST(Issue14_FigureStages, Signs) {
  struct Row {
    std::string text;
    double factor;
    Pos number;
  };
  for (const Row& r : {Row{"△25", -1, 3}, Row{"△ 25", -1, 4}, Row{"▲3", 1, 3}, Row{"▽1", -1, 3}, Row{"▼1", -1, 3},
                       Row{"+3", 1, 1}, Row{"-3", -1, 1}, Row{"−3", -1, 3}}) {
    const auto sign = read_sign(whole(r.text), 0);
    ASSERT_TRUE(sign.has_value()) << r.text;
    EXPECT_EQ(sign->factor, r.factor) << r.text;
    EXPECT_EQ(sign->number, r.number) << r.text;
  }
  for (const char* no : {"△", "△ 억", "+ 3", "- 3", "+", "▲▲3", "x3"})
    EXPECT_FALSE(read_sign(whole(no), 0).has_value()) << no;
}

TEST(Issue14_FigureStages, SinoKoreanNumerals) {
  const auto n = parse_sino_numeral("삼십억");
  ASSERT_TRUE(n.has_value());
  EXPECT_DOUBLE_EQ(n->value, 3e9);
  EXPECT_EQ(n->syllables, 3);
  EXPECT_TRUE(n->small_magnitude && n->big_magnitude);
  EXPECT_DOUBLE_EQ(parse_sino_numeral("이천오백만")->value, 2.5e7);
  EXPECT_FALSE(parse_sino_numeral("조사").has_value());  // a magnitude first is a word
  EXPECT_FALSE(parse_sino_numeral("일").has_value());
  EXPECT_TRUE(may_start_numeral(U'세'));
  EXPECT_FALSE(may_start_numeral(U'가'));
}

TEST(Issue14_FigureStages, EnglishNumberWords) {
  struct Row {
    std::string text;
    double value;
    Pos end;
  };
  for (const Row& r : {Row{"four billion", 4, 4}, Row{"Twenty-five people", 25, 11}, Row{"two hundred", 200, 11},
                       Row{"a dozen", 0, 0}, Row{"dozen eggs", 12, 5}, Row{"ninety-nine", 99, 11}}) {
    const auto n = read_english_number(whole(r.text), 0);
    if (r.end == 0) {
      EXPECT_FALSE(n.has_value()) << r.text;
      continue;
    }
    ASSERT_TRUE(n.has_value()) << r.text;
    EXPECT_EQ(n->value, r.value) << r.text;
    EXPECT_EQ(n->end, r.end) << r.text;
  }
  for (const char* no : {"someone", "often", "tone", "twentyfive", "fourth", ""})
    EXPECT_FALSE(read_english_number(whole(no), 0).has_value()) << no;
}

TEST(Issue14_FigureStages, EnglishWordsAfterANumberWord) {
  for (const char* w : {"people", "passengers", "feet", "germans", "brigades"}) EXPECT_TRUE(is_plural_noun(w)) << w;
  for (const char* w : {"various", "this", "was", "news", "class", "of", "a"}) EXPECT_FALSE(is_plural_noun(w)) << w;
  for (const char* w : {"billion", "mln", "dlrs", "cents", "percent", "miles"})
    EXPECT_TRUE(is_english_unit_or_scale(w)) << w;
  EXPECT_FALSE(is_english_unit_or_scale("people"));
  EXPECT_EQ(lower_word("Sept"), "sept");
}

TEST(Issue14_FigureStages, KoreanLexiconIsCompiledIn) {
  const KoreanFigureWords& words = korean_figure_words();
  auto has = [](auto list, std::string_view w) { return std::find(list.begin(), list.end(), w) != list.end(); };
  EXPECT_TRUE(has(words.counters, "명"));
  EXPECT_TRUE(has(words.counters, "개국"));
  EXPECT_TRUE(has(words.glued_native_counters, "마리"));
  EXPECT_TRUE(has(words.ordinal_nouns, "호기"));
  EXPECT_TRUE(has(words.ordinal_nouns, "심"));
  EXPECT_FALSE(has(words.counters, "정"));  // `5 정도` is about five, not five pistols
  for (std::string_view w : words.counters) EXPECT_FALSE(w.empty() || w.front() == '#');
}

}  // namespace
}  // namespace kb::test
