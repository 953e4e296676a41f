#include "wire_format.h"

namespace kb {

namespace {

void put_u64(std::string& out, std::uint64_t value) {
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
}

std::uint64_t get_u64(std::string_view bytes) {
  std::uint64_t value = 0;
  for (int i = 0; i < 8; ++i) value |= static_cast<std::uint64_t>(static_cast<unsigned char>(bytes[i])) << (8 * i);
  return value;
}

}  // namespace

void WireWriter::u64(std::uint64_t value) { put_u64(bytes_, value); }

void WireWriter::str(std::string_view value) {
  put_u64(bytes_, value.size());
  bytes_.append(value);
}

std::uint64_t WireReader::u64() {
  if (bytes_.size() < 8) throw WireError("message cut short");
  const std::uint64_t value = get_u64(bytes_);
  bytes_.remove_prefix(8);
  return value;
}

std::string WireReader::str() { return std::string(str_view()); }

std::string_view WireReader::str_view() {
  const std::uint64_t size = u64();
  if (size > bytes_.size()) throw WireError("message cut short");
  const std::string_view value = bytes_.substr(0, size);
  bytes_.remove_prefix(size);
  return value;
}

std::string frame_header(std::uint64_t length) {
  std::string out;
  put_u64(out, length);
  return out;
}

std::uint64_t frame_length(std::string_view header) {
  if (header.size() != 8) throw WireError("bad frame header");
  return get_u64(header);
}

}  // namespace kb
