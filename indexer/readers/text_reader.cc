#include "readers/text_reader.h"

#include <vector>

#include "readers/line_unwrapper.h"
#include "readers/text_decoding.h"

namespace kb {
namespace {

// The lines of `text`, indentation kept (it tells paragraphs apart); LineUnwrapper trims them.
std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    lines.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  return lines;
}

}  // namespace

ReadResult TextReader::read(std::string_view bytes) const {
  DecodedText decoded = decode_text(bytes);
  if (decoded.status != ReadStatus::kOk) return ReadResult::failure(decoded.status, decoded.message);
  ExtractedDoc doc;
  doc.warnings = std::move(decoded.warnings);
  for (UnwrappedParagraph& u : LineUnwrapper().unwrap(lines_of(decoded.text))) {
    Paragraph p{std::move(u.text), 0, false};
    p.line_begin = u.line_begin;
    p.line_end = u.line_end;
    doc.paragraphs.push_back(std::move(p));
  }
  if (doc.paragraphs.empty()) return ReadResult::failure(ReadStatus::kEmpty, "empty file: no text to index");
  return ReadResult::success(std::move(doc));
}

}  // namespace kb
