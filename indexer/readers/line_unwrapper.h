// Turns the lines of a plain-text file into paragraphs: hard-wrapped lines (wire copy, e-mail,
// plain-text reports printed at a fixed width) are joined, every other line stays as it is.
//
// How it decides, from the file's own lines (each measured in columns: Hangul and other wide
// characters count 2, a tab runs to the next multiple of 8, U+3000 counts 2):
//  * Lines never joined to anything: quoted e-mail lines (`>`); table rows (two runs of 2+
//    spaces between words, not after a sentence end; one such run when the line above or below
//    is a row too; a tab inside; `|` twice; box drawing; mostly digits, unless it ends in `.` or
//    `,` like a sentence's last word `1986.`); headings in capitals of two words or more
//    (`U.K. MONEY MARKET SHORTAGE`); header fields (a block of `Subject: …`, `제목: …` lines, as
//    e-mail headers are). A list item (`1.`, `(1)`, `a)`, `- `, `* `, `•`, `가.`, `①`, `■` …)
//    always opens a paragraph; its own wrapped lines join it when full or in lower case.
//  * A blank line always ends a paragraph. Indentation opens one: the margin is the smallest
//    indentation that at least two plain lines and a tenth of them have; when the file indents
//    first lines (Reuters: four spaces, continuation lines at the margin), every line indented
//    past the margin opens a paragraph, so `    Shr 1.20 dlrs` / `    Net 12.5 mln` stay apart.
//    A paragraph's second line sits at its first line's indentation or left of it, or hangs
//    under a list item's text; later lines at the second's.
//  * The file is *wrapped* when at least two line pairs could be continuations (plain lines, the
//    second not indented past the first) and their first lines end near a common width W (the
//    80th percentile of their end columns, 40 ≤ W ≤ 160): at least 60% are *full* (the next
//    line's first word would not have fitted within W − W/8), at least half do not end a
//    sentence, at least a third of those followed by a Latin letter are followed by a lower-case
//    one (rows of short capitalised lines are not prose), and at most an eighth of the plain
//    lines run past W + W/4 (a paragraph kept on one line). In a wrapped file a line is joined to
//    the next when it is full, or when the next starts in lower case, or when it ends
//    mid-sentence (a comma, a lower-case word, one of those endings) and is at least W/3 wide, or is followed by a
//    digit; not after a line ending in `:`, nor a sign-off (one word alone ending its block after
//    a sentence: `Reuter`, `Kim`). One-paragraph-per-line files (news saved from the web, the seed
//    article) have lines of every length that end sentences: they are not wrapped.
//  * In a file that is not wrapped, a line of three words or more that does not end a sentence
//    is joined to the next only when the next starts in lower case or the line ends in a word
//    nothing can end with (`the`, `of`, `and`, `to` …; Korean particles and connective endings
//    such as `를`, `에서`, `으로`, `는데`, `면서`): a broken sentence.
//  * Joined lines get one space between them, Korean too: Korean text is wrapped at spaces, and
//    a wrongly added space only splits a word the bigram index still matches across. A line
//    ending in a letter and `-` is joined without a space, keeping the hyphen (`British-` +
//    `Soviet` → `British-Soviet`; `inter-` + `national` → `inter-national`): in wire copy most
//    line-end hyphens are real compounds, and the tokenizer splits at hyphens either way. Before
//    `and`, `or`, `to`, `nor` the space stays (`medium-` + `and long-term`).
//
// Known weaknesses: a short first line that continues into a capitalised word (`… agreed to buy`
// / `General Motors …`) stays its own paragraph; fully justified text (padded with runs of
// spaces) reads as a table and keeps its lines; a table whose columns are separated by single
// spaces is only caught when its rows are mostly digits; a line that starts with a number of up
// to three digits and a period (`12. Analysts said`) reads as a list item and opens a
// paragraph; a continuation line indented by one stray space opens a paragraph in a file that
// indents paragraphs; quoted e-mail text keeps one paragraph per line; a Korean line broken
// inside a word gets a space; a file of one sentence per line with paragraphs between blank
// lines keeps one sentence per paragraph (the reader before joined every block); a file with
// fewer than two candidate pairs is judged by its sentences only.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kb {

struct UnwrappedParagraph {
  std::string text;    // the joined lines, indentation and trailing white space removed
  int line_begin = 0;  // 1-based source lines of its first and last line
  int line_end = 0;
};

// What the unwrapper found out about a file, for tests and debugging.
struct LineLayout {
  bool wrapped = false;              // lines are joined by width (see above)
  int width = 0;                     // W, the common end column of continued lines (0: too few to say)
  int margin = 0;                    // the most common indentation of plain lines
  bool indented_paragraphs = false;  // lines indented past the margin open paragraphs
};

class LineUnwrapper {
 public:
  // `lines` are the file's lines without their newline ('\r' and trailing white space allowed);
  // lines[i] is source line i + 1.
  std::vector<UnwrappedParagraph> unwrap(const std::vector<std::string_view>& lines) const;
  LineLayout layout(const std::vector<std::string_view>& lines) const;
};

}  // namespace kb
