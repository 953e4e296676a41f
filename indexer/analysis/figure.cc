#include "analysis/figure.h"

namespace kb::analysis {

const char* kind_name(FigureKind kind) {
  switch (kind) {
    case FigureKind::kMoney:
      return "money";
    case FigureKind::kPercent:
      return "percent";
    case FigureKind::kPercentagePoint:
      return "percentage-point";
    case FigureKind::kRatio:
      return "ratio";
    case FigureKind::kCount:
      return "count";
    case FigureKind::kMeasure:
      return "measure";
    case FigureKind::kNumber:
      return "number";
  }
  return "number";
}

const char* qualifier_name(Qualifier qualifier) {
  switch (qualifier) {
    case Qualifier::kExact:
      return "exact";
    case Qualifier::kApprox:
      return "approx";
    case Qualifier::kAtLeast:
      return "at-least";
    case Qualifier::kAbove:
      return "above";
    case Qualifier::kAtMost:
      return "at-most";
    case Qualifier::kBelow:
      return "below";
    case Qualifier::kRange:
      return "range";
  }
  return "exact";
}

std::optional<FigureKind> kind_from_name(std::string_view name) {
  for (auto k : {FigureKind::kMoney, FigureKind::kPercent, FigureKind::kPercentagePoint, FigureKind::kRatio,
                 FigureKind::kCount, FigureKind::kMeasure, FigureKind::kNumber})
    if (name == kind_name(k)) return k;
  return std::nullopt;
}

std::optional<Qualifier> qualifier_from_name(std::string_view name) {
  for (auto q : {Qualifier::kExact, Qualifier::kApprox, Qualifier::kAtLeast, Qualifier::kAbove, Qualifier::kAtMost,
                 Qualifier::kBelow, Qualifier::kRange})
    if (name == qualifier_name(q)) return q;
  return std::nullopt;
}

const char* mention_name(MentionKind kind) {
  switch (kind) {
    case MentionKind::kDate:
      return "date";
    case MentionKind::kOrdinal:
      return "ordinal";
    case MentionKind::kRank:
      return "rank";
    case MentionKind::kCode:
      return "code";
    case MentionKind::kIdiom:
      return "idiom";
  }
  return "code";
}

}  // namespace kb::analysis
