// Issue 3: English must not get worse while Korean improves. Our own question sets over corpus/
// (corpus/questions_en.tsv, corpus/questions_ko.tsv: question, file, a substring of the answer
// passage) are run against an index of corpus/ and the answer passage's rank is counted.
//
// The floors are what issue 3 achieves; before it (commit fec9b46) the same sets gave R@1 7/20,
// R@3 18/20 (English) and R@1 5/15, R@3 13/15 (Korean); now R@1 9/20, R@3 17/20 and R@1 8/15,
// R@3 15/15. The English R@3 lost one question: "What did the KIEP researcher say matters …" now
// ranks first the other brief's passage that says the same thing (gpu_infrastructure_brief.txt),
// a correct answer the question set does not list. Known misses: "the first of the six
// strategies" is answered by a list item that holds none of the question's words, and "the gap
// between private AI investment in the US and in Korea" loses to passages that repeat the words.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "index_writer.h"
#include "indexing_run.h"
#include "readers/registry.h"
#include "searcher.h"
#include "support/test_support.h"

namespace kb::test {
namespace {

struct CorpusQuestion {
  std::string question;
  std::string file;     // relative to corpus/
  std::string answer;   // a substring of the answer passage
};

std::vector<CorpusQuestion> load_questions(const std::string& name) {
  std::ifstream in(corpus_dir() / name);
  std::vector<CorpusQuestion> out;
  for (std::string line; std::getline(in, line);) {
    std::stringstream ss(line);
    CorpusQuestion q;
    if (std::getline(ss, q.question, '\t') && std::getline(ss, q.file, '\t') && std::getline(ss, q.answer))
      out.push_back(q);
  }
  return out;
}

class CollectSink final : public search::HitSink {
 public:
  void on_hit(const search::Hit& hit) override { hits.push_back(hit); }
  std::vector<search::Hit> hits;
};

// The corpus folders, indexed once for the whole suite (the question files themselves stay out).
class Issue3_CorpusQuestions : public ::testing::TestWithParam<std::string> {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    IndexWriter writer((dir_->path() / "db").string());
    Diagnostics diagnostics{[](const std::string& path, const std::string& reason) {
                              ADD_FAILURE() << path << ": " << reason;
                            },
                            [](const std::string&, const std::string&) {}};
    IndexingRun run(writer, ReaderRegistry::standard(), diagnostics);
    for (const char* folder : {"seed", "en", "ko"}) run.add(corpus_dir() / folder);
    run.finish();
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  static TempDir* dir_;
};

TempDir* Issue3_CorpusQuestions::dir_ = nullptr;

// The rank (1-based, 0 = not in the top `depth`) of the question's answer passage.
unsigned answer_rank(search::Searcher& searcher, const CorpusQuestion& q, unsigned depth) {
  CollectSink sink;
  kb::search::SearchRequest request;
  request.query = q.question;
  request.limit = depth;
  request.highlight = false;
  // The question sets name passages in the question's language; cross-language expansion, which
  // rightly lifts the other language's twin passages, is measured by tests/cli/issue7_*.
  request.expand = false;
  searcher.search(request, sink);
  for (const search::Hit& hit : sink.hits)
    if (hit.doc.path.ends_with(q.file) && hit.passage.text.find(q.answer) != std::string::npos) return hit.rank;
  return 0;
}

struct Floor {
  std::size_t at1;
  std::size_t at3;
};

TEST_P(Issue3_CorpusQuestions, AnswerPassageNearTheTop) {
  const std::vector<CorpusQuestion> questions = load_questions(GetParam());
  // The floors are what the ranking reached when a Korean word's bigrams became a stand-in for the
  // word instead of an addition to it (query_builder.h): English 9 → 10 at rank 1, 17 → 18 in the
  // top 3; Korean 8 → 10 at rank 1, then 9 with the bridge bigram weight 0.5 → 0.4 that KorQuAD
  // (5,774 questions) prefers.
  const Floor floor = GetParam() == "questions_en.tsv" ? Floor{10, 18} : Floor{9, 15};
  ASSERT_GE(questions.size(), 15u);
  search::Searcher searcher((dir_->path() / "db").string());
  std::size_t at1 = 0, at3 = 0;
  for (const CorpusQuestion& q : questions) {
    const unsigned rank = answer_rank(searcher, q, 10);
    at1 += rank == 1;
    at3 += rank != 0 && rank <= 3;
    if (rank != 1) std::cout << "  rank " << rank << " (0: not in the top 10): " << q.question << '\n';
  }
  EXPECT_GE(at1, floor.at1);
  EXPECT_GE(at3, floor.at3);
  std::cout << GetParam() << ": R@1 " << at1 << "/" << questions.size() << ", R@3 " << at3 << "/"
            << questions.size() << '\n';
}

INSTANTIATE_TEST_SUITE_P(Corpus, Issue3_CorpusQuestions,
                         ::testing::Values("questions_en.tsv", "questions_ko.tsv"),
                         [](const auto& param_info) { return param_info.param == "questions_en.tsv" ? "English" : "Korean"; });

}  // namespace
}  // namespace kb::test
