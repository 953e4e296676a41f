#include "readers/markdown_reader.h"

#include <md4c.h>

#include <string>

#include "analysis/unicode_text.h"
#include "readers/front_matter.h"
#include "readers/html_blocks.h"
#include "readers/text_decoding.h"

namespace kb {
namespace {

struct Collector {
  ExtractedDoc doc;
  std::string current;
  bool current_is_heading = false;
  int heading_level = 0;
  int image_depth = 0;
  int html_block_depth = 0;
  bool in_table_row = false;
  bool row_has_cell = false;

  void flush() {
    std::size_t b = 0, e = current.size();
    while (b < e && current[b] == ' ') ++b;
    while (e > b && (current[e - 1] == ' ' || current[e - 1] == '\n')) --e;
    if (e > b) {
      std::string text = current.substr(b, e - b);
      if (current_is_heading && heading_level == 1 && doc.title.empty()) doc.title = text;
      doc.paragraphs.push_back({std::move(text), 0, current_is_heading});
    }
    current.clear();
    current_is_heading = false;
  }
};

void append_entity(std::string& out, std::string_view entity) {
  if (entity == "&amp;") out += '&';
  else if (entity == "&lt;") out += '<';
  else if (entity == "&gt;") out += '>';
  else if (entity == "&quot;") out += '"';
  else if (entity == "&apos;") out += '\'';
  else if (entity == "&nbsp;") out += ' ';
  else if (entity.size() > 3 && entity[1] == '#') {
    const bool hex = entity[2] == 'x' || entity[2] == 'X';
    const std::string digits(entity.substr(hex ? 3 : 2, entity.size() - (hex ? 4 : 3)));
    char* end = nullptr;
    const unsigned long cp = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
    if (cp > 0 && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF)) analysis::append_utf8(out, static_cast<char32_t>(cp));
    else out += "\xEF\xBF\xBD";
  } else {
    out.append(entity);
  }
}

int enter_block(MD_BLOCKTYPE type, void* detail, void* user) {
  auto& c = *static_cast<Collector*>(user);
  switch (type) {
    case MD_BLOCK_H:
      c.flush();
      c.current_is_heading = true;
      c.heading_level = static_cast<int>(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level);
      break;
    case MD_BLOCK_P:
    case MD_BLOCK_LI:
    case MD_BLOCK_CODE:
      if (!c.in_table_row) c.flush();
      break;
    case MD_BLOCK_HTML: ++c.html_block_depth; break;
    case MD_BLOCK_TR:
      c.flush();
      c.in_table_row = true;
      c.row_has_cell = false;
      break;
    case MD_BLOCK_TH:
    case MD_BLOCK_TD:
      if (c.row_has_cell) c.current += " | ";
      c.row_has_cell = true;
      break;
    default: break;
  }
  return 0;
}

int leave_block(MD_BLOCKTYPE type, void*, void* user) {
  auto& c = *static_cast<Collector*>(user);
  switch (type) {
    case MD_BLOCK_H:
    case MD_BLOCK_P:
    case MD_BLOCK_LI:
    case MD_BLOCK_CODE:
      if (!c.in_table_row) c.flush();
      break;
    case MD_BLOCK_HTML: --c.html_block_depth; break;
    case MD_BLOCK_TR:
      c.in_table_row = false;
      c.flush();
      break;
    default: break;
  }
  return 0;
}

int enter_span(MD_SPANTYPE type, void*, void* user) {
  if (type == MD_SPAN_IMG) ++static_cast<Collector*>(user)->image_depth;
  return 0;
}

int leave_span(MD_SPANTYPE type, void*, void* user) {
  if (type == MD_SPAN_IMG) --static_cast<Collector*>(user)->image_depth;
  return 0;
}

int on_text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* user) {
  auto& c = *static_cast<Collector*>(user);
  if (c.image_depth > 0 || c.html_block_depth > 0) return 0;
  const std::string_view s(text, size);
  switch (type) {
    case MD_TEXT_NORMAL:
    case MD_TEXT_CODE:
      if (s == "\n") c.current += ' ';
      else c.current.append(s);
      break;
    case MD_TEXT_ENTITY: append_entity(c.current, s); break;
    case MD_TEXT_BR:
    case MD_TEXT_SOFTBR: c.current += ' '; break;
    case MD_TEXT_NULLCHAR: c.current += "\xEF\xBF\xBD"; break;
    default: break;  // raw inline HTML, LaTeX
  }
  return 0;
}

}  // namespace

ReadResult MarkdownReader::read(std::string_view bytes) const {
  DecodedText decoded = decode_text(bytes);
  if (decoded.status != ReadStatus::kOk) return ReadResult::failure(decoded.status, decoded.message);
  Collector collector;
  collector.doc.warnings = std::move(decoded.warnings);
  // Front matter is metadata: read into the document's fields, never parsed as Markdown (where
  // `title: …` over the closing `---` would become a heading).
  const FrontMatter front = read_front_matter(decoded.text);
  const std::string_view body = std::string_view(decoded.text).substr(front.body_offset);
  MD_PARSER parser{};
  parser.abi_version = 0;
  parser.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_NOHTMLSPANS;
  parser.enter_block = enter_block;
  parser.leave_block = leave_block;
  parser.enter_span = enter_span;
  parser.leave_span = leave_span;
  parser.text = on_text;
  if (md_parse(body.data(), static_cast<MD_SIZE>(body.size()), &parser, &collector) != 0)
    return ReadResult::failure(ReadStatus::kCorrupt, "Markdown parser failed");
  collector.flush();
  ExtractedDoc& doc = collector.doc;
  if (!front.title.empty()) doc.title = front.title;
  if (!front.author.empty()) doc.author = front.author;
  if (!front.url.empty()) doc.source_url = front.url;
  if (!front.lang.empty()) doc.lang = normalize_lang(front.lang);
  if (!front.date.empty()) {
    doc.date = front.date;
    doc.date_source = kDateFromFrontMatter;
  }
  if (collector.doc.paragraphs.empty())
    return ReadResult::failure(ReadStatus::kEmpty, "empty file: no text to index");
  return ReadResult::success(std::move(collector.doc));
}

}  // namespace kb
