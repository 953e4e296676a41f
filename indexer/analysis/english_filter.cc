#include "analysis/english_filter.h"

#include <algorithm>
#include <array>

namespace kb::analysis {
namespace {

// Sorted, for binary search.
constexpr std::array<std::string_view, 119> kStopwords = {
    "a",       "about",   "above",  "after",   "again",  "against", "all",     "am",      "an",
    "and",     "any",     "are",    "as",      "at",     "be",      "because", "been",    "before",
    "being",   "below",   "between", "both",   "but",    "by",      "can",     "could",   "did",
    "do",      "does",    "doing",  "down",    "during", "each",    "few",     "for",     "from",
    "further", "had",     "has",    "have",    "having", "he",      "her",     "here",    "hers",
    "herself", "him",     "himself", "his",    "how",    "i",       "if",      "in",      "into",
    "is",      "it",      "its",    "itself",  "just",   "me",      "more",    "most",    "my",
    "myself",  "no",      "nor",    "not",     "now",    "of",      "off",     "on",      "once",
    "only",    "or",      "other",  "our",     "ours",   "out",     "over",    "own",     "same",
    "she",     "should",  "so",     "some",    "such",   "than",    "that",    "the",     "their",
    "them",    "then",    "there",  "these",   "they",   "this",    "those",   "through", "to",
    "too",     "under",   "until",  "up",      "very",   "was",     "we",      "were",    "what",
    "when",    "where",   "which",  "while",   "who",    "whom",    "why",     "will",    "with",
    "would",   "you",
};

}  // namespace

EnglishFilter::EnglishFilter() : stemmer_("english") {}

std::string EnglishFilter::strip_possessive(std::string_view word) const {
  for (std::string_view suffix : {std::string_view("'s"), std::string_view("\xE2\x80\x99s")}) {
    if (word.size() > suffix.size() && word.substr(word.size() - suffix.size()) == suffix)
      return std::string(word.substr(0, word.size() - suffix.size()));
  }
  return std::string(word);
}

std::string EnglishFilter::stem(const std::string& word) const { return stemmer_(word); }

bool EnglishFilter::is_stopword(std::string_view word) const {
  return std::binary_search(kStopwords.begin(), kStopwords.end(), word);
}

}  // namespace kb::analysis
