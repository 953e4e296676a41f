// DOCX (Office Open XML) through libzip + pugixml. Reads word/document.xml in order:
//   * each w:p is a paragraph (runs, tabs and breaks joined); a paragraph is a heading when its
//     style (word/styles.xml) is named "heading N" or "Title", or it has an outline level;
//   * each table row is one paragraph, cells joined by " | " (a nested table's text joins its cell);
//   * text boxes (w:txbxContent) become paragraphs after the one that anchors them; of an
//     mc:AlternateContent only the mc:Choice is read, never the mc:Fallback copy, so a text box
//     is not indexed twice;
//   * tracked deletions (w:del, w:delText, w:moveFrom) and field codes (w:instrText) are not text;
//     tracked insertions are; the results of page-number fields (PAGE, NUMPAGES, SECTIONPAGES,
//     SECTION, PAGEREF; complex or w:fldSimple) are not text either;
//   * after the body: footnotes, then endnotes (the parts document.xml.rels names, else
//     word/footnotes.xml and word/endnotes.xml), without Word's separator and continuation
//     notes (w:type set, ids -1 and 0); then the header and footer parts the relationships name,
//     headers first, each paragraph text once (first/even/default headers usually repeat it) and
//     none of only spaces and punctuation ("- -" once its page number is gone);
//   * a side part over the ZIP limits fails the document; a damaged or malformed one is skipped
//     with a warning;
//   * docProps/core.xml gives title, creator, created date, language and description.
//
// Known weaknesses: comments are not read; notes come after the body, not next to the sentence
// that cites them; numbering labels ("1.", "•") are not generated.
#pragma once

#include "readers/reader.h"
#include "readers/zip_archive.h"

namespace kb {

class DocxReader final : public Reader {
 public:
  std::string_view name() const override { return "docx"; }
  ReadResult read(std::string_view bytes) const override;
  // For callers that already opened the package (the ZIP sniffer).
  static ReadResult read_package(ZipArchive& zip);
};

// Metadata of an OPC package's docProps/core.xml (shared by DOCX and the HWPX fallback).
void read_core_properties(std::string_view xml, ExtractedDoc& doc);

}  // namespace kb
