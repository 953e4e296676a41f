// The whole of a gzip'd file (Reuters-21578 is shipped as reut2-NNN.xml.gz). Shared by the
// evaluators in tools/; throws std::runtime_error naming the file when it cannot be opened.
#pragma once

#include <zlib.h>

#include <stdexcept>
#include <string>

namespace kb::tools {

inline std::string read_gzip_file(const std::string& path) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (!f) throw std::runtime_error(path + ": cannot open");
  std::string out;
  char buf[1 << 16];
  int n = 0;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
  gzclose(f);
  return out;
}

}  // namespace kb::tools
