// Issue 15: filters on every listing — --lang, --since/--until, --under, --type — are part of
// the Xapian query (terms and a value range on every record), so counts and pages are those of
// the filtered collection; --sort date orders by the document's date.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "support/test_support.h"

namespace kb::test {
namespace {
using nlohmann::json;

std::string html(const std::string& lang, const std::string& date, const std::string& title, const std::string& body) {
  return "<html lang=\"" + lang + "\"><head><title>" + title + "</title><meta name=\"date\" content=\"" + date +
         "\"></head><body>" + body + "</body></html>";
}

class Issue15_Filters : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    dir_->write("docs/news/ko_2023.html",
                html("ko", "2023-05-01", "반도체 지원 2023",
                     "<p>정부는 반도체 보조금을 3조원 늘린다고 밝혔다.</p><p>반도체 공장 두 곳이 새로 선다.</p>"));
    dir_->write(
        "docs/news/ko_2024.html",
        html("ko", "2024-03-05", "반도체 지원 2024",
             "<p>산업부는 반도체 투자가 37% 늘었다고 밝혔다.</p><p>\"반도체가 수출을 이끈다\"고 장관은 말했다.</p>"));
    dir_->write("docs/news/en_2024.html",
                html("en", "2024-07-01", "Chip support 2024",
                     "<p>The ministry said semiconductor investment rose 12 percent.</p>"
                     "<p>\"Semiconductor exports lead the recovery,\" the minister said.</p>"));
    dir_->write("docs/notes/ko_notes.txt", "반도체 회의 메모: 보조금 5천억원 검토.\n");
    dir_->write("docs/notes/en_notes.txt", "Semiconductor meeting notes: a 40 percent rise is expected.\n");
    const CommandResult r = run_program("kb-index", {"--db", db(), "-q", (*dir_ / "docs").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  static std::string db() { return (*dir_ / "db").string(); }
  static std::string docs() { return (*dir_ / "docs").string(); }

  // File names (without folders) of the records a listing returns.
  static std::vector<std::string> files(std::vector<std::string> args, int* exit_code = nullptr) {
    args.insert(args.begin(), {"--db", db(), "--json"});
    const CommandResult r = run_program("kb-search", args);
    if (exit_code != nullptr) *exit_code = r.exit_code;
    std::vector<std::string> out;
    for (const std::string& line : split_lines(r.out)) {
      const json j = json::parse(line);
      std::string path = j["doc"]["path"];
      out.push_back(path.substr(path.rfind('/') + 1));
    }
    return out;
  }
  static std::set<std::string> distinct(const std::vector<std::string>& v) { return {v.begin(), v.end()}; }

  static TempDir* dir_;
};
TempDir* Issue15_Filters::dir_ = nullptr;

const std::string kQuery = "반도체 semiconductor";

TEST_F(Issue15_Filters, ByLanguage) {
  EXPECT_EQ(distinct(files({"--no-expand", "--lang", "ko", kQuery})),
            (std::set<std::string>{"ko_2023.html", "ko_2024.html", "ko_notes.txt"}));
  EXPECT_EQ(distinct(files({"--no-expand", "--lang", "en", kQuery})),
            (std::set<std::string>{"en_2024.html", "en_notes.txt"}));
}

TEST_F(Issue15_Filters, ByDate) {
  EXPECT_EQ(distinct(files({"--no-expand", "--since", "2024", kQuery})),
            (std::set<std::string>{"ko_2024.html", "en_2024.html"}));
  EXPECT_EQ(distinct(files({"--no-expand", "--until", "2023-12-31", kQuery})), (std::set<std::string>{"ko_2023.html"}));
  EXPECT_EQ(distinct(files({"--no-expand", "--since", "2024-03-05", "--until", "2024-03-05", kQuery})),
            (std::set<std::string>{"ko_2024.html"}));
  EXPECT_EQ(distinct(files({"--no-expand", "--until", "2024-03", kQuery})),
            (std::set<std::string>{"ko_2023.html", "ko_2024.html"}));
}

TEST_F(Issue15_Filters, ByFolderAndFormat) {
  EXPECT_EQ(distinct(files({"--no-expand", "--under", docs() + "/notes", kQuery})),
            (std::set<std::string>{"ko_notes.txt", "en_notes.txt"}));
  EXPECT_EQ(distinct(files({"--no-expand", "--under", docs() + "/notes/en_notes.txt", kQuery})),
            (std::set<std::string>{"en_notes.txt"}));
  EXPECT_EQ(distinct(files({"--no-expand", "--type", "txt", kQuery})),
            (std::set<std::string>{"ko_notes.txt", "en_notes.txt"}));
  EXPECT_EQ(distinct(files({"--no-expand", "--type", "html", "--lang", "en", kQuery})),
            (std::set<std::string>{"en_2024.html"}));
  EXPECT_EQ(distinct(files({"--no-expand", "--type", "txt,html", "--lang", "en", kQuery})),
            (std::set<std::string>{"en_2024.html", "en_notes.txt"}));
}

TEST_F(Issue15_Filters, EveryListing) {
  // Figures, quotes, counts and people take the same filters.
  EXPECT_EQ(distinct(files({"--figures", "--lang", "en"})), (std::set<std::string>{"en_2024.html", "en_notes.txt"}));
  EXPECT_EQ(distinct(files({"--figures", "--since", "2024"})), (std::set<std::string>{"ko_2024.html", "en_2024.html"}));
  EXPECT_EQ(distinct(files({"--quotes", "--lang", "ko"})), (std::set<std::string>{"ko_2024.html"}));
  const CommandResult counts = run_program(
      "kb-search", {"--db", db(), "--json", "--counts", "--no-expand", "--under", docs() + "/notes", kQuery});
  ASSERT_EQ(counts.exit_code, 0) << counts.err;
  EXPECT_EQ(json::parse(counts.out)["passages"], 2);
}

TEST_F(Issue15_Filters, PagesOfAFilteredListAreItsSlices) {
  const std::vector<std::string> all = files({"--no-expand", "--lang", "ko", "-n", "10", kQuery});
  ASSERT_GE(all.size(), 4u);
  std::vector<std::string> paged;
  for (std::size_t i = 0; i < all.size(); ++i) {
    const auto page = files({"--no-expand", "--lang", "ko", "-n", "1", "--offset", std::to_string(i), kQuery});
    ASSERT_EQ(page.size(), 1u) << i;
    paged.push_back(page[0]);
  }
  EXPECT_EQ(paged, all);
}

TEST_F(Issue15_Filters, SortByDateNewestFirst) {
  const std::vector<std::string> by_date = files({"--no-expand", "--sort", "date", kQuery});
  ASSERT_GE(by_date.size(), 5u);
  const auto first_of = [&](const std::string& f) {
    return std::find(by_date.begin(), by_date.end(), f) - by_date.begin();
  };
  EXPECT_LT(first_of("en_2024.html"), first_of("ko_2024.html"));
  EXPECT_LT(first_of("ko_2024.html"), first_of("ko_2023.html"));
  EXPECT_LT(first_of("ko_2023.html"), first_of("ko_notes.txt"));  // undated last
  // Every dated hit before every undated one, dates never increasing.
  const CommandResult r = run_program("kb-search", {"--db", db(), "--json", "--no-expand", "--sort", "date", kQuery});
  std::string previous = "9999";
  for (const std::string& line : split_lines(r.out)) {
    const json date = json::parse(line)["citation"]["date"];
    const std::string d = date.is_null() ? "" : date.get<std::string>();
    EXPECT_LE(d, previous) << line;
    previous = d;
  }
}

TEST_F(Issue15_Filters, BadValuesAreErrors) {
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{{"--since", "yesterday"},
                                             {"--since", "2024-13-40"},
                                             {"--until", "2023-02-29"},
                                             {"--since", "2025", "--until", "2024"},
                                             {"--under", "/no/such/folder/anywhere"},
                                             {"--lang", "fr"},
                                             {"--type", "exe"},
                                             {"--sort", "size"}}) {
    std::vector<std::string> all{"--db", db(), kQuery};
    all.insert(all.end(), args.begin(), args.end());
    const CommandResult r = run_program("kb-search", all);
    EXPECT_EQ(r.exit_code, 2) << args[0] << " " << args[1];
    EXPECT_FALSE(r.err.empty());
  }
  EXPECT_EQ(run_program("kb-search", {"--db", db(), "--since", "2024-02-29", kQuery}).exit_code, 0)
      << "a leap day is a date";
}

}  // namespace
}  // namespace kb::test
