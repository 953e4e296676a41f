// Issue 6: corpus/formats holds our briefs again as DOCX, HWPX and PDF (tools/make-corpus-formats.py).
// Each of the three forms of a brief must read back to the same text, and to the brief's title.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "readers/registry.h"
#include "support/test_support.h"

namespace kb::test {
namespace {
namespace fs = std::filesystem;

std::string read_text(const fs::path& file, std::string* title) {
  std::ifstream in(file, std::ios::binary);
  const std::string bytes{std::istreambuf_iterator<char>(in), {}};
  const Reader* reader = ReaderRegistry::standard().find(file.string(), std::string_view(bytes).substr(0, 16));
  if (reader == nullptr) return "<no reader>";
  const ReadResult r = reader->read(bytes);
  if (!r.ok()) return "<refused: " + r.message + ">";
  *title = r.doc.title;
  std::string out;
  for (const Paragraph& p : r.doc.paragraphs) out += p.text + "\n";
  return out;
}

// Letters, digits and Hangul syllables only: the PDF's non-embedded Korean font maps a few
// punctuation marks back to look-alikes (… → ⋯, · → space), which is the font's business.
std::string words_only(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      if (std::isalnum(b)) out += static_cast<char>(b);
      ++i;
      continue;
    }
    const std::size_t len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
    if (len == 3 && i + 2 < s.size()) {
      const char32_t cp = ((b & 0x0F) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3F) << 6) |
                          (static_cast<unsigned char>(s[i + 2]) & 0x3F);
      if (cp >= 0xAC00 && cp <= 0xD7A3) out += s.substr(i, 3);
    }
    i += len;
  }
  return out;
}

TEST(Issue6_CorpusFormats, EveryBriefReadsTheSameInEachFormat) {
  const fs::path formats = corpus_dir() / "formats";
  int briefs = 0;
  for (const char* lang : {"en", "ko"}) {
    for (const auto& entry : fs::directory_iterator(corpus_dir() / lang)) {
      const std::string stem = std::string(lang) + "_" + entry.path().stem().string();
      std::string docx_title, hwpx_title, pdf_title;
      const std::string docx = read_text(formats / "docx" / (stem + ".docx"), &docx_title);
      const std::string hwpx = read_text(formats / "hwpx" / (stem + ".hwpx"), &hwpx_title);
      const std::string pdf = read_text(formats / "pdf" / (stem + ".pdf"), &pdf_title);
      EXPECT_GT(docx.size(), 1000u) << stem << ": " << docx.substr(0, 200);
      EXPECT_EQ(docx, hwpx) << stem;
      EXPECT_EQ(words_only(docx), words_only(pdf)) << stem;
      EXPECT_FALSE(docx_title.empty()) << stem;
      EXPECT_EQ(docx_title, hwpx_title) << stem;
      EXPECT_EQ(words_only(docx_title), words_only(pdf_title)) << stem;
      EXPECT_EQ(docx.find(docx_title), 0u) << stem << ": the title is the first paragraph";
      ++briefs;
    }
  }
  EXPECT_EQ(briefs, 5);
}

}  // namespace
}  // namespace kb::test
