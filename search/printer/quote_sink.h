// Where quote records and the people listing go. Like HitSink: the quote searcher pushes plain
// records and never prints; human, JSON Lines and CSV printers are equal implementations.
#pragma once

#include "quote_hit.h"

namespace kb::search {

class QuoteSink {
 public:
  virtual ~QuoteSink() = default;
  virtual void on_quote(const QuoteHit& quote) = 0;
  virtual void on_end(const QuoteSummary&) {}
};

class PeopleSink {
 public:
  virtual ~PeopleSink() = default;
  virtual void on_person(const PersonSummary& person) = 0;
  virtual void on_end(std::size_t /*people*/) {}
};

}  // namespace kb::search
