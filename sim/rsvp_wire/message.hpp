// The seven RSVP messages of RFC 2205 section 3.1 as plain values, one struct per message with
// the objects its grammar names (INTEGRITY aside), and Message: the common header's fields and
// one of them. A message holds what is on the wire, addresses included; mapping a simulation's
// messages to these is the caller's business (sim/rsvp/wire_form.hpp does it for sim/rsvp).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <variant>
#include <vector>

#include "rsvp_wire/objects.hpp"

namespace qosbed::rsvp_wire {

// Msg Type of the common header (RFC 2205 section 3.1.1).
enum class MessageType : std::uint8_t {
  path = 1,
  resv = 2,
  path_err = 3,
  resv_err = 4,
  path_tear = 5,
  resv_tear = 6,
  resv_conf = 7,
};
// "Path", "Resv", "PathErr", ... as RFC 2205 and Wireshark write them.
std::string_view name_of(MessageType type);

// <sender descriptor> ::= <SENDER_TEMPLATE> <SENDER_TSPEC> [ <ADSPEC> ] (section 3.1.3). Path and
// PathErr need the Tspec; a PathTear may leave it and the ADSPEC out (section 3.1.5).
struct SenderDescriptor {
  FilterSpec sender_template;
  std::optional<Tspec> tspec;
  std::optional<Adspec> adspec;
  friend bool operator==(const SenderDescriptor&, const SenderDescriptor&) = default;
};

// One flow descriptor (section 3.1.4): a FLOWSPEC and the FILTER_SPECs it applies to. WF: one
// descriptor, no filters. FF: one filter each, and only the first needs a FLOWSPEC (a later one
// without shares the one before). SE: one descriptor with one or more filters. In a ResvTear
// every FLOWSPEC may be left out (section 3.1.6).
struct FlowDescriptor {
  std::optional<FlowSpec> flowspec;
  std::vector<FilterSpec> filters;
  friend bool operator==(const FlowDescriptor&, const FlowDescriptor&) = default;
};

// Objects that are not interpreted (opaque) are written after the ones the grammar names and
// before STYLE, which with the flow descriptor list must end a message (section 3.1.4).

// Section 3.1.3.
struct Path {
  Session session;
  Hop hop;  // PHOP
  TimeValues time_values;
  std::vector<PolicyData> policy;
  std::optional<SenderDescriptor> sender;
  std::vector<OpaqueObject> opaque;
  friend bool operator==(const Path&, const Path&) = default;
};

// Section 3.1.4.
struct Resv {
  Session session;
  Hop hop;  // NHOP
  TimeValues time_values;
  std::optional<ResvConfirm> confirm;
  std::optional<Scope> scope;
  std::vector<PolicyData> policy;
  Style style = Style::wf;
  std::vector<FlowDescriptor> descriptors;
  std::vector<OpaqueObject> opaque;
  friend bool operator==(const Resv&, const Resv&) = default;
};

// Section 3.1.7: no RSVP_HOP; sent hop by hop to the previous hops.
struct PathErr {
  Session session;
  ErrorSpec error;
  std::vector<PolicyData> policy;
  std::optional<SenderDescriptor> sender;
  std::vector<OpaqueObject> opaque;
  friend bool operator==(const PathErr&, const PathErr&) = default;
};

// Section 3.1.8: one flow descriptor at most.
struct ResvErr {
  Session session;
  Hop hop;
  ErrorSpec error;
  std::optional<Scope> scope;
  std::vector<PolicyData> policy;
  Style style = Style::wf;
  std::optional<FlowDescriptor> descriptor;
  std::vector<OpaqueObject> opaque;
  friend bool operator==(const ResvErr&, const ResvErr&) = default;
};

// Section 3.1.5.
struct PathTear {
  Session session;
  Hop hop;
  std::optional<SenderDescriptor> sender;
  std::vector<OpaqueObject> opaque;
  friend bool operator==(const PathTear&, const PathTear&) = default;
};

// Section 3.1.6.
struct ResvTear {
  Session session;
  Hop hop;
  std::optional<Scope> scope;
  Style style = Style::wf;
  std::vector<FlowDescriptor> descriptors;
  std::vector<OpaqueObject> opaque;
  friend bool operator==(const ResvTear&, const ResvTear&) = default;
};

// Section 3.1.9: the ERROR_SPEC names the confirming node, with code and value 0.
struct ResvConf {
  Session session;
  ErrorSpec error;
  ResvConfirm confirm;
  Style style = Style::wf;
  std::vector<FlowDescriptor> descriptors;
  std::vector<OpaqueObject> opaque;
  friend bool operator==(const ResvConf&, const ResvConf&) = default;
};

using Body = std::variant<Path, Resv, PathErr, ResvErr, PathTear, ResvTear, ResvConf>;

struct Message {
  std::uint8_t flags = 0;  // the common header's 4 flag bits; RFC 2205 defines none
  // The IP TTL the message is sent with (section 3.1.1); framing (ipv4.hpp) uses it for the IP
  // header, so the two always agree.
  std::uint8_t send_ttl = 64;
  Body body;
  friend bool operator==(const Message&, const Message&) = default;
};

MessageType type_of(const Body& body);
inline MessageType type_of(const Message& message) {
  return type_of(message.body);
}

}  // namespace qosbed::rsvp_wire
