// JSON Lines: one hit per line. The record (see README "JSON output"):
//   {"rank":1,"score":3.2,"doc":{"id","path","title","lang"},
//    "passage":{"id","ordinal","offset","text"},"highlights":[[begin,end],…],
//    "figures":[{"surface","value","high","unit","kind","counter","qualifier","year","span":[b,e]},…]}
// Figure spans are bytes into the document text; year is null when the sentence states none.
//    "quotes":[{"text","speaker":{"name","name_en","title","org"}},…]}
// `quotes` lists the quotes of speech in the passage (empty array when none); a speaker with
// empty name and name_en is one the text does not name.
// Offsets are bytes into the passage text (highlights) or the document text (passage.offset).
// Issue 15 added (empty arrays when not asked for or none):
//    "also":[{"doc":{"id","path","title","lang"},"passage":{"id"}},…]   the same text elsewhere
//    "group":[{"score","passage":{…},"snippet","snippet_highlights","citation":{…},"also":[…]},…]
//                                                                       --group doc: next best passages
//    "context":[{"relative":-1,"passage":{"id","ordinal","offset","text"}},…]   --context N
#pragma once

#include <ostream>

#include <nlohmann/json.hpp>

#include "printer/sink.h"

namespace kb::search {

nlohmann::json hit_to_json(const Hit& hit);
nlohmann::json speaker_to_json(const SpeakerRef& speaker);

class JsonLinesPrinter final : public HitSink {
 public:
  explicit JsonLinesPrinter(std::ostream& out) : out_(out) {}
  void on_hit(const Hit& hit) override;

 private:
  std::ostream& out_;
};

}  // namespace kb::search
