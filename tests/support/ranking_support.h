// Helpers for ranking tests: a small database of one-paragraph documents, the passage a question
// finds first, and a table row for "this evidence lifts this passage".
#pragma once

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "searcher.h"

namespace kb::test {

// Indexes each text as one document of one paragraph, through the analyzer and writer kb-index
// uses, and commits.
void index_texts(const std::string& db, const std::vector<std::string>& texts);

// The text of the first passage `question` finds in `db` without cross-language expansion, or ""
// when there is none.
std::string first_passage(const std::string& db, const std::string& question, const search::RankingParams& params);

// One kind of ranking evidence: with it, `lifted` ranks first for `question`; with `switch_off`
// applied to the parameters, `plain` does (so the test fails when the evidence does nothing).
struct EvidenceCase {
  std::string name;  // the evidence, for the test name
  std::string question;
  std::string lifted;
  std::string plain;
  std::function<void(search::RankingParams&)> switch_off;
};

inline void PrintTo(const EvidenceCase& c, std::ostream* os) { *os << c.name; }

}  // namespace kb::test
