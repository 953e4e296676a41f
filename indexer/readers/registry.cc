#include "readers/registry.h"

#include <algorithm>

#include "readers/docx_reader.h"
#include "readers/html_reader.h"
#include "readers/hwp_reader.h"
#include "readers/hwpx_reader.h"
#include "readers/markdown_reader.h"
#include "readers/pdf_reader.h"
#include "readers/text_reader.h"
#include "readers/xml_reader.h"
#include "readers/zip_package_reader.h"

namespace kb {

const char* read_status_name(ReadStatus status) {
  switch (status) {
    case ReadStatus::kOk:
      return "ok";
    case ReadStatus::kUnsupported:
      return "unsupported";
    case ReadStatus::kBinary:
      return "binary";
    case ReadStatus::kEmpty:
      return "empty";
    case ReadStatus::kCorrupt:
      return "corrupt";
    case ReadStatus::kEncrypted:
      return "encrypted";
    case ReadStatus::kTooLarge:
      return "too-large";
    case ReadStatus::kNoText:
      return "no-text";
    case ReadStatus::kIoError:
      return "io-error";
    case ReadStatus::kCrashed:
      return "crashed";
  }
  return "unknown";
}

std::string extension_of(std::string_view path) {
  const std::size_t slash = path.find_last_of('/');
  const std::size_t dot = path.find_last_of('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return {};
  std::string ext(path.substr(dot));
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

const ReaderRegistry& ReaderRegistry::standard() {
  // The table: one row per reader (or per signature). Magic bytes win over extensions, so a
  // ZIP is sniffed for DOCX/HWPX content whatever its name, and an HWP 5 compound file named
  // .hwpx reaches the HWP reader.
  static const ReaderRegistry registry = [] {
    const auto hwp = std::make_shared<HwpReader>();
    const auto zip_package = std::make_shared<ZipPackageReader>();
    return ReaderRegistry({
        {{".txt", ".text"}, "", std::make_shared<TextReader>()},
        {{".md", ".markdown"}, "", std::make_shared<MarkdownReader>()},
        {{".html", ".htm"}, "", std::make_shared<HtmlReader>()},
        {{".xml", ".xhtml"}, "", std::make_shared<XmlReader>()},
        {{".docx"}, "", std::make_shared<DocxReader>()},
        {{".hwpx"}, "", std::make_shared<HwpxReader>()},
        {{}, std::string("PK\x03\x04", 4), zip_package},
        {{".hwp"}, std::string(kOle2Magic), hwp},
        {{}, "HWP Document File", hwp},
        {{".pdf"}, "%PDF-", std::make_shared<PdfReader>()},
    });
  }();
  return registry;
}

const Reader* ReaderRegistry::find(std::string_view path, std::string_view head) const {
  for (const Entry& e : entries_)
    if (!e.magic.empty() && head.starts_with(e.magic)) return e.reader.get();
  const std::string ext = extension_of(path);
  for (const Entry& e : entries_)
    if (std::find(e.extensions.begin(), e.extensions.end(), ext) != e.extensions.end()) return e.reader.get();
  return nullptr;
}

bool ReaderRegistry::handles_extension(std::string_view path) const {
  const std::string ext = extension_of(path);
  for (const Entry& e : entries_)
    if (std::find(e.extensions.begin(), e.extensions.end(), ext) != e.extensions.end()) return true;
  return false;
}

}  // namespace kb
