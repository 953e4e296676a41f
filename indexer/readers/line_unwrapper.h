// Turns the lines of a plain-text file into paragraphs: hard-wrapped lines (wire copy, e-mail,
// plain-text reports printed at a fixed width) are joined, every other line stays as it is.
//
// How it decides, from the file's own lines (each line is measured in columns: Hangul and other
// wide characters count 2, a tab runs to the next multiple of 8):
//  * Lines that are never joined to anything: quoted e-mail lines (`>`), table rows (two runs of
//    2+ spaces between words, one run of 3+, a tab inside, `|` twice, box-drawing characters, or
//    mostly digits), headings in capitals (`U.K. MONEY MARKET SHORTAGE`), header fields (a block
//    of `Subject: …`, `제목: …` lines, as e-mail headers are). A list item (`1.`, `(1)`, `a)`, `-`, `*`, `•`,
//    `가.`, `①`, `■` …) always opens a paragraph; its own wrapped lines may join it.
//  * A blank line always ends a paragraph. Indentation opens one: when the file indents first
//    lines (Reuters: four spaces, continuation lines at the margin), every line indented past
//    the margin opens a paragraph, so `    Shr 1.20 dlrs` / `    Net 12.5 mln` stay apart.
//  * The file is *wrapped* when at least two line pairs could be continuations (plain lines, the
//    second not indented past the first) and their first lines end near a common width W (the
//    80th percentile of their end columns, 40 ≤ W ≤ 160): at least 60% end within W/8 of it
//    once the next line's first word is added, and at least half do not end a sentence. In a
//    wrapped file a line is joined to the next when the next word would not have fitted on it
//    ("full"), or, for a shorter line, when the next line starts in lower case, or when the line
//    ends mid-sentence (a comma, a lower-case word) and is at least W/3 wide, or is followed by a
//    digit. One-paragraph-per-line files (news saved from the web, the seed article) have
//    lines of every length that end sentences, so they are not wrapped and keep their lines.
//  * In a file that is not wrapped, a line of 40+ columns that does not end a sentence is still
//    joined to a next line that starts with a lower-case Latin letter (a broken sentence).
//  * Joined lines get one space between them, Korean too: Korean text is wrapped at spaces, and
//    a wrongly added space only splits a word the bigram index still matches across. A line
//    ending in a letter and `-` is joined without a space, keeping the hyphen (`British-` +
//    `Soviet` → `British-Soviet`; `inter-` + `national` → `inter-national`): in wire copy most
//    line-end hyphens are real compounds, and the tokenizer splits at hyphens either way. Before
//    `and`, `or`, `to` the space stays (`medium-` + `and long-term`).
//
// Known weaknesses: a short first line that continues into a capitalised word (`… agreed to buy`
// / `General Motors …`) stays its own paragraph; fully justified text (padded with runs of
// spaces) reads as a table and keeps its lines; a table whose columns are separated by single
// spaces is only caught when its rows are mostly digits; a line that starts with a number of up
// to three digits and a period (`12. Analysts said`) reads as a list item and opens a
// paragraph; quoted e-mail text keeps one paragraph per line; a Korean line broken inside a word
// gets a space; files whose lines are one sentence each, paragraphs separated by blank lines,
// keep one sentence per paragraph.
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
