// Issue 3: a Hangul query word met inside a longer word of a passage (`면적` in `총면적`,
// `고원` in `티베트고원`) counts for proximity ranking (analysis::is_compound_containing);
// the ranking itself is tested in issue3_ranking_evidence_test.cc.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analysis/analyzer.h"

namespace kb::search {
namespace {

std::vector<std::string> compounds_containing(const std::string& text, const std::string& word) {
  analysis::TextAnalyzer analyzer;
  std::vector<std::string> found;
  for (const analysis::Token& t : analyzer.analyze(text))
    if (analysis::is_compound_containing(t, word)) found.push_back(t.term);
  return found;
}

TEST(Issue3Compounds, OnlyLongHangulWordsAndTheirStems) {
  // Two-syllable words and Latin words are no compounds; the stem is matched, not the surface form.
  EXPECT_EQ(compounds_containing("총면적은 530제곱킬로미터, 총면적 AI분야 금강산 산", "면적"),
            (std::vector<std::string>{"총면적", "총면적"}));
  EXPECT_TRUE(compounds_containing("AI분야 분야", "분야").empty());
  EXPECT_TRUE(compounds_containing("GPU 1.3만 장", "만").empty());
}

TEST(Issue3Compounds, FindsAWordInsideLongerWordsOnly) {
  EXPECT_EQ(compounds_containing("총면적 530제곱킬로미터", "면적"), std::vector<std::string>{"총면적"});
  EXPECT_EQ(compounds_containing("칭짱고원이라 불리는 티베트고원", "고원"),
            (std::vector<std::string>{"칭짱고원", "티베트고원"}));
  // The word itself is an exact match, found through its own positions.
  EXPECT_TRUE(compounds_containing("금강산 금강산은", "금강산").empty());
  EXPECT_TRUE(compounds_containing("금강산", "").empty());
  EXPECT_TRUE(compounds_containing("", "면적").empty());
}

}  // namespace
}  // namespace kb::search
