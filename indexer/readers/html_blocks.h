// Turns a stream of HTML elements and text (from gumbo for HTML, from pugixml for XHTML) into
// paragraphs and metadata, so both readers apply the same rules:
//   * dropped with their content: script, style, noscript, template, nav and role=navigation,
//     svg, math, iframe, object, select, button, and the whole <head> except title and meta;
//   * block elements (p, div, li, h1–h6, blockquote, pre, td …) end a paragraph; h1–h6 are
//     headings; a table row is one paragraph with its cells joined by " | ";
//   * metadata: og:title (dc.title, citation_title), else <title>, else the first h1; meta
//     author/description; a date from the usual meta names (date, dc.date, dcterms.date,
//     article:published_time, citation_publication_date), its date_source html-meta;
//     and the html lang attribute (ko*/en* only; other languages are left to detection).
//
// Known weaknesses: CSS is not evaluated, so text hidden by display:none is indexed; header and
// footer chrome without <nav> is indexed.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "readers/extracted_doc.h"

namespace kb {

class HtmlBlockBuilder {
 public:
  using AttributeLookup = std::function<std::string(std::string_view name)>;

  // Returns false when the element's content must be skipped (the caller then does not
  // descend and does not call close()).
  bool open(std::string_view tag, const AttributeLookup& attribute);
  void close(std::string_view tag);
  void text(std::string_view text);
  // Flushes and returns the result; `description` is the meta description ("" when none).
  ExtractedDoc finish();
  const std::string& description() const { return description_; }

 private:
  void flush();

  ExtractedDoc doc_;
  std::string description_;
  std::string current_;
  bool current_heading_ = false;
  bool in_title_ = false;
  std::string title_text_;
  std::string first_h1_;
  std::string meta_title_;  // og:title, dc.title, citation_title
  int row_depth_ = 0;
  bool row_has_cell_ = false;
};

// Lower-case ASCII copy.
std::string ascii_lower(std::string_view s);

// False for a metadata title that says nothing: fewer than two letters (Hangul producers often
// leave "3" or "1111" there) or a placeholder such as "무제" / "Untitled". Callers then leave the title to be derived from the text.
bool is_meaningful_title(std::string_view title);

// "ko-KR" → "ko", "en_US" → "en", anything else → "" (left to detection).
std::string normalize_lang(std::string_view lang);

}  // namespace kb
