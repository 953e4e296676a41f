// The index schema: every term prefix, value slot, document-data key and metadata key kb uses,
// in one place. README.md repeats this table.
//
// A kb database holds one kind of Xapian document: a *passage record* per passage, with the
// searchable text and what results need to print it without touching the source file — its
// figures and quotes included. Nothing else is a Xapian document, so Xapian's own BM25Weight
// sees the right statistics (document count, average length) and a shard can be searched over
// Xapian's remote backend, whose server knows only Xapian's registered weighting schemes.
//   * A figure is part of its passage: its unit, kind and value are terms of the passage
//     (XU, XK, XV below), its object an element of the passage data's `figures`.
//   * A quote is part of its passage: its speaker's name forms are XS terms of the passage, its
//     object an element of `quotes`.
//   * A source file is a metadata entry `doc:<doc id>` (JSON, keys below) in its shard: what
//     incremental indexing compares and `--status` counts. Its first passage carries XTfirst,
//     so the number of documents with text is a term frequency, on one database or many.
// Layout 2 (kAnalysisVersion 10) replaced the document, figure and quote records of layout 1;
// kb-index turns an index of layout 1 into layout 2 when it opens it (IndexWriter).
//
// Term prefixes (Omega conventions where one exists):
//   Q<doc>#<ordinal>  unique id of a passage record
//   XD<doc>           parent document: deleting XD<doc> removes a file's passages
//   XT<flag>          XTpassage on every passage; XTfirst on the first passage of a document;
//                     XTfigure on a passage stating a figure; XTquote on a passage holding a quote
//   L<lang>           language of the document: ko | en | und
//   (none)            analysed words: Korean stems, English unstemmed words, numbers (the
//                     positional words of a query: proximity and phrases)
//   Z<stem>           English stems (Xapian's English stemmer), not positional
//   XB<bigram>        overlapping Hangul syllable bigrams of Korean stems, and the bigram across
//                     a space between two Korean words; not positional
//   XU<unit>          a figure's canonical unit (XUUSD, XUKRW, XUpercent, XUcount …)
//   XK<kind>          a figure's kind: money | percent | percentage-point | ratio | count |
//                     measure | number
//   XV<XU or XK term>:<sortable_serialise(value)>
//                     a figure's value (the low end of a range) under its unit and under its kind:
//                     `--figure USD>=1e9` is the OR of the XVXUUSD: terms from 1e9 up (terms sort
//                     as their values do), so a range filter is exact and needs no figure record
//   XS<form>          speaker of a quote, one term per name form folded to lower case (each word
//                     of the Hangul and Latin names, the Hangul name without spaces, the Hangul
//                     surname)
//
// Value slots:
//   0 kDocIdSlot       document id (hex string)
//   1 kOrdinalSlot     passage ordinal within its document (sortable_serialise)
//   2 kLangSlot        language code
//   3, 4               unused since layout 2 (figure value, quote number of layout 1's records)
//   5, 6               kTextSlot, kCompoundSlot: a passage's text and its Hangul words of three
//                      syllables or more, for kAnalysisVersion 7..10; since 11 the text is in the
//                      document data (below), which Xapian compresses and value slots are not,
//                      and compounds are found by analysing the text again. Readers still fall back
//                      to the text slot (split_passage_data).
//
// Document data of a passage record (split_passage_data): the JSON object (keys below; JSON never
//   holds a raw NUL), a NUL, then the passage text. The text is kept out of the JSON so that
//   reading a hit parses a few hundred bytes of JSON instead of scanning the passage for escapes.
//
// No word positions (kAnalysisVersion 11): positional words are indexed with their wdf only.
//   Positions were a quarter of the index and of its writing time; the proximity rerank and
//   phrase checks analyse the text of the few passages they look at instead (search/searcher.h).

// User metadata (Xapian::Database::get_metadata):
//   alias:<lexicon key>  cross-language aliases learned from documents (`션 란돌프(Sean Randolph)`):
//                        the other side's texts as written, one per line
//   doc:<doc id>         a source file (JSON): path, title, lang, hash, size, mtime, passages,
//                        figure_count, quote_count, format, indexed_at, date, date_source,
//                        author, url — in the document's shard
//   kb:layout            "2": the record layout (above); kb-search refuses an index of another
//   kb:analysis          kAnalysisVersion of the kb-index that last wrote the shard; kb-search
//                        refuses shards of different versions
//   failed:<doc id>      a file that failed: its content hash, a tab, the reason. kb-index does not
//                        try the same content again (unless --retry-failed); removed when the
//                        file is indexed or gone
//
// Shards: an index folder is either one Xapian database or a folder holding a Xapian stub file
// `XAPIANDB` (kStubFile) with one line per shard — `auto shard-00` for a local database (relative
// to the folder), `remote HOST:PORT` for one served by xapian-tcpsrv (search/shard_set.h) — and,
// for the local ones, the shard databases. kb-index --shards N creates N local shards and puts
// each document (its passages and its doc: entry) in shard FNV-1a(doc id) mod N; `alias:`
// metadata lives in the first shard, `failed:` metadata in the document's shard. kb-search opens
// each shard itself (so an error names the shard) and searches them as one database.
//
// Document data: a JSON object, keys below (kKey*).
//   * passage records: doc, path, title, lang, ordinal, offset, figures (array of figure
//     objects), quotes (array of {text, speaker, quote, offset}), and for citations date, author,
//     url, page and lines ([first, last] source lines) where known;
//   * a figure object: surface, value, high, unit, kind, counter, qualifier, year, span ([begin,
//     end) bytes in the document text) and sentence_span (its sentence's bytes);
//   * a quote object: text (the quoted words), speaker, quote (its number within the document),
//     offset (of the quoted words in the document text);
//   * `doc:` metadata entries: path, title, lang, hash, size, mtime, passages, indexed_at, date
//     (YYYY-MM-DD or YYYY-MM) and date_source (metadata, front-matter, html-meta, dateline,
//     filename; readers/document_metadata.h) when a date is known, author, url.
//   A speaker is an object {name, name_en, title, org, kind}; empty name and name_en mean the
//   text names no person: `kind` says whether an organisation (org), a description (title) or
//   nobody speaks.
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
inline constexpr std::string_view kPrefixLang = "L";
inline constexpr std::string_view kPrefixStem = "Z";
inline constexpr std::string_view kPrefixBigram = "XB";
inline constexpr std::string_view kPrefixUnit = "XU";
inline constexpr std::string_view kPrefixKind = "XK";
inline constexpr std::string_view kPrefixSpeaker = "XS";
inline constexpr std::string_view kPrefixFolder = "XF";
inline constexpr std::string_view kPrefixFormat = "XE";

