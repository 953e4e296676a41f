// What a format reader hands to the rest of kb: plain metadata and paragraphs, nothing
// format-specific. Readers fill it; the analysis chain consumes it.
#pragma once

#include <string>
#include <vector>

namespace kb {

struct Paragraph {
  std::string text;  // UTF-8, no trailing newline
  int page = 0;      // 1-based page for paged formats, 0 where the format has none
  bool heading = false;
  int line_begin = 0;  // 1-based source lines the paragraph spans, for citations; 0: unknown
  int line_end = 0;
};

// Where a document's date came from (ExtractedDoc::date_source, the record's `date_source`).
inline constexpr const char* kDateFromMetadata = "metadata";         // document properties (DOCX, HWPX, HWP, PDF, XML)
inline constexpr const char* kDateFromFrontMatter = "front-matter";  // Markdown `date:`
inline constexpr const char* kDateFromHtmlMeta = "html-meta";  // <meta name="date" …>, article:published_time …
inline constexpr const char* kDateFromDateline = "dateline";   // a date line in the first paragraphs
inline constexpr const char* kDateFromFileName = "filename";   // 20240305_보도자료.hwpx

struct ExtractedDoc {
  std::string title;  // may be empty: the analysis chain then derives one from the text
  std::string author;
  std::string date;         // ISO 8601 where known; settle_metadata makes it YYYY-MM-DD or YYYY-MM
  std::string date_source;  // where `date` came from: one of the kDateFrom* names below, "" when no date
  std::string modified;     // last-saved date of office metadata: only to tell a template's creation date
  std::string lang;         // ko | en | und; empty: detected from the text
  std::string source_url;   // where the document was published, when the file says so
  std::string description;  // a summary the file declares (HTML meta, DOCX/HWPX properties); not indexed yet
  std::vector<Paragraph> paragraphs;
  std::vector<std::string> warnings;  // problems that did not stop reading (repaired UTF-8 …)
};

}  // namespace kb
