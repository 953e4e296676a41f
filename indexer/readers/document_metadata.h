// Settles a read document's date and title, the same way whatever its format, after its reader
// has filled what the file declares.
//
// The date, first that applies:
//   1. a publication date the author declared: Markdown front matter, HTML meta (`date_source`
//      front-matter or html-meta, set by the reader);
//   2. a dateline: a date stated in the first 8 paragraphs, on a short line after at most a
//      label, place or agency (`2024.3.5`, `보도시점 | 2024. 6. 21.(금) 11:00`, `(서울=연합뉴스)
//      김하늘 기자 = 2024-03-05`) and followed by nothing that continues a sentence; or opening a
//      paragraph as a wire dateline (`WASHINGTON, March 5, 2024 (Reuters) -`). Not `2008년 8월
//      27일에 열린 …` or `2021년 7월 23일 오후 8시, 일본에서 …`, events in the story, nor a date
//      in a citation line (`"…". 《위키뉴스》, 2020년 4월 23일`); else a line that is only a month
//      (`2022. 1.`);
//   3. a date in the file name (`20240305_보도자료.hwpx`);
//   4. the document properties (DOCX, HWPX, HWP, PDF, XML): the creation date, unless it is a
//      template's — more than a year older than the last-saved date — when the last-saved date is
//      taken. A creation date older than a date the text states never gets here: rule 2 wins.
// Office properties come last because they record when a file was made or converted (a 2008
// template under a 2024 press release, a 2026 PDF export of a 2025 report), while the text and
// the file name say what the document is dated.
//
// The title: a meaningful metadata title (kept as the reader found it); else the first paragraph
// of the first 20 that reads as a title, heading or not (a DOCX's first line in a title style
// is often not marked as a heading, its section headings are): not a table row of several
// cells (a one-cell row counts as its cell), not a label (`보도자료`, `Press release`), not a
// dateline, not a link. Letters spaced out for layout are joined (`입 법 예 고` → `입법예고`).
// Known weaknesses: a template's metadata title that reads like a title (`문 내용`) is kept;
// a paragraph made of `|`-separated parts is taken for a table row; only the first 8 paragraphs
// are searched for a dateline, and a date there that is not the document's (an event's date
// alone on a line) is taken.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "readers/extracted_doc.h"
#include "readers/reader.h"

namespace kb {

// Applies the rules above to `doc` (`path` for its file name; may be empty).
void settle_metadata(ExtractedDoc& doc, std::string_view path);

// reader.read(bytes), then settle_metadata on success: what kb-index and kb-formats run.
ReadResult read_document(const Reader& reader, std::string_view bytes, std::string_view path);

// Rule 2 alone: the dateline of the first paragraphs, ISO, or "".
std::string dateline_date(const std::vector<Paragraph>& paragraphs);

// The title rules alone, over paragraphs (ignores metadata): "" when no paragraph reads as one.
std::string title_from_paragraphs(const std::vector<Paragraph>& paragraphs);

}  // namespace kb
