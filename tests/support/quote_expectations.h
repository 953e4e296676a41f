// Expected quotes for the quote extractor's table tests (issue 14): a row is a text and the
// quotes found in it, each by how its text starts and who said it.
#pragma once

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

#include "analysis/quote_extractor.h"

namespace kb::test {

// One expected quote: how its text starts, and its speaker's Hangul name, Latin name,
// organisation and title (for a person only the names are compared).
struct Said {
  std::string starts_with;
  std::string name;
  std::string name_en;
  std::string org;
  std::string title;
};

struct QuoteRow {
  const char* label;
  std::string text;
  std::vector<Said> quotes;
};

inline void PrintTo(const QuoteRow& row, std::ostream* os) { *os << row.label; }

inline void expect_speakers(const std::vector<analysis::Quote>& quotes, const std::vector<Said>& expected) {
  ASSERT_EQ(quotes.size(), expected.size()) << [&] {
    std::string all;
    for (const auto& q : quotes)
      all += "\n  [" + q.speaker.name + "|" + q.speaker.name_en + "|" + q.speaker.org + "|" + q.speaker.title + "] " +
             q.text;
    return all;
  }();
  for (std::size_t i = 0; i < expected.size(); ++i) {
    SCOPED_TRACE("quote " + std::to_string(i) + ": " + quotes[i].text);
    EXPECT_TRUE(quotes[i].text.starts_with(expected[i].starts_with))
        << "expected to start with " << expected[i].starts_with;
    EXPECT_EQ(quotes[i].speaker.name, expected[i].name);
    EXPECT_EQ(quotes[i].speaker.name_en, expected[i].name_en);
    if (expected[i].name.empty() && expected[i].name_en.empty()) {
      EXPECT_EQ(quotes[i].speaker.org, expected[i].org);
      EXPECT_EQ(quotes[i].speaker.title, expected[i].title);
    }
  }
}

}  // namespace kb::test
