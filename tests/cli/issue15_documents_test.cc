// Issue 15, documents not fragments: `--group doc` (one hit per document with its best passages),
// copies of one text collapsed into one hit with `also`, `--context N` (the passages around a
// hit) and `--like PASSAGE_ID` (more like this). Korean and English texts written for the test;
// the copies across formats are the shipped briefs as text, HWPX and PDF (corpus/).
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "printer/csv.h"
#include "support/test_support.h"

namespace kb::test {
namespace {
using nlohmann::json;

// One paragraph a line (short lines of different lengths that end sentences are not re-wrapped).
const char* const kKoChips =
    "반도체 산업 동향\n"
    "정부는 올해 반도체 설비 투자에 대한 세액 공제를 대폭 확대한다고 밝혔다.\n"
    "반도체 수출은 지난달 전년 대비 20% 늘어 열 달 연속 증가했다.\n"
    "메모리 반도체 가격이 오르면서 국내 기업의 실적도 빠르게 개선되고 있다.\n"
    "업계는 반도체 전문 인력 부족이 가장 큰 걱정거리라고 말했다.\n"
    "새 반도체 공장을 지으려면 전력과 용수 공급이 먼저 해결되어야 한다.\n";
const char* const kKoExports =
    "반도체 산업 동향\n"
    "지난달 수출은 반도체와 자동차가 이끌었고 석유제품은 줄었다.\n"
    "무역수지는 다섯 달째 흑자를 이어갔다.\n";
const char* const kKoWeather =
    "주말 날씨 전망\n"
    "토요일에는 전국에 비가 내리고 일요일에는 대체로 맑겠다.\n";
const char* const kEnChips =
    "Semiconductor industry outlook\n"
    "Semiconductor exports rose 20 percent from a year earlier, the tenth monthly gain in a row.\n"
    "Memory chip prices are rising, lifting earnings at Korean semiconductor makers.\n";
// A press release and a copy of it with other line breaks, spacing and quote marks.
const char* const kRelease =
    "반도체 특별법 보도자료\n"
    "산업통상자원부는 7일 반도체 특별법 시행령이 국무회의를 통과했다고 밝혔다.\n"
    "시행령은 반도체 클러스터의 전력망과 용수 시설을 국가가 지원하도록 했다.\n";
const char* const kReleaseCopy =
    "반도체  특별법  보도자료\n"
    "산업통상자원부는 7일 '반도체 특별법' 시행령이 국무회의를 통과했다고 밝혔다\n"
    "시행령은 “반도체 클러스터”의 전력망과 용수 시설을 국가가 지원하도록 했다.\n";

class Issue15_Documents : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    dir_->write("docs/ko/chips.txt", kKoChips);
    dir_->write("docs/ko/exports.txt", kKoExports);
    dir_->write("docs/ko/weather.txt", kKoWeather);
    dir_->write("docs/en/chips.txt", kEnChips);
    dir_->write("docs/press/release.txt", kRelease);
    dir_->write("docs/copies/release_copy.txt", kReleaseCopy);
    const CommandResult r = run_program("kb-index", {"--db", db(), "-q", docs()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  static std::string db() { return (*dir_ / "db").string(); }
  static std::string docs() { return (*dir_ / "docs").string(); }

  static CommandResult search(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db()});
    return run_program("kb-search", args);
  }
  static std::vector<json> hits(std::vector<std::string> args) {
    args.insert(args.begin(), "--json");
    const CommandResult r = search(args);
    EXPECT_LE(r.exit_code, 1) << r.err;
    std::vector<json> out;
    for (const std::string& line : split_lines(r.out)) out.push_back(json::parse(line));
    return out;
  }
  // The path of a hit relative to docs/: "ko/chips.txt".
  static std::string file_of(const json& hit) {
    const std::string path = hit["doc"]["path"];
    return path.substr(path.find("/docs/") + 6);
  }
  static std::vector<std::string> files(const std::vector<json>& hits) {
    std::vector<std::string> out;
    for (const json& h : hits) out.push_back(file_of(h));
    return out;
  }
  // The id of the passage whose text contains `words` (searched for with --duplicates keep).
  static std::string passage_with(const std::string& words, const std::string& file) {
    for (const json& h : hits({"--duplicates", "keep", "--no-expand", "-n", "50", words}))
      if (file_of(h) == file && h["passage"]["text"].get<std::string>().find(words) != std::string::npos)
        return h["passage"]["id"];
    ADD_FAILURE() << "no passage with " << words << " in " << file;
    return "";
  }

