// kb-quotes: the quotes stage on its own — prints the quotes and the person table the extractor
// finds in text files (a debug tool; the index runs the same stage through DocumentAnalyzer).
#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "analysis/quote_extractor.h"
#include "analysis/unicode_text.h"

int main(int argc, char** argv) {
  CLI::App app{"kb-quotes: quotes and speakers found in text files (JSON Lines)"};
  std::vector<std::string> files;
  bool people = false;
  app.add_flag("--people", people, "Also print the person table");
  app.add_option("files", files, "UTF-8 text files")->required();
  CLI11_PARSE(app, argc, argv);
  kb::analysis::QuoteExtractor extractor;
  int status = 0;
  for (const std::string& path : files) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      std::cerr << "kb-quotes: " << path << ": cannot read\n";
      status = 2;
      continue;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string text = kb::analysis::repair_utf8(ss.str());
    const auto result = extractor.extract(text);
    for (const auto& q : result.quotes) {
      nlohmann::json j = {{"file", path},
                          {"begin", q.begin},
                          {"end", q.end},
                          {"text", q.text},
                          {"speaker",
                           {{"name", q.speaker.name},
                            {"name_en", q.speaker.name_en},
                            {"title", q.speaker.title},
                            {"org", q.speaker.org}}}};
      std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    }
    if (people)
      for (const auto& p : result.people.people())
        std::cout << nlohmann::json{{"person", p.name},      {"name_en", p.name_en}, {"title", p.title},
                                    {"org", p.org},          {"org_aliases", p.org_aliases}}
                         .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                  << '\n';
  }
  return status;
}
