// Network byte order for the codec: a writer that appends big-endian fields, a reader that never
// reads past its span, and the Internet checksum that RSVP (RFC 2205 section 3.1.1) and the IPv4
// header share (RFC 1071).
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

namespace qosbed::rsvp_wire {

static_assert(std::numeric_limits<float>::is_iec559, "RFC 2210 floats are IEEE 754 single");

// The one's complement of the one's complement sum of 16-bit big-endian words, an odd last byte
// padded with zero. Over bytes that include a correct checksum it gives 0.
std::uint16_t internet_checksum(std::span<const std::byte> bytes);

class Writer {
 public:
  explicit Writer(std::vector<std::byte>& out) : out_(out) {}

  std::size_t size() const { return out_.size(); }
  void u8(std::uint8_t value) { out_.push_back(std::byte{value}); }
  void u16(std::uint16_t value) {
    u8(static_cast<std::uint8_t>(value >> 8));
    u8(static_cast<std::uint8_t>(value));
  }
  void u32(std::uint32_t value) {
    u16(static_cast<std::uint16_t>(value >> 16));
    u16(static_cast<std::uint16_t>(value));
  }
  void f32(float value) { u32(std::bit_cast<std::uint32_t>(value)); }
  void bytes(std::span<const std::byte> data) { out_.insert(out_.end(), data.begin(), data.end()); }
  // Overwrites a 16-bit field written earlier: lengths and checksums known only at the end.
  void patch_u16(std::size_t at, std::uint16_t value) {
    out_[at] = std::byte{static_cast<std::uint8_t>(value >> 8)};
    out_[at + 1] = std::byte{static_cast<std::uint8_t>(value)};
  }

 private:
  std::vector<std::byte>& out_;
};

// Reads fields in order. It trusts its caller to check remaining() before each read: the decoder
// checks every length it reads against what is left before it reads on.
class Reader {
 public:
  explicit Reader(std::span<const std::byte> bytes) : bytes_(bytes) {}

  std::size_t remaining() const { return bytes_.size() - at_; }
  std::size_t position() const { return at_; }
  std::uint8_t u8() { return std::to_integer<std::uint8_t>(bytes_[at_++]); }
  std::uint16_t u16() {
    const std::uint16_t high = u8();
    return static_cast<std::uint16_t>((high << 8) | u8());
  }
  std::uint32_t u32() {
    const std::uint32_t high = u16();
    return (high << 16) | u16();
  }
  float f32() { return std::bit_cast<float>(u32()); }
  std::span<const std::byte> take(std::size_t count) {
    const auto part = bytes_.subspan(at_, count);
    at_ += count;
    return part;
  }

 private:
  std::span<const std::byte> bytes_;
  std::size_t at_ = 0;
};

}  // namespace qosbed::rsvp_wire
