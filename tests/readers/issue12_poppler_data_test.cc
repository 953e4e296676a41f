// Issue 12: on a fresh machine the Korean PDFs of corpus/formats read as "no text layer" because
// poppler-data (the CMaps of CID fonts, Adobe-Korea1 among them) was not installed. These PDFs
// use a non-embedded Korean CID font with a predefined CMap, the shape of most Korean government
// PDFs; reading them needs the CMaps, and when they are missing the test and the reader's own
// reason both name the package.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "readers/registry.h"
#include "support/test_support.h"

namespace kb::test {
namespace {
namespace fs = std::filesystem;

std::size_t hangul_syllables(const std::string& s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i + 2 < s.size(); ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0xE0 || b >= 0xF0) continue;
    const char32_t cp = ((b & 0x0F) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3F) << 6) |
                        (static_cast<unsigned char>(s[i + 2]) & 0x3F);
    if (cp >= 0xAC00 && cp <= 0xD7A3) ++n;
  }
  return n;
}

TEST(Issue12_PopplerData, KoreanCidFontPdfsHaveTheirText) {
  const bool cmaps = fs::exists("/usr/share/poppler/cMap/Adobe-Korea1");
  const std::string hint = cmaps ? std::string()
                                 : " — poppler-data is not installed (/usr/share/poppler/cMap/Adobe-Korea1 is "
                                   "missing): run tools/install-deps.sh";
  int pdfs = 0;
  for (const auto& entry : fs::directory_iterator(corpus_dir() / "formats" / "pdf")) {
    if (!entry.path().filename().string().starts_with("ko_")) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string bytes{std::istreambuf_iterator<char>(in), {}};
    const Reader* reader = ReaderRegistry::standard().find(entry.path().string(), bytes.substr(0, 16));
    ASSERT_NE(reader, nullptr) << entry.path();
    const ReadResult r = reader->read(bytes);
    ++pdfs;
    ASSERT_TRUE(r.ok()) << entry.path().filename() << ": " << r.message << hint;
    std::string text;
    for (const Paragraph& p : r.doc.paragraphs) text += p.text;
    EXPECT_GT(hangul_syllables(text), 500u) << entry.path().filename() << hint;
    for (const std::string& w : r.doc.warnings) EXPECT_EQ(w.find("poppler-data"), std::string::npos) << w;
  }
  EXPECT_EQ(pdfs, 2);
}

}  // namespace
}  // namespace kb::test
