#include "readers/docx_reader.h"

#include <map>

#include "readers/html_blocks.h"
#include "readers/xml_util.h"

namespace kb {
namespace {

constexpr int kMaxDepth = 200;

class DocxWalker {
 public:
  explicit DocxWalker(const std::map<std::string, bool>& heading_styles) : heading_styles_(heading_styles) {}

  // Children of a block container: body, w:tc, w:txbxContent, w:sdtContent …
  void blocks(const pugi::xml_node& container, std::vector<Paragraph>& out, int depth) {
    if (depth > kMaxDepth) return;
    for (pugi::xml_node child = container.first_child(); child; child = child.next_sibling()) {
      if (child.type() != pugi::node_element) continue;
      const std::string_view name = local_name(child);
      if (name == "p") paragraph(child, out, depth + 1);
      else if (name == "tbl") table(child, out, depth + 1);
      else if (name == "sectPr" || name == "del" || name == "moveFrom") continue;
      else if (name == "AlternateContent") blocks(choice_of(child), out, depth + 1);
      else blocks(child, out, depth + 1);  // sdt, sdtContent, customXml, ins …
    }
  }

 private:
  static pugi::xml_node choice_of(const pugi::xml_node& alternate) {
    for (pugi::xml_node c = alternate.first_child(); c; c = c.next_sibling())
      if (local_name(c) == "Choice") return c;
    return {};  // only a Fallback: nothing, rather than a second copy
  }

  bool is_heading(const pugi::xml_node& p) const {
    const pugi::xml_node ppr = p.child("w:pPr");
    if (!ppr) return false;
    if (ppr.child("w:outlineLvl")) return true;
    const std::string style = ppr.child("w:pStyle").attribute("w:val").value();
    const auto it = heading_styles_.find(style);
    return it != heading_styles_.end() && it->second;
  }

  void paragraph(const pugi::xml_node& p, std::vector<Paragraph>& out, int depth) {
    std::string text;
    std::vector<Paragraph> nested;
    inline_content(p, text, nested, depth);
    text = collapse_whitespace(text);
    if (!text.empty()) out.push_back({std::move(text), 0, is_heading(p)});
    out.insert(out.end(), std::make_move_iterator(nested.begin()), std::make_move_iterator(nested.end()));
  }

  void inline_content(const pugi::xml_node& node, std::string& text, std::vector<Paragraph>& nested, int depth) {
    if (depth > kMaxDepth) return;
    for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
      if (child.type() != pugi::node_element) continue;
      const std::string_view name = local_name(child);
      if (name == "t") {
        text += child.text().get();
      } else if (name == "tab" || name == "br" || name == "cr" || name == "noBreakHyphen") {
        text += name == "noBreakHyphen" ? '-' : ' ';
      } else if (name == "del" || name == "delText" || name == "moveFrom" || name == "instrText" ||
                 name == "pPr" || name == "rPr" || name == "delInstrText" || name == "Fallback") {
        continue;
      } else if (name == "AlternateContent") {
        inline_content(choice_of(child), text, nested, depth + 1);
      } else if (name == "txbxContent") {
        blocks(child, nested, depth + 1);
      } else {
        inline_content(child, text, nested, depth + 1);  // r, hyperlink, ins, smartTag, fldSimple, drawing …
      }
    }
  }

  void table(const pugi::xml_node& tbl, std::vector<Paragraph>& out, int depth) {
    if (depth > kMaxDepth) return;
    table_rows(tbl, out, [&](const pugi::xml_node& cell, std::vector<Paragraph>& inside) { blocks(cell, inside, depth + 1); });
  }


  const std::map<std::string, bool>& heading_styles_;
};

// Style id → whether it is a heading style, from word/styles.xml.
std::map<std::string, bool> heading_styles(ZipArchive& zip) {
  std::map<std::string, bool> out;
  if (!zip.contains("word/styles.xml")) return out;
  const ZipArchive::Entry entry = zip.read("word/styles.xml");
  if (!entry.ok()) return out;
  pugi::xml_document xml;
  if (!parse_xml(entry.data, xml, "word/styles.xml").ok()) return out;
  for (pugi::xml_node style : xml.document_element().children("w:style")) {
    const std::string name = ascii_lower(style.child("w:name").attribute("w:val").value());
    const bool heading = name.starts_with("heading") || name == "title" || name.starts_with("제목") ||
                         style.child("w:pPr").child("w:outlineLvl");
    out[style.attribute("w:styleId").value()] = heading;
  }
  return out;
}

}  // namespace

void read_core_properties(std::string_view bytes, ExtractedDoc& doc) {
  pugi::xml_document xml;
  if (!parse_xml(bytes, xml, "docProps/core.xml").ok()) {
    doc.warnings.push_back("docProps/core.xml is malformed: metadata ignored");
    return;
  }
  std::string created, modified;
  for (pugi::xml_node n = xml.document_element().first_child(); n; n = n.next_sibling()) {
    const std::string_view name = local_name(n);
    std::string value = collapse_whitespace(n.text().get());
    if (value.empty()) continue;
    if (name == "title") doc.title = is_meaningful_title(value) ? value : std::string();
    else if (name == "creator") doc.author = value;
    else if (name == "created") created = value;
    else if (name == "modified") modified = value;
    else if (name == "language") doc.lang = normalize_lang(value);
    else if (name == "description") doc.description = value;
  }
  doc.date = !created.empty() ? created : modified;
}

ReadResult DocxReader::read(std::string_view bytes) const {
  ZipArchive::Opened opened = ZipArchive::open(bytes);
  if (!opened.archive) return ReadResult::failure(opened.status, opened.message);
  return read_package(*opened.archive);
}

ReadResult DocxReader::read_package(ZipArchive& zip) {
  if (!zip.contains("word/document.xml"))
    return ReadResult::failure(ReadStatus::kCorrupt, "not a Word document: no word/document.xml in the package");
  const ZipArchive::Entry body = zip.read("word/document.xml");
  if (!body.ok()) return ReadResult::failure(body.status, body.message);
  pugi::xml_document xml;
  const XmlParse parsed = parse_xml(body.data, xml, "word/document.xml");
  if (!parsed.ok()) return ReadResult::failure(parsed.status, parsed.message);

  ExtractedDoc doc;
  if (zip.contains("docProps/core.xml")) {
    const ZipArchive::Entry core = zip.read("docProps/core.xml");
    if (core.ok()) read_core_properties(core.data, doc);
    else if (core.status == ReadStatus::kTooLarge) return ReadResult::failure(core.status, core.message);
  }
  const std::map<std::string, bool> styles = heading_styles(zip);
  const pugi::xml_node body_node = find_descendant(xml.document_element(), "body");
  if (!body_node) return ReadResult::failure(ReadStatus::kCorrupt, "word/document.xml has no w:body");
  DocxWalker walker(styles);
  walker.blocks(body_node, doc.paragraphs, 0);
  repair_utf8_fields(doc);
  if (doc.paragraphs.empty()) return ReadResult::failure(ReadStatus::kEmpty, "Word document has no text");
  return ReadResult::success(std::move(doc));
}

}  // namespace kb
