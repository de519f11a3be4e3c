#include "report/json_writer.hpp"

#include <bit>

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

// Eight digits at a time on a little-endian machine (every one qosbed is built for): four bytes
// spread one to each 16-bit lane of a word, split into their two nibbles, high one first, and all
// eight nibbles made digits at once: '0' + n, and 39 more ('a' - '0' - 10) where n is over 9.
// What is left over, and other machines, go a byte at a time through the table.
char* JsonObject::put_hex(char* at, std::span<const std::byte> bytes) {
  *at++ = '"';
  std::size_t i = 0;
  if constexpr (std::endian::native == std::endian::little) {
    constexpr std::uint64_t low_nibbles = 0x000F000F000F000F;
    constexpr std::uint64_t ones = 0x0101010101010101;
    for (; i + 4 <= bytes.size(); i += 4) {
      std::uint32_t four = 0;
      std::memcpy(&four, bytes.data() + i, sizeof four);
      std::uint64_t lanes = four;
      lanes = (lanes | (lanes << 16)) & 0x0000FFFF0000FFFF;
      lanes = (lanes | (lanes << 8)) & 0x00FF00FF00FF00FF;
      const std::uint64_t nibbles = ((lanes >> 4) & low_nibbles) | ((lanes & low_nibbles) << 8);
      const std::uint64_t over_nine = ((nibbles + 6 * ones) >> 4) & ones;
      const std::uint64_t digits = nibbles + '0' * ones + over_nine * ('a' - '0' - 10);
      std::memcpy(at, &digits, sizeof digits);
      at += sizeof digits;
    }
  }
  for (; i < bytes.size(); ++i) {
    std::memcpy(at, &hex_pairs[2 * static_cast<unsigned>(bytes[i])], 2);
    at += 2;
  }
  *at++ = '"';
  return at;
}

}  // namespace qosbed::report
