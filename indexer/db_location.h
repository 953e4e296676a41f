// Where the index lives when the user does not say: `--db DIR` wins, then the KB_DB environment
// variable, then the nearest `.kb/` in the current folder or above it (like git), else `./.kb/`.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace kb {

std::filesystem::path resolve_db_dir(const std::optional<std::string>& flag_value);

}  // namespace kb
