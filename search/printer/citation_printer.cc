#include "printer/citation_printer.h"

namespace kb::search {

void CitationPrinter::on_hit(const Hit& hit) {
  out_ << '[' << hit.rank << "] " << citation_text(hit.doc, hit.passage, hit.citation) << " \xE2\x80\x9C"
       << hit.passage.text << "\xE2\x80\x9D\n";
}

}  // namespace kb::search
