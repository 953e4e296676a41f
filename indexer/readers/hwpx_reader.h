// HWPX (KS X 6101 / OWPML, Hangul 2010 and later) through libzip + pugixml.
//   * Body: the Contents/section*.xml parts in the order of the package spine (content.hpf),
//     else by section number. Each hp:p is a paragraph: the text of its hp:t elements, mixed
//     content included (<hp:t>a<hp:tab/>b</hp:t>); text between hp:deleteBegin and hp:deleteEnd
//     (tracked deletions) is dropped; tables (hp:tbl) give one paragraph per row, cells joined by
//     " | "; text in shapes (hp:subList under hp:drawText) follows the anchoring paragraph.
//   * Controls (hp:ctrl): footnotes and endnotes (hp:footNote, hp:endNote) follow the paragraph
//     that anchors them, or the table when the anchor is in a cell (a note never joins a row);
//     headers and footers (hp:header, hp:footer) come after all sections, each paragraph text
//     once (odd/even and per-section copies usually repeat it). Page numbers (hp:pageNum,
//     hp:autoNum), fields and hidden comments give no text.
//   * Metadata from Contents/content.hpf: opf:title, opf:language and the meta entries creator,
//     CreatedDate / ModifiedDate (normalised to ISO 8601 when they look like "YYYY-MM-DD ..."),
//     description.
//   * A package whose META-INF/manifest.xml carries ODF encryption-data is refused as encrypted.
//
// Known weaknesses: hidden comments (숨은 설명) are not indexed; old-Hangul jamo sequences are kept
// as written (no NFC composition here); HWP 5 binaries arrive through HwpReader instead (the
// registry sniffs magic bytes, so an HWP 5 file named .hwpx is read correctly).
#pragma once

#include "readers/reader.h"
#include "readers/zip_archive.h"

namespace kb {

class HwpxReader final : public Reader {
 public:
  std::string_view name() const override { return "hwpx"; }
  ReadResult read(std::string_view bytes) const override;
  static ReadResult read_package(ZipArchive& zip);
};

}  // namespace kb
