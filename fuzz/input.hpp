// A reader that turns a fuzzer's bytes into choices, for targets that also build with g++ (where
// libFuzzer's FuzzedDataProvider is not available) so their inputs replay as ordinary tests.
// Once the bytes run out every read returns zero, so any input is a complete program.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace qosbed::fuzz {

class Input {
 public:
  explicit Input(std::span<const std::uint8_t> bytes) : bytes_(bytes) {}

  bool empty() const { return at_ >= bytes_.size(); }

  std::uint8_t u8() { return empty() ? 0 : bytes_[at_++]; }
  // Little-endian; each byte read in its own statement, as argument order is unspecified.
  std::uint16_t u16() {
    const std::uint16_t low = u8();
    return static_cast<std::uint16_t>(low | (u8() << 8));
  }
  std::uint32_t u32() {
    const std::uint32_t low = u16();
    return low | (static_cast<std::uint32_t>(u16()) << 16);
  }
  bool flag() { return (u8() & 1) != 0; }

  // A value in [0, count); count must not be 0.
  std::size_t below(std::size_t count) { return u8() % count; }

  template <typename T, std::size_t N>
  const T& pick(const T (&values)[N]) {
    return values[below(N)];
  }

  // Up to `max` raw bytes.
  std::vector<std::byte> bytes(std::size_t max) {
    std::vector<std::byte> out(below(max + 1));
    for (std::byte& b : out) b = std::byte{u8()};
    return out;
  }

 private:
  std::span<const std::uint8_t> bytes_;
  std::size_t at_ = 0;
};

}  // namespace qosbed::fuzz
