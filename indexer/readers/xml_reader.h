// XML through pugixml, in two modes chosen by the root element:
//   * XHTML (root <html>): the HTML rules of HtmlBlockBuilder (title, meta, blocks, no nav/script);
//   * generic: every element with text of its own becomes one paragraph holding all the text
//     below it (so <p>a <b>b</b></p> stays one paragraph); metadata from the usual element names
//     at any depth: title / dc:title, creator / author / dc:creator, date / dc:date / pubDate /
//     created / issued, language / dc:language or xml:lang on the root.
// A declared legacy encoding (<?xml encoding="EUC-KR"?>) is converted with ICU first. DOCTYPEs
// that declare entities are refused (see xml_util.h).
//
// Known weaknesses: attributes are never indexed; in generic mode, element names say nothing
// about headings, so no paragraph is a heading.
#pragma once

#include "readers/reader.h"

namespace kb {

class XmlReader final : public Reader {
 public:
  std::string_view name() const override { return "xml"; }
  ReadResult read(std::string_view bytes) const override;
};

}  // namespace kb
