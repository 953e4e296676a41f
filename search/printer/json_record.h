// The envelope every JSON record of kb carries: `"schema":"kb/1"` and a `"type"` (hit, figure,
// quote, person, status, counts), so scripts can check what they read. The version changes only
// when a field is removed or changes meaning; new fields may appear within a version.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

namespace kb::search {

inline constexpr std::string_view kJsonSchema = "kb/1";

// Adds the envelope to `record` and returns it.
inline nlohmann::json with_envelope(nlohmann::json record, std::string_view type) {
  record["schema"] = kJsonSchema;
  record["type"] = type;
  return record;
}

}  // namespace kb::search
