#include "db_location.h"

#include <cstdlib>
#include <system_error>

namespace kb {

std::filesystem::path resolve_db_dir(const std::optional<std::string>& flag_value) {
  namespace fs = std::filesystem;
  if (flag_value && !flag_value->empty()) return *flag_value;
  if (const char* env = std::getenv("KB_DB"); env != nullptr && *env != '\0') return env;
  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  if (ec) return ".kb";
  for (fs::path dir = cwd;; dir = dir.parent_path()) {
    if (fs::is_directory(dir / ".kb", ec)) return dir / ".kb";
    if (dir == dir.parent_path()) break;
  }
  return cwd / ".kb";
}

}  // namespace kb
