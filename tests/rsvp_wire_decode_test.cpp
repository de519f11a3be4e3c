#define BOOST_TEST_MODULE rsvp_wire_decode
#include <boost/test/unit_test.hpp>
#include <cstdint>
#include <memory>
#include <vector>

#include "rsvp_wire/bytes.hpp"
#include "rsvp_wire/decode.hpp"
#include "rsvp_wire/encode.hpp"
#include "rsvp_wire_samples.hpp"

using namespace qosbed::rsvp_wire;
namespace samples = rsvp_wire_samples;

namespace {

std::vector<std::byte> encoded(const std::string& name) {
  for (const auto& sample : samples::all()) {
    if (sample.name == name) return encode(sample.message);
  }
  throw std::invalid_argument("no sample " + name);
}

void put_u16(std::vector<std::byte>& bytes, std::size_t at, unsigned value) {
  bytes[at] = std::byte{static_cast<std::uint8_t>(value >> 8)};
  bytes[at + 1] = std::byte{static_cast<std::uint8_t>(value)};
}

// After an edit: the length field set to the bytes' size and the checksum recomputed.
std::vector<std::byte> resealed(std::vector<std::byte> bytes) {
  put_u16(bytes, 6, static_cast<unsigned>(bytes.size()));
  put_u16(bytes, 2, 0);
  put_u16(bytes, 2, internet_checksum(bytes));
  return bytes;
}

// Decoded from a copy of exactly its size, so AddressSanitizer sees any read past the end.
DecodeResult decoded(const std::vector<std::byte>& bytes) {
  const auto copy = std::make_unique<std::byte[]>(bytes.size());
  std::copy(bytes.begin(), bytes.end(), copy.get());
  return decode(std::span<const std::byte>(copy.get(), bytes.size()));
}

// The offset of the first object of `class_num` in an encoded message.
std::size_t object_at(const std::vector<std::byte>& bytes, std::uint8_t class_num) {
  for (std::size_t at = 8; at + 4 <= bytes.size();) {
    if (std::to_integer<std::uint8_t>(bytes[at + 2]) == class_num) return at;
    at += (std::to_integer<std::size_t>(bytes[at]) << 8) |
          std::to_integer<std::size_t>(bytes[at + 1]);
  }
  throw std::invalid_argument("no such object");
}

void check_error(const DecodeResult& result, DecodeError error, std::size_t offset) {
  BOOST_TEST(to_string(result) != "ok");
  BOOST_TEST((result.error == error), to_string(result));
  BOOST_TEST(result.offset == offset, to_string(result));
}

}  // namespace

// Every message type, every object, each style and service, errors, confirm, scope, policy and
// opaque objects.
BOOST_AUTO_TEST_CASE(decode_of_encode_is_the_identity) {
  const auto all = samples::all();
  BOOST_TEST(all.size() == 18u);
  for (const auto& sample : all) {
    BOOST_TEST_CONTEXT(sample.name) {
      const DecodeResult result = decoded(encode(sample.message));
      BOOST_TEST(result.ok(), to_string(result));
      BOOST_TEST((result.message == sample.message));
    }
  }
}

// Every prefix of every sample, from 0 bytes to one short of the whole, is refused: the length
// field no longer matches (or the header is cut), and nothing is read past the prefix.
BOOST_AUTO_TEST_CASE(every_truncation_is_refused) {
  for (const auto& sample : samples::all()) {
    const auto bytes = encode(sample.message);
    for (std::size_t size = 0; size < bytes.size(); ++size) {
      const DecodeResult result = decoded({bytes.begin(), bytes.begin() + size});
      BOOST_TEST_CONTEXT(sample.name << " cut to " << size) {
        check_error(result, size < 8 ? DecodeError::header_truncated : DecodeError::length_mismatch,
                    size < 8 ? size : 6);
      }
    }
  }
}

// The same prefixes with the length field saying so: the objects themselves are cut. Each is
// refused with an error inside the prefix, or, cut between objects where the rest is optional,
// is a shorter message that encodes back to exactly those bytes.
BOOST_AUTO_TEST_CASE(every_object_truncation_is_refused_inside_the_bytes) {
  int refused = 0;
  int shorter = 0;
  for (const auto& sample : samples::all()) {
    const auto bytes = encode(sample.message);
    for (std::size_t size = 8; size < bytes.size(); ++size) {
      const auto prefix = resealed({bytes.begin(), bytes.begin() + size});
      const DecodeResult result = decoded(prefix);
      BOOST_TEST_CONTEXT(sample.name << " cut to " << size) {
        if (result.ok()) {
          BOOST_TEST((encode(result.message) == prefix));
          ++shorter;
        } else {
          BOOST_TEST(result.offset <= size);
          ++refused;
        }
      }
    }
  }
  BOOST_TEST(refused > 1000);
  BOOST_TEST(shorter > 0);
}

