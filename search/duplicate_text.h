// Recognising the same text in several places (issue 15: the same press release as HWP, HWPX and
// PDF, or a file copied into two folders) at search time, from the passages' own text: a
// fingerprint is the 64-bit FNV-1a hash of the text folded to its letters and digits (ASCII
// lower-cased, full-width forms and Latin ligatures mapped to ASCII, every space, punctuation
// mark and symbol dropped), so the line breaks, hyphens, bullets and quote marks that differ
// between a PDF's and an HWP's text do not tell two copies apart.
//
// Why at search time and not a hash stored by kb-index: it needs no schema change (the schema and
// the writer are being restructured in parallel), works on every existing index, and costs one
// pass over text the searcher reads anyway.
//
// Known weaknesses: only the candidates a search retrieves are compared, so a copy ranked far
// below its twin (it can happen when document evidence or dates differ) is not recognised; two
// passages are duplicates only when the formats cut the text into the same passages (a PDF that
// joins two HWP paragraphs gives a passage no other copy has); one changed letter makes two texts
// different (no near-duplicate detection); text shorter than kMinFingerprintChars folded characters
// (a heading like `Background`, `1. 개요`) is a duplicate only between documents already seen to be
// copies by a longer passage among the candidates, since unrelated documents share such lines; Unicode normalisation
// forms (NFD Hangul from a Mac file name or PDF) are not unified.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kb::search {

inline constexpr std::size_t kMinFingerprintChars = 24;

// `text` folded to its letters and digits (see above).
std::string fold_for_fingerprint(std::string_view text);

struct TextFingerprint {
  std::uint64_t hash = 0;
  // At least kMinFingerprintChars folded characters: long enough to say two documents are copies.
  // A shorter text (a heading) is a copy only between documents that are copies by a longer one.
  bool distinctive = false;
};

// The fingerprint of `text`; nullopt when it has no letter or digit.
std::optional<TextFingerprint> text_fingerprint(std::string_view text);

}  // namespace kb::search
