// The index schema: every term prefix, value slot and document-data key kb uses, in one place.
//
// A kb database holds two kinds of Xapian documents:
//   * a *document record* per source file (type term XTdoc): metadata, content hash, no text terms;
//   * a *passage record* per passage (type term XTpassage): the searchable text and what
//     search results need to print it without touching the source file.
//
// Term prefixes (Omega conventions where one exists):
//   Q<doc>            unique id of a document record; Q<doc>#<ordinal> of a passage record
//   XD<doc>           parent document, on both kinds: deleting XD<doc> removes a file's records
//   XT<type>          record type: XTdoc | XTpassage
//   P<path>           source path (absolute, as given after canonicalisation)
//   L<lang>           language of the document: ko | en | und
//   (none)            analysed words: Korean stems, English unstemmed words, numbers (positional)
//   Z<stem>           English stems (Xapian's English stemmer), not positional
//   XB<bigram>        overlapping Hangul syllable bigrams of Korean stems, and the bigram across
//                     a space between two Korean words; not positional
//
// Value slots:
//   0 kDocIdSlot      document id (hex string)
//   1 kOrdinalSlot    passage ordinal within its document (sortable_serialise)
//   2 kLangSlot       language code
//
// Document data: a JSON object, keys below (kKey*). Passage records carry doc, path, title,
// lang, ordinal, text and offset; document records carry path, title, lang, hash, size,
// mtime, passages and indexed_at.
#pragma once

#include <string>
#include <string_view>

#include <xapian.h>

namespace kb::schema {

// Term prefixes.
inline constexpr std::string_view kPrefixUniqueId = "Q";
inline constexpr std::string_view kPrefixParentDoc = "XD";
inline constexpr std::string_view kPrefixType = "XT";
inline constexpr std::string_view kPrefixPath = "P";
inline constexpr std::string_view kPrefixLang = "L";
inline constexpr std::string_view kPrefixStem = "Z";
inline constexpr std::string_view kPrefixBigram = "XB";

inline constexpr std::string_view kTypeDocument = "doc";
inline constexpr std::string_view kTypePassage = "passage";

// Value slots.
enum Slot : Xapian::valueno {
  kDocIdSlot = 0,    // document id, hex
  kOrdinalSlot = 1,  // passage ordinal, sortable_serialise(double)
  kLangSlot = 2,     // "ko" | "en" | "und"
};

// Document-data keys (JSON object members).
inline constexpr const char* kKeyDoc = "doc";
inline constexpr const char* kKeyPath = "path";
inline constexpr const char* kKeyTitle = "title";
inline constexpr const char* kKeyLang = "lang";
inline constexpr const char* kKeyOrdinal = "ordinal";
inline constexpr const char* kKeyText = "text";
inline constexpr const char* kKeyOffset = "offset";
inline constexpr const char* kKeyHash = "hash";
inline constexpr const char* kKeySize = "size";
inline constexpr const char* kKeyMtime = "mtime";
inline constexpr const char* kKeyPassages = "passages";
inline constexpr const char* kKeyIndexedAt = "indexed_at";

// Bumped whenever analysis or the schema changes, so that unchanged files are indexed again.
inline constexpr int kAnalysisVersion = 2;

// Term builders, so no caller concatenates prefixes by hand.
std::string document_uid_term(std::string_view doc_id);
std::string passage_uid_term(std::string_view doc_id, unsigned ordinal);
std::string parent_term(std::string_view doc_id);
std::string type_term(std::string_view type);
std::string path_term(std::string_view path);
std::string lang_term(std::string_view lang);
std::string stem_term(std::string_view stem);
std::string bigram_term(std::string_view bigram);

// Passage ids as printed to users: "<doc>#<ordinal>".
std::string passage_id(std::string_view doc_id, unsigned ordinal);

// The id of a document: 16 hex digits of a 64-bit FNV-1a hash of its canonical path.
std::string document_id_for_path(std::string_view canonical_path);

// Xapian limits a term to 245 bytes; longer terms are cut at a UTF-8 boundary.
std::string clamp_term(std::string term);

}  // namespace kb::schema
