#include "readers/pdf_reader.h"

// Poppler's core API (libpoppler-private-dev), not poppler-cpp: only the core lets the reader
// drop the catalog's /OutputIntents before the pages are drawn (see without_output_intents).
#include <Object.h>  // first: the other headers expect it complete
#include <poppler-config.h>

#include <Dict.h>
#include <Error.h>
#include <ErrorCodes.h>
#include <GlobalParams.h>
#include <PDFDoc.h>
#include <Page.h>
#include <Stream.h>
#include <TextOutputDev.h>
#include <UTF.h>
#include <XRef.h>
#include <goo/GooString.h>
#include <goo/gmem.h>

#include <climits>
#include <ctime>
#include <memory>
#include <string_view>

#include "analysis/unicode_text.h"
#include "readers/date_text.h"
#include "readers/html_blocks.h"
#include "readers/xml_util.h"

namespace kb {
namespace {

// Poppler reports a CID font whose CMap it cannot find (`Missing language pack for
// 'Adobe-Korea1' mapping`, or `Unknown CMap …`) and then draws no text for it. The CMaps come from
// Debian's poppler-data; without it most Korean PDFs look like scans, so the reader names the
// package instead of guessing "a scan?". Per thread: readers run on several workers at once.
thread_local bool missing_cmap = false;

void note_poppler_message(ErrorCategory, Goffset, const char* message) {
  if (message == nullptr) return;
  const std::string_view m(message);
  if (m.find("Missing language pack") != std::string_view::npos || m.find("Unknown CMap") != std::string_view::npos)
    missing_cmap = true;
}

constexpr std::string_view kMissingCmaps =
    "its CJK fonts need CMaps that are not installed (Debian package poppler-data: tools/install-deps.sh)";

// A PDF text string (UTF-16 with a byte order mark, else PDFDocEncoding) as UTF-8.
std::string utf8_of(const GooString* s) {
  if (s == nullptr) return {};
  Unicode* ucs4 = nullptr;
  const int n = TextStringToUCS4(s->toStr(), &ucs4);
  std::string out;
  for (int i = 0; i < n; ++i) analysis::append_utf8(out, static_cast<char32_t>(ucs4[i]));
  gfree(ucs4);
  return out;
}

// Poppler builds an ICC display transform (lcms2) for every page it draws when the catalog names
// an output intent with a DestOutputProfile; text extraction needs no colour, and on a PDF with
// such a profile that transform was most of the reading time. The catalog is replaced, in this
// document's memory only, by a copy without /OutputIntents.
void without_output_intents(PDFDoc& pdf) {
  XRef* xref = pdf.getXRef();
  const Object catalog = xref->getCatalog();
  if (!catalog.isDict() || !catalog.getDict()->hasKey("OutputIntents")) return;
  Dict* copy = catalog.getDict()->copy(xref);
  copy->remove("OutputIntents");
  const Object replacement(copy);
  xref->setModifiedObject(&replacement, Ref{xref->getRootNum(), xref->getRootGen()});
}

void append_text(void* stream, const char* text, int len) {
  static_cast<std::string*>(stream)->append(text, static_cast<std::size_t>(len));
}

// Page texts in poppler's physical layout, as poppler-cpp's page::text() gives them. One text
// device serves every page of a document, as in pdftotext: it keeps poppler's cache of ICC
// colour spaces from page to page (a new device per page rebuilt them for every page).
class PageTexts {
 public:
  explicit PageTexts(PDFDoc& pdf)
      : pdf_(pdf), device_(append_text, &out_, /*physLayoutA=*/true, /*fixedPitchA=*/0, /*rawOrderA=*/false) {}
  std::string text(int page) {
    out_.clear();
    if (device_.isOk())
      pdf_.displayPage(&device_, page, 72, 72, 0, /*useMediaBox=*/false, /*crop=*/true, /*printing=*/false);
    return out_;
  }

 private:
  PDFDoc& pdf_;
  std::string out_;  // declared before device_, which writes to it
  TextOutputDev device_;
};

// Decodes one code point; returns its length (1 on a bad byte).
std::size_t next_code_point(std::string_view s, std::size_t i, char32_t& cp) {
  const auto b = static_cast<unsigned char>(s[i]);
  std::size_t len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 1;
  if (i + len > s.size()) len = 1;
  cp = len == 1 ? b : len == 2 ? b & 0x1F : len == 3 ? b & 0x0F : b & 0x07;
  for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  return len;
}

bool is_private_use(char32_t cp) { return (cp >= 0xE000 && cp <= 0xF8FF) || cp >= 0xF0000; }

std::string without_private_use(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    const std::size_t len = next_code_point(s, i, cp);
    if (!is_private_use(cp)) out.append(s.substr(i, len));
    i += len;
  }
  return out;
}

// Blank-line separated paragraphs, lines joined with a space; form feeds are blank lines.
std::vector<std::string> page_paragraphs(std::string_view text) {
  std::vector<std::string> out;
  std::string current;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t nl = text.find_first_of("\n\f", start);
    if (nl == std::string_view::npos) nl = text.size();
    std::string line = collapse_whitespace(text.substr(start, nl - start));
    if (line.empty()) {
      if (!current.empty()) out.push_back(std::move(current));
      current.clear();
    } else {
      if (!current.empty()) current += ' ';
      current += line;
    }
    start = nl + 1;
  }
  if (!current.empty()) out.push_back(std::move(current));
  return out;
}

