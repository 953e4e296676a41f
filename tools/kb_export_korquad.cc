// kb-export-korquad: writes the distinct paragraphs of a KorQuAD-format JSON file as text files
// (one passage each) and its questions as a query list, so the benchmark can index a folder.
//
//   kb-export-korquad KorQuAD_v1.0_dev.json OUT_DIR
//
// OUT_DIR/passages/NNNNN.txt holds paragraph NNNNN; OUT_DIR/questions.tsv holds
// `question_id<TAB>question<TAB>NNNNN` (the paragraph that answers it).
#include <CLI/CLI.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

int main(int argc, char** argv) {
  CLI::App app{"kb-export-korquad: KorQuAD paragraphs to files, questions to a TSV"};
  std::string input, out_dir;
  app.add_option("input", input, "KorQuAD-format JSON")->required()->check(CLI::ExistingFile);
  app.add_option("out_dir", out_dir, "Output folder")->required();
  CLI11_PARSE(app, argc, argv);

  namespace fs = std::filesystem;
  nlohmann::json data;
  try {
    std::ifstream in(input);
    data = nlohmann::json::parse(in);
  } catch (const std::exception& e) {
    std::cerr << "kb-export-korquad: " << input << ": not KorQuAD JSON: " << e.what() << '\n';
    return 2;
  }
  fs::create_directories(fs::path(out_dir) / "passages");
  std::map<std::string, unsigned> paragraph_ids;
  std::ofstream questions(fs::path(out_dir) / "questions.tsv");
  std::size_t question_count = 0;
  for (const auto& article : data.at("data")) {
    for (const auto& paragraph : article.at("paragraphs")) {
      const std::string context = paragraph.at("context");
      auto [it, inserted] = paragraph_ids.emplace(context, static_cast<unsigned>(paragraph_ids.size()));
      char name[32];
      std::snprintf(name, sizeof name, "%05u", it->second);
      if (inserted) std::ofstream(fs::path(out_dir) / "passages" / (std::string(name) + ".txt")) << context << '\n';
      for (const auto& qa : paragraph.at("qas")) {
        std::string q = qa.at("question");
        for (char& c : q)
          if (c == '\t' || c == '\n') c = ' ';
        questions << qa.at("id").get<std::string>() << '\t' << q << '\t' << name << '\n';
        ++question_count;
      }
    }
  }
  std::cout << "kb-export-korquad: " << paragraph_ids.size() << " passages, " << question_count << " questions in "
            << out_dir << '\n';
  return 0;
}
