// The RSVP objects of RFC 2205 (appendix A, IPv4 C-Types) and the Integrated Services data of
// RFC 2210 that SENDER_TSPEC, FLOWSPEC and ADSPEC carry, as plain values: what one object says,
// with no byte layout in sight. encode.hpp writes them, decode.hpp reads them back.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace qosbed::rsvp_wire {

using Ipv4 = std::uint32_t;  // an IPv4 address in host byte order: 10.0.0.1 is 0x0A000001

// Class-Num of each object (RFC 2205 appendix A).
namespace class_num {
inline constexpr std::uint8_t null = 0;
inline constexpr std::uint8_t session = 1;
inline constexpr std::uint8_t rsvp_hop = 3;
inline constexpr std::uint8_t integrity = 4;
inline constexpr std::uint8_t time_values = 5;
inline constexpr std::uint8_t error_spec = 6;
inline constexpr std::uint8_t scope = 7;
inline constexpr std::uint8_t style = 8;
inline constexpr std::uint8_t flowspec = 9;
inline constexpr std::uint8_t filter_spec = 10;
inline constexpr std::uint8_t sender_template = 11;
inline constexpr std::uint8_t sender_tspec = 12;
inline constexpr std::uint8_t adspec = 13;
inline constexpr std::uint8_t policy_data = 14;
inline constexpr std::uint8_t resv_confirm = 15;
}  // namespace class_num

// SESSION, IPv4/UDP C-Type 1.
struct Session {
  Ipv4 destination = 0;
  std::uint8_t protocol = 17;
  std::uint8_t flags = 0;  // 0x01 E_Police
  std::uint16_t port = 0;
  friend bool operator==(const Session&, const Session&) = default;
};

// RSVP_HOP, IPv4 C-Type 1: the PHOP in messages going downstream, the NHOP going upstream.
struct Hop {
  Ipv4 address = 0;
  std::uint32_t logical_interface = 0;  // LIH
  friend bool operator==(const Hop&, const Hop&) = default;
};

// TIME_VALUES, C-Type 1: the refresh period R the sender of the message uses.
struct TimeValues {
  std::uint32_t refresh_ms = 30'000;
  friend bool operator==(const TimeValues&, const TimeValues&) = default;
};

// STYLE, C-Type 1. The option vector's sharing and sender-selection bits (RFC 2205 appendix A):
// WF = shared + wildcard (0x11), FF = distinct + explicit (0x0A), SE = shared + explicit (0x12).
enum class Style : std::uint8_t { wf, ff, se };
std::uint32_t option_vector(Style style);
// nullopt for an option vector that is none of the three styles.
std::optional<Style> style_of(std::uint32_t option_vector);

// The token bucket Tspec, parameter 127 of RFC 2210 section 3.1 (RFC 2215 section 3.5): rates
// in bytes per second as IEEE floats (the peak may be +infinity), sizes in bytes.
struct Tspec {
  float rate = 0;
  float bucket = 0;
  float peak = 0;
  std::uint32_t min_policed_unit = 0;
  std::uint32_t max_packet_size = 0;
  friend bool operator==(const Tspec&, const Tspec&) = default;
};

// Guaranteed service's RSpec, parameter 130 (RFC 2212): rate R in bytes/s, slack S in us.
struct Rspec {
  float rate = 0;
  std::uint32_t slack_us = 0;
  friend bool operator==(const Rspec&, const Rspec&) = default;
};

// Service numbers of the Integrated Services headers (RFC 2210, RFC 2215).
namespace service {
inline constexpr std::uint8_t general = 1;
inline constexpr std::uint8_t guaranteed = 2;
inline constexpr std::uint8_t controlled_load = 5;
}  // namespace service

// FLOWSPEC, C-Type 2 (RFC 2210 section 3.2): Guaranteed when it has an RSpec, else Controlled
// Load.
struct FlowSpec {
  Tspec tspec;
  std::optional<Rspec> rspec;
  std::uint8_t service_number() const {
    return rspec ? service::guaranteed : service::controlled_load;
  }
  friend bool operator==(const FlowSpec&, const FlowSpec&) = default;
};

// SENDER_TEMPLATE and FILTER_SPEC, IPv4 C-Type 1: a sender's address and port.
struct FilterSpec {
  Ipv4 address = 0;
  std::uint16_t port = 0;
  friend bool operator==(const FilterSpec&, const FilterSpec&) = default;
};

// The ADSPEC (C-Type 2, RFC 2210 section 3.3). A service fragment may override the general
// parameters for its service with the same parameters; absent ones are not overridden.
struct GeneralOverrides {
  std::optional<std::uint32_t> is_hops;
  std::optional<float> path_bandwidth;
  std::optional<std::uint32_t> min_latency_us;
  std::optional<std::uint32_t> path_mtu;
  friend bool operator==(const GeneralOverrides&, const GeneralOverrides&) = default;
};

// The default general parameters fragment (service 1): NUMBER_OF_IS_HOPS, AVAILABLE_PATH_BANDWIDTH
// (bytes/s), MINIMUM_PATH_LATENCY (us) and PATH_MTU (bytes) as composed so far (RFC 2215).
struct GeneralParameters {
  bool break_bit = false;  // a hop on the path does not implement Integrated Services
  std::uint32_t is_hops = 0;
  float path_bandwidth = 0;
  std::uint32_t min_latency_us = 0;
  std::uint32_t path_mtu = 0;
  friend bool operator==(const GeneralParameters&, const GeneralParameters&) = default;
};

