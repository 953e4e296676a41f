// Issue 14: who said a quote in English newswire and Korean news — pronouns that go back to the
// last speaking subject, described speakers and organisations named in full before, attributions
// at the end of a sentence, reported speech, headlines, organisation names in quote marks. Every
// sentence here was written for these tests in the shape of wire and news reports; none is copied
// from a corpus.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analysis/quote_extractor.h"
#include "support/quote_expectations.h"

namespace kb::test {
namespace {

using analysis::QuoteExtractor;

class Issue14_EnglishAttribution : public ::testing::TestWithParam<QuoteRow> {};

TEST_P(Issue14_EnglishAttribution, Speakers) {
  expect_speakers(QuoteExtractor().extract(GetParam().text).quotes, GetParam().quotes);
}

INSTANTIATE_TEST_SUITE_P(
    Newswire, Issue14_EnglishAttribution,
    ::testing::Values(
        QuoteRow{"he_is_the_last_speaking_subject_not_the_last_name",
                 "Tom Baker, chairman of Acme Corp, said the next leader would not be Finance Minister Carl Webb. "
                 "Each of the rivals leads a faction. \"It will be somebody else,\" he said.",
                 {{"It will be somebody else", "", "Tom Baker", "", ""}}},
        QuoteRow{"he_is_a_described_speaker",
                 "A key Senate Budget Committee source told Reuters he expected a long fight with President Mark Rowe. "
                 "\"Both sides want the other to take the heat,\" he said.",
                 {{"Both sides want", "", "", "", "A key Senate Budget Committee source"}}},
        QuoteRow{"the_spokesman_is_the_one_introduced_in_full",
                 "A Northland Bank spokesman said the bank had not intervened today. Asked again in the afternoon, the "
                 "spokesman said \"not yet.\"",
                 {{"not yet", "", "", "", "A Northland Bank spokesman"}}},
        QuoteRow{"short_organisation_name_is_the_full_one",
                 "Harbor Steel Co said it will close two mills in May.\n\"The market has not recovered,\" Harbor said.",
                 {{"The market has not recovered", "", "", "Harbor Steel Co", ""}}},
        QuoteRow{"it_under_a_reporting_verb_is_the_organisation",
                 "Delta Mills Inc said it told regulators it would not make \"any further purchases\" of the stock.",
                 {{"any further purchases", "", "", "Delta Mills Inc", ""}}},
        QuoteRow{"attribution_at_the_end_of_a_sentence_opening_with_quotes",
                 "\"He is tough,\" but \"will hang on to the end\" of his term, Ken Mori told Reuters.",
                 {{"He is tough", "", "Ken Mori", "", ""}, {"will hang on to the end", "", "Ken Mori", "", ""}}},
        QuoteRow{"coordinated_but_said_takes_the_clause_subject",
                 "Economist Ann Lee spoke on Monday. Lee gave no figures for the plant but said its cost was "
                 "\"small compared with the gain.\"",
                 {{"small compared with the gain.", "", "Ann Lee", "", ""}}},
        QuoteRow{"second_partial_quote_without_a_verb_keeps_the_speaker",
                 "Ann Lee, an economist at Acme Bank, said rates would follow \"real demand\" and rest on \"historic\" "
                 "levels.",
                 {{"real demand", "", "Ann Lee", "", ""}, {"historic", "", "Ann Lee", "", ""}}},
        QuoteRow{"name_before_a_speech_verb_used_again_by_surname",
                 "Charles Wong told Reuters the accord was extended by a year. \"The new accord is fairer to our "
                 "makers,\" he added.\nWong said exports would hold.",
                 {{"The new accord is fairer", "", "Charles Wong", "", ""}}},
        QuoteRow{"lone_surname_subject_that_he_goes_on_from",
                 "Rates will fall later this year, Slater said. \"If this continues, the Fed can ease at some "
                 "point,\" he said.",
                 {{"If this continues", "", "Slater", "", ""}}},
        QuoteRow{"sentence_word_before_a_name_is_not_part_of_it",
                 "But Robert Giordano, chief economist at Acme Bank, scoffed at the idea. \"It is ridiculous to think "
                 "rates will rise,\" he said.",
                 {{"It is ridiculous", "", "Robert Giordano", "", ""}}},
        QuoteRow{"role_with_of_the_before_the_name",
                 "Chancellor of the Exchequer Nigel Lawson said growth would hold. \"We will achieve it sooner or "
                 "later,\" he said.",
                 {{"We will achieve it", "", "Nigel Lawson", "", ""}}},
        QuoteRow{"one_said_is_one_of_the_group",
                 "Some bankers said the dinar will rise. \"Investors may ask when the dollar will be so cheap "
                 "again,\" one said.",
                 {{"Investors may ask", "", "", "", "Some bankers"}}},
        QuoteRow{"hyphenated_role_before_the_name",
                 "Northland Bank Vice-President Markus Lauber said the loopholes must close. \"It is in the interest "
                 "of all market participants,\" he said.",
                 {{"It is in the interest", "", "Markus Lauber", "", ""}}}));

class Issue14_KoreanAttribution : public ::testing::TestWithParam<QuoteRow> {};

TEST_P(Issue14_KoreanAttribution, Speakers) {
  expect_speakers(QuoteExtractor().extract(GetParam().text).quotes, GetParam().quotes);
}

INSTANTIATE_TEST_SUITE_P(
    News, Issue14_KoreanAttribution,
    ::testing::Values(
        QuoteRow{"transliterated_name_before_a_title_phrase",
                 "연합군이 19일 공습을 시작했다. 카르벤 국가 원수는 이번 공습에 대해 \"침략 행위\"라며 항전 의지를 "
                 "밝혔다.",
                 {{"침략 행위", "카르벤", "", "", ""}}},
        QuoteRow{"quote_reported_as_another_persons_words",
                 "학력 논란의 신영미 씨가 책을 냈다. 신 씨는 책에서 정철수 위원장의 실명을 거론하며 정 위원장이 "
                 "교수직을 제안했고, 신 씨에게 \"늦은 밤에 만나자\"라고 말했다고 주장했다.",
                 {{"늦은 밤에 만나자", "정철수", "", "", ""}}},
        QuoteRow{"speaker_carried_over_one_sentence_without_subject",
                 "이영수 서울시 부교육감은 28일 \"잘못된 정책을 바로잡겠다\"고 밝혔다. 학교에 자율을 주겠다는 "
                 "것이다. 곽 전 교육감이 추진해온 조직개편과 관련해서는 \"개선점을 찾겠다\"고 말했다.",
                 {{"잘못된 정책을", "이영수", "", "", ""}, {"개선점을 찾겠다", "이영수", "", "", ""}}},
        QuoteRow{"organisation_named_in_quote_marks",
                 "대북 방송인 ‘자유한빛방송’은 \"오후 내내 홈페이지 접속이 차단됐다\"고 밝혔다.",
                 {{"오후 내내", "", "", "자유한빛방송", ""}}},
        QuoteRow{"country_between_name_and_title",
                 "조 해리슨 미국 대통령이 7일 \"핵 위험은 최고 수준이다\"라고 말했다. 해리슨은 \"그는 농담하지 "
                 "않았다\"고 덧붙였다.",
                 {{"핵 위험은", "조 해리슨", "", "", ""}, {"그는 농담하지", "조 해리슨", "", "", ""}}},
        QuoteRow{"speech_noun_after_the_quote_makes_it_speech",
                 "김민수 교수는 \"혁신이 먼저다\"라는 말로 강연을 마쳤다.",
                 {{"혁신이 먼저다", "김민수", "", "", ""}}},
        QuoteRow{"definition_is_not_speech",
                 "법안 제2조에서 ‘성적지향’은 \"깊이 이끌릴 수 있는 가능성\"이라고 명시되어 있다.",
                 {}}));

}  // namespace
}  // namespace kb::test