BOOST_AUTO_TEST_CASE(a_wrong_checksum_is_refused_and_zero_means_none) {
  auto bytes = encoded("path-full");
  bytes[18] ^= std::byte{0x01};  // the high byte of SESSION's port
  check_error(decoded(bytes), DecodeError::bad_checksum, 2);
  put_u16(bytes, 2, 0);
  const DecodeResult result = decoded(bytes);
  BOOST_TEST(result.ok(), to_string(result));
  BOOST_TEST(std::get<Path>(result.message.body).session.port == (5000 ^ 0x0100));
}

BOOST_AUTO_TEST_CASE(the_common_header_is_checked) {
  auto bytes = encoded("path-no-sender");
  auto version = bytes;
  version[0] = std::byte{0x20};
  check_error(decoded(version), DecodeError::bad_version, 0);
  for (const unsigned type : {0u, 8u, 255u}) {
    auto unknown = bytes;
    unknown[1] = std::byte{static_cast<std::uint8_t>(type)};
    check_error(decoded(resealed(unknown)), DecodeError::unknown_message_type, 1);
  }
  auto longer = bytes;
  longer.resize(bytes.size() + 4);
  check_error(decoded(longer), DecodeError::length_mismatch, 6);
  auto flags = bytes;
  flags[0] = std::byte{0x11};
  flags[4] = std::byte{7};
  const DecodeResult result = decoded(resealed(flags));
  BOOST_TEST(result.message.flags == 1);
  BOOST_TEST(result.message.send_ttl == 7);
}

BOOST_AUTO_TEST_CASE(object_lengths_are_checked_before_use) {
  const auto bytes = encoded("path-no-sender");
  const std::size_t hop = object_at(bytes, class_num::rsvp_hop);
  for (const unsigned length : {0u, 2u, 6u, 13u, 0xFFFCu}) {
    auto edited = bytes;
    put_u16(edited, hop, length);
    BOOST_TEST_CONTEXT("RSVP_HOP length " << length) {
      check_error(decoded(resealed(edited)), DecodeError::bad_object_length, hop);
    }
  }
  auto eight = bytes;
  put_u16(eight, hop, 8);  // a multiple of 4 that fits, but not an IPv4 RSVP_HOP
  check_error(decoded(resealed(eight)), DecodeError::bad_object_body, hop);
  auto tail = bytes;
  tail.resize(tail.size() + 4);  // 2 bytes after the last object are no object header
  tail.resize(tail.size() - 2);
  check_error(decoded(resealed(tail)), DecodeError::object_header_truncated, bytes.size());
}

BOOST_AUTO_TEST_CASE(an_unknown_c_type_of_a_known_class_is_refused) {
  auto bytes = encoded("path-no-sender");
  const std::size_t session = object_at(bytes, class_num::session);
  bytes[session + 3] = std::byte{2};  // SESSION IPv6
  const DecodeResult result = decoded(resealed(bytes));
  check_error(result, DecodeError::unknown_c_type, session + 3);
  BOOST_TEST(to_string(result) == "byte 11: SESSION: unknown C-Type");
}

BOOST_AUTO_TEST_CASE(the_grammar_of_each_message_is_enforced) {
  // A Path with a STYLE (not in its grammar).
  auto path = encoded("path-no-sender");
  const std::size_t end = path.size();
  for (const unsigned byte : {0x00u, 0x08u, 0x08u, 0x01u, 0x00u, 0x00u, 0x00u, 0x11u}) {
    path.push_back(std::byte{static_cast<std::uint8_t>(byte)});
  }
  check_error(decoded(resealed(path)), DecodeError::object_not_allowed, end);

  // A Resv whose SESSION is repeated, after STYLE.
  auto resv = encoded("resv-wf-confirm-scope");
  const std::size_t session = object_at(resv, class_num::session);
  std::vector<std::byte> twice(resv.begin() + session, resv.begin() + session + 12);
  const std::size_t resv_end = resv.size();
  resv.insert(resv.end(), twice.begin(), twice.end());
  check_error(decoded(resealed(resv)), DecodeError::misplaced_object, resv_end);
  // ... and before it: a duplicate.
  resv.resize(resv_end);
  resv.insert(resv.begin() + 8, twice.begin(), twice.end());
  check_error(decoded(resealed(resv)), DecodeError::duplicate_object, 20);

  // A ResvConf without its RESV_CONFIRM: reported at the end, naming the class.
  auto conf = encoded("resv-conf-wf");
  const std::size_t confirm = object_at(conf, class_num::resv_confirm);
  conf.erase(conf.begin() + confirm, conf.begin() + confirm + 8);
  const DecodeResult missing = decoded(resealed(conf));
  check_error(missing, DecodeError::missing_object, conf.size());
  BOOST_TEST((missing.object == class_num::resv_confirm));

  // A Path whose sender descriptor lacks its SENDER_TSPEC; a PathTear may (section 3.1.5).
  auto no_tspec = encoded("path-full");
  const std::size_t tspec = object_at(no_tspec, class_num::sender_tspec);
  no_tspec.erase(no_tspec.begin() + tspec, no_tspec.begin() + tspec + 36);
  const DecodeResult lacking = decoded(resealed(no_tspec));
  check_error(lacking, DecodeError::missing_object, no_tspec.size());
  BOOST_TEST((lacking.object == class_num::sender_tspec));
}

