// Where search results go. The searcher pushes plain hits into a sink and never prints; the
// human and JSON Lines printers are equal implementations.
#pragma once

#include "hit.h"

namespace kb::search {

class HitSink {
 public:
  virtual ~HitSink() = default;
  virtual void on_hit(const Hit& hit) = 0;
  virtual void on_end(const SearchSummary&) {}
};

}  // namespace kb::search
