// Issue 14: who speaks in Korean news — organisations, described speakers, names with a title
// after them or far from the quote, names glued to a verb, carried-over speakers — and no
// fragment of a sentence ever becomes a person. Every sentence here was written for these tests
// in the shape of Korean news reports; none is copied from a corpus.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analysis/quote_extractor.h"
#include "analysis/speaker_lexicon.h"
#include "support/quote_expectations.h"

namespace kb::test {
namespace {

using analysis::QuoteExtractor;

class Issue14_KoreanSpeakers : public ::testing::TestWithParam<QuoteRow> {};

TEST_P(Issue14_KoreanSpeakers, QuoteTextAndSpeaker) {
  expect_speakers(QuoteExtractor().extract(GetParam().text).quotes, GetParam().quotes);
}

INSTANTIATE_TEST_SUITE_P(
    Rows, Issue14_KoreanSpeakers,
    ::testing::Values(
        // Organisations speak.
        QuoteRow{"joint_chiefs",
                 "합동참모본부는 14일 \"현재까지 북한군의 특이 동향은 없다\"고 밝혔다.",
                 {{"현재까지 북한군의 특이 동향은", "", "", "합동참모본부", ""}}},
        QuoteRow{"ministry_with_country_chain",
                 "대한민국 국방부는 \"경계 태세를 한 단계 높였다\"며 \"추가 도발에 대비하고 있다\"고 말했다.",
                 {{"경계 태세를", "", "", "대한민국 국방부", ""}, {"추가 도발에", "", "", "대한민국 국방부", ""}}},
        QuoteRow{"city_hall",
                 "폭설이 이어지자 서울시는 \"지하철 막차 시간을 한 시간 늦춘다\"고 발표했다.",
                 {{"지하철 막차 시간을", "", "", "서울시", ""}}},
        QuoteRow{"city_hall_with_eseoneun",
                 "서울시에서는 \"노약자는 외출을 삼가 달라\"고 당부했다.",
                 {{"노약자는 외출을", "", "", "서울시", ""}}},
        QuoteRow{"pollster",
                 "리얼미터는 \"여당 지지율이 3주 연속 올랐다\"고 밝혔다.",
                 {{"여당 지지율이", "", "", "리얼미터", ""}}},
        QuoteRow{"broadcaster_after_apposition",
                 "대북 단파 라디오인 자유북한방송은 \"오후 3시부터 접속이 끊겼다\"고 전했다.",
                 {{"오후 3시부터", "", "", "자유북한방송", ""}}},
        QuoteRow{"organisation_carried_to_a_zero_subject",
                 "국세청은 \"피해 납세자의 납부 기한을 늘린다\"고 밝혔다. 이어 \"세무조사도 미룰 것\"이라고 덧붙였다.",
                 {{"피해 납세자의", "", "", "국세청", ""}, {"세무조사도 미룰 것", "", "", "국세청", ""}}},
        QuoteRow{"organisation_carried_from_a_sentence_without_quotes",
                 "환경부는 다음 달부터 실내 환경 진단을 시작한다고 27일 밝혔다. 또한 \"대상 가구를 늘릴 계획\"이라고 "
                 "말했다.",
                 {{"대상 가구를", "", "", "환경부", ""}}},
        // Described speakers: the description, not a person named inside it.
        QuoteRow{"command_official",
                 "유엔군사령부 관계자는 \"송환 일정에 대한 답을 아직 받지 못했다\"고 말했다.",
                 {{"송환 일정에", "", "", "", "유엔군사령부 관계자"}}},
        QuoteRow{"abbreviated_official",
                 "합참 관계자는 \"레이더로 궤적을 추적하고 있다\"고 설명했다.",
                 {{"레이더로 궤적을", "", "", "", "합참 관계자"}}},
        QuoteRow{
            "aide_of_a_named_person",
            "호스니 무바라크 전 대통령은 지난달 입원했다. 무바라크 전 대통령의 한 측근은 \"건강이 많이 나빠졌다\"고 "
            "전했다.",
            {{"건강이 많이", "", "", "", "무바라크 전 대통령의 한 측근"}}},
        QuoteRow{"plural_officials",
                 "사퇴 발표 뒤 대검찰청 간부들은 \"잘 보좌하지 못해 죄송하다\"고 말했다.",
                 {{"잘 보좌하지", "", "", "", "대검찰청 간부들"}}},
        QuoteRow{"side_of_a_person",
                 "정수민 위원장 측은 \"사실과 다른 주장\"이라며 반박했다.",
                 {{"사실과 다른 주장", "", "", "", "정수민 위원장 측"}}},
        // People.
        QuoteRow{"judge_title_after_the_name",
                 "서승렬 판사는 \"피고인의 죄질이 무겁다\"고 밝혔다.",
                 {{"피고인의 죄질이", "서승렬", "", "", ""}}},
        QuoteRow{"name_far_from_the_quote_not_the_city",
                 "김영수 서울시 교통정책과장은 이날 시청에서 열린 브리핑에서 버스 노선 개편안을 설명하며 "
                 "\"출퇴근 시간이 10분 줄어든다\"고 말했다.",
                 {{"출퇴근 시간이", "김영수", "", "", ""}}},
        QuoteRow{"name_glued_to_the_verb_before_it",
                 "처음에 조건부 사퇴를 주장하던한상대 검찰총장은 \"국민께 사죄드린다\"고 말했다.",
                 {{"국민께 사죄드린다", "한상대", "", "", ""}}},
        QuoteRow{"candidate_title_and_surname_back_reference",
                 "새누리당 박수정 대통령 후보자는 기자회견을 열었다. 박 후보는 \"저 역시 아픔을 안다\"고 말했다.",
                 {{"저 역시 아픔을", "박수정", "", "", ""}}},
        QuoteRow{"modifier_between_surname_and_title",
                 "민주당 문영호 전 대표는 입장을 냈다. 문 전 대표는 \"대단히 유감스러운 일\"이라고 말했다.",
                 {{"대단히 유감스러운", "문영호", "", "", ""}}},
        QuoteRow{"title_before_a_transliterated_name",
                 "노동부 장관 알마즈벡 아브또브는 회견을 열었다. 그는 \"기념일을 지정해야 한다\"고 말했다.",
                 {{"기념일을 지정해야", "알마즈벡 아브또브", "", "", ""}}},
        QuoteRow{"one_word_name_before_a_title_phrase",
                 "카다피 국가 원수는 \"끝까지 싸우겠다\"고 밝혔다. 카다피는 이튿날 연설을 했다.",
                 {{"끝까지 싸우겠다", "카다피", "", "", ""}}},
        QuoteRow{"pronoun_skips_an_organisation_to_the_last_person",
                 "박지훈 교수는 \"연구비가 부족하다\"고 말했다. 교육부는 \"예산을 늘리겠다\"고 밝혔다. "
                 "그는 \"현장의 목소리를 들어야 한다\"고 덧붙였다.",
                 {{"연구비가 부족하다", "박지훈", "", "", ""},
                  {"예산을 늘리겠다", "", "", "교육부", ""},
                  {"현장의 목소리를", "박지훈", "", "", ""}}},
        QuoteRow{"relative_clause_subject_is_not_the_speaker",
                 "이대영 부교육감은 \"잘못된 정책은 바로잡겠다\"고 밝혔다. 곽 전 교육감이 추진해온 조직개편과 "
                 "관련해서는 \"원점에서 다시 보겠다\"고 말했다.",
                 {{"잘못된 정책은", "이대영", "", "", ""}, {"원점에서 다시", "이대영", "", "", ""}}},
        QuoteRow{"mark_closed_inside_the_verb",
                 "조동원 본부장은 \"흰색을 바탕으로 했\"으며 \"빨간색은 열정을 상징한다\"고 말했다.",
                 {{"흰색을 바탕으로", "조동원", "", "", ""}, {"빨간색은 열정을", "조동원", "", "", ""}}}));

// No fragment of a sentence becomes a person (`--people` listed these on ko-wikinews).
TEST(Issue14_People, FragmentsAreNotPeople) {
  const std::string text =
      "이날 오전부터 트럼프 대통령은 회의를 열었다. 외신에 따르면 김 위원장은 \"회담을 원한다\"고 말했다. "
      "카니 백악관 대변인은 \"일정은 정해지지 않았다\"고 밝혔다. 처음에 사퇴를 주장하던한상대 총장은 물러났다. "
      "경기 부천병 후보였던 그는 낙선했다. 정의당 관계자는 \"논평하지 않겠다\"고 말했다. "
      "서울시 보행자전거과장은 \"공사를 서두르겠다\"고 밝혔다. 스웨덴 한림원은 \"수상자를 발표한다\"고 밝혔다.";
  const auto result = QuoteExtractor().extract(text);
  for (const auto& person : result.people.people()) {
    SCOPED_TRACE(person.name);
    for (const char* fragment : {"오전부터", "따르면", "백악관", "부천병", "주장하던", "정의당", "서울시", "한림원"})
      EXPECT_EQ(person.name.find(fragment), std::string::npos) << "a fragment became a person: " << person.name;
  }
  bool han = false;
  for (const auto& person : result.people.people()) han = han || person.name == "한상대";
  EXPECT_TRUE(han) << "the name glued to 주장하던 is still a person";
}

// The lexicon is data compiled in: every section the extractor reads is there and non-empty.
TEST(Issue14_Lexicon, CompiledInSectionsAreFilled) {
  const auto& lex = analysis::SpeakerLexicon::korean();
  EXPECT_FALSE(lex.titles.empty());
  EXPECT_FALSE(lex.description_heads.empty());
  EXPECT_FALSE(lex.org_suffixes.empty());
  EXPECT_TRUE(lex.org_names.contains("합참"));
  EXPECT_TRUE(lex.not_subjects.contains("특히"));
  EXPECT_FALSE(lex.name_stop_endings.empty());
  // Longest first, so `수석연구원` wins over `연구원`.
  for (std::size_t i = 1; i < lex.titles.size(); ++i) EXPECT_GE(lex.titles[i - 1].size(), lex.titles[i].size());
}

TEST(Issue14_Lexicon, ParsesSectionsCommentsAndBlankLines) {
  const auto lex = analysis::SpeakerLexicon::parse(
      "# comment\n[titles]\n판사\n\n  검사  \n[org_names]\n합참\r\n[unknown]\n무시\n[description_heads]\n관계자\n");
  EXPECT_EQ(lex.titles.size(), 2U);
  EXPECT_TRUE(lex.org_names.contains("합참"));
  ASSERT_EQ(lex.description_heads.size(), 1U);
  EXPECT_EQ(lex.description_heads[0], "관계자");
}

}  // namespace
}  // namespace kb::test
