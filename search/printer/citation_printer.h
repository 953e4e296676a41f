// `--format cite`: one line per hit that pastes into notes — the citation, then the passage
// in quotation marks:
//   [1] Title. /path/file.txt, passage 16 (line 17). “그는 "한국 정부가 …”
#pragma once

#include <ostream>

#include "printer/sink.h"

namespace kb::search {

class CitationPrinter final : public HitSink {
 public:
  explicit CitationPrinter(std::ostream& out) : out_(out) {}
  void on_hit(const Hit& hit) override;

 private:
  std::ostream& out_;
};

}  // namespace kb::search