  static TempDir* dir_;
};
TempDir* Issue15_Documents::dir_ = nullptr;

// ---- --group doc -------------------------------------------------------------------------

TEST_F(Issue15_Documents, Issue15_GroupDocOneHitPerDocumentWithItsBestPassages) {
  // Ungrouped, chips.txt's passages take three of the first ten places (five documents match).
  const std::vector<json> passages = hits({"--no-expand", "--duplicates", "keep", "-n", "10", "반도체"});
  ASSERT_EQ(passages.size(), 10u);
  const std::vector<std::string> passage_files = files(passages);
  EXPECT_GE(std::count(passage_files.begin(), passage_files.end(), "ko/chips.txt"), 3) << json(passage_files).dump();

  const std::vector<json> grouped = hits({"--no-expand", "--group", "doc", "-n", "10", "반도체"});
  const std::vector<std::string> grouped_files = files(grouped);
  EXPECT_EQ(std::set<std::string>(grouped_files.begin(), grouped_files.end()).size(), grouped_files.size())
      << "one hit per document: " << json(grouped_files).dump();
  // The release and its copy are one text: one of them (the better ranked) stands for both.
  std::set<std::string> documents(grouped_files.begin(), grouped_files.end());
  EXPECT_EQ(documents.erase("press/release.txt") + documents.erase("copies/release_copy.txt"), 1u);
  EXPECT_EQ(documents, (std::set<std::string>{"ko/chips.txt", "ko/exports.txt"}));
  ASSERT_FALSE(grouped.empty());
  // chips.txt and exports.txt share a heading that ties for first; chips.txt is the document
  // with more passages to group.
  const auto chips =
      std::find_if(grouped.begin(), grouped.end(), [](const json& h) { return file_of(h) == "ko/chips.txt"; });
  ASSERT_NE(chips, grouped.end());
  const json& best = *chips;
  ASSERT_EQ(best["group"].size(), 2u) << "the best passage and up to two more: " << best.dump();
  std::set<std::string> ids{best["passage"]["id"].get<std::string>()};
  for (const json& g : best["group"]) {
    const std::string id = g["passage"]["id"];
    EXPECT_EQ(id.substr(0, id.find('#')), best["doc"]["id"]) << "group passages are the document's own";
    EXPECT_TRUE(ids.insert(id).second);
    EXPECT_NE(g["snippet"].get<std::string>().find("반도체"), std::string::npos);
    EXPECT_LE(g["score"].get<double>(), best["score"].get<double>());
  }
  // The group's passages are the document's next best: the same as the ungrouped ranking's.
  std::vector<std::string> chips_order;
  for (const json& h : hits({"--no-expand", "-n", "20", "반도체"}))
    if (file_of(h) == "ko/chips.txt") chips_order.push_back(h["passage"]["id"]);
  ASSERT_GE(chips_order.size(), 3u);
  EXPECT_EQ(best["passage"]["id"], chips_order[0]);
  EXPECT_EQ(best["group"][0]["passage"]["id"], chips_order[1]);
  EXPECT_EQ(best["group"][1]["passage"]["id"], chips_order[2]);
}

TEST_F(Issue15_Documents, Issue15_GroupDocPagesAreSlicesOfOneOrder) {
  const std::vector<std::string> all = files(hits({"--group", "doc", "-n", "10", "반도체 수출"}));
  ASSERT_GE(all.size(), 3u);
  std::vector<std::string> paged;
  for (std::size_t i = 0; i < all.size(); ++i) {
    const std::vector<json> page = hits({"--group", "doc", "-n", "1", "--offset", std::to_string(i), "반도체 수출"});
    ASSERT_EQ(page.size(), 1u) << i;
    EXPECT_EQ(page[0]["rank"], i + 1);
    paged.push_back(file_of(page[0]));
  }
  EXPECT_EQ(paged, all);
}

TEST_F(Issue15_Documents, Issue15_GroupDocWithTheLanguageMerge) {
  // 반도체 also searches `semiconductor` (glossary): the English document joins the Korean ones,
  // each document once, grouped after the merge.
  const std::vector<std::string> grouped = files(hits({"--group", "doc", "-n", "10", "반도체"}));
  EXPECT_EQ(std::set<std::string>(grouped.begin(), grouped.end()).size(), grouped.size()) << json(grouped).dump();
  EXPECT_NE(std::find(grouped.begin(), grouped.end(), "en/chips.txt"), grouped.end()) << json(grouped).dump();
  EXPECT_NE(std::find(grouped.begin(), grouped.end(), "ko/chips.txt"), grouped.end()) << json(grouped).dump();
  const std::vector<json> english = hits({"--group", "doc", "--lang", "en", "반도체"});
  ASSERT_EQ(english.size(), 1u);
  EXPECT_EQ(english[0]["group"].size(), 2u) << "its other passages naming semiconductors and chips";
}

TEST_F(Issue15_Documents, Issue15_GroupDocInHumanAndCsv) {
  // `투자` makes chips.txt's passage the clear best (`반도체` alone ties two headings).
  const CommandResult human = search({"--no-expand", "--group", "doc", "-n", "1", "반도체 투자"});
  ASSERT_EQ(human.exit_code, 0) << human.err;
  EXPECT_NE(human.out.find("   + passage "), std::string::npos) << human.out;
  const CommandResult csv = search({"--no-expand", "--group", "doc", "--format", "csv", "-n", "1", "반도체 투자"});
  const auto rows = search::read_csv(csv.out);
  ASSERT_EQ(rows.size(), 2u) << csv.out;
  const auto column = std::find(rows[0].begin(), rows[0].end(), "group") - rows[0].begin();
  ASSERT_LT(column, static_cast<std::ptrdiff_t>(rows[0].size()));
  const std::string group = rows[1][column];
  EXPECT_EQ(std::count(group.begin(), group.end(), '#'), 2) << group;
  EXPECT_NE(group.find("; "), std::string::npos);
}

// ---- duplicates ----------------------------------------------------------------------------

TEST_F(Issue15_Documents, Issue15_DuplicatesOneHitWithAlso) {
  const std::vector<json> collapsed = hits({"--no-expand", "-n", "20", "특별법 시행령"});
  ASSERT_FALSE(collapsed.empty());
  std::size_t copies = 0;
  for (const json& h : collapsed) {
    if (h["passage"]["text"].get<std::string>().find("시행령이 국무회의를") == std::string::npos) continue;
    ++copies;
    ASSERT_EQ(h["also"].size(), 1u) << h.dump();
    const std::string other = h["also"][0]["doc"]["path"];
    const std::string mine = h["doc"]["path"];
    EXPECT_NE(other, mine);
    EXPECT_TRUE(other.ends_with("release.txt") || other.ends_with("release_copy.txt")) << other;
    EXPECT_EQ(h["also"][0]["passage"]["id"].get<std::string>().substr(0, 16), h["also"][0]["doc"]["id"]);
  }
  EXPECT_EQ(copies, 1u) << "the release and its copy are one hit";
  // Kept apart on request.
  std::size_t kept = 0;
  for (const json& h : hits({"--no-expand", "--duplicates", "keep", "-n", "20", "특별법 시행령"})) {
    EXPECT_TRUE(h["also"].empty());
    if (h["passage"]["text"].get<std::string>().find("시행령이 국무회의를") != std::string::npos) ++kept;
  }
  EXPECT_EQ(kept, 2u);
}

TEST_F(Issue15_Documents, Issue15_DuplicatesShortLinesOnlyBetweenCopies) {
  // `반도체 산업 동향` heads two unrelated documents: both stay. The release's heading is a copy
  // of its copy's heading (the documents share a longer passage): one hit.
  const std::vector<std::string> headed = files(hits({"--no-expand", "-n", "20", "\"반도체 산업 동향\""}));
  EXPECT_EQ(std::set<std::string>(headed.begin(), headed.end()),
            (std::set<std::string>{"ko/chips.txt", "ko/exports.txt"}));
  const std::vector<json> release = hits({"--no-expand", "--group", "doc", "-n", "20", "특별법 보도자료 시행령"});
  const std::vector<std::string> release_files = files(release);
  EXPECT_EQ(release_files.size(), 1u) << "the copy's passages are all `also`: " << json(release_files).dump();
}

TEST_F(Issue15_Documents, Issue15_DuplicatesInHumanAndCsv) {
  const CommandResult human = search({"--no-expand", "-n", "1", "특별법 시행령 국무회의"});
  EXPECT_NE(human.out.find("   also: "), std::string::npos) << human.out;
  const CommandResult csv = search({"--no-expand", "--format", "csv", "-n", "1", "특별법 시행령 국무회의"});
  const auto rows = search::read_csv(csv.out);
  ASSERT_EQ(rows.size(), 2u) << csv.out;
  const auto column = std::find(rows[0].begin(), rows[0].end(), "also") - rows[0].begin();
  ASSERT_LT(column, static_cast<std::ptrdiff_t>(rows[0].size()));
  EXPECT_NE(rows[1][column].find("release"), std::string::npos) << rows[1][column];
}

// ---- --context N ---------------------------------------------------------------------------

TEST_F(Issue15_Documents, Issue15_ContextPassagesAroundTheHit) {
  const std::vector<json> found = hits({"--no-expand", "--context", "1", "-n", "1", "전문 인력 부족"});
  ASSERT_EQ(found.size(), 1u);
  const json& hit = found[0];
  ASSERT_EQ(file_of(hit), "ko/chips.txt");
  const unsigned ordinal = hit["passage"]["ordinal"];
  ASSERT_EQ(hit["context"].size(), 2u) << hit.dump();
  EXPECT_EQ(hit["context"][0]["relative"], -1);
  EXPECT_EQ(hit["context"][0]["passage"]["ordinal"], ordinal - 1);
  EXPECT_NE(hit["context"][0]["passage"]["text"].get<std::string>().find("메모리 반도체 가격"), std::string::npos);
  EXPECT_EQ(hit["context"][1]["relative"], 1);
  EXPECT_EQ(hit["context"][1]["passage"]["ordinal"], ordinal + 1);
  EXPECT_NE(hit["context"][1]["passage"]["text"].get<std::string>().find("전력과 용수"), std::string::npos);
  EXPECT_EQ(hit["context"][1]["passage"]["id"],
            hit["doc"]["id"].get<std::string>() + "#" + std::to_string(ordinal + 1));
  // Without --context: an empty array.
  const std::vector<json> plain = hits({"--no-expand", "-n", "1", "전문 인력 부족"});
  ASSERT_EQ(plain.size(), 1u);
  EXPECT_TRUE(plain[0]["context"].is_array() && plain[0]["context"].empty()) << plain[0].dump();
}

TEST_F(Issue15_Documents, Issue15_ContextStopsAtTheDocumentsEnds) {
  // The last passage of chips.txt: two before, none after.
  const std::vector<json> last = hits({"--no-expand", "--context", "2", "-n", "1", "용수 공급이 먼저 해결"});
  ASSERT_EQ(last.size(), 1u);
  std::vector<int> relative;
  for (const json& c : last[0]["context"]) relative.push_back(c["relative"]);
  EXPECT_EQ(relative, (std::vector<int>{-2, -1}));
  const CommandResult human = search({"--no-expand", "--context", "2", "-n", "1", "용수 공급이 먼저 해결"});
  EXPECT_NE(human.out.find("\xE2\x94\x86 passage "), std::string::npos) << human.out;
  EXPECT_LT(human.out.find("전문 인력 부족"), human.out.find("[용수]")) << "the passages before come first";
}

// ---- --like PASSAGE_ID -----------------------------------------------------------------------

TEST_F(Issue15_Documents, Issue15_LikeFindsSimilarPassagesNotItself) {
  const std::string source = passage_with("반도체 수출은 지난달", "ko/chips.txt");
  const std::vector<json> like = hits({"--like", source, "-n", "5"});
  ASSERT_FALSE(like.empty());
  // The passage sharing 지난달, 수출 and 반도체 first; never the passage itself or the weather.
  EXPECT_EQ(file_of(like[0]), "ko/exports.txt") << like[0].dump();
  EXPECT_NE(like[0]["passage"]["text"].get<std::string>().find("지난달 수출은"), std::string::npos);
  for (const json& h : like) {
    EXPECT_NE(h["passage"]["id"], source);
    EXPECT_NE(file_of(h), "ko/weather.txt");
  }
  EXPECT_FALSE(like[0]["highlights"].empty()) << "the expansion terms are highlighted";
}

TEST_F(Issue15_Documents, Issue15_LikeTakesFiltersAndLeavesOutCopiesOfItsPassage) {
  const std::string source = passage_with("반도체 수출은 지난달", "ko/chips.txt");
  const std::vector<json> chips_only = hits({"--like", source, "--under", docs() + "/ko/chips.txt"});
  ASSERT_FALSE(chips_only.empty());
  for (const json& h : chips_only) EXPECT_EQ(file_of(h), "ko/chips.txt");
  // The release's passage: its copy in copies/ is the same passage, not a similar one.
  const std::string release = passage_with("시행령은 반도체 클러스터", "press/release.txt");
  for (const json& h : hits({"--like", release, "-n", "20"}))
    EXPECT_EQ(h["passage"]["text"].get<std::string>().find("전력망과 용수 시설"), std::string::npos) << h.dump();
  // Grouped like any search.
  const std::vector<std::string> grouped = files(hits({"--like", source, "--group", "doc"}));
  EXPECT_EQ(std::set<std::string>(grouped.begin(), grouped.end()).size(), grouped.size());
}

TEST_F(Issue15_Documents, Issue15_LikeBadPassageIdsAreErrors) {
  for (const std::string id : {"0123456789abcdef#99", "nohash", "#3"}) {
    const CommandResult r = search({"--like", id});
    EXPECT_EQ(r.exit_code, 2) << id;
    EXPECT_NE(r.err.find(id), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("passage"), std::string::npos) << r.err;
  }
}

// ---- options a mode does not read -----------------------------------------------------------

TEST_F(Issue15_Documents, Issue15_GroupContextLikeOnlyWhereTheyApply) {
  const std::string source = passage_with("반도체 수출은 지난달", "ko/chips.txt");
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"--counts", "--group", "doc", "반도체"}, "--group does not apply to --counts"},
      {{"--figures", "--context", "1"}, "--context does not apply to --figures"},
      {{"--quotes", "--duplicates", "keep"}, "--duplicates does not apply to --quotes"},
      {{"--like", source, "반도체"}, "query words do not apply to --like"},
      {{"--like", source, "--no-expand"}, "--no-expand does not apply to --like"},
      {{"--like", source, "--counts"}, "cannot be combined"},
      {{"--group", "passage", "반도체"}, "--group"},
      {{"--context", "-1", "반도체"}, "--context"},
  };
  for (const auto& [args, message] : cases) {
    const CommandResult r = search(args);
    EXPECT_EQ(r.exit_code, 2) << args[0] << " " << args[1] << "\n" << r.out;
    EXPECT_NE(r.err.find(message), std::string::npos) << r.err;
  }
}

