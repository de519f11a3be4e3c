#define BOOST_TEST_MODULE rsvp_wire_pcapng
#include <boost/test/unit_test.hpp>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "rsvp_wire/pcapng.hpp"

using namespace qosbed::rsvp_wire;

namespace {

// Little-endian fields of a written capture, at byte offsets.
std::uint32_t u32(const std::string& bytes, std::size_t at) {
  std::uint32_t value = 0;
  for (int i = 3; i >= 0; --i) value = (value << 8) | static_cast<std::uint8_t>(bytes[at + i]);
  return value;
}

std::uint16_t u16(const std::string& bytes, std::size_t at) {
  return static_cast<std::uint16_t>(static_cast<std::uint8_t>(bytes[at]) |
                                    (static_cast<std::uint8_t>(bytes[at + 1]) << 8));
}

struct Block {
  std::uint32_t type;
  std::size_t at;
  std::uint32_t length;
};

// The blocks of a capture, each checked to end with its length repeated.
std::vector<Block> blocks(const std::string& bytes) {
  std::vector<Block> out;
  for (std::size_t at = 0; at < bytes.size();) {
    const std::uint32_t length = u32(bytes, at + 4);
    BOOST_REQUIRE(length % 4 == 0 && length >= 12 && at + length <= bytes.size());
    BOOST_TEST(u32(bytes, at + length - 4) == length);
    out.push_back(Block{u32(bytes, at), at, length});
    at += length;
  }
  return out;
}

}  // namespace

// The pcapng specification's layouts: a Section Header Block, an Interface Description Block per
// link (LINKTYPE_RAW, named) and an Enhanced Packet Block per datagram, timestamps in us.
BOOST_AUTO_TEST_CASE(a_capture_has_a_section_interfaces_and_packets) {
  std::ostringstream out;
  PcapngWriter capture(out);
  BOOST_TEST(capture.add_interface("s-r", "link 0") == 0u);
  BOOST_TEST(capture.add_interface("r-d", "") == 1u);
  const std::vector<std::byte> datagram(21, std::byte{0x45});
  const std::int64_t time_us = 5'000'000'000'123;  // past 2^32 us: both halves used
  capture.write_packet(1, time_us, datagram);
  const std::string bytes = out.str();

  const auto all = blocks(bytes);
  BOOST_REQUIRE(all.size() == 4u);
  BOOST_TEST(all[0].type == 0x0A0D0D0Au);
  BOOST_TEST(u32(bytes, 8) == 0x1A2B3C4Du);  // byte-order magic: little-endian
  BOOST_TEST(u16(bytes, 12) == 1u);          // version 1.0
  BOOST_TEST(u16(bytes, 14) == 0u);
  BOOST_TEST(bytes.find("qosbed") != std::string::npos);  // shb_userappl

  const std::size_t s_r = all[1].at;
  BOOST_TEST(all[1].type == 1u);
  BOOST_TEST(u16(bytes, s_r + 8) == 101u);  // LINKTYPE_RAW
  BOOST_TEST(u16(bytes, s_r + 16) == 2u);   // if_name
  BOOST_TEST(u16(bytes, s_r + 18) == 3u);
  BOOST_TEST(bytes.substr(s_r + 20, 3) == "s-r");
  BOOST_TEST(u16(bytes, s_r + 24) == 3u);  // if_description, after the name's padding
  BOOST_TEST(bytes.substr(s_r + 28, 6) == "link 0");
  BOOST_TEST(all[2].length == 32u);  // r-d: no description, so name and end of options only

  const std::size_t packet = all[3].at;
  BOOST_TEST(all[3].type == 6u);
  BOOST_TEST(u32(bytes, packet + 8) == 1u);  // interface r-d
  const auto time = static_cast<std::uint64_t>(time_us);
  BOOST_TEST(u32(bytes, packet + 12) == static_cast<std::uint32_t>(time >> 32));
  BOOST_TEST(u32(bytes, packet + 16) == static_cast<std::uint32_t>(time));
  BOOST_TEST(u32(bytes, packet + 20) == 21u);   // captured
  BOOST_TEST(u32(bytes, packet + 24) == 21u);   // original
  BOOST_TEST(all[3].length == 28u + 24u + 4u);  // 21 bytes padded to 24
  BOOST_TEST(bytes.substr(packet + 28, 21) == std::string(21, '\x45'));
  BOOST_TEST(bytes.substr(packet + 49, 3) == std::string(3, '\0'));
}

BOOST_AUTO_TEST_CASE(packets_need_an_interface_and_a_time_from_zero_on) {
  std::ostringstream out;
  PcapngWriter capture(out);
  const std::vector<std::byte> datagram(20);
  BOOST_CHECK_THROW(capture.write_packet(0, 0, datagram), std::invalid_argument);
  capture.add_interface("l", "");
  BOOST_CHECK_THROW(capture.write_packet(0, -1, datagram), std::invalid_argument);
  capture.write_packet(0, 0, datagram);
  BOOST_TEST(blocks(out.str()).size() == 3u);
}
