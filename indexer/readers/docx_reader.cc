#include "readers/docx_reader.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <tuple>

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

  // A field left open at the end of one part does not reach into the next.
  void end_part() { fields_.clear(); }

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
        if (!in_page_field()) text += child.text().get();
      } else if (name == "tab" || name == "ptab" || name == "br" || name == "cr" || name == "noBreakHyphen") {
        if (!in_page_field()) text += name == "noBreakHyphen" ? '-' : ' ';
      } else if (name == "fldChar") {
        field_char(child);
      } else if (name == "instrText") {
        if (!fields_.empty() && !fields_.back().result) fields_.back().instruction += child.text().get();
      } else if (name == "fldSimple") {
        if (!is_page_field(child.attribute("w:instr").value())) inline_content(child, text, nested, depth + 1);
      } else if (name == "del" || name == "delText" || name == "moveFrom" || name == "pPr" || name == "rPr" ||
                 name == "delInstrText" || name == "Fallback") {
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

  // A complex field (w:fldChar begin, w:instrText, separate, result runs, end) may span runs and
  // paragraphs; its result is text unless the field is a page number.
  struct Field {
    std::string instruction;
    bool result = false;  // past w:fldChar separate
  };

  void field_char(const pugi::xml_node& fld_char) {
    const std::string_view type = fld_char.attribute("w:fldCharType").value();
    if (type == "begin") {
      if (fields_.size() < 64) fields_.push_back({});
    } else if (type == "separate") {
      if (!fields_.empty()) fields_.back().result = true;
    } else if (type == "end") {
      if (!fields_.empty()) fields_.pop_back();
    }
  }

  bool in_page_field() const {
    return std::any_of(fields_.begin(), fields_.end(),
                       [](const Field& f) { return f.result && is_page_field(f.instruction); });
  }

  // PAGE, NUMPAGES, SECTIONPAGES, SECTION and PAGEREF results are page numbers of one rendering,
  // not text: the same header would otherwise differ on every page and a TOC line end in "12".
  static bool is_page_field(std::string_view instruction) {
    const std::size_t begin = instruction.find_first_not_of(" \t");
    if (begin == std::string_view::npos) return false;
    instruction.remove_prefix(begin);
    const std::string word = ascii_lower(instruction.substr(0, instruction.find_first_of(" \t\\")));
    return word == "page" || word == "numpages" || word == "sectionpages" || word == "section" || word == "pageref";
  }

  const std::map<std::string, bool>& heading_styles_;
  std::vector<Field> fields_;
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

// "header1.xml" relative to word/ → "word/header1.xml"; "/word/x.xml" → "word/x.xml"; ".." resolved.
std::string resolve_target(std::string_view target) {
  std::vector<std::string> parts;
  if (!target.starts_with('/')) parts.push_back("word");
  std::size_t at = 0;
  while (at <= target.size()) {
    std::size_t slash = target.find('/', at);
    if (slash == std::string_view::npos) slash = target.size();
    const std::string_view part = target.substr(at, slash - at);
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.emplace_back(part);
    }
    at = slash + 1;
  }
  std::string out;
  for (const std::string& part : parts) out += (out.empty() ? "" : "/") + part;
  return out;
}

// The parts document.xml refers to that hold text outside the body.
struct SideParts {
  std::vector<std::string> footnotes, endnotes, headers;  // headers: headers then footers
};

// "word/header10.xml" sorts after "word/header2.xml"; headers before footers.
bool part_order(const std::string& a, const std::string& b) {
  auto key = [](const std::string& name) {
    const std::size_t digits = name.find_first_of("0123456789");
    const int number = digits == std::string::npos ? 0 : std::atoi(name.c_str() + digits);
    return std::make_tuple(name.find("footer") != std::string::npos, number, name);
  };
  return key(a) < key(b);
}

