#define BOOST_TEST_MODULE rsvp_wire_encode
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <vector>

#include "rsvp_wire/bytes.hpp"
#include "rsvp_wire/encode.hpp"
#include "rsvp_wire_samples.hpp"

using namespace qosbed::rsvp_wire;

namespace {

std::vector<std::byte> bytes_of(std::initializer_list<unsigned> values) {
  std::vector<std::byte> out;
  for (const unsigned value : values) out.push_back(std::byte{static_cast<std::uint8_t>(value)});
  return out;
}

// The Class-Num of each object of an encoded message, in order.
std::vector<int> classes(const std::vector<std::byte>& message) {
  std::vector<int> out;
  for (std::size_t at = 8; at + 4 <= message.size();) {
    const std::size_t length = (std::to_integer<std::size_t>(message[at]) << 8) |
                               std::to_integer<std::size_t>(message[at + 1]);
    out.push_back(std::to_integer<int>(message[at + 2]));
    at += length;
  }
  return out;
}

const Session session{0x0A000002, 17, 0, 5000};
const Tspec tspec{8000, 2048, INFINITY, 64, 1500};

}  // namespace

// RFC 2205 section 3.1.3 and RFC 2210 section 3.1, worked out by hand. The checksum: the 16-bit
// words summed per part (header with checksum 0: 0x5059, SESSION 0x2F97, RSVP_HOP 0x0D0E,
// TIME_VALUES 0x7A39, SENDER_TEMPLATE 0x2C7E, SENDER_TSPEC 0x19CCE) make 0x2D083, folded
// 0x0002 + 0xD083 = 0xD085, whose one's complement is 0x2F7A.
BOOST_AUTO_TEST_CASE(a_path_is_the_bytes_rfc_2205_and_rfc_2210_give) {
  Message message;
  message.send_ttl = 64;
  message.body = Path{session,
                      Hop{0x0A000001, 0},
                      TimeValues{30'000},
                      {},
                      SenderDescriptor{FilterSpec{0x0A000001, 6000}, tspec, std::nullopt},
                      {}};
  const auto expected = bytes_of({
      0x10, 0x01, 0x2F, 0x7A, 0x40, 0x00, 0x00, 0x58,  // version 1, Path, checksum, TTL 64, 88
      0x00, 0x0C, 0x01, 0x01, 0x0A, 0x00, 0x00, 0x02,  // SESSION IPv4: 10.0.0.2
      0x11, 0x00, 0x13, 0x88,                          //   UDP, no flags, port 5000
      0x00, 0x0C, 0x03, 0x01, 0x0A, 0x00, 0x00, 0x01,  // RSVP_HOP IPv4: 10.0.0.1
      0x00, 0x00, 0x00, 0x00,                          //   LIH 0
      0x00, 0x08, 0x05, 0x01, 0x00, 0x00, 0x75, 0x30,  // TIME_VALUES: 30000 ms
      0x00, 0x0C, 0x0B, 0x01, 0x0A, 0x00, 0x00, 0x01,  // SENDER_TEMPLATE IPv4: 10.0.0.1
      0x00, 0x00, 0x17, 0x70,                          //   port 6000
      0x00, 0x24, 0x0C, 0x02, 0x00, 0x00, 0x00, 0x07,  // SENDER_TSPEC IntServ: version 0, 7 words
      0x01, 0x00, 0x00, 0x06, 0x7F, 0x00, 0x00, 0x05,  //   service 1, 6 words; param 127, 5 words
      0x45, 0xFA, 0x00, 0x00, 0x45, 0x00, 0x00, 0x00,  //   r 8000.0f, b 2048.0f
      0x7F, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0x40,  //   p +infinity, m 64
      0x00, 0x00, 0x05, 0xDC,                          //   M 1500
  });
  BOOST_TEST(encode(message) == expected);
}

// RFC 2205 section 3.1.4 (WF: STYLE then one FLOWSPEC) and RFC 2210 section 3.2 (Controlled
// Load). Checksum: header 0x5056, SESSION 0x2F97, RSVP_HOP 0x0D10, TIME_VALUES 0x7A39, STYLE
// 0x081A, FLOWSPEC 0x19DCE sum to 0x2AD1E, folded 0xAD20, complemented 0x52DF.
BOOST_AUTO_TEST_CASE(a_wf_resv_is_the_bytes_rfc_2205_and_rfc_2210_give) {
  Message message;
  message.body = Resv{session,
                      Hop{0x0A000002, 1},
                      TimeValues{30'000},
                      {},
                      {},
                      {},
                      Style::wf,
                      {FlowDescriptor{FlowSpec{tspec, std::nullopt}, {}}},
                      {}};
  const auto expected = bytes_of({
      0x10, 0x02, 0x52, 0xDF, 0x40, 0x00, 0x00, 0x54,  // version 1, Resv, checksum, TTL 64, 84
      0x00, 0x0C, 0x01, 0x01, 0x0A, 0x00, 0x00, 0x02,  // SESSION IPv4: 10.0.0.2
      0x11, 0x00, 0x13, 0x88,                          //   UDP, no flags, port 5000
      0x00, 0x0C, 0x03, 0x01, 0x0A, 0x00, 0x00, 0x02,  // RSVP_HOP IPv4: 10.0.0.2
      0x00, 0x00, 0x00, 0x01,                          //   LIH 1
      0x00, 0x08, 0x05, 0x01, 0x00, 0x00, 0x75, 0x30,  // TIME_VALUES: 30000 ms
      0x00, 0x08, 0x08, 0x01, 0x00, 0x00, 0x00, 0x11,  // STYLE: shared, wildcard = WF
      0x00, 0x24, 0x09, 0x02, 0x00, 0x00, 0x00, 0x07,  // FLOWSPEC IntServ: version 0, 7 words
      0x05, 0x00, 0x00, 0x06, 0x7F, 0x00, 0x00, 0x05,  //   service 5 (CL), 6 words; param 127
      0x45, 0xFA, 0x00, 0x00, 0x45, 0x00, 0x00, 0x00,  //   r 8000.0f, b 2048.0f
      0x7F, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0x40,  //   p +infinity, m 64
      0x00, 0x00, 0x05, 0xDC,                          //   M 1500
  });
  BOOST_TEST(encode(message) == expected);
}

BOOST_AUTO_TEST_CASE(the_styles_are_the_option_vectors_of_appendix_a) {
  BOOST_TEST(option_vector(Style::wf) == 0x11u);
  BOOST_TEST(option_vector(Style::ff) == 0x0Au);
  BOOST_TEST(option_vector(Style::se) == 0x12u);
  BOOST_TEST((style_of(0x0A) == Style::ff));
  BOOST_TEST(!style_of(0x13).has_value());  // shared + reserved sender selection
  BOOST_TEST(!style_of(0x09).has_value());  // distinct + wildcard: no such style
}

// The order of each grammar, sections 3.1.3-3.1.9, opaque objects before STYLE.
BOOST_AUTO_TEST_CASE(objects_follow_each_message_grammar) {
  std::map<std::string, std::vector<int>> expected = {
      {"path-full", {1, 3, 5, 14, 11, 12, 13}},
      {"resv-wf-confirm-scope", {1, 3, 5, 15, 7, 8, 9}},
      {"resv-ff-guaranteed", {1, 3, 5, 8, 9, 10, 10, 9, 10}},
      {"resv-se-policy", {1, 3, 5, 14, 8, 9, 10, 10}},
      {"path-err", {1, 6, 14, 11, 12, 13}},
      {"resv-err-wf-admission", {1, 3, 6, 7, 8, 9}},
      {"resv-err-ff-policy", {1, 3, 6, 14, 8, 9, 10}},
      {"path-tear-template", {1, 3, 11}},
      {"resv-tear-wf-empty", {1, 3, 7, 8}},
      {"resv-conf-ff", {1, 6, 15, 8, 9, 10}},
      {"path-opaque", {1, 3, 5, 11, 12, 13, 4, 200, 130}},
      {"resv-opaque-policy-options", {1, 3, 5, 15, 7, 14, 192, 8, 9}},
  };
  for (const auto& sample : rsvp_wire_samples::all()) {
    const auto it = expected.find(sample.name);
    if (it == expected.end()) continue;
    BOOST_TEST_CONTEXT(sample.name) {
      BOOST_TEST(classes(encode(sample.message)) == it->second);
    }
    expected.erase(it);
  }
  BOOST_TEST(expected.empty());
}

BOOST_AUTO_TEST_CASE(every_encoded_message_checks_out_and_states_its_length) {
  for (const auto& sample : rsvp_wire_samples::all()) {
    BOOST_TEST_CONTEXT(sample.name) {
      const auto bytes = encode(sample.message);
      BOOST_TEST(internet_checksum(bytes) == 0);
      BOOST_TEST(bytes.size() % 4 == 0u);
      BOOST_TEST(((std::to_integer<std::size_t>(bytes[6]) << 8) |
                  std::to_integer<std::size_t>(bytes[7])) == bytes.size());
      BOOST_TEST(std::to_integer<int>(bytes[4]) == sample.message.send_ttl);
    }
  }
}

// 0 in the checksum field means "no checksum" (section 3.1.1): a sum that comes out 0 is sent
// as 0xFFFF. Over every refresh period's low 16 bits, the checksum takes every value but 0.
BOOST_AUTO_TEST_CASE(a_zero_checksum_is_sent_as_ffff) {
  Message message;
  Path path{session, Hop{0x0A000001, 0}, TimeValues{0}, {}, std::nullopt, {}};
  bool saw_ffff = false;
  for (std::uint32_t refresh = 0; refresh <= 0xFFFF; ++refresh) {
    path.time_values.refresh_ms = refresh;
    message.body = path;
    const auto bytes = encode(message);
    const unsigned checksum =
        (std::to_integer<unsigned>(bytes[2]) << 8) | std::to_integer<unsigned>(bytes[3]);
    if (checksum == 0) BOOST_FAIL("checksum 0 sent for refresh " << refresh);
    saw_ffff = saw_ffff || checksum == 0xFFFF;
  }
  BOOST_TEST(saw_ffff);
}

BOOST_AUTO_TEST_CASE(values_the_wire_cannot_carry_are_refused) {
  Message message;
  Path path{session, Hop{}, TimeValues{}, {}, std::nullopt, {}};
  path.policy.push_back(PolicyData{{}, {PolicyElement{1, std::vector<std::byte>(3)}}});
  message.body = path;
  BOOST_CHECK_THROW(encode(message), std::invalid_argument);

  path.policy.clear();
  path.opaque.push_back(OpaqueObject{200, 1, std::vector<std::byte>(6)});
  message.body = path;
  BOOST_CHECK_THROW(encode(message), std::invalid_argument);

  path.opaque = {OpaqueObject{200, 1, std::vector<std::byte>(65'532)}};
  message.body = path;
  BOOST_CHECK_THROW(encode(message), std::length_error);

  // Each object fits, the message does not.
  path.opaque = {OpaqueObject{200, 1, std::vector<std::byte>(40'000)},
                 OpaqueObject{200, 1, std::vector<std::byte>(40'000)}};
  message.body = path;
  BOOST_CHECK_THROW(encode(message), std::length_error);
}

BOOST_AUTO_TEST_CASE(unknown_classes_are_treated_as_section_3_10_says) {
  BOOST_TEST((treatment(100) == UnknownClassTreatment::reject));
  BOOST_TEST((treatment(0x80) == UnknownClassTreatment::ignore));
  BOOST_TEST((treatment(0xBF) == UnknownClassTreatment::ignore));
  BOOST_TEST((treatment(0xC0) == UnknownClassTreatment::forward));
  BOOST_TEST(is_known_class(class_num::integrity));
  BOOST_TEST(is_known_class(class_num::resv_confirm));
  BOOST_TEST(!is_known_class(2));
  BOOST_TEST(!is_known_class(16));
}
