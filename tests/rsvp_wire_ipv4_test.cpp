#define BOOST_TEST_MODULE rsvp_wire_ipv4
#include <boost/test/unit_test.hpp>
#include <cstdint>
#include <memory>
#include <vector>

#include "rsvp_wire/bytes.hpp"
#include "rsvp_wire/encode.hpp"
#include "rsvp_wire/ipv4.hpp"
#include "rsvp_wire_samples.hpp"

using namespace qosbed::rsvp_wire;
namespace samples = rsvp_wire_samples;

namespace {

std::vector<std::byte> bytes_of(std::initializer_list<unsigned> values) {
  std::vector<std::byte> out;
  for (const unsigned value : values) out.push_back(std::byte{static_cast<std::uint8_t>(value)});
  return out;
}

Message path_no_sender() {
  for (const auto& sample : samples::all()) {
    if (sample.name == "path-no-sender") return sample.message;
  }
  throw std::invalid_argument("no sample");
}

// Read from a copy of exactly its size, so AddressSanitizer sees any read past the end.
UnframeResult unframed(const std::vector<std::byte>& bytes) {
  const auto copy = std::make_unique<std::byte[]>(bytes.size());
  std::copy(bytes.begin(), bytes.end(), copy.get());
  UnframeResult result = unframe(std::span<const std::byte>(copy.get(), bytes.size()));
  result.payload = {};  // it points into the copy, gone on return
  return result;
}

void check_error(const UnframeResult& result, UnframeError error, std::size_t offset) {
  BOOST_TEST((result.error == error), describe(result.error));
  BOOST_TEST(result.offset == offset);
}

// The header's bytes with its checksum recomputed after an edit.
std::vector<std::byte> resealed(std::vector<std::byte> bytes) {
  const std::size_t header = (std::to_integer<std::size_t>(bytes[0]) & 0x0F) * 4;
  bytes[10] = bytes[11] = std::byte{0};
  const std::uint16_t checksum = internet_checksum(std::span(bytes).first(header));
  bytes[10] = std::byte{static_cast<std::uint8_t>(checksum >> 8)};
  bytes[11] = std::byte{static_cast<std::uint8_t>(checksum)};
  return bytes;
}

}  // namespace

// RFC 791 with RFC 2113's option, worked out by hand. Header checksum: the words 0x4600, 0x0040,
// 0x0001, 0x0000, 0x402E, 0x0A00, 0x0001, 0x0A00, 0x0002, 0x9404, 0x0000 sum to 0x12E76, folded
// 0x2E77, complemented 0xD188.
BOOST_AUTO_TEST_CASE(a_path_datagram_is_the_bytes_rfc_791_and_rfc_2113_give) {
  const Message message = path_no_sender();
  const auto datagram = frame(message, samples::s, samples::d, 1);
  const auto header = bytes_of({
      0x46, 0x00, 0x00, 0x40,  // version 4, IHL 6 words, TOS 0, total length 64
      0x00, 0x01, 0x00, 0x00,  // identification 1, no flags, offset 0
      0x40, 0x2E, 0xD1, 0x88,  // TTL 64 (the Send_TTL), protocol 46, header checksum
      0x0A, 0x00, 0x00, 0x01,  // source 10.0.0.1 (the sender)
      0x0A, 0x00, 0x00, 0x02,  // destination 10.0.0.2 (the session)
      0x94, 0x04, 0x00, 0x00,  // Router Alert: type 148, length 4, value 0
  });
  BOOST_TEST((std::vector<std::byte>(datagram.begin(), datagram.begin() + 24) == header));
  const auto payload = encode(message);
  BOOST_TEST((std::vector<std::byte>(datagram.begin() + 24, datagram.end()) == payload));
}

BOOST_AUTO_TEST_CASE(router_alert_goes_on_path_path_tear_and_resv_conf) {
  for (const auto& sample : samples::all()) {
    BOOST_TEST_CONTEXT(sample.name) {
      const MessageType type = type_of(sample.message);
      const bool alert = type == MessageType::path || type == MessageType::path_tear ||
                         type == MessageType::resv_conf;
      BOOST_TEST(carries_router_alert(type) == alert);
      const auto datagram = frame(sample.message, sample.source, sample.destination);
      BOOST_TEST(std::to_integer<int>(datagram[0]) == (alert ? 0x46 : 0x45));
      const UnframeResult result = unframe(datagram);
      BOOST_TEST(result.ok(), describe(result.error));
      BOOST_TEST((result.header ==
                  IpHeader{sample.source, sample.destination, sample.message.send_ttl, 0, alert}));
      BOOST_TEST((std::vector<std::byte>(result.payload.begin(), result.payload.end()) ==
                  encode(sample.message)));
    }
  }
}

BOOST_AUTO_TEST_CASE(every_truncation_is_refused) {
  const auto datagram = frame(path_no_sender(), samples::s, samples::d);
  for (std::size_t size = 0; size < datagram.size(); ++size) {
    BOOST_TEST_CONTEXT("cut to " << size) {
      const UnframeResult result = unframed({datagram.begin(), datagram.begin() + size});
      if (size < 20) {
        check_error(result, UnframeError::truncated, size);
      } else if (size < 24) {
        check_error(result, UnframeError::truncated, 0);
      } else {
        check_error(result, UnframeError::bad_total_length, 2);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(the_header_is_checked) {
  const auto datagram = frame(path_no_sender(), samples::s, samples::d);
  auto version = datagram;
  version[0] = std::byte{0x66};
  check_error(unframed(version), UnframeError::not_ipv4, 0);
  auto ihl = datagram;
  ihl[0] = std::byte{0x44};  // 16 bytes: under the fixed header
  check_error(unframed(ihl), UnframeError::truncated, 0);
  auto checksum = datagram;
  checksum[15] ^= std::byte{1};  // the source address
  check_error(unframed(checksum), UnframeError::bad_checksum, 10);
  auto fragment = datagram;
  fragment[6] = std::byte{0x20};  // more fragments
  check_error(unframed(resealed(fragment)), UnframeError::fragment, 6);
  auto protocol = datagram;
  protocol[9] = std::byte{17};
  check_error(unframed(resealed(protocol)), UnframeError::not_rsvp, 9);
  auto option = datagram;
  option[21] = std::byte{8};  // Router Alert's length past the header
  check_error(unframed(resealed(option)), UnframeError::bad_option, 20);
  auto short_option = datagram;
  short_option[21] = std::byte{1};
  check_error(unframed(resealed(short_option)), UnframeError::bad_option, 20);
  auto padding = datagram;  // No-Operations and End instead of the option
  padding[20] = padding[21] = std::byte{1};
  padding[22] = padding[23] = std::byte{0};
  const UnframeResult plain = unframed(resealed(padding));
  BOOST_TEST(plain.ok(), describe(plain.error));
  BOOST_TEST(!plain.header.router_alert);
}

BOOST_AUTO_TEST_CASE(a_datagram_past_65535_bytes_is_refused) {
  const std::vector<std::byte> payload(65'535 - 24 + 1);
  BOOST_CHECK_THROW(frame(IpHeader{1, 2, 64, 0, true}, payload), std::length_error);
  BOOST_TEST(frame(IpHeader{1, 2, 64, 0, false}, payload).size() == 65'536u - 4);
}
