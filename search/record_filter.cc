#include "record_filter.h"

#include <cctype>
#include <filesystem>

#include "schema/schema.h"

namespace kb::search {
namespace {

// YYYY, YYYY-MM or YYYY-MM-DD with a real month and day (leap years included); else nullopt.
std::optional<std::string> iso_date(const std::string& s) {
  if (schema::date_value(s) != s) return std::nullopt;
  const int year = std::stoi(s.substr(0, 4));
  if (year < 1) return std::nullopt;
  if (s.size() >= 7) {
    const int month = std::stoi(s.substr(5, 2));
    if (month < 1 || month > 12) return std::nullopt;
    if (s.size() == 10) {
      const int day = std::stoi(s.substr(8, 2));
      static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
      const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
      if (day < 1 || day > kDays[month - 1] || (month == 2 && day == 29 && !leap)) return std::nullopt;
    }
  }
  return s;
}

// Accepted --type names: the readers' names and the extensions users type.
std::optional<std::string> reader_name(std::string type) {
  for (char& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (!type.empty() && type.front() == '.') type.erase(0, 1);
  static const std::vector<std::pair<std::string, std::string>> kNames = {
      {"text", "text"}, {"txt", "text"},  {"markdown", "markdown"}, {"md", "markdown"},
      {"html", "html"}, {"htm", "html"},  {"xml", "xml"},           {"xhtml", "xml"},
      {"docx", "docx"}, {"hwpx", "hwpx"}, {"hwp", "hwp"},           {"pdf", "pdf"},
  };
  for (const auto& [name, reader] : kNames)
    if (type == name) return reader;
  return std::nullopt;
}

}  // namespace

std::variant<RecordFilter, std::string> make_record_filter(const RecordFilterInput& input) {
  RecordFilter filter;
  for (const std::string& lang : input.langs) {
    if (lang != "ko" && lang != "en" && lang != "und") return "--lang " + lang + ": give ko, en or und";
    filter.langs.push_back(lang);
  }
  if (input.since) {
    const auto d = iso_date(*input.since);
    if (!d) return "--since " + *input.since + ": give a date as YYYY, YYYY-MM or YYYY-MM-DD";
    filter.since = *d;
  }
  if (input.until) {
    const auto d = iso_date(*input.until);
    if (!d) return "--until " + *input.until + ": give a date as YYYY, YYYY-MM or YYYY-MM-DD";
    filter.until = *d + "~";
  }
  if (!filter.since.empty() && !filter.until.empty() && filter.since > filter.until)
    return "--since " + filter.since + " is after --until " + *input.until;
  for (const std::string& path : input.under) {
    std::error_code ec;
    const std::filesystem::path canonical = std::filesystem::canonical(path, ec);
    if (ec) return "--under " + path + ": " + ec.message();
    filter.folders.push_back(canonical.string());
  }
  for (const std::string& type : input.types) {
    const auto name = reader_name(type);
    if (!name) return "--type " + type + ": give text, markdown, html, xml, docx, hwpx, hwp or pdf";
    filter.formats.push_back(*name);
  }
  return filter;
}

namespace {

Xapian::Query any_of(const std::vector<std::string>& terms) {
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

}  // namespace

Xapian::Query apply_record_filter(const RecordFilter& filter, Xapian::Query query) {
  if (filter.empty()) return query;
  std::vector<Xapian::Query> parts;
  if (!filter.langs.empty()) {
    std::vector<std::string> terms;
    for (const std::string& lang : filter.langs) terms.push_back(schema::lang_term(lang));
    parts.push_back(any_of(terms));
  }
  if (!filter.folders.empty()) {
    std::vector<std::string> terms;
    for (const std::string& folder : filter.folders) terms.push_back(schema::folder_term(folder));
    parts.push_back(any_of(terms));
  }
  if (!filter.formats.empty()) {
    std::vector<std::string> terms;
    for (const std::string& format : filter.formats) terms.push_back(schema::format_term(format));
    parts.push_back(any_of(terms));
  }
  if (!filter.since.empty() && !filter.until.empty())
    parts.emplace_back(Xapian::Query::OP_VALUE_RANGE, schema::kDateSlot, filter.since, filter.until);
  else if (!filter.since.empty())
    parts.emplace_back(Xapian::Query::OP_VALUE_GE, schema::kDateSlot, filter.since);
  else if (!filter.until.empty())
    parts.emplace_back(Xapian::Query::OP_VALUE_LE, schema::kDateSlot, filter.until);
  Xapian::Query restriction(Xapian::Query::OP_AND, parts.begin(), parts.end());
  // OP_FILTER: the restriction decides membership, never the score.
  return query.empty() ? restriction : Xapian::Query(Xapian::Query::OP_FILTER, query, restriction);
}

}  // namespace kb::search
