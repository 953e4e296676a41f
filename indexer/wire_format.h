// The bytes that cross the socket between kb-index and its analysis workers (analysis_worker.h):
// unsigned integers as 8 little-endian bytes, strings as their length and their bytes. Both ends
// are the same binary, so the format has no version. The reader checks every length against
// what is left and throws WireError on a short or malformed message: a worker that died
// mid-write gives an error, never a wrong record.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace kb {

class WireError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class WireWriter {
 public:
  void u64(std::uint64_t value);
  void str(std::string_view value);
  void reserve(std::size_t bytes) { bytes_.reserve(bytes); }
  std::string take() { return std::move(bytes_); }

 private:
  std::string bytes_;
};

class WireReader {
 public:
  explicit WireReader(std::string_view bytes) : bytes_(bytes) {}
  std::uint64_t u64();
  std::string str();
  // A string without copying it: valid as long as the message it was read from.
  std::string_view str_view();
  bool done() const { return bytes_.empty(); }

 private:
  std::string_view bytes_;
};

// The 8-byte length header of a framed message, and its value.
std::string frame_header(std::uint64_t length);
std::uint64_t frame_length(std::string_view header);

}  // namespace kb
