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
//   Korean spoken sentences standing alone (`"…입니다."`) continue the person the previous
//   sentence was about, or an unnamed speaker after `이렇게 말했다.` / `이런 말을 했다.`.
// A missing closing mark is recovered by the mark pairing (see quote_marks.h); a quote going on
// into the next paragraph keeps each paragraph's part as a quote of its own.
// A quote with none of these is not speech (headlines, titles, scare quotes like `'80배'`). A
// speech quote whose speaker is not named (`업계 관계자는`, `the spokesman said`, a pronoun with no
// person before it) keeps an unknown speaker.
//
// Cost is linear in the text: marks are paired in one pass and every quote looks at a bounded
// window around it.
//
// Known weaknesses: Korean names are recognised by a surname list and a following title, and
// foreign names in Hangul only through a Latin gloss, a title before them (`전문가인 미카 엔즐리는`)
// or a back-reference; English subjects are parsed by capitalisation, so an unknown single
// capitalised word is taken for an organisation; in all-lower-case wire text only `role first
// last` (`finance minister jorge almeida told`) introduces a person;
// a partial quote after a verb that is not a reporting verb (`to avoid "chaos"`) is missed;
// reported (indirect) speech without quote marks is not extracted.
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
