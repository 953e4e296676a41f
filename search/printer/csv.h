// CSV (RFC 4180): fields with a comma, quote, CR or LF are quoted, quotes doubled. Shared by every
// CSV printer so all of them quote alike.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "printer/sink.h"

namespace kb::search {

std::string csv_field(std::string_view value);
void write_csv_row(std::ostream& out, const std::vector<std::string>& fields);
// The reverse: RFC 4180 text as rows of fields (a quoted field may hold commas, line breaks and
// doubled quotes; rows end with LF, CRLF or CR). For tools and tests reading CSV.
std::vector<std::vector<std::string>> read_csv(std::string_view text);

// Hits as CSV, one row per hit after a header row:
//   rank,score,doc_id,path,title,lang,passage_id,ordinal,offset,text,citation,snippet,group,also
// `group`: the passage ids of the document's further passages (--group doc), `also`: the copies
// of the passage's text, `path (passage id)`; both joined by "; ", empty when none.
class CsvHitPrinter final : public HitSink {
 public:
  explicit CsvHitPrinter(std::ostream& out);
  void on_hit(const Hit& hit) override;

 private:
  std::ostream& out_;
};

}  // namespace kb::search
