#include "printer/json_printer.h"

#include "printer/figure_printers.h"
#include "printer/json_record.h"

namespace kb::search {

nlohmann::json speaker_to_json(const SpeakerRef& speaker) {
  return {{"name", speaker.name},
          {"name_en", speaker.name_en},
          {"title", speaker.title},
          {"org", speaker.org},
          {"kind", speaker.kind.empty() ? "unknown" : speaker.kind}};
}

nlohmann::json hit_to_json(const Hit& hit) {
  nlohmann::json highlights = nlohmann::json::array();
  for (auto [b, e] : hit.highlights) highlights.push_back({b, e});
  nlohmann::json figures = nlohmann::json::array();
  for (const FigureRef& f : hit.figures) figures.push_back(figure_to_json(f));
  nlohmann::json snippet_highlights = nlohmann::json::array();
  for (auto [b, e] : hit.snippet.highlights) snippet_highlights.push_back({b, e});
  nlohmann::json quotes = nlohmann::json::array();
  for (const HitQuote& q : hit.quotes) quotes.push_back({{"text", q.text}, {"speaker", speaker_to_json(q.speaker)}});
  nlohmann::json citation = {
      {"path", hit.doc.path},
      {"title", hit.doc.title},
      {"passage", hit.passage.ordinal},
      {"date", hit.citation.date.empty() ? nlohmann::json(nullptr) : nlohmann::json(hit.citation.date)},
      {"author", hit.citation.author.empty() ? nlohmann::json(nullptr) : nlohmann::json(hit.citation.author)},
      {"url", hit.citation.url.empty() ? nlohmann::json(nullptr) : nlohmann::json(hit.citation.url)},
      {"page", hit.citation.page > 0 ? nlohmann::json(hit.citation.page) : nlohmann::json(nullptr)},
      {"lines", hit.citation.line_begin > 0 ? nlohmann::json({hit.citation.line_begin, hit.citation.line_end})
                                            : nlohmann::json(nullptr)},
      {"text", citation_text(hit.doc, hit.passage, hit.citation)},
  };
  nlohmann::json j = with_envelope(
      {
          {"citation", citation},
          {"figures", figures},
          {"rank", hit.rank},
          {"score", hit.score},
          {"doc", {{"id", hit.doc.id}, {"path", hit.doc.path}, {"title", hit.doc.title}, {"lang", hit.doc.lang}}},
          {"passage",
           {{"id", hit.passage.id},
            {"ordinal", hit.passage.ordinal},
            {"offset", hit.passage.offset},
            {"text", hit.passage.text}}},
          {"highlights", highlights},
          {"quotes", quotes},
          {"snippet", hit.snippet.text},
          {"snippet_highlights", snippet_highlights},
      },
      "hit");
  if (hit.partial) j["partial"] = true;  // a shard was left out (--allow-partial)
  return j;
}

void JsonLinesPrinter::on_hit(const Hit& hit) {
  out_ << hit_to_json(hit).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace kb::search