// Guaranteed service's error terms composed along the path (RFC 2212): C in bytes, D in us.
struct GuaranteedTerms {
  std::uint32_t c_tot = 0;
  std::uint32_t d_tot = 0;
  std::uint32_t c_sum = 0;
  std::uint32_t d_sum = 0;
  friend bool operator==(const GuaranteedTerms&, const GuaranteedTerms&) = default;
};

// The Guaranteed fragment (service 2); without terms it is a bare header, as a hop that does not
// offer the service leaves it with the break bit set.
struct GuaranteedFragment {
  bool break_bit = false;
  std::optional<GuaranteedTerms> terms;
  GeneralOverrides overrides;
  friend bool operator==(const GuaranteedFragment&, const GuaranteedFragment&) = default;
};

// The Controlled Load fragment (service 5): overrides only.
struct ControlledLoadFragment {
  bool break_bit = false;
  GeneralOverrides overrides;
  friend bool operator==(const ControlledLoadFragment&, const ControlledLoadFragment&) = default;
};

struct Adspec {
  GeneralParameters general;
  std::optional<GuaranteedFragment> guaranteed;
  std::optional<ControlledLoadFragment> controlled_load;
  friend bool operator==(const Adspec&, const Adspec&) = default;
};

// ERROR_SPEC, IPv4 C-Type 1. A ResvConf carries one with code and value 0 and the address of the
// node that confirmed (RFC 2205 section 3.1.9).
struct ErrorSpec {
  Ipv4 node = 0;
  std::uint8_t flags = 0;  // 0x01 InPlace, 0x02 NotGuilty
  std::uint8_t code = 0;
  std::uint16_t value = 0;
  friend bool operator==(const ErrorSpec&, const ErrorSpec&) = default;
};

// Error codes (RFC 2205 appendix B).
namespace error_code {
inline constexpr std::uint8_t confirmation = 0;
inline constexpr std::uint8_t admission_control_failure = 1;
inline constexpr std::uint8_t policy_control_failure = 2;
inline constexpr std::uint8_t no_path_information = 3;
inline constexpr std::uint8_t no_sender_information = 4;
inline constexpr std::uint8_t conflicting_reservation_style = 5;
inline constexpr std::uint8_t unknown_reservation_style = 6;
inline constexpr std::uint8_t conflicting_dest_ports = 7;
inline constexpr std::uint8_t unknown_object_class = 13;
inline constexpr std::uint8_t unknown_object_c_type = 14;
}  // namespace error_code

// Admission control failure sub-codes, globally defined (RFC 2205 appendix B: the value's top two
// bits are 00).
namespace admission_value {
inline constexpr std::uint16_t delay_bound_cannot_be_met = 1;
inline constexpr std::uint16_t requested_bandwidth_unavailable = 2;
inline constexpr std::uint16_t mtu_too_big = 3;
}  // namespace admission_value

// RESV_CONFIRM, IPv4 C-Type 1: the receiver a ResvConf goes to.
struct ResvConfirm {
  Ipv4 receiver = 0;
  friend bool operator==(const ResvConfirm&, const ResvConfirm&) = default;
};

// SCOPE, IPv4 C-Type 1: the senders a wildcard-filter message is meant for.
struct Scope {
  std::vector<Ipv4> senders;
  friend bool operator==(const Scope&, const Scope&) = default;
};

// One policy element of POLICY_DATA (RFC 2750 section 3.2), its data opaque to RSVP. Its length
// on the wire is 4 + data.size(), which RFC 2750 requires to be a multiple of 4.
struct PolicyElement {
  std::uint16_t type = 0;  // P-Type
  std::vector<std::byte> data;
  friend bool operator==(const PolicyElement&, const PolicyElement&) = default;
};

// POLICY_DATA, C-Type 1 (RFC 2750 section 3.1): option objects, kept as raw bytes, then policy
// elements.
struct PolicyData {
  std::vector<std::byte> options;
  std::vector<PolicyElement> elements;
  friend bool operator==(const PolicyData&, const PolicyData&) = default;
};

// An object this library does not interpret (INTEGRITY, NULL, a class it does not know), body as
// received. RFC 2205 section 3.10 says what a node does with an unknown class; see treatment().
struct OpaqueObject {
  std::uint8_t class_num = 0;
  std::uint8_t c_type = 0;
  std::vector<std::byte> body;  // a multiple of 4 bytes
  friend bool operator==(const OpaqueObject&, const OpaqueObject&) = default;
};

// RFC 2205 section 3.10, by the two high bits of an unknown Class-Num: 0b: reject the message
// with an "Unknown Object Class" error; 10: drop the object silently; 11: keep it and forward
// it unexamined and unmodified in every message this one causes.
enum class UnknownClassTreatment { reject, ignore, forward };
UnknownClassTreatment treatment(std::uint8_t class_num);

// Objects a node implementing RFC 2205 with RFC 2210 must recognise: every class above.
bool is_known_class(std::uint8_t class_num);

}  // namespace qosbed::rsvp_wire