SideParts side_parts(ZipArchive& zip) {
  SideParts out;
  const char* rels_name = "word/_rels/document.xml.rels";
  pugi::xml_document rels;
  const ZipArchive::Entry entry =
      zip.contains(rels_name) ? zip.read(rels_name) : ZipArchive::Entry{ReadStatus::kIoError, {}, {}};
  if (entry.ok() && parse_xml(entry.data, rels, rels_name).ok()) {
    for (pugi::xml_node rel : rels.document_element().children()) {
      if (local_name(rel) != "Relationship" || std::string_view(rel.attribute("TargetMode").value()) == "External")
        continue;
      const std::string_view type = rel.attribute("Type").value();
      std::string target = resolve_target(rel.attribute("Target").value());
      if (!zip.contains(target)) target = rel.attribute("Target").value();  // some writers give the package path
      if (!zip.contains(target)) continue;
      if (type.ends_with("/footnotes"))
        out.footnotes.push_back(target);
      else if (type.ends_with("/endnotes"))
        out.endnotes.push_back(target);
      else if (type.ends_with("/header") || type.ends_with("/footer"))
        out.headers.push_back(target);
    }
  } else {  // no relationships: the names Word gives these parts
    if (zip.contains("word/footnotes.xml")) out.footnotes.push_back("word/footnotes.xml");
    if (zip.contains("word/endnotes.xml")) out.endnotes.push_back("word/endnotes.xml");
    for (const std::string& name : zip.names())
      if ((name.starts_with("word/header") || name.starts_with("word/footer")) && name.ends_with(".xml"))
        out.headers.push_back(name);
  }
  std::sort(out.headers.begin(), out.headers.end(), part_order);
  out.headers.erase(std::unique(out.headers.begin(), out.headers.end()), out.headers.end());
  return out;
}

// Reads one side part into `xml`. A part over the ZIP limits fails the document (as the body
// would); a missing, damaged or malformed one is skipped with a warning.
struct PartLoad {
  ReadStatus status = ReadStatus::kOk;  // kOk: go on (loaded or skipped)
  std::string message;
  bool loaded = false;
};

PartLoad load_part(ZipArchive& zip, const std::string& name, pugi::xml_document& xml, ExtractedDoc& doc) {
  const ZipArchive::Entry entry = zip.read(name);
  if (entry.status == ReadStatus::kTooLarge) return {entry.status, entry.message, false};
  if (!entry.ok()) {
    doc.warnings.push_back(name + " is unreadable: its text is skipped");
    return {};
  }
  const XmlParse parsed = parse_xml(entry.data, xml, name);
  if (!parsed.ok()) {
    doc.warnings.push_back(parsed.message + ": its text is skipped");
    return {};
  }
  return {ReadStatus::kOk, {}, true};
}

// Footnotes or endnotes, in part order; the separator notes Word keeps for layout (w:type
// separator / continuationSeparator / continuationNotice, ids -1 and 0) are not text.
void read_notes(const pugi::xml_document& xml, DocxWalker& walker, std::vector<Paragraph>& out) {
  for (pugi::xml_node note : xml.document_element().children()) {
    const std::string_view name = local_name(note);
    if (name != "footnote" && name != "endnote") continue;
    const std::string_view type = note.attribute("w:type").value();
    const std::string_view id = note.attribute("w:id").value();
    if ((!type.empty() && type != "normal") || id == "-1" || id == "0") continue;
    walker.blocks(note, out, 1);
  }
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
  doc.date = created;  // settle_metadata tells a template's creation date by the last-saved one
  doc.modified = modified;
  if (!created.empty() || !modified.empty()) doc.date_source = kDateFromMetadata;
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
  walker.end_part();

  const SideParts parts = side_parts(zip);
  for (const auto* names : {&parts.footnotes, &parts.endnotes}) {
    for (const std::string& name : *names) {
      pugi::xml_document notes;
      const PartLoad load = load_part(zip, name, notes, doc);
      if (load.status != ReadStatus::kOk) return ReadResult::failure(load.status, load.message);
      if (load.loaded) read_notes(notes, walker, doc.paragraphs);
      walker.end_part();
    }
  }
  HeaderFooterText page_text;
  for (const std::string& name : parts.headers) {
    pugi::xml_document part;
    const PartLoad load = load_part(zip, name, part, doc);
    if (load.status != ReadStatus::kOk) return ReadResult::failure(load.status, load.message);
    if (!load.loaded) continue;
    std::vector<Paragraph> paragraphs;
    walker.blocks(part.document_element(), paragraphs, 1);
    walker.end_part();
    for (Paragraph& p : paragraphs) {
      p.heading = false;
      if (page_text.keep(p.text)) doc.paragraphs.push_back(std::move(p));
    }
  }
  repair_utf8_fields(doc);
  if (doc.paragraphs.empty()) return ReadResult::failure(ReadStatus::kEmpty, "Word document has no text");
  return ReadResult::success(std::move(doc));
}

}  // namespace kb
