// The index chain over a whole document: joins the reader's paragraphs into the document text,
// cuts passages, runs the text stages on each passage, then the document stages in the order
// kIndexChain declares (figures; quotes to come). The result is plain data for the index writer.
// cuts passages, runs the text stages on each passage and the document-level extractors (the
// quotes stage runs over the whole text, since speakers are resolved across the document, and
// each quote is then attached to the passage it starts in). The result is plain data for the
// index writer.
#pragma once

#include <cstdint>
#include <cctype>
#include <string>
#include <vector>

#include "analysis/alias_extractor.h"
#include "analysis/analyzer.h"
#include "analysis/figure_extractor.h"
#include "analysis/passage_splitter.h"
#include "analysis/quote.h"
#include "analysis/quote_extractor.h"
#include "readers/extracted_doc.h"

namespace kb::analysis {

struct AnalyzedPassage {
  unsigned ordinal = 0;       // 0-based, in document order
  std::string text;
  std::uint32_t offset = 0;   // byte offset of the passage in the document text
  int page = 0;
  int line_begin = 0;         // source lines of its paragraph (0: unknown), for citations
  int line_end = 0;
  std::vector<Token> tokens;  // offsets relative to the passage text
  // Figures stated in the passage (Stage::kFigures). Their spans are byte offsets in the
  // DOCUMENT text (AnalyzedDocument::text), like their sentence spans.
  std::vector<Figure> figures;
  std::vector<Quote> quotes;  // Stage::kQuotes; begin/end relative to the passage text
};

// A cross-language alias found in the document, with the lexicon keys of both sides.
struct LearnedAlias {
  Alias alias;
  std::string left_key;
  std::string right_key;
};

struct AnalyzedDocument {
  std::string title;
  std::string author;
  std::string date;
  std::string date_source;  // ExtractedDoc::date_source
  std::string lang;
  std::string source_url;
  std::string text;  // paragraphs joined by "\n": the text that spans and offsets refer to
  std::vector<AnalyzedPassage> passages;
  std::vector<LearnedAlias> aliases;
};

class DocumentAnalyzer {
 public:
  AnalyzedDocument analyze(const ExtractedDoc& doc);

  TextAnalyzer& text_analyzer() { return text_; }

 private:
  TextAnalyzer text_;
  PassageSplitter splitter_;
  AliasExtractor aliases_;
  FigureExtractor figures_;
  QuoteExtractor quotes_;
};

// A title from the first paragraph that reads like text (not a bare image or link line), cut to
// at most `max_bytes` at a word boundary.
std::string derive_title(const std::vector<Paragraph>& paragraphs, std::size_t max_bytes = 120);

}  // namespace kb::analysis
