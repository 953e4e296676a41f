// The index schema: every term prefix, value slot, document-data key and metadata key kb uses,
// in one place. README.md repeats this table.
//
// A kb database holds four kinds of Xapian documents:
//   * a *document record* per source file (type term XTdoc): metadata, content hash, no text terms;
//   * a *passage record* per passage (type term XTpassage): the searchable text and what search
//     results need to print it without touching the source file, its figures and quotes included;
//   * a *figure record* per figure (type term XTfigure): its passage (XP), unit, kind and value,
//     so `--figure USD>=1e9` is a term plus a value range, and what `kb-search --figures` prints;
//   * a *quote record* per quotation of speech (type term XTquote): its passage (XP), the
//     speaker's name forms as XS terms, and what `kb-search --quotes` prints.
// Figure and quote records carry no text terms, which would skew the BM25 statistics passages are
// ranked by: a text query ranks them by the score of their passage (search/passage_ranking.h).
//
// Term prefixes (Omega conventions where one exists):
//   Q<doc>            unique id of a document record; Q<doc>#<ordinal> of a passage record;
//                     Q<doc>@<n> of the document's n-th quote record (0-based)
//   XD<doc>           parent document, on every kind: deleting XD<doc> removes a file's records
//   XT<type>          record type: XTdoc | XTpassage | XTfigure | XTquote
//   P<path>           source path (absolute, as given after canonicalisation)
//   L<lang>           language of the document: ko | en | und
//   (none)            analysed words: Korean stems, English unstemmed words, numbers (positional)
//   Z<stem>           English stems (Xapian's English stemmer), not positional
//   XB<bigram>        overlapping Hangul syllable bigrams of Korean stems, and the bigram across
//                     a space between two Korean words; not positional
//   XP<doc>#<ordinal> on a figure or quote record: the passage that states it
//   XU<unit>          on a figure record: canonical unit (XUUSD, XUKRW, XUpercent, XUcount …)
//   XK<kind>          on a figure record: money | percent | percentage-point | ratio | count |
//                     measure | number
//   XS<form>          speaker of a quote, one term per name form folded to lower case (each word
//                     of the Hangul and Latin names, the Hangul name without spaces, the Hangul
//                     surname): on quote records and on the passage records holding the quote
//
// Value slots:
//   0 kDocIdSlot       document id (hex string)
//   1 kOrdinalSlot     passage ordinal within its document (sortable_serialise)
//   2 kLangSlot        language code
//   3 kFigureValueSlot on a figure record: its value (the low end of a range), sortable_serialise
//   4 kQuoteSlot       on a quote record: quote number within its document (sortable_serialise)
//   5 kTextSlot        on a passage record: the passage text, kept out of the JSON data so that
//                      reading a hit parses little JSON (kAnalysisVersion 7; older records hold
//                      it as the data key `text`)
//   6 kCompoundSlot    on a passage record: its Hangul word terms of three syllables or more,
//                      sorted, '\n'-separated (analysis::compound_list), where proximity ranking
//                      finds a query word inside a compound (kAnalysisVersion 8)
//
// User metadata (Xapian::Database::get_metadata):
//   alias:<lexicon key>  cross-language aliases learned from documents (`션 란돌프(Sean Randolph)`):
//                        the other side's texts as written, one per line
//   failed:<doc id>      a file that failed: its content hash, a tab, the reason. kb-index does not
//                        try the same content again (unless --retry-failed); removed when the
//                        file is indexed or gone
//
// Shards: an index folder is either one Xapian database or a folder holding a Xapian stub file
// `XAPIANDB` (kStubFile) with one line per shard — `auto shard-00` for a local database (relative
// to the folder), `remote TCP HOST PORT` for one served by xapian-tcpsrv — and, for the local ones,
// the shard databases. kb-index --shards N creates N local shards and puts each document (all its
// records) in shard FNV-1a(doc id) mod N; `alias:` metadata lives in the first shard, `failed:`
// metadata in the document's shard. Xapian searches the list as one database.
//
// Document data: a JSON object, keys below (kKey*).
//   * passage records: doc, path, title, lang, ordinal, offset, figures (array of figure
//     objects), quotes (array of {text, speaker}), and for citations date, author, url, page and
//     lines ([first, last] source lines) where known;
//   * document records: path, title, lang, hash, size, mtime, passages, indexed_at, date
//     (YYYY-MM-DD or YYYY-MM) and date_source (metadata, front-matter, html-meta, dateline,
//     filename; readers/document_metadata.h) when a date is known, author, url;
//   * figure records: doc, lang, passage (its id), sentence_span ([begin, end) bytes of the
//     figure's sentence in the document text) and the figure object's keys: surface, value,
//     high, unit, kind, counter, qualifier, year, span ([begin, end) bytes in the document
//     text). Path, title and the sentence's words come from the passage record at search time
//     (records of kAnalysisVersion 6 and older carry path, title and sentence themselves);
//   * quote records: doc, path, title, lang, ordinal (of the passage), quote (its number), text
//     (the quoted words), offset (of the quoted words in the document text) and speaker.
//   A speaker is an object {name, name_en, title, org}; empty name and name_en mean the text
//   names no speaker.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

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
inline constexpr std::string_view kPrefixPassage = "XP";
inline constexpr std::string_view kPrefixUnit = "XU";
inline constexpr std::string_view kPrefixKind = "XK";
inline constexpr std::string_view kPrefixSpeaker = "XS";
inline constexpr std::string_view kPrefixFolder = "XF";
inline constexpr std::string_view kPrefixFormat = "XE";

