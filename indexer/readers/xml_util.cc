#include "readers/xml_util.h"

#include "analysis/unicode_text.h"

namespace kb {

XmlParse parse_xml(std::string_view bytes, pugi::xml_document& doc, std::string_view what,
                   pugi::xml_encoding encoding) {
  // Entity declarations live in the DOCTYPE's internal subset, which ends at "]>".
  const std::size_t doctype = bytes.find("<!DOCTYPE");
  if (doctype != std::string_view::npos) {
    const std::size_t end = bytes.find("]>", doctype);
    const std::string_view subset = bytes.substr(doctype, end == std::string_view::npos ? end : end - doctype);
    if (subset.find("<!ENTITY") != std::string_view::npos)
      return {ReadStatus::kCorrupt, std::string(what) +
                                        " declares XML entities (<!ENTITY>): refused, entity expansion is not supported"};
  }
  const pugi::xml_parse_result result =
      doc.load_buffer(bytes.data(), bytes.size(), pugi::parse_default | pugi::parse_ws_pcdata_single,
                      encoding);
  if (!result)
    return {ReadStatus::kCorrupt, "malformed XML in " + std::string(what) + ": " + result.description() +
                                      " at byte " + std::to_string(result.offset)};
  return {};
}

std::string_view local_name(const pugi::xml_node& node) {
  const std::string_view name = node.name();
  const std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node find_descendant(const pugi::xml_node& node, std::string_view local) {
  // Iterative pre-order walk, so a deeply nested document cannot exhaust the stack.
  pugi::xml_node cur = node.first_child();
  while (cur) {
    if (cur.type() == pugi::node_element && local_name(cur) == local) return cur;
    if (cur.first_child()) {
      cur = cur.first_child();
      continue;
    }
    while (cur && cur != node && !cur.next_sibling()) cur = cur.parent();
    if (!cur || cur == node) break;
    cur = cur.next_sibling();
  }
  return {};
}

pugi::xml_attribute attribute_by_local_name(const pugi::xml_node& node, std::string_view local) {
  for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
    std::string_view name = a.name();
    const std::size_t colon = name.find(':');
    if (colon != std::string_view::npos) name = name.substr(colon + 1);
    if (name == local) return a;
  }
  return {};
}

std::string collapse_whitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

namespace {
// Depth-limited: hostile XML nests deeply, and the stack is not the place to find out.
void append_text(const pugi::xml_node& node, std::string& out, int depth = 0) {
  if (depth > 200) return;
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
      out += child.value();
    } else if (child.type() == pugi::node_element) {
      out += ' ';
      append_text(child, out, depth + 1);
      out += ' ';
    }
  }
}
}  // namespace

std::string collapsed_text(const pugi::xml_node& node) {
  std::string raw;
  append_text(node, raw);
  return collapse_whitespace(raw);
}

void repair_utf8_fields(ExtractedDoc& doc) {
  std::size_t repaired = 0;
  auto fix = [&](std::string& s) {
    if (analysis::is_valid_utf8(s)) return;
    std::size_t n = 0;
    s = analysis::repair_utf8(s, &n);
    repaired += n;
  };
  fix(doc.title);
  fix(doc.author);
  fix(doc.date);
  fix(doc.lang);
  fix(doc.description);
  for (Paragraph& p : doc.paragraphs) fix(p.text);
  if (repaired > 0)
    doc.warnings.push_back("invalid UTF-8: " + std::to_string(repaired) + " sequence(s) replaced with U+FFFD");
}

bool has_word_characters(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) return true;
      continue;
    }
    const std::string_view rest = text.substr(i);
    if (rest.starts_with("\u2013") || rest.starts_with("\u2014") || rest.starts_with("\u2026")) {  // – — …
      i += 2;
    } else if (rest.starts_with("\u00B7") || rest.starts_with("\u00A0")) {  // · and NBSP
      i += 1;
    } else {
      return true;  // any other non-ASCII character: Hangul, Han, letters with accents …
    }
  }
  return false;
}

void table_rows(const pugi::xml_node& table, std::vector<Paragraph>& out,
                const std::function<void(const pugi::xml_node& cell, std::vector<Paragraph>& inside)>& read_cell) {
  for (pugi::xml_node row = table.first_child(); row; row = row.next_sibling()) {
    if (local_name(row) != "tr") continue;
    std::string line;
    bool first = true;
    for (pugi::xml_node cell = row.first_child(); cell; cell = cell.next_sibling()) {
      if (local_name(cell) != "tc") continue;
      std::vector<Paragraph> inside;
      read_cell(cell, inside);
      std::string cell_text;
      for (const Paragraph& para : inside) {
        if (!cell_text.empty()) cell_text += ' ';
        cell_text += para.text;
      }
      if (!first) line += " | ";
      line += cell_text;
      first = false;
    }
    std::string text = collapse_whitespace(line);
    if (!text.empty() && text.find_first_not_of(" |") != std::string::npos) out.push_back({std::move(text), 0, false});
  }
}

}  // namespace kb
