// Output for people: rank, title and path, then the passage with the query's words marked —
// in bold colour on a terminal, with [brackets] otherwise.
#pragma once

#include <ostream>

#include "printer/sink.h"

namespace kb::search {

class HumanPrinter final : public HitSink {
 public:
  HumanPrinter(std::ostream& out, bool colour) : out_(out), colour_(colour) {}
  void on_hit(const Hit& hit) override;
  void on_end(const SearchSummary& summary) override;

 private:
  std::ostream& out_;
  bool colour_;
};

}  // namespace kb::search
