// The reader for anything that starts with the ZIP signature: opens the package once and hands
// it to the reader its content calls for (DOCX: word/document.xml; HWPX: an application/hwp+zip
// mimetype or Contents/section*.xml), whatever the file's extension says.
//
// Known weaknesses: other ZIP packages (ODT, XLSX, PPTX, EPUB) are refused as unsupported.
#pragma once

#include "readers/reader.h"

namespace kb {

class ZipPackageReader final : public Reader {
 public:
  std::string_view name() const override { return "zip-package"; }
  ReadResult read(std::string_view bytes) const override;
};

}  // namespace kb
