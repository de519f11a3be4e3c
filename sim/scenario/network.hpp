// The `network:` section of a scenario as plain data: an RSVP network whose hosts' SPs give the
// indications, the `net:` steps that change it, and the expectations on its messages and state.
// Nodes, links, sessions, senders and receivers are referred to by index into the lists here,
// already resolved by the loader; the runner builds the rsvp model from them
// (runner/network_run.hpp). Addresses are IPv4 in host byte order.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "gqos/constants.hpp"
#include "gqos/layout.hpp"

namespace qosbed::scenario {

struct Mark;

// A router that does not run RSVP forwards RSVP messages untouched (docs/rsvp.md).
enum class NodeKind { host, router, non_rsvp_router };

struct NetNode {
  std::string name;
  NodeKind kind = NodeKind::host;
  std::uint32_t address = 0;
  // A host's user: its RSVP SP names them in an AUTH_USER policy element of every PATH and RESV
  // it originates (docs/behaviour.md D39); empty, no POLICY_DATA.
  std::string user;
};

// A full-duplex link; each direction has the bandwidth, delay and loss.
struct NetLink {
  std::string name;  // `name:`, else "A-B"
  std::size_t a = 0;
  std::size_t b = 0;
  std::uint64_t bandwidth = 0;  // bytes per second
  std::int64_t delay_us = 0;
  double loss = 0.0;                        // the probability that one message is lost
  std::optional<std::uint64_t> reservable;  // bytes per second admission may hand out
  std::optional<std::uint32_t> mtu;         // bytes; the model's default if unset
  std::uint32_t c = 0;                      // Guaranteed service's C term, bytes (RFC 2212)
  std::int64_t d_us = 0;                    // Guaranteed service's D term
  bool up = true;
};

// An RSVP session: destination address, port and IP protocol.
struct NetSession {
  std::string name;
  std::uint32_t destination = 0;
  std::uint16_t port = 0;
  std::uint8_t protocol = 17;  // UDP
};

// A host that sends to a session: PATH from `start_us` on, refreshed until a `net:` step ends it.
struct NetSender {
  std::string name;
  std::size_t host = 0;
  std::size_t session = 0;
  std::uint16_t port = 0;
  gqos::FlowSpec tspec{};
  std::int64_t start_us = 0;
  std::string socket;  // the scenario socket its host's SP indicates RESV-side changes to
};

// A host that reserves: FF one descriptor per listed sender, SE one shared by them, WF one for all.
struct NetReceiver {
  std::string name;
  std::size_t host = 0;
  std::size_t session = 0;
  std::uint32_t style = gqos::rsvp_style::wildcard;  // RSVP_RESERVE_INFO.Style's values
  gqos::FlowSpec flowspec{};
  bool confirm = false;
  std::vector<std::size_t> senders;  // FF and SE
  std::int64_t start_us = 0;
  std::string socket;  // the scenario socket its host's SP indicates PATH-side changes to
};

// `decisions:` of the network: how the hosts' RSVP SPs choose where Microsoft's documentation is
// silent (D21-D25, D30 of docs/behaviour.md); unset keeps the documented choice.
struct NetDecisions {
  std::optional<std::uint32_t> bucket_size;             // D21: unspecified TokenBucketSize
  std::optional<std::uint32_t> peak_rate;               // D22: unspecified PeakBandwidth
  std::optional<bool> explicit_teardown;                // D23: PathTear / ResvTear at once
  std::optional<bool> unsignalled_receiver_hears_path;  // D24
  std::optional<bool> told_on_join;                     // D25: a joining socket hears the state
  std::optional<std::uint32_t> best_effort_limit;       // D30: SIO_CHK_QOS ALLOWED_TO_SEND_DATA
};

// A node's policy control: a reservation request above `max_rate` bytes/s is refused with ResvErr,
// a sender whose Tspec's token rate is above `max_sender_rate` with PathErr, and, with `users`,
// a RESV or PATH whose POLICY_DATA names none of them with ResvErr or PathErr, "policy control
// failure" (RFC 2205 Appendix B code 2). At least one is set.
struct NetPolicy {
  std::size_t node = 0;
  std::optional<std::uint32_t> max_rate;
  std::optional<std::uint32_t> max_sender_rate;
  std::vector<std::string> users;  // the identities admitted; empty: any, or none
};

struct NetworkSpec {
  // Soft-state timing (RFC 2205 section 3.7): the refresh period R and K; unset, the model's.
  std::optional<std::int64_t> refresh_us;
  std::optional<int> k;
  std::uint64_t seed = 1;
  std::optional<std::int64_t> end_us;  // when the network stops; the last step's time if unset
  NetDecisions decisions;
  std::vector<NetNode> nodes;
  std::vector<NetLink> links;
  std::vector<NetSession> sessions;
  std::vector<NetSender> senders;
  std::vector<NetReceiver> receivers;
  std::vector<NetPolicy> policies;
};

// ---- net: what happens to the network -------------------------------------------------------

struct NetLinkState {
  std::size_t link = 0;
  bool up = true;
};
struct NetLoss {
  std::size_t link = 0;
  double loss = 0.0;
};
// A sender stops: silently (its state times out after L), or with a PathTear.
struct NetSenderStop {
  std::size_t sender = 0;
  bool tear_down = false;
};
// A receiver stops: silently, or with a ResvTear.
struct NetReceiverStop {
  std::size_t receiver = 0;
  bool tear_down = false;
};

using NetAction = std::variant<NetLinkState, NetLoss, NetSenderStop, NetReceiverStop>;

}  // namespace qosbed::scenario
