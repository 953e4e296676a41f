// A quotation of speech found in a document, with the speaker the document names for it.
#pragma once

#include <cstdint>
#include <string>

namespace kb::analysis {

// Who said it, as the document gives it. All fields may be empty: a quote whose speaker the text
// does not name keeps an empty `name` and `name_en` (an unknown speaker) and at most a description
// in `title` ("업계 관계자", "a company spokesman"), never a guessed name. An organisation that
// speaks ("국방부", "합동참모본부") has an empty name and the organisation in `org`.
struct Speaker {
  std::string name;     // Hangul (or the only script the text uses for a non-Latin name): "션 란돌프"
  std::string name_en;  // Latin-script name where the text gives one: "Sean Randolph"
  std::string title;    // "시니어 디렉터", "head of research"
  std::string org;      // "베이 카운슬 이코노믹 인스티튜트", "Korea Chamber of Commerce and Industry"

  bool known() const { return !name.empty() || !name_en.empty(); }
  bool operator==(const Speaker&) const = default;
};

// What kind of speaker a Speaker is, from its fields (issue 14): a person when the text names
// one; else a description when it says what the speaker is (`합참 관계자`, `a company
// spokesman`); else an organisation (`국방부`); else unknown.
enum class SpeakerKind { kUnknown, kPerson, kOrganization, kDescription };

inline SpeakerKind speaker_kind(const Speaker& s) {
  if (s.known()) return SpeakerKind::kPerson;
  if (!s.title.empty()) return SpeakerKind::kDescription;
  if (!s.org.empty()) return SpeakerKind::kOrganization;
  return SpeakerKind::kUnknown;
}

// "person", "organization", "description" or "unknown": the `kind` of a speaker in the index and
// in kb-search's output.
inline const char* speaker_kind_name(SpeakerKind kind) {
  switch (kind) {
    case SpeakerKind::kPerson:
      return "person";
    case SpeakerKind::kOrganization:
      return "organization";
    case SpeakerKind::kDescription:
      return "description";
    case SpeakerKind::kUnknown:
      break;
  }
  return "unknown";
}

struct Quote {
  std::uint32_t begin = 0;  // byte offsets of the quoted words (marks excluded) in the analysed text
  std::uint32_t end = 0;
  std::string text;  // the quoted words, trimmed (a trailing comma of "…," dropped)
  Speaker speaker;
};

}  // namespace kb::analysis
