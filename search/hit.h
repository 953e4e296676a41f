// Plain search results: what the searcher produces and every printer consumes.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "snippet.h"

namespace kb::search {

struct DocRef {
  std::string id;
  std::string path;
  std::string title;
  std::string lang;
};

struct PassageRef {
  std::string id;  // "<doc>#<ordinal>"
  unsigned ordinal = 0;
  std::string text;
  std::uint32_t offset = 0;  // byte offset of the passage in the document text
};

// A figure as search results show it (see analysis/figure.h for the meaning of each field).
struct FigureRef {
  std::string surface;
  double value = 0;
  double high = 0;
  std::string unit;
  std::string kind;
  std::string counter;
  std::string qualifier;
  int year = 0;             // 0: the sentence states none
  std::uint32_t begin = 0;  // byte span in the document text
  std::uint32_t end = 0;
};

// One record of `kb-search --figures`: a figure with where it was said.
struct FigureHit {
  unsigned rank = 0;  // 1-based
  DocRef doc;
  std::string passage_id;
  std::string sentence;
  FigureRef figure;
};

struct FigureSummary {
  std::string query;  // empty: every figure
  std::size_t figures = 0;
};

// The speaker of a quote as the index stores it; empty name and name_en: not named by the text.
struct SpeakerRef {
  std::string name;     // Hangul name
  std::string name_en;  // Latin-script name
  std::string title;
  std::string org;
  std::string kind;  // person | organization | description | unknown (analysis::speaker_kind)
  bool known() const { return !name.empty() || !name_en.empty(); }
  // A person, an organisation or a described speaker: someone `--people` lists.
  bool speaks() const { return known() || !org.empty() || !title.empty(); }
};

// A quote inside a hit's passage.
struct HitQuote {
  std::string text;
  SpeakerRef speaker;
};

// Where a passage comes from, precisely enough to cite it. Empty/0 fields are unknown.
struct Citation {
  std::string date;  // the document's date (ISO 8601) where its file states one
  std::string author;
  std::string url;     // where it was published, where the file says so
  int page = 0;        // 1-based page (PDF)
  int line_begin = 0;  // 1-based source lines (plain text)
  int line_end = 0;
};

// One line that pastes into notes: `Title. path, passage N (p. P, lines A–B), date, url.`
std::string citation_text(const DocRef& doc, const PassageRef& passage, const Citation& citation);

// Documents, not fragments (issue 15; search/result_view.h).
// The same text somewhere else: another format or copy of a document (duplicate_text.h).
struct AlsoRef {
  DocRef doc;
  std::string passage_id;
};

// With `--group doc`: one of the document's next best passages, under its best one.
struct GroupPassage {
  double score = 0;
  PassageRef passage;
  Citation citation;
  Snippet snippet;
  std::vector<AlsoRef> also;
};

// With `--context N`: a passage before (relative < 0) or after (relative > 0) the hit's own.
struct ContextPassage {
  int relative = 0;
  PassageRef passage;
};

struct Hit {
  unsigned rank = 0;     // 1-based
  bool partial = false;  // found while a shard of the index was left out (--allow-partial)
  double score = 0;
  DocRef doc;
  PassageRef passage;
  Citation citation;
  // Byte ranges of the passage text that matched the query, in order, not overlapping.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> highlights;
  std::vector<FigureRef> figures;       // every figure the passage states, in text order
  std::vector<HitQuote> quotes;         // the quotes of speech in the passage, in text order
  Snippet snippet;                      // the passage around its highlights (snippet.h); the whole passage when short
  std::vector<GroupPassage> group;      // --group doc: the document's next best passages, best first
  std::vector<AlsoRef> also;            // the same text in other documents or places, best first
  std::vector<ContextPassage> context;  // --context N: neighbouring passages in document order
};

struct SearchSummary {
  std::string query;
  std::size_t hits = 0;  // hits delivered
  std::size_t estimated_matches = 0;
};

}  // namespace kb::search
