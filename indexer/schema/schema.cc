#include "schema/schema.h"

#include <cctype>
#include <cstdint>
#include <cstdio>

namespace kb::schema {
namespace {

constexpr std::size_t kMaxTermBytes = 240;

std::string join(std::string_view prefix, std::string_view rest) {
  std::string term;
  term.reserve(prefix.size() + rest.size());
  term.append(prefix);
  term.append(rest);
  return clamp_term(std::move(term));
}

}  // namespace

std::string clamp_term(std::string term) {
  if (term.size() <= kMaxTermBytes) return term;
  std::size_t cut = kMaxTermBytes;
  // Step back over UTF-8 continuation bytes so the term stays valid UTF-8.
  while (cut > 0 && (static_cast<unsigned char>(term[cut]) & 0xC0) == 0x80) --cut;
  term.resize(cut);
  return term;
}

std::string passage_uid_term(std::string_view doc_id, unsigned ordinal) {
  return join(kPrefixUniqueId, passage_id(doc_id, ordinal));
}

std::string parent_term(std::string_view doc_id) { return join(kPrefixParentDoc, doc_id); }
std::string type_term(std::string_view type) { return join(kPrefixType, type); }

std::string folder_term(std::string_view canonical_path) {
  while (canonical_path.size() > 1 && canonical_path.back() == '/') canonical_path.remove_suffix(1);
  if (kPrefixFolder.size() + canonical_path.size() <= kMaxTermBytes) return join(kPrefixFolder, canonical_path);
  return std::string(kPrefixFolder) + "#" + fnv1a_hex(canonical_path);
}

std::vector<std::string> folder_terms(std::string_view canonical_file_path) {
  std::vector<std::string> terms{folder_term(canonical_file_path)};
  for (std::size_t slash = canonical_file_path.rfind('/'); slash != std::string_view::npos && slash > 0;
       slash = canonical_file_path.rfind('/', slash - 1))
    terms.push_back(folder_term(canonical_file_path.substr(0, slash)));
  terms.push_back(folder_term("/"));
  return terms;
}

std::string format_term(std::string_view reader_name) { return join(kPrefixFormat, reader_name); }

std::string date_value(std::string_view iso_date) {
  // YYYY, YYYY-MM or YYYY-MM-DD at the start; a time part is dropped.
  std::size_t n = 0;
  while (n < iso_date.size() && n < 10 && (std::isdigit(static_cast<unsigned char>(iso_date[n])) || iso_date[n] == '-'))
    ++n;
  const std::string_view d = iso_date.substr(0, n);
  if (d.size() != 4 && d.size() != 7 && d.size() != 10) return {};
  for (std::size_t i = 0; i < d.size(); ++i) {
    const bool dash = i == 4 || i == 7;
    if (dash != (d[i] == '-')) return {};
  }
  return std::string(d);
}
std::string lang_term(std::string_view lang) { return join(kPrefixLang, lang); }
std::string stem_term(std::string_view stem) { return join(kPrefixStem, stem); }
std::string bigram_term(std::string_view bigram) { return join(kPrefixBigram, bigram); }

std::string alias_metadata_key(std::string_view lexicon_key) {
  // Xapian limits metadata keys like terms; a longer key is cut, as a term would be.
  return clamp_term(std::string(kMetaAliasPrefix) + std::string(lexicon_key));
}
std::string failed_metadata_key(std::string_view doc_id) {
  return std::string(kMetaFailedPrefix) + std::string(doc_id);
}
std::string document_metadata_key(std::string_view doc_id) {
  return std::string(kMetaDocumentPrefix) + std::string(doc_id);
}
std::string unit_term(std::string_view unit) { return join(kPrefixUnit, unit); }
std::string kind_term(std::string_view kind) { return join(kPrefixKind, kind); }
std::string speaker_term(std::string_view form) { return join(kPrefixSpeaker, form); }

std::string figure_value_prefix(std::string_view unit_or_kind_term) {
  std::string prefix(kPrefixFigureValue);
  prefix.append(unit_or_kind_term);
  prefix += ':';
  return prefix;
}

std::string figure_value_term(std::string_view unit_or_kind_term, double value) {
  // Not clamped: a cut would merge different values; units and kinds are short names.
  return figure_value_prefix(unit_or_kind_term) + Xapian::sortable_serialise(value);
}

std::string passage_id(std::string_view doc_id, unsigned ordinal) {
  std::string id(doc_id);
  id += '#';
  id += std::to_string(ordinal);
  return id;
}

std::uint64_t fnv1a(std::string_view bytes) {
  std::uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return hash;
}

std::string fnv1a_hex(std::string_view bytes) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(fnv1a(bytes)));
  return buf;
}

std::string document_id_for_path(std::string_view canonical_path) { return fnv1a_hex(canonical_path); }

std::string passage_data(std::string_view json, std::string_view text) {
  std::string data;
  data.reserve(json.size() + text.size() + 1);
  data.append(json).push_back('\0');
  data.append(text);
  return data;
}

PassageDataParts split_passage_data(std::string_view data) {
  PassageDataParts parts;
  const std::size_t end_of_json = data.find('\0');
  if (end_of_json == std::string_view::npos) {
    parts.json = data;
    parts.legacy = true;
    return parts;
  }
  parts.json = data.substr(0, end_of_json);
  parts.text = data.substr(end_of_json + 1);
  return parts;
}

}  // namespace kb::schema