// ---- copies across real formats (corpus/) ----------------------------------------------------

class Issue15_DuplicatesCorpus : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    const auto formats = corpus_dir() / "formats";
    const CommandResult r = run_program("kb-index", {"--db", db(), "-q", (corpus_dir() / "ko").string(),
                                                     (formats / "hwpx").string(), (formats / "pdf").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  static std::string db() { return (*dir_ / "db").string(); }
  static std::vector<json> hits(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db(), "--json", "--no-expand"});
    const CommandResult r = run_program("kb-search", args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::vector<json> out;
    for (const std::string& line : split_lines(r.out)) out.push_back(json::parse(line));
    return out;
  }
  static std::string extension(const json& doc) {
    const std::string path = doc["path"];
    return path.substr(path.rfind('.'));
  }
  static TempDir* dir_;
};
TempDir* Issue15_DuplicatesCorpus::dir_ = nullptr;

TEST_F(Issue15_DuplicatesCorpus, Issue15_DuplicatesTheSameBriefAsTextHwpxAndPdfIsOneHit) {
  const std::vector<json> found = hits({"-n", "10", "GPU 1.3만 장 72만 장"});
  ASSERT_FALSE(found.empty());
  std::set<std::string> formats{extension(found[0]["doc"])};
  for (const json& a : found[0]["also"]) formats.insert(extension(a["doc"]));
  EXPECT_EQ(formats, (std::set<std::string>{".md", ".hwpx", ".pdf"})) << found[0].dump();
  // No text twice in the listing, and no brief's copy as a document of its own.
  std::set<std::string> titles_and_ordinals;
  for (const json& h : found)
    EXPECT_TRUE(
        titles_and_ordinals
            .insert(h["doc"]["title"].get<std::string>() + "#" + std::to_string(h["passage"]["ordinal"].get<int>()))
            .second)
        << h.dump();
  const std::vector<json> grouped = hits({"--group", "doc", "-n", "10", "GPU 1.3만 장 72만 장"});
  std::set<std::string> titles;
  for (const json& h : grouped) EXPECT_TRUE(titles.insert(h["doc"]["title"]).second) << h["doc"].dump();
  // The old behaviour on request: the three copies one after another.
  const std::vector<json> kept = hits({"--duplicates", "keep", "-n", "3", "GPU 1.3만 장 72만 장"});
  ASSERT_EQ(kept.size(), 3u);
  std::set<std::string> kept_formats;
  for (const json& h : kept) kept_formats.insert(extension(h["doc"]));
  EXPECT_EQ(kept_formats.size(), 3u);
}

}  // namespace
}  // namespace kb::test
