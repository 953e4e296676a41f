#include "readers/hwpx_reader.h"

#include <algorithm>
#include <cstdlib>

#include "readers/html_blocks.h"
#include "readers/xml_util.h"

namespace kb {
namespace {

constexpr int kMaxDepth = 200;

class SectionWalker {
 public:
  // Appends the headers and footers met so far (HeaderFooterText keeps each text once).
  void finish(std::vector<Paragraph>& out) {
    HeaderFooterText kept;
    for (Paragraph& p : page_text_)
      if (kept.keep(p.text)) out.push_back(std::move(p));
    page_text_.clear();
  }

  void blocks(const pugi::xml_node& container, std::vector<Paragraph>& out, int depth) {
    if (depth > kMaxDepth) return;
    for (pugi::xml_node child = container.first_child(); child; child = child.next_sibling()) {
      if (child.type() != pugi::node_element) continue;
      if (local_name(child) == "p") paragraph(child, out, depth + 1);
      else blocks(child, out, depth + 1);
    }
  }

 private:
  void paragraph(const pugi::xml_node& p, std::vector<Paragraph>& out, int depth) {
    std::string text;
    std::vector<Paragraph> nested;
    inline_content(p, text, nested, depth);
    text = collapse_whitespace(text);
    if (!text.empty()) out.push_back({std::move(text), 0, false});
    out.insert(out.end(), std::make_move_iterator(nested.begin()), std::make_move_iterator(nested.end()));
  }

  void text_element(const pugi::xml_node& t, std::string& text) {
    for (pugi::xml_node c = t.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
        if (!deleting_) text += c.value();
        continue;
      }
      const std::string_view name = local_name(c);
      if (name == "deleteBegin") deleting_ = true;
      else if (name == "deleteEnd") deleting_ = false;
      else if (name == "tab" || name == "lineBreak" || name == "nbSpace" || name == "fwSpace") {
        if (!deleting_) text += ' ';
      } else if (name == "hyphen") {
        if (!deleting_) text += '-';
      }
    }
  }

  void inline_content(const pugi::xml_node& node, std::string& text, std::vector<Paragraph>& nested, int depth) {
    if (depth > kMaxDepth) return;
    for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
      if (child.type() != pugi::node_element) continue;
      const std::string_view name = local_name(child);
      if (name == "t") text_element(child, text);
      else if (name == "deleteBegin") deleting_ = true;  // may also sit between runs
      else if (name == "deleteEnd") deleting_ = false;
      else if (name == "tbl") table(child, nested, depth + 1);
      else if (name == "subList") blocks(child, nested, depth + 1);
      else if (name == "ctrl")
        control(child, nested, depth + 1);
      else if (name == "linesegarray" || name == "secPr")
        continue;
      else inline_content(child, text, nested, depth + 1);  // run, drawText, rect, container …
    }
  }

  void table(const pugi::xml_node& tbl, std::vector<Paragraph>& out, int depth) {
    if (depth > kMaxDepth) return;
    ++table_depth_;
    table_rows(tbl, out, [&](const pugi::xml_node& cell, std::vector<Paragraph>& inside) { blocks(cell, inside, depth + 1); });
    --table_depth_;
    if (table_depth_ == 0) {
      out.insert(out.end(), std::make_move_iterator(table_notes_.begin()), std::make_move_iterator(table_notes_.end()));
      table_notes_.clear();
    }
  }

  // hp:ctrl holds section and column settings, fields, page numbers, hidden comments, and the
  // four controls with text of their own: footnotes and endnotes follow the paragraph that
  // anchors them (or the table, so a note never joins a cell's text); headers and footers are
  // kept for the end of the document. Page numbers (hp:pageNum, hp:autoNum) have no text.
  void control(const pugi::xml_node& ctrl, std::vector<Paragraph>& nested, int depth) {
    if (depth > kMaxDepth) return;
    for (pugi::xml_node child = ctrl.first_child(); child; child = child.next_sibling()) {
      if (child.type() != pugi::node_element) continue;
      const std::string_view name = local_name(child);
      if (name == "footNote" || name == "endNote") {
        std::vector<Paragraph> note;
        const bool saved = deleting_;
        deleting_ = false;
        blocks(child, note, depth + 1);
        deleting_ = saved;
        auto& into = table_depth_ > 0 ? table_notes_ : nested;
        into.insert(into.end(), std::make_move_iterator(note.begin()), std::make_move_iterator(note.end()));
      } else if (name == "header" || name == "footer") {
        const bool saved = deleting_;
        const int saved_tables = table_depth_;
        std::vector<Paragraph> notes_outside = std::move(table_notes_);
        deleting_ = false;
        table_depth_ = 0;
        table_notes_.clear();
        blocks(child, page_text_, depth + 1);
        deleting_ = saved;
        table_depth_ = saved_tables;
        table_notes_ = std::move(notes_outside);
      }
    }
  }

  bool deleting_ = false;
  int table_depth_ = 0;                 // tables open around the current paragraph
  std::vector<Paragraph> table_notes_;  // notes met inside the open outermost table
  std::vector<Paragraph> page_text_;    // headers and footers, in document order
};

