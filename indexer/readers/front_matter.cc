#include "readers/front_matter.h"

#include <cctype>

namespace kb {
namespace {

constexpr int kMaxLines = 200;

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string unquote(std::string_view v) {
  v = trim(v);
  if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front()) v = v.substr(1, v.size() - 2);
  return std::string(v);
}

void set_once(std::string& field, std::string value) {
  if (field.empty()) field = std::move(value);
}

}  // namespace

FrontMatter read_front_matter(std::string_view text) {
  FrontMatter fm;
  std::size_t pos = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  auto next_line = [&](std::string_view& line) {
    if (pos >= text.size()) return false;
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    line = trim(text.substr(pos, nl - pos));
    pos = nl + 1;
    return true;
  };
  std::string_view line;
  if (!next_line(line) || line != "---") return fm;
  FrontMatter read;
  for (int n = 0; n < kMaxLines && next_line(line); ++n) {
    if (line == "---" || line == "...") {
      read.found = true;
      read.body_offset = std::min(pos, text.size());
      return read;
    }
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || line.starts_with('-') || line.starts_with('#')) continue;
    const std::string key = lower(trim(line.substr(0, colon)));
    std::string value = unquote(line.substr(colon + 1));
    if (value.empty()) continue;
    if (key == "title")
      set_once(read.title, std::move(value));
    else if (key == "date" || key == "published" || key == "pubdate" || key == "created")
      set_once(read.date, std::move(value));
    else if (key == "url" || key == "link" || key == "source")
      set_once(read.url, std::move(value));
    else if (key == "author")
      set_once(read.author, std::move(value));
    else if (key == "lang" || key == "language")
      set_once(read.lang, std::move(value));
  }
  return fm;
}

}  // namespace kb
