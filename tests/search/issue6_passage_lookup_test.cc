// Issue 6 (smaller records): a figure record keeps only its sentence's byte span; the words are cut
// from the passage record, and a span reaching outside the passage is cut to what it holds.
#include <gtest/gtest.h>

#include <string>

#include "passage_lookup.h"

namespace kb::search {
namespace {

struct SliceCase {
  std::uint32_t begin, end;
  std::string expected;
};

TEST(Issue6PassageLookup, SlicesTheSentenceOutOfThePassage) {
  PassageLookup::Passage passage;
  passage.offset = 100;  // the passage starts at byte 100 of the document text
  passage.text = "GPU 1.3만장. 미국은 72만장을 확보했다.";
  const std::uint32_t second = 100 + static_cast<std::uint32_t>(passage.text.find("미국은"));
  const std::uint32_t end = 100 + static_cast<std::uint32_t>(passage.text.size());
  const SliceCase cases[] = {
      {100, 100 + static_cast<std::uint32_t>(std::string("GPU 1.3만장.").size()), "GPU 1.3만장."},
      {second, end, "미국은 72만장을 확보했다."},
      {40, 100 + 3, "GPU"},                             // starts in the previous passage
      {second, end + 50, "미국은 72만장을 확보했다."},  // runs into the next passage
      {0, 90, ""},                                      // wholly before
      {end, end + 10, ""},                              // wholly after
      {second, second, ""},                             // empty
  };
  for (const SliceCase& c : cases)
    EXPECT_EQ(PassageLookup::slice(passage, c.begin, c.end), c.expected) << c.begin << ".." << c.end;
}

}  // namespace
}  // namespace kb::search
