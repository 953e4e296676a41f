#include "analysis/document_analyzer.h"

#include <algorithm>

namespace kb::analysis {
namespace {

bool looks_like_text(std::string_view line) {
  if (line.starts_with("![") || line.starts_with("http://") || line.starts_with("https://")) return false;
  for (char c : line)
    if (static_cast<unsigned char>(c) >= 0x80 || std::isalnum(static_cast<unsigned char>(c))) return true;
  return false;
}

std::string cut_at_word(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  std::size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  std::size_t space = text.rfind(' ', cut);
  if (space != std::string_view::npos && space > max_bytes / 2) cut = space;
  std::string out(text.substr(0, cut));
  out += "\xE2\x80\xA6";  // …
  return out;
}

// Gives each figure to the passage that holds its start. Passages and figures are both in text
// order, so one merge pass does it.
void attach_figures(std::vector<Figure> figures, std::vector<AnalyzedPassage>& passages) {
  std::size_t p = 0;
  for (Figure& f : figures) {
    while (p < passages.size() && passages[p].offset + passages[p].text.size() <= f.begin) ++p;
    if (p == passages.size()) break;
    if (f.begin < passages[p].offset) continue;  // between passages (cannot happen: passages tile paragraphs)
    passages[p].figures.push_back(std::move(f));
  }
}

// Stage::kQuotes: each quote goes to the passage its first byte lies in, with offsets made
// relative to that passage (a quote cut by a passage boundary is clipped to its passage).
void attach_quotes(QuoteExtraction extraction, std::vector<AnalyzedPassage>& passages) {
  std::size_t p = 0;
  for (Quote& quote : extraction.quotes) {
    while (p < passages.size() && passages[p].offset + passages[p].text.size() <= quote.begin) ++p;
    if (p == passages.size()) break;
    AnalyzedPassage& passage = passages[p];
    if (quote.begin < passage.offset) continue;
    const auto passage_end = static_cast<std::uint32_t>(passage.offset + passage.text.size());
    quote.end = std::min(quote.end, passage_end) - passage.offset;
    quote.begin -= passage.offset;
    passage.quotes.push_back(std::move(quote));
  }
}

}  // namespace

std::string derive_title(const std::vector<Paragraph>& paragraphs, std::size_t max_bytes) {
  for (const Paragraph& p : paragraphs) {
    std::string_view line = p.text;
    while (!line.empty() && (line.front() == ' ' || line.front() == '#')) line.remove_prefix(1);
    if (looks_like_text(line)) return cut_at_word(line, max_bytes);
  }
  return {};
}

AnalyzedDocument DocumentAnalyzer::analyze(const ExtractedDoc& doc) {
  AnalyzedDocument out;
  out.author = doc.author;
  out.date = doc.date;
  out.date_source = doc.date_source;
  out.source_url = doc.source_url;
  out.title = doc.title.empty() ? derive_title(doc.paragraphs) : doc.title;
  unsigned ordinal = 0;
  for (const Paragraph& paragraph : doc.paragraphs) {
    if (!out.text.empty()) out.text.push_back('\n');
    const auto paragraph_offset = static_cast<std::uint32_t>(out.text.size());
    out.text += paragraph.text;
    for (const PassageSpan& span : splitter_.split(paragraph.text)) {
      AnalyzedPassage passage;
      passage.ordinal = ordinal++;
      passage.text = paragraph.text.substr(span.begin, span.end - span.begin);
      passage.offset = paragraph_offset + span.begin;
      passage.page = paragraph.page;
      passage.line_begin = paragraph.line_begin;
      passage.line_end = paragraph.line_end;
      passage.tokens = text_.analyze(passage.text);
      out.passages.push_back(std::move(passage));
    }
  }
  out.lang = doc.lang.empty() ? detect_language(out.text) : doc.lang;
  // Document stages, after the text stages (kIndexChain order).
  for (Stage stage : kIndexChain) {
    if (stage == Stage::kFigures) attach_figures(figures_.extract(out.text).figures, out.passages);
    if (stage == Stage::kQuotes) attach_quotes(quotes_.extract(out.text), out.passages);
    if (stage == Stage::kAliases) {
      for (Alias& alias : aliases_.extract(out.text)) {
        LearnedAlias learned{std::move(alias), {}, {}};
        learned.left_key = lexicon_key(text_.analyze(learned.alias.left));
        learned.right_key = lexicon_key(text_.analyze(learned.alias.right));
        if (!learned.left_key.empty() && !learned.right_key.empty() && learned.left_key != learned.right_key)
          out.aliases.push_back(std::move(learned));
      }
    }
  }
  return out;
}

}  // namespace kb::analysis