inline constexpr std::string_view kTypeDocument = "doc";
inline constexpr std::string_view kTypePassage = "passage";
inline constexpr std::string_view kTypeFigure = "figure";
inline constexpr std::string_view kTypeQuote = "quote";

// Value slots.
enum Slot : Xapian::valueno {
  kDocIdSlot = 0,        // document id, hex
  kOrdinalSlot = 1,      // passage ordinal, sortable_serialise(double)
  kLangSlot = 2,         // "ko" | "en" | "und"
  kFigureValueSlot = 3,  // figure value, sortable_serialise(double); figure records only
  kQuoteSlot = 4,        // quote number within its document, sortable_serialise(double)
  kTextSlot = 5,         // passage records: the passage text (UTF-8)
  kCompoundSlot = 6,     // passage records: Hangul words of 3+ syllables (analysis::compound_list)
  kDateSlot = 7,         // every record: its document's date, ISO `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`)
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
inline constexpr const char* kKeyFigures = "figures";
inline constexpr const char* kKeyPassage = "passage";
inline constexpr const char* kKeySurface = "surface";
inline constexpr const char* kKeyValue = "value";
inline constexpr const char* kKeyHigh = "high";
inline constexpr const char* kKeyUnit = "unit";
inline constexpr const char* kKeyKind = "kind";
inline constexpr const char* kKeyCounter = "counter";
inline constexpr const char* kKeyQualifier = "qualifier";
inline constexpr const char* kKeyYear = "year";
inline constexpr const char* kKeySentence = "sentence";
inline constexpr const char* kKeySpan = "span";
inline constexpr const char* kKeySentenceSpan = "sentence_span";
inline constexpr const char* kKeyDate = "date";
inline constexpr const char* kKeyDateSource = "date_source";  // document records: where the date came from
inline constexpr const char* kKeyAuthor = "author";
inline constexpr const char* kKeyUrl = "url";
inline constexpr const char* kKeyPage = "page";
inline constexpr const char* kKeyLines = "lines";

inline constexpr const char* kKeyQuotes = "quotes";
inline constexpr const char* kKeyQuote = "quote";
inline constexpr const char* kKeySpeaker = "speaker";
inline constexpr const char* kKeyName = "name";       // inside speaker
inline constexpr const char* kKeyNameEn = "name_en";  // inside speaker
inline constexpr const char* kKeyRole = "title";      // inside speaker: the speaker's title
inline constexpr const char* kKeyOrg = "org";         // inside speaker

// Bumped whenever analysis or the schema changes, so that unchanged files are indexed again.
// 2: Korean stems and bigrams, figures, quotes (separately); 3: together with aliases;
// 4: quote records; 5: citation fields; 6: figure and quote records without text terms,
// extractor follow-ups; 7: figure records without path, title and sentence (sentence_span),
// passage text in kTextSlot; 8: verb stems (`태어난`/`태어났다` → `태어나`), kCompoundSlot;
// 9: filter terms and slot on every record (XF folders, XE format, L language, kDateSlot);
// dates settled once (YYYY-MM-DD, date_source; front matter, datelines, file names, template
// creation dates refused) and titles from real headings, never a table cell.
inline constexpr int kAnalysisVersion = 9;

// The stub file that makes an index folder a list of shards.
inline constexpr const char* kStubFile = "XAPIANDB";

// Metadata keys.
inline constexpr std::string_view kMetaAliasPrefix = "alias:";
std::string alias_metadata_key(std::string_view lexicon_key);
inline constexpr std::string_view kMetaFailedPrefix = "failed:";
std::string failed_metadata_key(std::string_view doc_id);

// Term builders, so no caller concatenates prefixes by hand.
std::string document_uid_term(std::string_view doc_id);
std::string passage_uid_term(std::string_view doc_id, unsigned ordinal);
std::string parent_term(std::string_view doc_id);
std::string type_term(std::string_view type);
std::string path_term(std::string_view path);
std::string lang_term(std::string_view lang);
std::string stem_term(std::string_view stem);
std::string bigram_term(std::string_view bigram);
std::string passage_link_term(std::string_view doc_id, unsigned ordinal);  // XP<doc>#<ordinal>
std::string unit_term(std::string_view unit);
std::string kind_term(std::string_view kind);
std::string quote_uid_term(std::string_view doc_id, unsigned quote_number);
// `form` must already be folded (analysis::speaker_name_forms, or fold() of a query word).
std::string speaker_term(std::string_view form);
// XF<folder>: the file's own path and every folder above it, so `--under DIR` is one term.
// A path longer than a term allows is represented by a hash of it (`XF#<16 hex>`).
std::string folder_term(std::string_view canonical_path);
std::vector<std::string> folder_terms(std::string_view canonical_file_path);
std::string format_term(std::string_view reader_name);  // XE<reader>: text, markdown, html, xml, docx, hwpx, hwp, pdf
// The value kDateSlot holds for a document date (ISO 8601, possibly with a time), or "" when
// it does not start with a plausible year.
std::string date_value(std::string_view iso_date);

// Passage ids as printed to users: "<doc>#<ordinal>".
std::string passage_id(std::string_view doc_id, unsigned ordinal);

// The 64-bit FNV-1a hash of `bytes`, and its 16 hex digits (document ids, content hashes).
std::uint64_t fnv1a(std::string_view bytes);
std::string fnv1a_hex(std::string_view bytes);

// The id of a document: 16 hex digits of a 64-bit FNV-1a hash of its canonical path.
std::string document_id_for_path(std::string_view canonical_path);

// Xapian limits a term to 245 bytes; longer terms are cut at a UTF-8 boundary.
std::string clamp_term(std::string term);

}  // namespace kb::schema
