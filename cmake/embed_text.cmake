# Writes OUTPUT: a C++ source defining `std::string_view NAME()` that returns the bytes of INPUT.
file(READ "${INPUT}" content)
file(WRITE "${OUTPUT}" "// Generated from ${INPUT} by cmake/embed_text.cmake. Do not edit.\n#include <string_view>\nnamespace kb::generated {\nstd::string_view ${NAME}() {\n  static constexpr std::string_view text = R\"kbembed(${content})kbembed\";\n  return text;\n}\n}  // namespace kb::generated\n")
