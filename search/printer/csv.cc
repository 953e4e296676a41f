#include "printer/csv.h"

#include <cstdio>

namespace kb::search {

std::string csv_field(std::string_view value) {
  if (value.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(value);
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

void write_csv_row(std::ostream& out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out << ',';
    out << csv_field(fields[i]);
  }
  out << "\r\n";
}

std::vector<std::vector<std::string>> read_csv(std::string_view data) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < data.size(); ++i) {
    const char c = data[i];
    if (quoted) {
      if (c == '"' && i + 1 < data.size() && data[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < data.size() && data[i + 1] == '\n') ++i;
      row.push_back(std::move(field));
      field.clear();
      rows.push_back(std::move(row));
      row.clear();
    } else {
      field += c;
    }
  }
  if (!field.empty() || !row.empty()) {
    row.push_back(std::move(field));
    rows.push_back(std::move(row));
  }
  return rows;
}

namespace {

// Issue 15 columns: `group`, the ids of the document's further passages (--group doc), and
// `also`, where copies of the passage's text are (path and passage), joined by "; ".
std::string group_ids(const Hit& hit) {
  std::string out;
  for (const GroupPassage& g : hit.group) out += (out.empty() ? "" : "; ") + g.passage.id;
  return out;
}

std::string also_paths(const std::vector<AlsoRef>& also) {
  std::string out;
  for (const AlsoRef& a : also) out += (out.empty() ? "" : "; ") + a.doc.path + " (" + a.passage_id + ")";
  return out;
}

}  // namespace

CsvHitPrinter::CsvHitPrinter(std::ostream& out) : out_(out) {
  write_csv_row(out_, {"rank", "score", "doc_id", "path", "title", "lang", "passage_id", "ordinal", "offset", "text",
                       "citation", "snippet", "group", "also"});
}

void CsvHitPrinter::on_hit(const Hit& hit) {
  char score[32];
  std::snprintf(score, sizeof score, "%.6g", hit.score);
  write_csv_row(out_, {std::to_string(hit.rank), score, hit.doc.id, hit.doc.path, hit.doc.title, hit.doc.lang,
                       hit.passage.id, std::to_string(hit.passage.ordinal), std::to_string(hit.passage.offset),
                       hit.passage.text, citation_text(hit.doc, hit.passage, hit.citation), hit.snippet.text,
                       group_ids(hit), also_paths(hit.also)});
}

}  // namespace kb::search
