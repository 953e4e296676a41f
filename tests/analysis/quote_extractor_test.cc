// Issue 5: quoted speakers, resolved across the document, in Korean and English.
#include <gtest/gtest.h>

#include <chrono>
#include <random>
#include <fstream>
#include <sstream>

#include "analysis/document_analyzer.h"
#include "analysis/quote_extractor.h"
#include "analysis/quote_marks.h"
#include "support/test_support.h"

namespace kb::test {
namespace {

using analysis::Quote;
using analysis::QuoteExtractor;

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// One expected quote: how its text starts and who said it ("" = unknown speaker).
struct Expected {
  std::string starts_with;
  std::string name;
  std::string name_en;
};

void expect_quotes(const std::vector<Quote>& quotes, const std::vector<Expected>& expected) {
  ASSERT_EQ(quotes.size(), expected.size()) << [&] {
    std::string all;
    for (const auto& q : quotes) all += "\n  " + q.speaker.name + "|" + q.speaker.name_en + ": " + q.text;
    return all;
  }();
  for (std::size_t i = 0; i < expected.size(); ++i) {
    SCOPED_TRACE("quote " + std::to_string(i) + ": " + quotes[i].text);
    EXPECT_TRUE(quotes[i].text.starts_with(expected[i].starts_with)) << "expected to start with " << expected[i].starts_with;
    EXPECT_EQ(quotes[i].speaker.name, expected[i].name);
    EXPECT_EQ(quotes[i].speaker.name_en, expected[i].name_en);
  }
}

const std::vector<Expected> kSeedQuotes = {
    {"2024년 전 세계 벤처투자금 중", "션 란돌프", "Sean Randolph"},         // named
    {"미국 내 AI 투자금의 76%가", "션 란돌프", "Sean Randolph"},            // zero subject
    {"북미 지역 AI 스타트업 투자 건수는", "션 란돌프", "Sean Randolph"},    // 란돌프 디렉터는, closed by ”
    {"AI를 기반으로 샌프란시스코가", "션 란돌프", "Sean Randolph"},         // same sentence
    {"AI 투자는 기술 발전뿐 아니라", "션 란돌프", "Sean Randolph"},         // 그는
    {"실리콘밸리는 막대한 자본력을", "강석구", ""},
    {"한국형 AI 유니콘을", "강석구", ""},
    {"한국은 AI 기술력과 인재 면에서", "강석구", ""},                       // 강 본부장은
    {"규제 혁신 없이는", "강석구", ""},
    {"미국, 중국, 프랑스 등 주요국은", "정준화", ""},
    {"한국 정부가 최근 추경을 통해", "정준화", ""},                         // 그는
    {"AI 인프라 투자에서", "정준화", ""},
    {"정부 중심의 정책 추진만으로는", "정준화", ""},                        // 정 조사관은, "…”
    {"민관 협력, 규제 혁신,", "정준화", ""},                                // “…"
    {"AI는 국가 경쟁력의 핵심 산업으로", "이규엽", ""},
};

TEST(Issue5_Quotes, SeedArticleHasFifteenQuotesWithTheirSpeakers) {
  const std::string text = read_file(corpus_dir() / "seed" / "korea_us_ai_seminar.txt");
  ASSERT_FALSE(text.empty());
  const auto result = QuoteExtractor().extract(text);
  expect_quotes(result.quotes, kSeedQuotes);
  for (const Quote& q : result.quotes) {
    // Not speech: the heading, the scare quote and the seminar title.
    EXPECT_EQ(q.text.find("GPU 1.3만장 vs 72만장"), std::string::npos);
    EXPECT_NE(q.text, "80배");
    EXPECT_EQ(q.text.find("혁신생태계 및 AI 미래전략"), std::string::npos);
    // Offsets point at the quoted words.
    EXPECT_EQ(text.substr(q.begin, q.end - q.begin), q.text);
  }
}

TEST(Issue5_Quotes, SeedArticleSpeakersCarryTitleAndOrganisation) {
  const auto result = QuoteExtractor().extract(read_file(corpus_dir() / "seed" / "korea_us_ai_seminar.txt"));
  ASSERT_EQ(result.quotes.size(), 15u);
  EXPECT_EQ(result.quotes[0].speaker.title, "시니어 디렉터");
  EXPECT_EQ(result.quotes[0].speaker.org, "베이 카운슬 이코노믹 인스티튜트");
  EXPECT_EQ(result.quotes[5].speaker.title, "조사본부장");
  EXPECT_EQ(result.quotes[5].speaker.org, "대한상의");
  EXPECT_EQ(result.quotes[9].speaker.title, "입법조사관");
  EXPECT_EQ(result.quotes[9].speaker.org, "국회입법조사처");
  EXPECT_EQ(result.quotes[14].speaker.title, "박사");
  EXPECT_EQ(result.quotes[14].speaker.org, "대외경제정책연구원");
  // The person table knows 대한상의 stands for 대한상공회의소.
  bool alias = false;
  for (const auto& p : result.people.people())
    if (p.name == "강석구")
      for (const auto& a : p.org_aliases) alias = alias || a == "대한상공회의소";
  EXPECT_TRUE(alias);
}

TEST(Issue5_Quotes, DocumentAnalyzerAttachesQuotesToTheirPassages) {
  const std::string text = read_file(corpus_dir() / "seed" / "korea_us_ai_seminar.txt");
  ExtractedDoc doc;
  for (const std::string& line : split_lines(text)) doc.paragraphs.push_back(Paragraph{line});
  analysis::DocumentAnalyzer analyzer;
  const auto analyzed = analyzer.analyze(doc);
  std::size_t total = 0;
  for (const auto& passage : analyzed.passages) {
    for (const Quote& q : passage.quotes) {
      ++total;
      EXPECT_EQ(passage.text.substr(q.begin, q.end - q.begin), q.text);
    }
  }
  EXPECT_EQ(total, 15u);
}

struct BriefCase {
  std::string file;
  std::vector<Expected> quotes;
};

class EnglishBriefs : public ::testing::TestWithParam<BriefCase> {};

TEST_P(EnglishBriefs, QuotesAndSpeakers) {
  const auto result = QuoteExtractor().extract(read_file(corpus_dir() / GetParam().file));
  expect_quotes(result.quotes, GetParam().quotes);
}

INSTANTIATE_TEST_SUITE_P(
    Issue5, EnglishBriefs,
    ::testing::Values(
        // `"…," Randolph said.`, `"…," he added.`, `"…," said Kang Seok-gu, head of research at …`,
        // `"…," he said.` after `Kang was careful …`; `"Korea–US … Strategy," a seminar` is a title.
        BriefCase{"en/ai_investment_gap_brief.md",
                  {{"Inside the United States, 76%", "", "Sean Randolph"},
                   {"On the strength of AI", "", "Sean Randolph"},
                   {"Silicon Valley has become", "", "Kang Seok-gu"},
                   {"Korea is by no means behind", "", "Kang Seok-gu"}}},
        // `"…," Jung said.` twice, then a quote-only sentence continuing the second.
        BriefCase{"en/gpu_infrastructure_brief.txt",
                  {{"When it comes to investment", "", "Jung Jun-hwa"},
                   {"Government-led policy alone", "", "Jung Jun-hwa"},
                   {"What we need is", "", "Jung Jun-hwa"}}},
        // `"…," Lee said.`; the seminar title in `titled "…"` is not speech; `Sean Randolph (션 란돌프)`.
        BriefCase{"en/seminar_policy_proposals.md", {{"AI is a core industry", "", "Lee Kyu-yeop"}}},
        BriefCase{"ko/ai_투자_격차_브리프.md",
                  {{"미국 AI 투자금의 76%가", "션 란돌프", "Sean Randolph"},
                   {"샌프란시스코가 AI를 토대로", "션 란돌프", "Sean Randolph"},  // zero subject: 이어 “…”
                   {"한국형 AI 유니콘을", "강석구", ""},
                   {"한국은 AI 기술력과", "강석구", ""},  // 그는
                   {"문제는 대규모 투자를", "강석구", ""},
                   {"정부 중심의 정책만으로는", "정준화", ""}}}));

TEST(Issue5_Quotes, EnglishAppositiveGivesTitleAndOrganisation) {
  const auto result = QuoteExtractor().extract(read_file(corpus_dir() / "en" / "ai_investment_gap_brief.md"));
  ASSERT_EQ(result.quotes.size(), 4u);
  EXPECT_EQ(result.quotes[2].speaker.title, "head of research");
  EXPECT_EQ(result.quotes[2].speaker.org, "Korea Chamber of Commerce and Industry");
  EXPECT_EQ(result.quotes[0].speaker.title, "senior director");
}

TEST(Issue5_Quotes, LatinGlossAfterAnEnglishNameLinksTheHangulName) {
  const auto result = QuoteExtractor().extract(read_file(corpus_dir() / "en" / "seminar_policy_proposals.md"));
  bool linked = false;
  for (const auto& p : result.people.people()) linked = linked || (p.name_en == "Sean Randolph" && p.name == "션 란돌프");
  EXPECT_TRUE(linked);
}

// Small phenomena, one row each. Speaker "" = unknown; an empty list = no speech quote.
struct Row {
  std::string name;
  std::string text;
  std::vector<Expected> quotes;
};
void PrintTo(const Row& r, std::ostream* os) { *os << r.name; }

class QuoteRows : public ::testing::TestWithParam<Row> {};

TEST_P(QuoteRows, Extracts) { expect_quotes(QuoteExtractor().extract(GetParam().text).quotes, GetParam().quotes); }

INSTANTIATE_TEST_SUITE_P(
    Issue5, QuoteRows,
    ::testing::Values(
        Row{"unnamed_speaker_kept_unknown", "업계 관계자는 \"내년에도 투자가 늘 것\"이라고 말했다.",
            {{"내년에도 투자가 늘 것", "", ""}}},
        Row{"pronoun_without_antecedent_is_unknown", "그는 \"시장이 곧 회복된다\"고 말했다.",
            {{"시장이 곧 회복된다", "", ""}}},
        Row{"zero_subject_without_previous_speaker_is_unknown", "특히 \"규제가 문제\"라고 강조했다.",
            {{"규제가 문제", "", ""}}},
        Row{"speech_verb_without_quote", "김철수 교수는 규제가 문제라고 말했다.", {}},
        Row{"naming_is_not_speech", "이른바 \"AI 강국\"이라고 불리는 나라들이 있다.", {}},
        Row{"scare_quote_single", "투자 격차 '80배'\n한국은 '기술 발전'에 그치지 않는다.", {}},
        Row{"single_quotes_used_for_speech", "김철수 교수는 '혁신이 먼저다'라고 말했다.",
            {{"혁신이 먼저다", "김철수", ""}}},
        Row{"subject_after_quote", "\"투자가 절실하다\"고 김철수 교수는 말했다.", {{"투자가 절실하다", "김철수", ""}}},
        Row{"surname_title_backreference", "김철수 서울대 교수가 발표했다. 김 교수는 \"데이터가 핵심\"이라고 밝혔다.",
            {{"데이터가 핵심", "김철수", ""}}},
        Row{"unclosed_quote", "김철수 교수는 \"끝나지 않는 인용", {}},
        Row{"quote_across_paragraphs", "김철수 교수는 \"첫 문단\n둘째 문단\"고 말했다.", {}},
        Row{"nested_quotes", "김철수 교수는 \"그가 “안 된다”고 했다\"고 말했다.", {{"그가 “안 된다”고 했다", "김철수", ""}}},
        Row{"english_unnamed", "\"Prices will rise,\" a company spokesman said.", {{"Prices will rise", "", ""}}},
        Row{"english_he_without_antecedent", "\"We will win,\" he said.", {{"We will win", "", ""}}},
        Row{"english_said_colon", "Treasury Secretary James Baker said: \"The dollar is stable.\"",
            {{"The dollar is stable.", "", "James Baker"}}},
        Row{"english_according_to", "\"Growth will slow,\" according to Mary Jones, chief economist at Acme Bank.",
            {{"Growth will slow", "", "Mary Jones"}}},
        Row{"english_according_to_without_quote", "Deals rose, according to the figures Randolph presented.", {}},
        Row{"english_title_is_not_speech", "The report, titled \"A New Era for Chips,\" was published.", {}},
        // Issue 5 follow-up: partial quotes, missing closing marks, quotes over paragraphs,
        // Korean spoken sentences standing alone.
        Row{"Issue5_english_partial_quote_in_reported_speech",
            "Acme Corp chairman Tom Baker said on Tuesday that sales \"will probably slip a little\" this spring.",
            {{"will probably slip a little", "", "Tom Baker"}}},
        Row{"Issue5_english_partial_quote_after_pronoun",
            "Tom Baker, chairman of Acme Corp, spoke on Tuesday. He said the plan was \"a good start\" for the firm.",
            {{"a good start", "", "Tom Baker"}}},
        Row{"Issue5_english_partial_quote_without_subject_is_unknown",
            "Orders, the report said, \"continue at a steady pace.\"", {{"continue at a steady pace.", "", ""}}},
        Row{"Issue5_english_brand_name_is_not_a_partial_quote",
            "The firm said it will sell its \"Blue River\" brand next year.", {}},
        Row{"Issue5_english_slogan_title_is_not_a_partial_quote",
            "The company said sales of its new book \"The Spirit of Acme\" rose in May.", {}},
        Row{"Issue5_english_scare_quote_without_reporting_verb", "Farmers took the \"bonus\" payment in March.", {}},
        Row{"Issue5_english_missing_close_cut_at_attribution",
            "\"Demand is weak, said Ann Lee, an economist at Acme Bank. \"We expect a slow year.\"",
            {{"Demand is weak", "", "Ann Lee"}, {"We expect a slow year.", "", "Ann Lee"}}},
        Row{"Issue5_english_missing_close_before_and_clause_is_dropped",
            "\"Spending will be near 40 mln dlrs, and the company said it will hire staff.", {}},
        Row{"Issue5_english_quote_continued_in_next_paragraph",
            "Ann Lee, an economist at Acme Bank, said: \"Demand is weak this quarter.\n\"We expect a slow year,\" she said.",
            {{"Demand is weak this quarter.", "", "Ann Lee"}, {"We expect a slow year", "", "Ann Lee"}}},
        Row{"Issue5_korean_unclosed_mark_does_not_spoil_the_rest",
            "김철수 교수는 \"규제를 풀겠다고 말했다. 이영희 박사는 \"투자가 먼저\"라고 말했다.",
            {{"투자가 먼저", "이영희", ""}}},
        Row{"Issue5_korean_spoken_sentence_after_announcing_sentence",
            "한 연구원은 이렇게 말했다. \"실험은 어렵지만 끝까지 해야 합니다.\"", {{"실험은 어렵지만", "", ""}}},
        Row{"Issue5_korean_spoken_sentence_after_its_speaker",
            "김철수 교수는 끈기를 믿는다. \"연구는 결국 버티는 일입니다.\"", {{"연구는 결국 버티는 일입니다.", "김철수", ""}}},
        Row{"Issue5_korean_headline_alone_is_not_speech", "김철수 교수는 끈기를 믿는다. \"연구는 버티는 일\"", {}},
        Row{"Issue5_korean_title_before_foreign_name",
            "로봇 공학 전문가인 토마스 베커는 이렇게 말한다. \"기계는 사람을 돕는 도구입니다.\"",
            {{"기계는 사람을 돕는 도구입니다.", "토마스 베커", ""}}},
        Row{"Issue5_korean_also_after_title_marks_the_subject",
            "박영수 한빛전자 부사장 역시 \"시장이 커지고 있다\"며 힘을 보탰다.", {{"시장이 커지고 있다", "박영수", ""}}},
        Row{"Issue5_korean_sentence_glued_after_closing_mark",
            "김철수 교수는 끈기를 믿는다. \"연구는 결국 버티는 일입니다.\"논쟁은 길어졌다.",
            {{"연구는 결국 버티는 일입니다.", "김철수", ""}}},
        Row{"Issue5_korean_period_before_glued_quotative_ending",
            "김철수 교수는 \"연구는 버티는 일입니다.\"라고 말했다.", {{"연구는 버티는 일입니다.", "김철수", ""}}},
        Row{"Issue5_korean_connective_verb_is_not_a_name",
            "행사에는 최민수 한빛연구원 소장이 참석했다. 연구팀을 이끌며 아시아 소장을 맡은 그는 \"협력이 답\"이라고 말했다.",
            {{"협력이 답", "최민수", ""}}},
        Row{"Issue5_english_possessive_organisation_before_surname",
            "Economist Ann Lee of Acme Research Inc spoke on Monday. \"Rates will hold,\" Acme Research' Lee said.",
            {{"Rates will hold", "", "Ann Lee"}}},
        Row{"Issue5_english_initials_organisation_then_role_and_name",
            "\"Costs will fall,\" said J.K. Rowan Group analyst Mark Stone.", {{"Costs will fall", "", "Mark Stone"}}},
        Row{"Issue5_english_company_word_before_role_is_not_a_person",
            "Sole manager Tom Acme priced the notes. An Acme officer explained the rate. \"The rate floats,\" he said.",
            {{"The rate floats", "", ""}}},
        Row{"Issue5_english_lower_case_wire_names_its_speaker",
            "the central bank is seeking a flexible attitude from its creditor banks in current talks to reschedule "
            "its foreign debt, finance minister jorge almeida told a press conference in the capital on friday.\n"
            "\"the talks are going well,\" almeida said.\n"
            "he said the country would pay its debt principal this year as planned, and that the banks had shown "
            "understanding of the position of the government in recent weeks.",
            {{"the talks are going well", "", "jorge almeida"}}},
        Row{"english_two_quotes_one_sentence", "\"It is early,\" said John Smith, an analyst at Acme, \"but promising.\"",
            {{"It is early", "", "John Smith"}, {"but promising.", "", "John Smith"}}}));

TEST(Issue5_QuoteMarks, MismatchedMarksPair) {
  const std::string text = "A \"one” B “two\" C";
  const auto spans = analysis::find_quote_spans(text);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(text.substr(spans[0].text_begin, spans[0].text_end - spans[0].text_begin), "one");
  EXPECT_EQ(text.substr(spans[1].text_begin, spans[1].text_end - spans[1].text_begin), "two");
}

TEST(Issue5_QuoteMarks, MissingClosingMarkIsRecovered) {
  struct Case {
    std::string text;
    bool next_paragraph_quotes;
    std::vector<std::string> spans;  // quoted text of each span, in order
  };
  const std::vector<Case> cases = {
      // cut before the attribution, then the next quote pairs on its own
      {"\"Sales are flat, said Ann Lee. \"We wait.\"", false, {"Sales are flat", "We wait."}},
      // a stray opener with marks after it: the later marks pair without it
      {"A \"stray. B \"one\" C \"two\" D", false, {"one", "two"}},
      // the last mark, the quote going on in the next paragraph
      {"He said: \"It is early days", true, {"It is early days"}},
      // the last mark, a short sentence to the paragraph end
      {"He said: \"It is early days.", false, {"It is early days."}},
      // the last mark, no sentence end and no continuation: dropped
      {"He said: \"It is early days", false, {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    const auto spans = analysis::find_quote_spans(c.text, 0, c.next_paragraph_quotes);
    ASSERT_EQ(spans.size(), c.spans.size());
    for (std::size_t i = 0; i < spans.size(); ++i)
      EXPECT_EQ(c.text.substr(spans[i].text_begin, spans[i].text_end - spans[i].text_begin), c.spans[i]);
  }
}

TEST(Issue5_BadInput, TenThousandQuoteMarksStayLinear) {
  std::string text = "김철수 교수는 ";
  for (int i = 0; i < 10000; ++i) text += (i % 3 == 0) ? "\"" : (i % 3 == 1 ? "가\"고 " : "“");
  const auto start = std::chrono::steady_clock::now();
  const auto result = QuoteExtractor().extract(text);
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
  std::cout << "10,000 quote marks: " << result.quotes.size() << " quotes in " << ms.count() << " ms\n";
  for (const Quote& q : result.quotes) {
    EXPECT_LE(q.end, text.size());
    EXPECT_TRUE(q.speaker.name.empty() || q.speaker.name == "김철수");
  }
}

TEST(Issue5_BadInput, RandomBytesNeverCrash) {
  std::mt19937 rng(5);
  const std::vector<std::string> pieces = {"\"", "“", "”", "'", "‘", "’", "고 ", "며 ", "라고 ", "김철수 ", "교수는 ",
                                           "그는 ", "said ", "he ", ", ", ". ", "\n", "Smith ", "(", ")", "말했다"};
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const int n = static_cast<int>(rng() % 60);
    for (int i = 0; i < n; ++i) text += pieces[rng() % pieces.size()];
    const auto result = QuoteExtractor().extract(text);
    for (const Quote& q : result.quotes) {
      EXPECT_LE(q.begin, q.end);
      EXPECT_LE(q.end, text.size());
    }
  }
}

}  // namespace
}  // namespace kb::test
