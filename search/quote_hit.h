// Plain results of the quote modes: a quote record (`kb-search --quotes`) and a person quoted in
// the knowledge base (`kb-search --people`).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "hit.h"

namespace kb::search {

struct QuoteHit {
  unsigned rank = 0;  // 1-based
  double score = 0;   // 0 when listing without a query
  std::string text;
  SpeakerRef speaker;
  DocRef doc;
  PassageRef passage;        // id and ordinal (text left empty)
  std::uint32_t offset = 0;  // byte offset of the quoted words in the document text
};

struct QuoteSummary {
  std::string query;  // empty when listing every quote
  std::size_t quotes = 0;
};

struct PersonDoc {
  DocRef doc;
  std::size_t quotes = 0;
};

// One person quoted in the knowledge base. Quotes whose speaker is not named are not counted.
struct PersonSummary {
  SpeakerRef speaker;
  std::size_t quotes = 0;
  std::vector<PersonDoc> docs;  // in index order
};

}  // namespace kb::search
