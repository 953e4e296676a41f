#include "readers/text_reader.h"

#include <vector>

#include "readers/text_decoding.h"

namespace kb {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    lines.push_back(trim(text.substr(start, nl - start)));
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
  const std::vector<std::string_view> lines = lines_of(decoded.text);
  bool has_blank_line = false;
  for (std::size_t i = 1; i + 1 < lines.size(); ++i)
    if (lines[i].empty() && !lines[i - 1].empty()) has_blank_line = true;
  std::string current;
  int first_line = 0, last_line = 0;
  auto flush = [&] {
    if (!current.empty()) {
      Paragraph p{std::move(current), 0, false};
      p.line_begin = first_line;
      p.line_end = last_line;
      doc.paragraphs.push_back(std::move(p));
    }
    current.clear();
  };
  int number = 0;
  for (std::string_view line : lines) {
    ++number;
    if (line.empty()) {
      flush();
      continue;
    }
    if (current.empty()) first_line = number;
    last_line = number;
    if (!has_blank_line) {
      current.assign(line);
      flush();
      continue;
    }
    if (!current.empty()) current.push_back(' ');
    current.append(line);
  }
  flush();
  if (doc.paragraphs.empty()) return ReadResult::failure(ReadStatus::kEmpty, "empty file: no text to index");
  return ReadResult::success(std::move(doc));
}

}  // namespace kb
