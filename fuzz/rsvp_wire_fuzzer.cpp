// Fuzzes the RSVP wire decoder, the IPv4 unframer and the objects' summaries (sim/rsvp_wire): they
// must never read outside the bytes they are given, every error must point inside them, and
// whatever they accept must encode back to a message of the same size that decodes and encodes to
// itself. Each input is read as an RSVP message twice, as given and with its checksum field zeroed
// (0 means none was sent, RFC 2205 section 3.1.1, so a mutation is not simply stopped by the
// checksum), and as an IPv4 datagram whose payload is then decoded the same ways.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <span>

#include "rsvp_wire/decode.hpp"
#include "rsvp_wire/encode.hpp"
#include "rsvp_wire/ipv4.hpp"
#include "rsvp_wire/summary.hpp"

namespace {

using namespace qosbed::rsvp_wire;

void check(bool condition) {
  if (!condition) std::abort();
}

void check_message(std::span<const std::byte> bytes) {
  // A summary per object, and every object is at least its 4-byte header.
  check(object_summaries(bytes).size() <= bytes.size() / 4);
  const DecodeResult result = decode(bytes);
  check(!to_string(result).empty());
  if (!result.ok()) {
    check(result.offset <= bytes.size());
    return;
  }
  // Objects may be reordered and ignored bits zeroed, but nothing is lost or added.
  const auto again = encode(result.message);
  check(again.size() == bytes.size());
  const DecodeResult second = decode(again);
  check(second.ok());
  check(encode(second.message) == again);
}

void check_both_ways(std::span<const std::byte> bytes) {
  check_message(bytes);
  if (bytes.size() < 4) return;
  // An allocation of exactly the size, so AddressSanitizer sees any read past the end.
  const auto unchecked = std::make_unique<std::byte[]>(bytes.size());
  std::copy(bytes.begin(), bytes.end(), unchecked.get());
  unchecked[2] = unchecked[3] = std::byte{0};
  check_message({unchecked.get(), bytes.size()});
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto copy = std::make_unique<std::byte[]>(size);
  if (size > 0) std::memcpy(copy.get(), data, size);
  const std::span<const std::byte> bytes(copy.get(), size);

  check_both_ways(bytes);
  const UnframeResult datagram = unframe(bytes);
  check(!describe(datagram.error).empty());
  if (!datagram.ok()) {
    check(datagram.offset <= size);
    return 0;
  }
  check(datagram.payload.data() + datagram.payload.size() == bytes.data() + size);
  check(datagram.payload.size() + 20 <= size);
  check_both_ways(datagram.payload);
  return 0;
}