// "2006-02-06 22:49:08" → "2006-02-06T22:49:08"; ISO dates kept; anything else dropped.
std::string normalize_date(std::string_view value) {
  auto digits = [&](std::size_t from, std::size_t n) {
    if (value.size() < from + n) return false;
    return std::all_of(value.begin() + static_cast<long>(from), value.begin() + static_cast<long>(from + n),
                       [](char c) { return c >= '0' && c <= '9'; });
  };
  if (!(digits(0, 4) && value.size() >= 10 && value[4] == '-' && digits(5, 2) && value[7] == '-' && digits(8, 2)))
    return {};
  std::string out(value);
  if (out.size() > 10 && out[10] == ' ') out[10] = 'T';
  return out;
}

// content.hpf: metadata into `doc`, and the section parts in spine order.
std::vector<std::string> read_content_hpf(std::string_view bytes, ExtractedDoc& doc) {
  std::vector<std::string> sections;
  pugi::xml_document xml;
  if (!parse_xml(bytes, xml, "Contents/content.hpf").ok()) {
    doc.warnings.push_back("Contents/content.hpf is malformed: metadata ignored");
    return sections;
  }
  const pugi::xml_node root = xml.document_element();
  if (pugi::xml_node metadata = find_descendant(root, "metadata")) {
    std::string created, modified;
    for (pugi::xml_node n = metadata.first_child(); n; n = n.next_sibling()) {
      const std::string_view name = local_name(n);
      const std::string value = collapse_whitespace(n.text().get());
      if (value.empty()) continue;
      if (name == "title") doc.title = is_meaningful_title(value) ? value : std::string();
      else if (name == "language") doc.lang = normalize_lang(value);
      else if (name == "meta") {
        const std::string key = ascii_lower(n.attribute("name").value());
        if (key == "creator") doc.author = value;
        else if (key == "createddate") created = normalize_date(value);
        else if (key == "modifieddate") modified = normalize_date(value);
        else if (key == "description" || key == "subject") {
          if (doc.description.empty()) doc.description = value;
        }
      }
    }
    doc.date = created;  // settle_metadata tells a template's creation date by the last-saved one
    doc.modified = modified;
    if (!created.empty() || !modified.empty()) doc.date_source = kDateFromMetadata;
  }
  std::vector<std::pair<std::string, std::string>> items;  // id → href
  if (pugi::xml_node manifest = find_descendant(root, "manifest"))
    for (pugi::xml_node item = manifest.first_child(); item; item = item.next_sibling())
      items.emplace_back(item.attribute("id").value(), item.attribute("href").value());
  if (pugi::xml_node spine = find_descendant(root, "spine"))
    for (pugi::xml_node ref = spine.first_child(); ref; ref = ref.next_sibling()) {
      const std::string id = ref.attribute("idref").value();
      for (const auto& [item_id, href] : items)
        if (item_id == id && href.find("section") != std::string::npos) sections.push_back(href);
    }
  return sections;
}

int section_number(std::string_view name) {
  const std::size_t at = name.rfind("section");
  return at == std::string_view::npos ? -1 : std::atoi(std::string(name.substr(at + 7)).c_str());
}

}  // namespace

ReadResult HwpxReader::read(std::string_view bytes) const {
  ZipArchive::Opened opened = ZipArchive::open(bytes);
  if (!opened.archive) return ReadResult::failure(opened.status, opened.message);
  return read_package(*opened.archive);
}

ReadResult HwpxReader::read_package(ZipArchive& zip) {
  if (zip.contains("META-INF/manifest.xml")) {
    const ZipArchive::Entry manifest = zip.read("META-INF/manifest.xml");
    if (manifest.ok() && manifest.data.find("encryption-data") != std::string::npos)
      return ReadResult::failure(ReadStatus::kEncrypted, "encrypted HWPX (password-protected): cannot read its text");
  }
  ExtractedDoc doc;
  std::vector<std::string> sections;
  if (zip.contains("Contents/content.hpf")) {
    const ZipArchive::Entry hpf = zip.read("Contents/content.hpf");
    if (hpf.ok()) sections = read_content_hpf(hpf.data, doc);
  }
  sections.erase(std::remove_if(sections.begin(), sections.end(), [&](const std::string& s) { return !zip.contains(s); }),
                 sections.end());
  if (sections.empty()) {
    for (const std::string& name : zip.names())
      if (name.starts_with("Contents/section") && name.ends_with(".xml")) sections.push_back(name);
    std::sort(sections.begin(), sections.end(),
              [](const std::string& a, const std::string& b) { return section_number(a) < section_number(b); });
  }
  if (sections.empty())
    return ReadResult::failure(ReadStatus::kCorrupt, "not an HWPX document: no Contents/section*.xml in the package");
  SectionWalker walker;
  for (const std::string& section : sections) {
    const ZipArchive::Entry entry = zip.read(section);
    if (!entry.ok()) return ReadResult::failure(entry.status, entry.message);
    pugi::xml_document xml;
    const XmlParse parsed = parse_xml(entry.data, xml, section);
    if (!parsed.ok()) return ReadResult::failure(parsed.status, parsed.message);
    walker.blocks(xml, doc.paragraphs, 0);
  }
  walker.finish(doc.paragraphs);
  repair_utf8_fields(doc);
  if (doc.paragraphs.empty()) return ReadResult::failure(ReadStatus::kEmpty, "HWPX document has no text");
  return ReadResult::success(std::move(doc));
}

}  // namespace kb
