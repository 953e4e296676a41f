// Printers for the quote modes, one per output format, as equal implementations of QuoteSink and
// PeopleSink.
//
// Quotes (`kb-search --quotes`):
//   JSON Lines: {"rank","score","text","speaker":{"name","name_en","title","org"},
//                "doc":{"id","path","title","lang"},"passage":{"id","ordinal"},"offset"}
//     score is 0 when listing without a query; offset is the byte offset of the quoted words in
//     the document text.
//   CSV: rank,score,text,speaker_name,speaker_name_en,speaker_title,speaker_org,doc_id,path,title,
//        passage_id,ordinal,offset
//   human: `1. — 정준화 (국회입법조사처 입법조사관): "…"` then `   <title> · <path> · passage 16`.
// People (`kb-search --people`):
//   JSON Lines: {"name","name_en","title","org","quotes":N,"docs":[{"id","path","title","quotes":n}]}
//   CSV: name,name_en,title,org,quotes,docs,paths   (paths joined by "; ")
//   human: `션 란돌프 / Sean Randolph (… 시니어 디렉터) — 5 quotes in 1 document` then the paths.
#pragma once

#include <ostream>

#include "printer/quote_sink.h"

namespace kb::search {

class JsonQuotePrinter final : public QuoteSink {
 public:
  explicit JsonQuotePrinter(std::ostream& out) : out_(out) {}
  void on_quote(const QuoteHit& quote) override;

 private:
  std::ostream& out_;
};

class CsvQuotePrinter final : public QuoteSink {
 public:
  explicit CsvQuotePrinter(std::ostream& out);
  void on_quote(const QuoteHit& quote) override;

 private:
  std::ostream& out_;
};

class HumanQuotePrinter final : public QuoteSink {
 public:
  explicit HumanQuotePrinter(std::ostream& out) : out_(out) {}
  void on_quote(const QuoteHit& quote) override;
  void on_end(const QuoteSummary& summary) override;

 private:
  std::ostream& out_;
};

class JsonPeoplePrinter final : public PeopleSink {
 public:
  explicit JsonPeoplePrinter(std::ostream& out) : out_(out) {}
  void on_person(const PersonSummary& person) override;

 private:
  std::ostream& out_;
};

class CsvPeoplePrinter final : public PeopleSink {
 public:
  explicit CsvPeoplePrinter(std::ostream& out);
  void on_person(const PersonSummary& person) override;

 private:
  std::ostream& out_;
};

class HumanPeoplePrinter final : public PeopleSink {
 public:
  explicit HumanPeoplePrinter(std::ostream& out) : out_(out) {}
  void on_person(const PersonSummary& person) override;
  void on_end(std::size_t people) override;

 private:
  std::ostream& out_;
};

}  // namespace kb::search
