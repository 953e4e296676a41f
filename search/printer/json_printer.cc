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

namespace {

nlohmann::json citation_to_json(const DocRef& doc, const PassageRef& passage, const Citation& citation) {
  return {
      {"path", doc.path},
      {"title", doc.title},
      {"passage", passage.ordinal},
      {"date", citation.date.empty() ? nlohmann::json(nullptr) : nlohmann::json(citation.date)},
      {"author", citation.author.empty() ? nlohmann::json(nullptr) : nlohmann::json(citation.author)},
      {"url", citation.url.empty() ? nlohmann::json(nullptr) : nlohmann::json(citation.url)},
      {"page", citation.page > 0 ? nlohmann::json(citation.page) : nlohmann::json(nullptr)},
      {"lines",
       citation.line_begin > 0 ? nlohmann::json({citation.line_begin, citation.line_end}) : nlohmann::json(nullptr)},
      {"text", citation_text(doc, passage, citation)},
  };
}

nlohmann::json doc_to_json(const DocRef& doc) {
  return {{"id", doc.id}, {"path", doc.path}, {"title", doc.title}, {"lang", doc.lang}};
}

nlohmann::json passage_to_json(const PassageRef& passage) {
  return {{"id", passage.id}, {"ordinal", passage.ordinal}, {"offset", passage.offset}, {"text", passage.text}};
}

nlohmann::json ranges_to_json(const ByteRanges& ranges) {
  nlohmann::json out = nlohmann::json::array();
  for (auto [b, e] : ranges) out.push_back({b, e});
  return out;
}

// Issue 15: `also`, `group` and `context` (result_view.h).
nlohmann::json also_to_json(const std::vector<AlsoRef>& also) {
  nlohmann::json out = nlohmann::json::array();
  for (const AlsoRef& a : also) out.push_back({{"doc", doc_to_json(a.doc)}, {"passage", {{"id", a.passage_id}}}});
  return out;
}

nlohmann::json group_to_json(const Hit& hit) {
  nlohmann::json out = nlohmann::json::array();
  for (const GroupPassage& g : hit.group)
    out.push_back({{"score", g.score},
                   {"passage", passage_to_json(g.passage)},
                   {"snippet", g.snippet.text},
                   {"snippet_highlights", ranges_to_json(g.snippet.highlights)},
                   {"citation", citation_to_json(hit.doc, g.passage, g.citation)},
                   {"also", also_to_json(g.also)}});
  return out;
}

nlohmann::json context_to_json(const std::vector<ContextPassage>& context) {
  nlohmann::json out = nlohmann::json::array();
  for (const ContextPassage& c : context)
    out.push_back({{"relative", c.relative}, {"passage", passage_to_json(c.passage)}});
  return out;
}

}  // namespace

nlohmann::json hit_to_json(const Hit& hit) {
  nlohmann::json highlights = nlohmann::json::array();
  for (auto [b, e] : hit.highlights) highlights.push_back({b, e});
  nlohmann::json figures = nlohmann::json::array();
  for (const FigureRef& f : hit.figures) figures.push_back(figure_to_json(f));
  nlohmann::json snippet_highlights = nlohmann::json::array();
  for (auto [b, e] : hit.snippet.highlights) snippet_highlights.push_back({b, e});
  nlohmann::json quotes = nlohmann::json::array();
  for (const HitQuote& q : hit.quotes) quotes.push_back({{"text", q.text}, {"speaker", speaker_to_json(q.speaker)}});
  const nlohmann::json citation = citation_to_json(hit.doc, hit.passage, hit.citation);
  nlohmann::json j = with_envelope(
      {
          {"citation", citation},
          {"figures", figures},
          {"rank", hit.rank},
          {"score", hit.score},
          {"doc", doc_to_json(hit.doc)},
          {"passage", passage_to_json(hit.passage)},
          {"highlights", highlights},
          {"quotes", quotes},
          {"snippet", hit.snippet.text},
          {"snippet_highlights", snippet_highlights},
          {"also", also_to_json(hit.also)},
          {"group", group_to_json(hit)},
          {"context", context_to_json(hit.context)},
      },
      "hit");
  if (hit.partial) j["partial"] = true;  // a shard was left out (--allow-partial)
  return j;
}

void JsonLinesPrinter::on_hit(const Hit& hit) {
  out_ << hit_to_json(hit).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace kb::search
