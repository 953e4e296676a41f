// The quotes stage of the index chain: finds direct quotations of speech in a whole document and
// names their speakers, resolving references across the document.
//
// One pass collects the people the document introduces into a PersonTable (`강석구 대한상의
// 조사본부장`, `션 란돌프(Sean Randolph) … 시니어 디렉터`, `Kang Seok-gu, head of research at …`,
// `Treasury Secretary James Baker`); a second pass walks the sentences in order and attributes
// each quote:
//   Korean  — a quote is speech when a quotative ending is glued to its closing mark (고, 라고,
//             이라고, 며, 면서, 라며, 이라며, …) and no naming verb follows (`"…"이라고 불리는`);
//             `"…"며 "…"고 지적했다` chains two quotes to one speaker. The speaker is the topic of
//             the clause before the quote (full name, surname + title `강 본부장은`, pronoun
//             `그는/그녀는`), else a subject after it (`"…"고 김 교수는 말했다`), else — when the
//             clause has no subject at all — the person the previous sentence was about (`특히
//             "…"고 설명했다`).
//   English — `"…," Randolph said`, `"…," said X, a director at Y`, `"…," he added`, `X said:
//             "…"`, `"…," according to X`, and a quote-only sentence right after an attributed one;
//             a partial quote inside reported speech takes the subject of the nearest reporting
//             verb before it (`Smith said sales "will slip"`, `He repeated that … "…"`), unless
//             every word of it is capitalised (`its "Blue River" brand`: a name).
//   English discourse state (issue 14): `he`/`she` is the subject of the latest sentence that
//             said something unless a person is named after it (`Watanabe said … Miyazawa. "…,"
//             he said` → Watanabe; `A key committee source told Reuters … "…," he said` → the
//             source); `it`/`they`/`one` the organisation or group that spoke last; `the spokesman`
//             the described speaker introduced in full (`A Swiss National Bank spokesman`); short
//             organisation names and `the company` the organisation named in full (`Standard` →
//             `Standard Oil Co`); `"…," but "…" …, Watanabe told Reuters` attributed at the end;
//             `Perry … but said "…"` takes the clause's subject; a two-word name before a speech
//             verb is a person when the text goes on with its surname alone.
//   Korean (issue 14): `신 씨는 … 정 위원장이 … "…"라고 말했다고 주장했다` goes to the subject
//             inside the report; a headline's `리비아 인민해방군, "…"` names its speaker; a name in
//             quote marks (`‘자유북한방송’은`) or before an acronym gloss (`… 재단 (EFF)은`) speaks
//             as an organisation; `카다피 국가 원수는`, `조 바이든 미국 대통령이` are people; a
//             speaker carries over one sentence that has no subject and no quote.
//   Korean spoken sentences standing alone (`"…입니다."`) continue the person the previous
//   sentence was about, or an unnamed speaker after `이렇게 말했다.` / `이런 말을 했다.`.
// A missing closing mark is recovered by the mark pairing (see quote_marks.h); a quote going on
// into the next paragraph keeps each paragraph's part as a quote of its own.
// A quote with none of these is not speech (headlines, titles, scare quotes like `'80배'`). A
// speech quote whose speaker is not named (`업계 관계자는`, `the spokesman said`, a pronoun with no
// person before it) keeps an unknown speaker.
// Korean speakers that are not people (issue 14): an organisation (`국방부는`, `대한민국
// 외교통상부는`, `서울시에서는`, `KT는`) is the speaker's `org`; a described speaker
// (`유엔군사령부 관계자는`, `무바라크 전 대통령의 한 측근은`, `대검찰청 간부들은`, or any other topic
// right before the quote: `시사저널은`) is its `title`; both have no name, and both carry over to
// a following quote with no subject, as a person does. The last topic (은/는) naming a speaker
// wins over a subject (이/가); a subject of a relative clause (`곽 전 교육감이 추진해온`) is
// skipped. The word lists (titles, description heads, organisation suffixes and names, words
// that are never names or subjects) are data: indexer/analysis/data/speaker_lexicon_ko.txt.
//
// Cost is linear in the text: marks are paired in one pass and every quote looks at a bounded
// window around it.
//
// Known weaknesses: Korean names are recognised by a surname list and a following title (or as
// the subject right before a quote), and foreign names in Hangul only through a Latin gloss, a
// title before them (`전문가인 미카 엔즐리는`, `장관 알마즈벡 아브또브는`), a head-of-state title
// after them (`푸틴 대통령`), spelling or a back-reference; names of three or more Hangul words
// (`알리야스 벡 알름쿨로브`) are missed; an organisation is known by its suffix or the lexicon, so
// an unknown one before a quote becomes a description; a quote someone reports that another said
// goes to the other person only when the verb after it says so (`말했다고 주장했다`); English subjects are parsed by
// capitalisation, so an unknown single capitalised word is taken for an organisation; in all-lower-case wire text only
// `role first last` (`finance minister jorge almeida told`) introduces a person; a partial quote after a verb that is
// not a reporting verb (`to avoid "chaos"`) is missed; reported (indirect) speech without quote marks is not extracted.
#pragma once

#include <string_view>
#include <vector>

#include "analysis/person_table.h"
#include "analysis/quote.h"

namespace kb::analysis {

struct QuoteExtraction {
  std::vector<Quote> quotes;  // in text order
  PersonTable people;
};

class QuoteExtractor {
 public:
  // `text`: the document text, paragraphs separated by '\n', valid UTF-8.
  QuoteExtraction extract(std::string_view text) const;
};

}  // namespace kb::analysis
