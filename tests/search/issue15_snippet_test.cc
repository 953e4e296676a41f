// Issue 15: snippets — the passage around its matched words, about N characters, cut at spaces,
// with ellipses, highlights moved into the snippet.
#include <gtest/gtest.h>

#include <string>

#include "snippet.h"

namespace kb::search {
namespace {

std::size_t code_points(const std::string& s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// The byte range of the `nth` occurrence of `word` in `text`.
std::pair<std::uint32_t, std::uint32_t> range_of(const std::string& text, const std::string& word, int nth = 0) {
  std::size_t at = text.find(word);
  while (nth-- > 0) at = text.find(word, at + 1);
  return {static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + word.size())};
}

struct SnippetCase {
  std::string name;
  std::string text;
  std::vector<std::string> matched;  // words highlighted (first occurrence each)
  std::size_t width;
  bool starts_cut, ends_cut;
};

class Issue15_Snippet : public ::testing::TestWithParam<SnippetCase> {};

TEST_P(Issue15_Snippet, AroundTheMatchedWords) {
  const SnippetCase& c = GetParam();
  ByteRanges highlights;
  for (const std::string& w : c.matched) highlights.push_back(range_of(c.text, w));
  std::sort(highlights.begin(), highlights.end());
  const Snippet s = make_snippet(c.text, highlights, c.width);
  EXPECT_LE(code_points(s.text), c.width + 2) << s.text;  // + the two ellipses
  EXPECT_EQ(s.text.starts_with("\xE2\x80\xA6"), c.starts_cut) << s.text;
  EXPECT_EQ(s.text.ends_with("\xE2\x80\xA6"), c.ends_cut) << s.text;
  ASSERT_EQ(s.highlights.size(), c.matched.size()) << s.text;
  for (std::size_t i = 0; i < s.highlights.size(); ++i) {
    const auto [b, e] = s.highlights[i];
    ASSERT_LE(e, s.text.size());
    EXPECT_EQ(s.text.substr(b, e - b), c.text.substr(highlights[i].first, highlights[i].second - highlights[i].first));
  }
  // Cut at a space: the snippet's first and last words are whole words of the text.
  const std::string inner =
      s.text.substr(c.starts_cut ? 3 : 0, s.text.size() - (c.starts_cut ? 3 : 0) - (c.ends_cut ? 3 : 0));
  EXPECT_NE(c.text.find(inner), std::string::npos);
  if (c.starts_cut) {
    EXPECT_EQ(c.text[c.text.find(inner) - 1], ' ') << inner;
  }
}

const std::string kKorean =
    "전 세계의 자본과 인재가 모인 미국 실리콘밸리가 인공지능을 축으로 다시 부상하고 있다. 한국과 미국의 "
    "연구자들은 세미나에서 반도체 공급망과 데이터센터 전력 문제를 논의했다. 정부는 추경을 통해 최신 GPU를 "
    "확보했지만 민간 투자의 규모는 여전히 작다는 지적이 나왔다. 참석자들은 인재 유치와 규제 혁신이 함께 "
    "가야 한다고 강조했다.";
const std::string kEnglish =
    "The seminar opened with a review of venture funding in the region. Speakers compared the scale of private "
    "investment on both sides of the Pacific and the role of universities. Later the panel turned to power grids, "
    "data centres and the supply of advanced chips, which several participants called the real bottleneck for "
    "the next decade.";

INSTANTIATE_TEST_SUITE_P(
    Cases, Issue15_Snippet,
    ::testing::Values(SnippetCase{"short_whole", "실리콘밸리 투자 확대", {"투자"}, 200, false, false},
                      SnippetCase{"korean_middle", kKorean, {"반도체", "데이터센터"}, 40, true, true},
                      SnippetCase{"korean_end", kKorean, {"혁신이"}, 40, true, false},
                      SnippetCase{"english_start", kEnglish, {"seminar"}, 60, false, true},
                      SnippetCase{"english_cluster", kEnglish, {"grids", "chips"}, 80, true, true},
                      SnippetCase{"nothing_matched", kEnglish, {}, 60, false, true}),
    [](const auto& param_info) { return param_info.param.name; });

}  // namespace
}  // namespace kb::search
