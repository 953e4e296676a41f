// A libFuzzer target for the whole document analysis (fuzz-analysis): the bytes go through the
// text reader, as kb-index reads a .txt file (invalid UTF-8 repaired, paragraphs by blank lines
// or lines), then through DocumentAnalyzer::analyze (passages, text stages, figures, quotes,
// people, aliases) and IndexWriter::prepare (the records, no database). Any input must come back
// as records, never a crash, hang or sanitizer report, and the analysis must keep its offsets
// inside the text it describes.
//
// A trailing control byte 0x01–0x04 (which text never ends with) picks another paragraph layout
// for the same text, so the fuzzer also varies paragraph structure: 1 all paragraphs as one
// (passages then come from the sentence splitter), 2 every paragraph a heading on its own page,
// 3 every paragraph cut in two at its middle character, 4 the reader's paragraphs in reverse
// order. A file that ends in a newline (any real text, tools/run-fuzz.sh's seeds) is read as is.
//
// tools/run-fuzz.sh runs it; `build-fuzz/bin/fuzz-analysis DIR -runs=0` runs every file of DIR
// once (e.g. a folder of news stories, one per file).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analysis/document_analyzer.h"
#include "analysis/unicode_text.h"
#include "index_writer.h"
#include "readers/text_reader.h"

namespace {

using kb::Paragraph;

void check(bool ok) {
  if (!ok) std::abort();
}

// The paragraph layout the trailing control byte asks for (see the file comment).
std::vector<Paragraph> relayout(std::vector<Paragraph> paragraphs, unsigned layout) {
  std::vector<Paragraph> out;
  switch (layout) {
    case 1: {
      Paragraph all;
      for (const Paragraph& p : paragraphs) {
        if (!all.text.empty()) all.text += ' ';
        all.text += p.text;
      }
      out.push_back(std::move(all));
      break;
    }
    case 2: {
      int page = 0;
      for (Paragraph& p : paragraphs) {
        p.heading = true;
        p.page = ++page;
        out.push_back(std::move(p));
      }
      break;
    }
    case 3:
      for (Paragraph& p : paragraphs) {
        std::size_t cut = p.text.size() / 2;
        while (cut > 0 && (static_cast<unsigned char>(p.text[cut]) & 0xC0) == 0x80) --cut;
        Paragraph second = p;
        second.text = p.text.substr(cut);
        p.text.resize(cut);
        if (!p.text.empty()) out.push_back(std::move(p));
        if (!second.text.empty()) out.push_back(std::move(second));
      }
      break;
    case 4:
      out.assign(std::make_move_iterator(paragraphs.rbegin()), std::make_move_iterator(paragraphs.rend()));
      break;
    default:
      out = std::move(paragraphs);
  }
  return out;
}

void check_analysis(const kb::analysis::AnalyzedDocument& doc) {
  check(kb::analysis::is_valid_utf8(doc.text));
  for (const kb::analysis::AnalyzedPassage& passage : doc.passages) {
    check(passage.offset + passage.text.size() <= doc.text.size());
    check(kb::analysis::is_valid_utf8(passage.text));
    for (const kb::analysis::Token& token : passage.tokens)
      check(token.begin <= token.end && token.end <= passage.text.size());
    for (const kb::analysis::Figure& figure : passage.figures)
      check(figure.begin <= figure.end && figure.end <= doc.text.size() && figure.begin >= passage.offset);
    for (const kb::analysis::Quote& quote : passage.quotes)
      check(quote.begin <= quote.end && quote.end <= passage.text.size());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  unsigned layout = 0;
  if (!bytes.empty() && bytes.back() >= 0x01 && bytes.back() <= 0x04) {
    layout = static_cast<unsigned>(bytes.back());
    bytes.remove_suffix(1);
  }
  static const kb::TextReader reader;
  kb::ReadResult read = reader.read(bytes);
  if (!read.ok()) return 0;
  read.doc.paragraphs = relayout(std::move(read.doc.paragraphs), layout);

  static kb::analysis::DocumentAnalyzer analyzer;
  const kb::analysis::AnalyzedDocument doc = analyzer.analyze(read.doc);
  check_analysis(doc);
  const kb::SourceInfo source{"0123456789abcdef", "/fuzz/input.txt", "hash", size, 0, "text"};
  (void)kb::IndexWriter::prepare(source, doc);
  return 0;
}
