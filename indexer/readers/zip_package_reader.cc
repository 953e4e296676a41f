#include "readers/zip_package_reader.h"

#include "readers/docx_reader.h"
#include "readers/hwpx_reader.h"
#include "readers/zip_archive.h"

namespace kb {

ReadResult ZipPackageReader::read(std::string_view bytes) const {
  ZipArchive::Opened opened = ZipArchive::open(bytes);
  if (!opened.archive) return ReadResult::failure(opened.status, opened.message);
  ZipArchive& zip = *opened.archive;
  if (zip.contains("word/document.xml")) return DocxReader::read_package(zip);
  bool hwpx = zip.contains("Contents/content.hpf") || zip.contains("Contents/section0.xml");
  if (!hwpx && zip.contains("mimetype")) {
    const ZipArchive::Entry mimetype = zip.read("mimetype");
    hwpx = mimetype.ok() && mimetype.data.starts_with("application/hwp");
  }
  if (hwpx) return HwpxReader::read_package(zip);
  return ReadResult::failure(ReadStatus::kUnsupported, "ZIP archive that is neither DOCX nor HWPX");
}

}  // namespace kb
