// Issue 12: no crash on real input. Each row is text we wrote in the shape of a news story that
// crashed kb-index (or a fuzz input that did), run through the text reader and the whole document
// analysis as kb-index runs it. Every row must analyse, keep its offsets inside the text and find
// the quotes listed.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "analysis/alias_extractor.h"
#include "analysis/document_analyzer.h"
#include "analysis/quote_extractor.h"
#include "index_writer.h"
#include "readers/text_reader.h"

namespace kb::test {
namespace {

// A quote expected in the document: its text and who said it (both empty: unknown speaker).
struct ExpectedQuote {
  std::string text;
  std::string name_en;
};

struct BadInputCase {
  std::string name;  // what the row is about, as a test name
  std::string text;  // the file's bytes
  std::vector<ExpectedQuote> quotes;
};

void PrintTo(const BadInputCase& c, std::ostream* os) { *os << c.name; }

// The .txt file through the text reader, DocumentAnalyzer and IndexWriter::prepare, as kb-index
// does; checks the offsets of everything the analysis returns.
analysis::AnalyzedDocument analyze_file(const std::string& bytes) {
  const ReadResult read = TextReader().read(bytes);
  EXPECT_TRUE(read.ok()) << read.message;
  analysis::DocumentAnalyzer analyzer;
  analysis::AnalyzedDocument doc = analyzer.analyze(read.doc);
  for (const analysis::AnalyzedPassage& passage : doc.passages) {
    EXPECT_LE(passage.offset + passage.text.size(), doc.text.size());
    for (const analysis::Quote& quote : passage.quotes) {
      EXPECT_LE(quote.begin, quote.end);
      EXPECT_LE(quote.end, passage.text.size());
    }
    for (const analysis::Figure& figure : passage.figures) {
      EXPECT_LE(figure.begin, figure.end);
      EXPECT_LE(figure.end, doc.text.size());
    }
  }
  (void)IndexWriter::prepare({"0123456789abcdef", "/issue12/story.txt", "hash", bytes.size(), 0, "text"}, doc);
  return doc;
}

class Issue12_Stories : public ::testing::TestWithParam<BadInputCase> {};

TEST_P(Issue12_Stories, AnalyseWithoutCrashing) {
  const analysis::AnalyzedDocument doc = analyze_file(GetParam().text);
  std::vector<analysis::Quote> quotes;
  for (const analysis::AnalyzedPassage& passage : doc.passages)
    quotes.insert(quotes.end(), passage.quotes.begin(), passage.quotes.end());
  ASSERT_EQ(quotes.size(), GetParam().quotes.size()) << [&] {
    std::string all;
    for (const auto& q : quotes) all += "\n  " + q.speaker.name_en + ": " + q.text;
    return all;
  }();
  for (std::size_t i = 0; i < quotes.size(); ++i) {
    EXPECT_EQ(quotes[i].text, GetParam().quotes[i].text);
    EXPECT_EQ(quotes[i].speaker.name_en, GetParam().quotes[i].name_en);
  }
}

// Crashes of issue 12, each in our own words. A capitalised word, `of` (and `the`), then a quote:
// the quote's token has no text, and the organisation test read its first letter.
INSTANTIATE_TEST_SUITE_P(
    QuoteAfterCapitalisedWordAndOf, Issue12_Stories,
    ::testing::Values(
        // `Critics of "0/92" plan` at the start of a line of hard-wrapped wire text.
        BadInputCase{"QuoteRightAfterOf",
                     "Farm economists here are weighing a new\n"
                     "    Skeptics of \"open skies\" deals contend that the airline\n"
                     "would lose its best routes to foreign carriers.\n",
                     {}},
        // `News of the "enormous problems" in New York …`.
        BadInputCase{"QuoteAfterOfThe",
                     "Word of the \"sudden slump\" in Tokyo reached Seoul before the market opened, "
                     "said Mina Park, a dealer at Hanbit Securities.\n",
                     {}},
        // `accused Bonn of "lacking the …` with wrapped lines joined into a paragraph.
        BadInputCase{"QuoteAfterPlaceAndOf",
                     "The farmers' union accused Ottawa of \"dragging its feet on the accord,\" its leader "
                     "Paul Girard said.\n",
                     {{"dragging its feet on the accord", "Paul Girard"}}},
        // A paragraph ending in a stray closing mark (`… or the stockmarket."`), then a later
        // `News of the "…"`: the stray mark shifts the pairing of every mark after it.
        BadInputCase{"StrayClosingMarkThenOfThe",
                     "Prices fell 12 pct, a drop he called a \"purely nervous\" response to the bond market and "
                     "not a sign of trouble for the economy or the bond market.\"\n\n"
                     "\"We expect calm by Friday,\" said Anna Lindqvist, chief economist at Nordvik Bank.\n\n"
                     "News of the \"heavy losses\" in London set off selling, Lindqvist said.\n",
                     {{"We expect calm by Friday", "Anna Lindqvist"}}}),
    [](const ::testing::TestParamInfo<BadInputCase>& row) { return row.param.name; });

// Seconds `work` takes on `text`, the best of three runs (the machine may be busy).
double seconds_for(const std::function<void(const std::string&)>& work, const std::string& text) {
  double best = 1e9;
  for (int run = 0; run < 3; ++run) {
    const auto start = std::chrono::steady_clock::now();
    work(text);
    best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  return best;
}

// Stays linear: four times the text takes about four times as long (quadratic work takes
// sixteen); the 20 ms slack keeps timer noise on small runs from failing it.
// Stays linear: the text `make(4 * n)` takes about four times as long as `make(n)` (quadratic work
// takes sixteen); the 20 ms slack keeps timer noise on small runs from failing it.
void expect_linear(const std::function<void(const std::string&)>& work, const std::function<std::string(int)>& make,
                   int n) {
  const double t_small = seconds_for(work, make(n));
  const double t_large = seconds_for(work, make(4 * n));
  EXPECT_LT(t_large, 8 * t_small + 0.02) << make(1) << " (" << n << "): " << t_small
                                         << " s, four times as much: " << t_large << " s";
}

// `n` units, then `tail`.
void expect_linear(const std::function<void(const std::string&)>& work, const std::string& unit, int n,
                   const std::string& tail = "") {
  expect_linear(
      work,
      [&](int count) {
        std::string text;
        for (int i = 0; i < count; ++i) text += unit;
        return text + tail;
      },
      n);
}

// A Hangul word of three syllables for each `i`: 가가가, 가가각, …
std::string hangul_word(int i) {
  std::string word;
  for (int k = 0; k < 3; ++k) {
    const char32_t cp = 0xAC00 + static_cast<char32_t>(i % 2000);
    i /= 2000;
    word += static_cast<char>(0xE0 | (cp >> 12));
    word += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    word += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return word;
}

// Found by feeding fuzz-analysis long hand-made texts: a paragraph of many `이름(Name)` glosses.
// The alias stage split the whole line before each parenthesis into words, and searched every `(`
// for its `)` from scratch.
TEST(Issue12_Alias, ManyGlossesOnOneLineStayLinear) {
  const auto extract = [](const std::string& text) { (void)analysis::AliasExtractor().extract(text); };
  expect_linear(extract, "한국상공회의소(Korea Chamber) ", 1000);
  expect_linear(extract, "(", 30000, ")");  // one search for the `)`, not one per `(`
  expect_linear(extract, "((x)", 2000);
}

TEST(Issue12_Alias, DistinctGlossesAreEachLearnedOnce) {
  std::string text;
  for (char c = 'a'; c <= 'z'; ++c) text += std::string("가") + c + "(G" + c + ") 가" + c + "(G" + c + ") ";
  const auto aliases = analysis::AliasExtractor().extract(text);
  ASSERT_EQ(aliases.size(), 26u);
  EXPECT_EQ(aliases.front(), (analysis::Alias{"가a", "Ga"}));
  EXPECT_EQ(aliases.back(), (analysis::Alias{"가z", "Gz"}));
}

// Found by feeding fuzz-analysis a long text: many quoted people, each with an organisation, and
// many Korean words. Organisation aliases compared every word with every person's organisation.
TEST(Issue12_People, ManySpeakersWithOrganisationsAndManyWordsStayLinear) {
  const auto extract = [](const std::string& text) { (void)analysis::QuoteExtractor().extract(text); };
  const auto make = [](int n) {
    std::string text;
    for (int i = 0; i < n; ++i) {
      std::string id;  // letters only: a name word has no digits
      for (int k = i; k > 0 || id.empty(); k /= 26) id += static_cast<char>('a' + k % 26);
      text += "\"We grew,\" said Alan Ro" + id + ", head of research at Nor" + id + " Bank. ";
      for (int k = 0; k < 10; ++k) text += hangul_word(10 * i + k) + " ";
      text += "\n";
    }
    return text;
  };
  expect_linear(extract, make, 150);
  // Before the fix the six runs above took 97 s under ASan (Debug); now about one second.
  EXPECT_LT(seconds_for(extract, make(600)), 5.0);
}

}  // namespace
}  // namespace kb::test
