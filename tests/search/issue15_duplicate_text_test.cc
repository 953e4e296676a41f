// Issue 15: the search-time fingerprints that recognise copies of a text (duplicate_text.h), and
// the terms --like may expand to (more_like_this.h).
#include <gtest/gtest.h>

#include "duplicate_text.h"
#include "more_like_this.h"

namespace kb::search {
namespace {

struct SameText {
  const char* a;
  const char* b;
};

// Copies as different formats render them: line breaks, spacing, quote marks, bullets, hyphen
// styles, full-width letters and ligatures.
TEST(Issue15_DuplicatesFingerprint, CopiesFoldToOneFingerprint) {
  const SameText rows[] = {
      {"산업통상자원부는 7일 반도체 특별법 시행령이 국무회의를 통과했다고 밝혔다.",
       "산업통상자원부는 7일  '반도체 특별법'\n시행령이 국무회의를 통과했다고 밝혔다"},
      {"“반도체 클러스터”의 전력망과 용수 시설을 국가가 지원하도록 했다.",
       "\"반도체 클러스터\"의 전력망과 용수 시설을 국가가 지원하도록 했다。"},
      {"• AI 인프라: 한국 정부 GPU 1.3만 장 vs 오픈AI H100 GPU 모듈 72만 장",
       "- AI 인프라: 한국 정부 GPU 1.3만 장 vs 오픈AI H100 GPU 모듈 72만 장"},
      {"The Korea–US seminar discussed the financial gap, said the ministry.",
       "The Korea-US seminar discussed the ﬁnancial gap, said the ministry"},
      {"ＧＰＵ clusters need stable power grids and water supply",
       "GPU clusters need stable power grids and water supply"},
  };
  for (const SameText& row : rows) {
    const auto a = text_fingerprint(row.a), b = text_fingerprint(row.b);
    ASSERT_TRUE(a && b) << row.a;
    EXPECT_EQ(a->hash, b->hash) << fold_for_fingerprint(row.a) << " vs " << fold_for_fingerprint(row.b);
    EXPECT_TRUE(a->distinctive) << row.a;
  }
}

TEST(Issue15_DuplicatesFingerprint, DifferentWordsOrShortLinesAreNotCopies) {
  const auto a = text_fingerprint("반도체 수출은 지난달 전년 대비 20% 늘어 열 달 연속 증가했다.");
  const auto b = text_fingerprint("반도체 수출은 지난달 전년 대비 21% 늘어 열 달 연속 증가했다.");
  ASSERT_TRUE(a && b);
  EXPECT_NE(a->hash, b->hash) << "one changed digit is another text";
  const auto heading = text_fingerprint("반도체 산업 동향");
  ASSERT_TRUE(heading);
  EXPECT_FALSE(heading->distinctive) << "a heading alone does not make two documents copies";
  EXPECT_FALSE(text_fingerprint(" — … ·").has_value());
  EXPECT_EQ(fold_for_fingerprint("Hello, World!  안녕\xff하세요"), "helloworld안녕하세요");
}

TEST(Issue15_LikeTerms, WordsAndStemsNotBigramsNumbersOrFilters) {
  EXPECT_TRUE(like_term_wanted("반도체"));
  EXPECT_TRUE(like_term_wanted("수출"));
  EXPECT_TRUE(like_term_wanted("Zsemiconductor"));
  EXPECT_FALSE(like_term_wanted("물")) << "one syllable";
  EXPECT_FALSE(like_term_wanted("semiconductor")) << "the unstemmed word: its stem stands for it";
  EXPECT_FALSE(like_term_wanted("2024"));
  for (const char* term : {"XB반도", "XTpassage", "Lko", "XF/tmp/docs", "XEpdf", "P/tmp/a.txt", "Q0123#4", "XD0123",
                           "XS란돌프", "XUUSD", ""})
    EXPECT_FALSE(like_term_wanted(term)) << term;
}

}  // namespace
}  // namespace kb::search
