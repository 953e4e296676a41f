#include "printer/human_printer.h"

#include <cstdio>

#include "printer/figure_printers.h"

namespace kb::search {

std::string speaker_label(const SpeakerRef& speaker) {
  std::string label;
  if (speaker.known()) {
    label = speaker.name;
    if (!speaker.name_en.empty()) label += (label.empty() ? "" : " / ") + speaker.name_en;
  } else if (speaker.kind == "organization" || speaker.kind == "description") {
    label = speaker.kind == "organization" ? speaker.org : speaker.title;
    const std::string where = speaker.kind == "organization" ? std::string() : speaker.org;
    return label + (where.empty() ? "" : " (" + where + ")") + " [" + speaker.kind + "]";
  } else {
    label = "(speaker not named)";
  }
  std::string role = speaker.org;
  if (!speaker.title.empty()) role += (role.empty() ? "" : " ") + speaker.title;
  if (!role.empty()) label += " (" + role + ")";
  return label;
}

void HumanPrinter::on_hit(const Hit& hit) {
  const char* open = colour_ ? "\033[1;31m" : "[";
  const char* close = colour_ ? "\033[0m" : "]";
  if (hit.rank > 1) out_ << '\n';
  char score[32];
  std::snprintf(score, sizeof score, "%.2f", hit.score);
  if (colour_) out_ << "\033[1m";
  out_ << hit.rank << ". " << (hit.doc.title.empty() ? hit.doc.path : hit.doc.title);
  if (colour_) out_ << "\033[0m";
  out_ << "  (score " << score << ")\n";
  out_ << "   " << hit.doc.path << " \xC2\xB7 passage " << hit.passage.ordinal;
  if (hit.citation.page > 0) out_ << " \xC2\xB7 p. " << hit.citation.page;
  if (hit.citation.line_begin > 0) out_ << " \xC2\xB7 line " << hit.citation.line_begin;
  if (!hit.citation.date.empty()) out_ << " \xC2\xB7 " << hit.citation.date;
  out_ << '\n';
  print_context(hit, true);
  out_ << "   ";
  std::uint32_t at = 0;
  const bool whole = options_.full || hit.snippet.text.empty();
  const std::string& text = whole ? hit.passage.text : hit.snippet.text;
  for (auto [b, e] : whole ? hit.highlights : hit.snippet.highlights) {
    if (b < at || e > text.size()) continue;
    out_ << text.substr(at, b - at) << open << text.substr(b, e - b) << close;
    at = e;
  }
  out_ << text.substr(at) << '\n';
  print_context(hit, false);
  std::size_t shown = 0;
  for (const FigureRef& f : hit.figures) {
    if (!options_.full && shown++ == options_.figures_per_hit) {
      out_ << "   \xE2\x80\xA2 … " << hit.figures.size() - options_.figures_per_hit << " more figures (--full)\n";
      break;
    }
    out_ << "   \xE2\x80\xA2 " << f.surface << " = " << format_figure_value(f.value);
    if (f.high != f.value) out_ << ".." << format_figure_value(f.high);
    out_ << ' ' << f.unit;
    if (f.qualifier != "exact") out_ << ", " << f.qualifier;
    if (f.year != 0) out_ << ", " << f.year;
    out_ << '\n';
  }
  for (const HitQuote& q : hit.quotes)
    out_ << "   \xE2\x80\x94 " << speaker_label(q.speaker) << ": \"" << q.text << "\"\n";
  print_group_and_also(hit);
}

namespace {

// `label: text` of a related passage, cut to `width` characters (the end of a passage before the
// hit, which leads into it; the start of one after it).
std::string related_text(const std::string& text, std::size_t width, bool tail) {
  const auto end = static_cast<std::uint32_t>(text.size());
  return make_snippet(text, tail ? ByteRanges{{end, end}} : ByteRanges{}, width).text;
}

void print_also(std::ostream& out, const std::vector<AlsoRef>& also, const char* indent) {
  if (also.empty()) return;
  out << indent << "also:";
  for (std::size_t i = 0; i < also.size(); ++i) {
    const std::string& id = also[i].passage_id;
    out << (i > 0 ? ", " : " ") << also[i].doc.path << " (passage " << id.substr(id.find('#') + 1) << ')';
  }
  out << '\n';
}

}  // namespace

void HumanPrinter::print_context(const Hit& hit, bool before) {
  for (const ContextPassage& c : hit.context) {
    if ((c.relative < 0) != before) continue;
    out_ << "   \xE2\x94\x86 passage " << c.passage.ordinal << ": "
         << (options_.full ? c.passage.text : related_text(c.passage.text, options_.snippet, before)) << '\n';
  }
}

void HumanPrinter::print_group_and_also(const Hit& hit) {
  print_also(out_, hit.also, "   ");
  const char* open = colour_ ? "\033[1;31m" : "[";
  const char* close = colour_ ? "\033[0m" : "]";
  for (const GroupPassage& g : hit.group) {
    char score[32];
    std::snprintf(score, sizeof score, "%.2f", g.score);
    out_ << "   + passage " << g.passage.ordinal;
    if (g.citation.page > 0) out_ << " \xC2\xB7 p. " << g.citation.page;
    if (g.citation.line_begin > 0) out_ << " \xC2\xB7 line " << g.citation.line_begin;
    out_ << "  (score " << score << "): ";
    std::uint32_t at = 0;
    const std::string& text = g.snippet.text;
    for (auto [b, e] : g.snippet.highlights) {
      if (b < at || e > text.size()) continue;
      out_ << text.substr(at, b - at) << open << text.substr(b, e - b) << close;
      at = e;
    }
    out_ << text.substr(at) << '\n';
    print_also(out_, g.also, "     ");
  }
}

void HumanPrinter::on_end(const SearchSummary& summary) {
  if (summary.hits == 0) out_ << "no passages found for: " << summary.query << '\n';
}

}  // namespace kb::search
