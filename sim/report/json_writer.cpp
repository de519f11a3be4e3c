#include "report/json_writer.hpp"

namespace qosbed::report {
namespace {

// The characters JSON cannot hold as they are: control characters, '"' and '\'. One table read
// per character is cheaper than comparing each character three times.
constexpr std::array<bool, 256> needs_escape = [] {
  std::array<bool, 256> table{};
  for (std::size_t c = 0; c < 0x20; ++c) table[c] = true;
  table['"'] = true;
  table['\\'] = true;
  return table;
}();

}  // namespace

char* JsonObject::put_quoted(char* at, std::string_view value) {
  *at++ = '"';
  for (const char c : value) {
    const auto byte = static_cast<unsigned char>(c);
    if (!needs_escape[byte]) {
      *at++ = c;
    } else if (byte >= 0x20) {
      *at++ = '\\';
      *at++ = c;
    } else {
      std::memcpy(at, "\\u00", 4);
      std::memcpy(at + 4, &hex_pairs[2 * byte], 2);
      at += 6;
    }
  }
  *at++ = '"';
  return at;
}

}  // namespace qosbed::report
