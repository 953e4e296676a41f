// Where `kb-search --figures` records go: the searcher pushes plain FigureHits and never prints;
// the human, JSON Lines and CSV figure printers are equal implementations.
#pragma once

#include "hit.h"

namespace kb::search {

class FigureSink {
 public:
  virtual ~FigureSink() = default;
  virtual void on_figure(const FigureHit& figure) = 0;
  virtual void on_end(const FigureSummary&) {}
};

}  // namespace kb::search