std::string page_list(const std::vector<int>& pages) {
  std::string out;
  for (std::size_t i = 0; i < pages.size() && i < 20; ++i) out += (i ? ", " : "") + std::to_string(pages[i]);
  if (pages.size() > 20) out += " …";
  return out;
}

}  // namespace

TextQuality judge_text(std::string_view s) {
  TextQuality q;
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    i += next_code_point(s, i, cp);
    if (cp == ' ' || cp == '\n' || cp == '\r' || cp == '\t' || cp == '\f') continue;
    ++q.letters;
    if (cp < 0x20 || cp == 0x7F || cp == 0xFFFD)
      ++q.unmapped;
    else if (is_private_use(cp))
      ++q.private_use;
  }
  return q;
}

PdfReader::PdfReader() : poppler_(std::make_unique<GlobalParamsIniter>(note_poppler_message)) {
  setErrorCallback(note_poppler_message);
}

PdfReader::~PdfReader() = default;

ReadResult PdfReader::read(std::string_view bytes) const {
  if (bytes.size() > static_cast<std::size_t>(INT_MAX))
    return ReadResult::failure(ReadStatus::kTooLarge, "PDF larger than 2 GiB");
  // Empty passwords, as poppler-cpp passed them: an owner-password-only PDF opens.
  auto* stream = new MemStream(bytes.data(), 0, static_cast<Goffset>(bytes.size()), Object(objNull));
  auto pdf = std::make_unique<PDFDoc>(stream, GooString(""), GooString(""));  // owns `stream`
  if (!pdf->isOk()) {
    if (pdf->getErrorCode() == errEncrypted)
      return ReadResult::failure(ReadStatus::kEncrypted, "encrypted PDF: a password is needed to read it");
    return ReadResult::failure(ReadStatus::kCorrupt, "damaged or truncated PDF (poppler cannot open it)");
  }
  without_output_intents(*pdf);
  missing_cmap = false;

  ExtractedDoc doc;
  doc.title = collapse_whitespace(utf8_of(pdf->getDocInfoTitle().get()));
  if (!is_meaningful_title(doc.title)) doc.title.clear();
  doc.author = collapse_whitespace(utf8_of(pdf->getDocInfoAuthor().get()));
  doc.description = collapse_whitespace(utf8_of(pdf->getDocInfoSubject().get()));
  // The day the file writes (`D:20240305093000+09'00'` → 2024-03-05), not the UTC day its time
  // zone would shift it to.
  auto pdf_date = [](const std::unique_ptr<GooString>& raw) {
    const std::string s = raw ? utf8_of(raw.get()) : std::string();
    return parse_date(s.starts_with("D:") ? std::string_view(s).substr(2) : std::string_view(s));
  };
  doc.date = pdf_date(pdf->getDocInfoCreatDate());
  doc.modified = pdf_date(pdf->getDocInfoModDate());
  if (!doc.date.empty() || !doc.modified.empty()) doc.date_source = kDateFromMetadata;
  const int pages = pdf->getNumPages();
  std::vector<int> empty_pages, unreadable_pages;
  std::size_t private_use = 0;
  int pages_with_text = 0;
  PageTexts page_texts(*pdf);
  for (int i = 0; i < pages; ++i) {
    if (pdf->getPage(i + 1) == nullptr) {
      empty_pages.push_back(i + 1);
      continue;
    }
    const std::string text = page_texts.text(i + 1);
    const TextQuality q = judge_text(text);
    if (q.letters == 0) {
      empty_pages.push_back(i + 1);
      continue;
    }
    ++pages_with_text;
    if (q.unreadable()) {
      unreadable_pages.push_back(i + 1);
      continue;
    }
    private_use += q.private_use;
    const std::string clean = q.private_use > 0 ? without_private_use(text) : text;
    for (std::string& para : page_paragraphs(clean)) doc.paragraphs.push_back({std::move(para), i + 1, false});
  }
  if (pages_with_text == 0 && missing_cmap)
    return ReadResult::failure(ReadStatus::kNoText, "no text on any of its " + std::to_string(pages) +
                                                        " page(s): " + std::string(kMissingCmaps));
  if (pages_with_text == 0)
    return ReadResult::failure(ReadStatus::kNoText, "no text layer on any of its " + std::to_string(pages) +
                                                        " page(s): a scan? (kb does not run OCR)");
  if (doc.paragraphs.empty())
    return ReadResult::failure(ReadStatus::kNoText,
                               "text is unreadable: fonts without a Unicode mapping (no ToUnicode) on " +
                                   std::to_string(unreadable_pages.size()) + " page(s); not indexed as garbage");
  if (!unreadable_pages.empty())
    doc.warnings.push_back("unreadable text (fonts without a Unicode mapping) on page(s) " +
                           page_list(unreadable_pages) + ": not indexed");
  if (private_use > 0)
    doc.warnings.push_back(std::to_string(private_use) +
                           " glyph(s) without a Unicode mapping (private-use characters) dropped");
  if (!empty_pages.empty()) doc.warnings.push_back("no text on page(s) " + page_list(empty_pages));
  if (missing_cmap) doc.warnings.push_back("text may be missing: " + std::string(kMissingCmaps));
  return ReadResult::success(std::move(doc));
}

}  // namespace kb
