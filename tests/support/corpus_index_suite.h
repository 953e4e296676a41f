// A test suite that searches one index of the shipped corpus/, built by kb-index once for the
// whole suite (derive from it; db() is the index folder).
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "support/test_support.h"

namespace kb::test {

class CorpusIndexSuite : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    const CommandResult r = run_program("kb-index", {"--db", db(), corpus_dir().string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  static std::string db() { return (*dir_ / "db").string(); }

 private:
  static inline TempDir* dir_ = nullptr;
};

}  // namespace kb::test
