#include "hit.h"

namespace kb::search {

std::string citation_text(const DocRef& doc, const PassageRef& passage, const Citation& c) {
  std::string out = doc.title.empty() ? doc.path : doc.title;
  if (!out.empty() && out.back() != '.' && out.back() != '?' && out.back() != '!') out += '.';
  out += ' ';
  if (!c.author.empty()) out += c.author + ", ";
  out += doc.path + ", passage " + std::to_string(passage.ordinal);
  std::string where;
  if (c.page > 0) where += "p. " + std::to_string(c.page);
  if (c.line_begin > 0) {
    if (!where.empty()) where += ", ";
    where += c.line_end > c.line_begin
                 ? "lines " + std::to_string(c.line_begin) + "\xE2\x80\x93" + std::to_string(c.line_end)
                 : "line " + std::to_string(c.line_begin);
  }
  if (!where.empty()) out += " (" + where + ")";
  if (!c.date.empty()) out += ", " + c.date;
  if (!c.url.empty()) out += ", " + c.url;
  out += '.';
  return out;
}

}  // namespace kb::search
