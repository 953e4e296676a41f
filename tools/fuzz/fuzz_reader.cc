// A libFuzzer target for one kb reader, chosen at compile time by KB_FUZZ_READER (see
// tools/fuzz/CMakeLists.txt: one program per reader, fuzz-<name>). Any input must come back as
// a ReadResult, never a crash, hang or sanitizer report; a successful read must hold valid
// paragraphs, and the title and date settled from them (readers/document_metadata.h) valid UTF-8
// and an ISO date.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string_view>

#include "analysis/unicode_text.h"
#include "readers/document_metadata.h"
#include "readers/docx_reader.h"
#include "readers/html_reader.h"
#include "readers/hwp_reader.h"
#include "readers/hwpx_reader.h"
#include "readers/markdown_reader.h"
#include "readers/pdf_reader.h"
#include "readers/text_reader.h"
#include "readers/xml_reader.h"
#include "readers/zip_package_reader.h"

#ifndef KB_FUZZ_READER
#error "define KB_FUZZ_READER (text, markdown, html, xml, docx, hwpx, hwp, hwprecords, pdf, zip)"
#endif

namespace {

std::unique_ptr<kb::Reader> make_reader(std::string_view name) {
  if (name == "text") return std::make_unique<kb::TextReader>();
  if (name == "markdown") return std::make_unique<kb::MarkdownReader>();
  if (name == "html") return std::make_unique<kb::HtmlReader>();
  if (name == "xml") return std::make_unique<kb::XmlReader>();
  if (name == "docx") return std::make_unique<kb::DocxReader>();
  if (name == "hwpx") return std::make_unique<kb::HwpxReader>();
  if (name == "hwp") return std::make_unique<kb::HwpReader>();
  if (name == "pdf") return std::make_unique<kb::PdfReader>();
  if (name == "zip") return std::make_unique<kb::ZipPackageReader>();
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // "hwprecords": an inflated HWP 5 section record stream straight into the record walker
  // (through HwpReader, inflation and the OLE2 container keep the fuzzer from reaching it).
  if (std::string_view(KB_FUZZ_READER) == "hwprecords") {
    for (const std::string& text : kb::hwp_paragraph_texts(std::string_view(reinterpret_cast<const char*>(data), size)))
      if (!kb::analysis::is_valid_utf8(text)) std::abort();
    return 0;
  }
  static const std::unique_ptr<kb::Reader> reader = make_reader(KB_FUZZ_READER);
  const kb::ReadResult result =
      kb::read_document(*reader, std::string_view(reinterpret_cast<const char*>(data), size), "/fuzz/input");
  if (!result.ok()) return 0;
  for (const kb::Paragraph& p : result.doc.paragraphs)
    if (!kb::analysis::is_valid_utf8(p.text)) std::abort();  // readers must hand out UTF-8
  if (!kb::analysis::is_valid_utf8(result.doc.title)) std::abort();
  const std::string& date = result.doc.date;
  if (!date.empty() && (date.size() != 7 && date.size() != 10)) std::abort();  // YYYY-MM or YYYY-MM-DD
  return 0;
}
