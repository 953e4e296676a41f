// pugixml helpers shared by the XML, DOCX and HWPX readers: one safe way to parse, and small
// tree walks by local name (these formats mix many namespaces and prefixes vary by producer).
//
// Safety: pugixml never expands entities other than the five predefined ones and character
// references, and it never loads external DTDs. On top of that parse_xml refuses a document
// whose DOCTYPE declares entities (<!ENTITY): such a file is either a billion-laughs/XXE attack
// or would leave "&name;" references as junk text.
#pragma once

#include <functional>
#include <set>
#include <vector>

#include <string>
#include <string_view>

#include <pugixml.hpp>

#include "readers/extracted_doc.h"

#include "readers/reader.h"

namespace kb {

struct XmlParse {
  ReadStatus status = ReadStatus::kOk;
  std::string message;
  bool ok() const { return status == ReadStatus::kOk; }
};

// Parses UTF-8/UTF-16 XML into `doc`. `what` names the part in messages ("word/document.xml").
XmlParse parse_xml(std::string_view bytes, pugi::xml_document& doc, std::string_view what,
                   pugi::xml_encoding encoding = pugi::encoding_auto);

// "w:p" → "p".
std::string_view local_name(const pugi::xml_node& node);

// First descendant (depth first) with this local name, or an empty node.
pugi::xml_node find_descendant(const pugi::xml_node& node, std::string_view local);

// The attribute by local name ("xml:lang" matches "lang").
pugi::xml_attribute attribute_by_local_name(const pugi::xml_node& node, std::string_view local);

// All text below `node` in document order, whitespace runs collapsed to one space, trimmed.
std::string collapsed_text(const pugi::xml_node& node);

// Collapses runs of ASCII whitespace (and NBSP-free) to single spaces and trims.
std::string collapse_whitespace(std::string_view text);

// False for text of spaces and punctuation only ("- -", " / ", "– –"): what a header or footer
// paragraph leaves behind when its page-number fields are dropped.
bool has_word_characters(std::string_view text);

// Which header and footer paragraphs a document keeps: each text once (first/even/odd pages and
// every section usually repeat it, and would outweigh the body in ranking) and only with word
// characters. One per document.
class HeaderFooterText {
 public:
  bool keep(const std::string& text) { return has_word_characters(text) && seen_.insert(text).second; }

 private:
  std::set<std::string> seen_;
};

// A table of OOXML/OWPML shape (`tr` rows of `tc` cells, any namespace) as one paragraph per row,
// cells joined by " | "; `read_cell` turns a cell's content into paragraphs (nested tables too).
void table_rows(const pugi::xml_node& table, std::vector<Paragraph>& out,
                const std::function<void(const pugi::xml_node& cell, std::vector<Paragraph>& inside)>& read_cell);

// pugixml does not validate UTF-8: ill-formed sequences in any text or metadata field are
// replaced with U+FFFD here (with a warning), so readers hand out valid UTF-8 only.
void repair_utf8_fields(ExtractedDoc& doc);

}  // namespace kb
