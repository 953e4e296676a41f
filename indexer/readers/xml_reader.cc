#include "readers/xml_reader.h"

#include <vector>

#include "readers/html_blocks.h"
#include "readers/text_decoding.h"
#include "readers/xml_util.h"

namespace kb {
namespace {

// The encoding named in the XML declaration, lower case ("" when none).
std::string declared_xml_encoding(std::string_view bytes) {
  if (!bytes.starts_with("<?xml")) return {};
  const std::string_view decl = bytes.substr(0, bytes.find("?>"));
  std::size_t at = decl.find("encoding");
  if (at == std::string_view::npos) return {};
  at = decl.find_first_of("\"'", at);
  if (at == std::string_view::npos) return {};
  const std::size_t end = decl.find(decl[at], at + 1);
  if (end == std::string_view::npos) return {};
  return ascii_lower(decl.substr(at + 1, end - at - 1));
}

void walk_xhtml(const pugi::xml_node& root, HtmlBlockBuilder& builder) {
  // Iterative, for the same reason as the gumbo walk.
  struct Frame {
    pugi::xml_node node;
    pugi::xml_node next;
  };
  auto open = [&](const pugi::xml_node& node) {
    return builder.open(local_name(node), [&](std::string_view name) {
      return std::string(attribute_by_local_name(node, name).value());
    });
  };
  if (!open(root)) return;
  std::vector<Frame> stack{{root, root.first_child()}};
  while (!stack.empty()) {
    Frame& f = stack.back();
    if (!f.next) {
      builder.close(local_name(f.node));
      stack.pop_back();
      continue;
    }
    const pugi::xml_node child = f.next;
    f.next = child.next_sibling();
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
      builder.text(child.value());
    } else if (child.type() == pugi::node_element && open(child)) {
      stack.push_back({child, child.first_child()});
    }
  }
}

bool has_own_text(const pugi::xml_node& node) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling())
    if ((c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) &&
        std::string_view(c.value()).find_first_not_of(" \t\r\n") != std::string_view::npos)
      return true;
  return false;
}

void read_generic(const pugi::xml_node& root, ExtractedDoc& doc) {
  if (doc.lang.empty()) doc.lang = normalize_lang(attribute_by_local_name(root, "lang").value());
  std::vector<pugi::xml_node> stack{root};
  // Depth-first in document order: children pushed in reverse.
  while (!stack.empty()) {
    const pugi::xml_node node = stack.back();
    stack.pop_back();
    const std::string name = ascii_lower(local_name(node));
    if (has_own_text(node)) {
      std::string text = collapsed_text(node);
      if (name == "title" && doc.title.empty()) doc.title = text;
      else if ((name == "creator" || name == "author") && doc.author.empty()) doc.author = text;
      else if ((name == "date" || name == "pubdate" || name == "created" || name == "issued") && doc.date.empty()) {
        doc.date = text;
        doc.date_source = kDateFromMetadata;
      } else if (name == "language" && doc.lang.empty())
        doc.lang = normalize_lang(text);
      else if (name == "description" && doc.description.empty()) doc.description = text;
      if (!text.empty() && name != "language" && name != "date") doc.paragraphs.push_back({std::move(text), 0, name == "title"});
      continue;
    }
    std::vector<pugi::xml_node> children;
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling())
      if (c.type() == pugi::node_element) children.push_back(c);
    stack.insert(stack.end(), children.rbegin(), children.rend());
  }
}

}  // namespace

ReadResult XmlReader::read(std::string_view bytes) const {
  const std::string encoding = declared_xml_encoding(bytes);
  std::string converted;
  pugi::xml_encoding pugi_encoding = pugi::encoding_auto;
  std::vector<std::string> warnings;
  if (!encoding.empty() && encoding != "utf-8" && encoding != "utf8" && !encoding.starts_with("utf-16") &&
      encoding != "us-ascii" && encoding != "ascii") {
    DecodedText decoded = decode_text(bytes, encoding);
    if (decoded.status != ReadStatus::kOk) return ReadResult::failure(decoded.status, decoded.message);
    converted = std::move(decoded.text);
    warnings = std::move(decoded.warnings);
    bytes = converted;
    pugi_encoding = pugi::encoding_utf8;
  }
  pugi::xml_document xml;
  const XmlParse parsed = parse_xml(bytes, xml, "the file", pugi_encoding);
  if (!parsed.ok()) return ReadResult::failure(parsed.status, parsed.message);
  const pugi::xml_node root = xml.document_element();
  if (!root) return ReadResult::failure(ReadStatus::kEmpty, "XML has no root element");
  ExtractedDoc doc;
  if (ascii_lower(local_name(root)) == "html") {
    HtmlBlockBuilder builder;
    walk_xhtml(root, builder);
    doc = builder.finish();
    doc.description = builder.description();
  } else {
    read_generic(root, doc);
  }
  doc.warnings = std::move(warnings);
  repair_utf8_fields(doc);
  if (doc.paragraphs.empty()) return ReadResult::failure(ReadStatus::kEmpty, "XML has no text");
  return ReadResult::success(std::move(doc));
}

}  // namespace kb
