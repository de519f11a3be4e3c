// The seven RSVP messages of RFC 2205 as plain values. The hop a message came from (PHOP/NHOP)
// is not in the message: the network knows the link it arrived on. Each message names the
// session it belongs to.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <variant>
#include <vector>

#include "gqos/codec.hpp"
#include "rsvp/adspec.hpp"
#include "rsvp/policy_data.hpp"
#include "rsvp/session.hpp"

namespace qosbed::rsvp {

// ERROR_SPEC codes of RFC 2205 Appendix B that the model produces. An admission failure is
// always sub-code 2, "requested bandwidth unavailable": admission counts bytes per second.
enum class ErrorCode : std::uint8_t {
  admission_failure = 1,       // ResvErr only
  policy_failure = 2,          // PathErr or ResvErr
  no_path = 3,                 // ResvErr only: no path state for the session
  no_sender = 4,               // ResvErr only: no path state for a sender the request names
  conflicting_style = 5,       // ResvErr only
  conflicting_dest_ports = 7,  // PathErr or ResvErr: zero and non-zero DstPort (section 3.2)
};
std::string_view name_of(ErrorCode code);

// Appendix B: "Except where noted, these Error Codes may appear only in ResvErr messages".
constexpr bool may_appear_in_path_err(ErrorCode code) {
  return code == ErrorCode::policy_failure || code == ErrorCode::conflicting_dest_ports;
}

struct ErrorSpec {
  ErrorCode code = ErrorCode::admission_failure;
  NodeId node = 0;  // where the error was detected
};

struct Path {
  Session session;
  SenderId sender;
  gqos::FlowSpec tspec{};
  PathAdspec adspec;             // what the path so far offers, updated on every link
  PolicyRef policy = no_policy;  // POLICY_DATA: the sender's host's, forwarded unchanged
};

struct Resv {
  Session session;
  Style style = Style::wf;
  std::vector<FlowDescriptor> descriptors;
  std::optional<NodeId> confirm_to;  // RESV_CONFIRM: the receiver asking for a ResvConf
  PolicyRef policy = no_policy;      // POLICY_DATA: of the requests merged into it
};

struct PathTear {
  Session session;
  SenderId sender;
};

struct ResvTear {
  Session session;
};

struct PathErr {
  Session session;
  SenderId sender;
  ErrorSpec error;
  gqos::FlowSpec tspec{};  // the sender descriptor's, copied from the PATH in error (3.1.7)
};

struct ResvErr {
  Session session;
  ErrorSpec error;
  FlowDescriptor descriptor;  // the request that failed
};

struct ResvConf {
  Session session;
  NodeId receiver = 0;
  std::vector<FlowDescriptor> descriptors;  // what was reserved
};

using Message = std::variant<Path, Resv, PathTear, ResvTear, PathErr, ResvErr, ResvConf>;

// "Path", "Resv", "PathTear", ...
std::string_view name_of(const Message& message);
const Session& session_of(const Message& message);

}  // namespace qosbed::rsvp