BOOST_AUTO_TEST_CASE(flow_descriptor_lists_follow_their_style) {
  // FF: a FLOWSPEC with no FILTER_SPEC after it.
  auto ff = encoded("resv-ff-guaranteed");
  const std::size_t last_filter = ff.size() - 12;
  ff.resize(last_filter);
  check_error(decoded(resealed(ff)), DecodeError::bad_flow_descriptors, last_filter - 36);

  // WF with a FILTER_SPEC.
  auto wf = encoded("resv-wf-confirm-scope");
  const std::size_t wf_end = wf.size();
  const auto filter = encoded("resv-tear-ff");
  const std::size_t filter_at = object_at(filter, class_num::filter_spec);
  wf.insert(wf.end(), filter.begin() + filter_at, filter.begin() + filter_at + 12);
  check_error(decoded(resealed(wf)), DecodeError::bad_flow_descriptors, wf_end);

  // A ResvErr holds one flow descriptor only (section 3.1.8).
  auto err = encoded("resv-err-ff-policy");
  const std::size_t err_end = err.size();
  err.insert(err.end(), filter.begin() + filter_at, filter.begin() + filter_at + 12);
  check_error(decoded(resealed(err)), DecodeError::bad_flow_descriptors, err_end);

  // A Resv with no descriptor at all; a WF ResvTear may have none (section 3.1.6).
  auto empty = encoded("resv-wf-confirm-scope");
  empty.resize(empty.size() - 36);
  check_error(decoded(resealed(empty)), DecodeError::bad_flow_descriptors, empty.size());

  // SE: FILTER_SPECs but no FLOWSPEC in a Resv.
  auto se = encoded("resv-se-policy");
  const std::size_t flowspec = object_at(se, class_num::flowspec);
  se.erase(se.begin() + flowspec, se.begin() + flowspec + 48);
  check_error(decoded(resealed(se)), DecodeError::bad_flow_descriptors, flowspec);

  // A STYLE whose option vector is no style.
  auto style = encoded("resv-tear-ff");
  const std::size_t style_at = object_at(style, class_num::style);
  style[style_at + 7] = std::byte{0x09};
  check_error(decoded(resealed(style)), DecodeError::unknown_style, style_at + 5);
}

BOOST_AUTO_TEST_CASE(integrated_services_data_is_checked_field_by_field) {
  const auto bytes = encoded("path-full");
  const std::size_t tspec = object_at(bytes, class_num::sender_tspec);
  auto version = bytes;
  version[tspec + 4] = std::byte{0x10};  // message format version 1
  check_error(decoded(resealed(version)), DecodeError::bad_object_body, tspec + 4);
  auto words = bytes;
  put_u16(words, tspec + 6, 8);  // overall length past the object
  check_error(decoded(resealed(words)), DecodeError::bad_object_body, tspec + 6);
  auto parameter = bytes;
  parameter[tspec + 12] = std::byte{126};  // not the token bucket parameter
  check_error(decoded(resealed(parameter)), DecodeError::bad_object_body, tspec + 12);

  const std::size_t adspec = object_at(bytes, class_num::adspec);
  auto service = bytes;
  service[adspec + 8] = std::byte{2};  // Guaranteed where the general fragment must be
  check_error(decoded(resealed(service)), DecodeError::bad_object_body, adspec + 8);
  auto fragment = bytes;
  put_u16(fragment, adspec + 10, 200);  // fragment length past the body
  check_error(decoded(resealed(fragment)), DecodeError::bad_object_body, adspec + 10);
  auto repeated = bytes;
  repeated[adspec + 12 + 8] = std::byte{4};  // bandwidth parameter renumbered as a 2nd hop count
  check_error(decoded(resealed(repeated)), DecodeError::bad_object_body, adspec + 20);
}

BOOST_AUTO_TEST_CASE(policy_elements_are_checked_against_their_object) {
  const auto bytes = encoded("path-full");
  const std::size_t policy = object_at(bytes, class_num::policy_data);
  auto offset = bytes;
  put_u16(offset, policy + 4, 40);  // data offset past the object
  check_error(decoded(resealed(offset)), DecodeError::bad_object_body, policy + 4);
  auto element = bytes;
  put_u16(element, policy + 8, 12);  // element length past the object
  check_error(decoded(resealed(element)), DecodeError::bad_object_body, policy + 8);
}

BOOST_AUTO_TEST_CASE(errors_are_described_with_their_place) {
  BOOST_TEST(describe(DecodeError::bad_object_length) ==
             "object length under 4, not a multiple of 4 or past the message");
  BOOST_TEST(class_name(class_num::sender_tspec) == "SENDER_TSPEC");
  BOOST_TEST(class_name(200) == "class 200");
  BOOST_TEST(to_string(decoded({})) == "byte 0: fewer than the 8 bytes of the common header");
}
