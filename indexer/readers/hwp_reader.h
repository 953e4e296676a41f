// HWP 5 binary (Hangul 2002 and later, still the most common format of Korean public bodies)
// through libgsf's OLE2 reader and zlib.
//   * FileHeader: the signature "HWP Document File", then flags: bit 0 compressed body, bit 1
//     password, bit 2 distribution document (배포용: the body lives encrypted in ViewText/).
//     Password and distribution documents are refused as encrypted.
//   * BodyText/Section0, Section1 …: raw-deflate streams (when compressed) of records; each
//     record header is tag (10 bits), level (10 bits), size (12 bits, 0xFFF = a 32-bit size
//     follows). HWPTAG_PARA_TEXT (67) holds a paragraph's text as UTF-16LE with control
//     characters: 0, 10, 13, 24–31 are one code unit; other codes below 32 open an 8-unit
//     inline or extended control (tab 9 becomes a space).
//   * Records nest by level: a control (HWPTAG_CTRL_HEADER, 71) owns the deeper records after
//     it. A table ("tbl ") has a HWPTAG_TABLE record (77) and per cell a HWPTAG_LIST_HEADER
//     (72) carrying the cell's column and row, then the cell's paragraphs: the cells of one row
//     become one paragraph joined by " | " (a nested table's rows join its cell). Footnotes and
//     endnotes ("fn  ", "en  ") follow their paragraph, or the table when anchored in a cell.
//     Headers and footers ("head", "foot") come after the body of all sections, each text once.
//   * HwpSummaryInformation (an OLE property set): title, author, subject, creation date.
// Other OLE2 files are told apart: an EncryptedPackage stream means a password-protected
// DOCX/XLSX; WordDocument means an old .doc, which kb does not read. HWP 3 files ("HWP Document
// File V3.00") are refused as unsupported.
//
// Known weaknesses: paragraphs are not marked as headings (styles are not resolved); text in
// shapes comes in document order with the body; the cell address is read at offset 8 of the
// list header, where Hangul writes it (the published table says 6), with the TABLE record's
// cells per row as the fallback; each stream is inflated in memory (bounded by the size limit).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "readers/reader.h"

namespace kb {

class HwpReader final : public Reader {
 public:
  HwpReader();
  std::string_view name() const override { return "hwp"; }
  ReadResult read(std::string_view bytes) const override;
};

inline constexpr std::string_view kOle2Magic{"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8};

// The text of one BodyText section's (already inflated) record stream: body paragraphs (table
// rows joined, notes after their paragraph or table), and header/footer paragraphs apart.
struct HwpSectionText {
  std::vector<std::string> body;
  std::vector<std::string> headers;
};
HwpSectionText hwp_section_text(std::string_view records);

// One section's paragraphs as the reader hands them out: the body, then each header and footer
// text once. Exposed for tests and fuzzing.
std::vector<std::string> hwp_paragraph_texts(std::string_view records);

}  // namespace kb