inline constexpr std::string_view kPrefixFigureValue = "XV";

// XT flags (layout 2: every record is a passage).
inline constexpr std::string_view kTypePassage = "passage";
inline constexpr std::string_view kTypeFirst = "first";    // the first passage of its document
inline constexpr std::string_view kTypeFigure = "figure";  // a passage stating a figure
inline constexpr std::string_view kTypeQuote = "quote";    // a passage holding a quote
// Layout 1's document records (kb-index migrates them; nothing writes them).
inline constexpr std::string_view kTypeLegacyDocument = "doc";

// Value slots.
enum Slot : Xapian::valueno {
  kDocIdSlot = 0,     // document id, hex
  kOrdinalSlot = 1,   // passage ordinal, sortable_serialise(double)
  kLangSlot = 2,      // "ko" | "en" | "und"
  kTextSlot = 5,      // read only: a passage's text, kAnalysisVersion 7..10 (now in the data)
  kCompoundSlot = 6,  // unused since kAnalysisVersion 11 (8..10: a passage's long Hangul words)
  kDateSlot = 7,      // every record: its document's date, ISO `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`)
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
inline constexpr const char* kKeyDateSource = "date_source";
inline constexpr const char* kKeyFigureCount = "figure_count";  // `doc:` entries: figures in the document
inline constexpr const char* kKeyQuoteCount = "quote_count";    // `doc:` entries: quotes in the document
inline constexpr const char* kKeyFormat =
    "format";  // `doc:` entries: the reader's name  // document records: where the date came from
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
// inside speaker: person | organization | description | unknown (analysis::speaker_kind)
inline constexpr const char* kKeySpeakerKind = "kind";

// Bumped whenever analysis or the schema changes, so that unchanged files are indexed again.
// 2: Korean stems and bigrams, figures, quotes (separately); 3: together with aliases;
// 4: quote records; 5: citation fields; 6: figure and quote records without text terms,
// extractor follow-ups; 7: figure records without path, title and sentence (sentence_span),
// passage text in kTextSlot; 8: verb stems (`태어난`/`태어났다` → `태어나`), kCompoundSlot;
// 9: filter terms and slot on every record (XF folders, XE format, L language, kDateSlot);
// dates settled once (YYYY-MM-DD, date_source; front matter, datelines, file names, template
// creation dates refused) and titles from real headings, never a table cell;
// 10: layout 2 — passages are the only records (figures and quotes inside them, documents as
// `doc:` metadata).
// 11: passage text in the document data (split_passage_data), not a value slot; no compound slot;
// no word positions; a two-syllable word not also indexed as its bigram; quote speakers (issue
// 14: English discourse state, Korean reported speech and organisations, the speaker lexicon's
// person titles and speech nouns read); figures (issue 14: regnal numbers, scores, degrees,
// fractions and lists read anew).
inline constexpr int kAnalysisVersion = 11;
inline constexpr int kLayout = 2;

// The stub file that makes an index folder a list of shards.
inline constexpr const char* kStubFile = "XAPIANDB";

// Metadata keys.
inline constexpr std::string_view kMetaAliasPrefix = "alias:";
std::string alias_metadata_key(std::string_view lexicon_key);
inline constexpr std::string_view kMetaFailedPrefix = "failed:";
std::string failed_metadata_key(std::string_view doc_id);
inline constexpr std::string_view kMetaDocumentPrefix = "doc:";
std::string document_metadata_key(std::string_view doc_id);

// The document data of a passage record (see the top of this file) and its parts. A record
// written before kAnalysisVersion 11 is its JSON alone: `text` is then empty and `legacy` set,
// and readers take the text from kTextSlot.
std::string passage_data(std::string_view json, std::string_view text);
struct PassageDataParts {
  std::string_view json, text;
  bool legacy = false;
};
PassageDataParts split_passage_data(std::string_view data);
inline constexpr const char* kMetaLayout = "kb:layout";
inline constexpr const char* kMetaAnalysis = "kb:analysis";

// Term builders, so no caller concatenates prefixes by hand.
std::string passage_uid_term(std::string_view doc_id, unsigned ordinal);
std::string parent_term(std::string_view doc_id);
std::string type_term(std::string_view type);
std::string lang_term(std::string_view lang);
std::string stem_term(std::string_view stem);
std::string bigram_term(std::string_view bigram);
std::string unit_term(std::string_view unit);
std::string kind_term(std::string_view kind);
// XV<filter term>:<sortable_serialise(value)>: a figure's value under its unit term or kind term.
std::string figure_value_term(std::string_view unit_or_kind_term, double value);
// The part of every figure_value_term of `unit_or_kind_term` before the value.
std::string figure_value_prefix(std::string_view unit_or_kind_term);
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
