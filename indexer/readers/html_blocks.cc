#include "readers/html_blocks.h"

#include <algorithm>
#include <array>

#include "readers/xml_util.h"

namespace kb {
namespace {

constexpr std::array kSkipped{"script", "style", "noscript", "template", "nav", "svg", "math",
                              "iframe", "object", "select", "button", "head", "canvas", "audio", "video"};
constexpr std::array kBlocks{"p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "dt", "dd",
                             "blockquote", "pre", "table", "caption", "figcaption", "figure", "address",
                             "form", "fieldset", "legend", "details", "summary", "header", "footer",
                             "aside", "hr", "br", "body", "h1", "h2", "h3", "h4", "h5", "h6", "center"};

template <std::size_t N>
bool contains(const std::array<const char*, N>& set, std::string_view tag) {
  return std::any_of(set.begin(), set.end(), [&](const char* s) { return tag == s; });
}

bool is_heading(std::string_view tag) {
  return tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6';
}

}  // namespace

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool is_meaningful_title(std::string_view title) {
  // Placeholders producers write when the author gave none (Quartz: "무제", Word: "Untitled").
  for (std::string_view placeholder : {"무제", "제목 없음", "Untitled", "untitled", "제목"})
    if (title == placeholder) return false;
  std::size_t letters = 0;
  for (std::size_t i = 0; i < title.size(); ++i) {
    const auto b = static_cast<unsigned char>(title[i]);
    if (b >= 0xC0) ++letters;  // a non-ASCII code point starts: Hangul, Han …
    else if (std::isalpha(b)) ++letters;
  }
  return letters >= 2;
}

std::string normalize_lang(std::string_view lang) {
  const std::string l = ascii_lower(lang.substr(0, 2));
  return l == "ko" || l == "en" ? l : std::string();
}

bool HtmlBlockBuilder::open(std::string_view raw_tag, const AttributeLookup& attribute) {
  const std::string tag = ascii_lower(raw_tag);
  if (tag == "html") {
    if (doc_.lang.empty()) doc_.lang = normalize_lang(attribute("lang"));
    return true;
  }
  if (tag == "title") {
    in_title_ = true;
    return true;
  }
  if (tag == "meta") {
    const std::string name = ascii_lower(attribute("name").empty() ? attribute("property") : attribute("name"));
    const std::string content = collapse_whitespace(attribute("content"));
    if (content.empty()) return false;
    if (name == "author" || name == "dc.creator" || name == "article:author") {
      if (doc_.author.empty()) doc_.author = content;
    } else if (name == "description" || name == "og:description" || name == "dc.description") {
      if (description_.empty()) description_ = content;
    } else if (name == "date" || name == "dc.date" || name == "dcterms.date" || name == "dcterms.created" ||
               name == "article:published_time" || name == "citation_publication_date" || name == "pubdate") {
      if (doc_.date.empty()) {
        doc_.date = content;
        doc_.date_source = kDateFromHtmlMeta;
      }
    } else if (name == "og:title" || name == "dc.title" || name == "citation_title") {
      if (meta_title_.empty()) meta_title_ = content;
    }
    return false;
  }
  if (tag == "head") return true;  // its title and meta are read; other head content is not text
  if (contains(kSkipped, tag) || ascii_lower(attribute("role")) == "navigation") return false;
  if (tag == "tr") {
    flush();
    ++row_depth_;
    row_has_cell_ = false;
    return true;
  }
  if (tag == "td" || tag == "th") {
    if (row_depth_ > 0) {
      if (row_has_cell_ && !current_.empty()) current_ += " | ";
      row_has_cell_ = true;
      return true;
    }
    flush();
    return true;
  }
  if (row_depth_ > 0) {  // inside a row, blocks only separate words
    current_ += ' ';
    return true;
  }
  if (contains(kBlocks, tag)) {
    flush();
    current_heading_ = is_heading(tag);
  }
  return true;
}

void HtmlBlockBuilder::close(std::string_view raw_tag) {
  const std::string tag = ascii_lower(raw_tag);
  if (tag == "title") {
    in_title_ = false;
    return;
  }
  if (tag == "tr") {
    if (row_depth_ > 0) --row_depth_;
    if (row_depth_ == 0) flush();
    return;
  }
  if (row_depth_ > 0) {
    current_ += ' ';
    return;
  }
  if (contains(kBlocks, tag) || tag == "td" || tag == "th") {
    if (is_heading(tag) && tag == "h1" && first_h1_.empty()) first_h1_ = collapse_whitespace(current_);
    flush();
  }
}

void HtmlBlockBuilder::text(std::string_view text) {
  if (in_title_) {
    title_text_.append(text);
    return;
  }
  current_.append(text);
}

void HtmlBlockBuilder::flush() {
  std::string text = collapse_whitespace(current_);
  // A row whose cells were all empty leaves only separators.
  if (!text.empty() && text.find_first_not_of(" |") != std::string::npos)
    doc_.paragraphs.push_back({std::move(text), 0, current_heading_});
  current_.clear();
  current_heading_ = false;
}

ExtractedDoc HtmlBlockBuilder::finish() {
  flush();
  // og:title first: <title> often carries the site's name too (`Headline | Site`).
  doc_.title = !meta_title_.empty() ? meta_title_ : collapse_whitespace(title_text_);
  if (doc_.title.empty()) doc_.title = first_h1_;
  return std::move(doc_);
}

}  // namespace kb
