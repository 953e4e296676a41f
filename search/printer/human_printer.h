// Output for people: rank, title and path, then the passage with the query's words marked —
// in bold colour on a terminal, with [brackets] otherwise — and under it the passage's quotes,
// one a line: `— 정준화 (국회입법조사처 입법조사관): "…"`. Issue 15 adds, when asked for, the
// neighbouring passages above and below the hit (`┆ passage 2: …`, --context), the document's
// further passages (`+ passage 7 · line 12: …`, --group doc) and where the same text is too
// (`also: /…/brief.pdf (passage 3)`).
#pragma once

#include <ostream>
#include <string>

#include "printer/sink.h"

namespace kb::search {

// `션 란돌프 / Sean Randolph (베이 카운슬 이코노믹 인스티튜트 시니어 디렉터)`; for a speaker the text
// does not name, `(speaker not named)` with its description when there is one.
std::string speaker_label(const SpeakerRef& speaker);

// How much of each hit a person sees: the snippet (default) or the whole passage, and at most
// `figures_per_hit` of its figures (a table-of-contents passage can state dozens).
struct HumanHitOptions {
  bool full = false;
  std::size_t figures_per_hit = 3;
  std::size_t snippet = 200;  // characters of a context or group passage shown (issue 15)
};

class HumanPrinter final : public HitSink {
 public:
  HumanPrinter(std::ostream& out, bool colour, HumanHitOptions options = {})
      : out_(out), colour_(colour), options_(options) {}
  void on_hit(const Hit& hit) override;
  void on_end(const SearchSummary& summary) override;

 private:
  void print_context(const Hit& hit, bool before);
  void print_group_and_also(const Hit& hit);

  std::ostream& out_;
  bool colour_;
  HumanHitOptions options_;
};

}  // namespace kb::search
