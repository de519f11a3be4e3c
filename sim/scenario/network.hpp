// The `network:` section of a scenario as pure data: an RSVP network (sim/rsvp) whose hosts' SPs
// give the indications, the `net:` steps that change it, and the expectations on its messages and
// state. Nodes, links, sessions, senders and receivers are referred to by index into the lists
// here, already resolved by the loader.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "gqos/layout.hpp"
#include "rsvp/session.hpp"
#include "rsvp/soft_state.hpp"
#include "rsvp/topology.hpp"

namespace qosbed::scenario {

struct Mark;

struct NetNode {
  std::string name;
  rsvp::NodeKind kind = rsvp::NodeKind::host;
  rsvp::Address address = 0;
};

struct NetLink {
  std::string name;  // `name:`, else "A-B"
  std::size_t a = 0;
  std::size_t b = 0;
  rsvp::LinkSpec spec;
  bool up = true;
};

struct NetSession {
  std::string name;
  rsvp::Session session;
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
  rsvp::Style style = rsvp::Style::wf;
  gqos::FlowSpec flowspec{};
  bool confirm = false;
  std::vector<std::size_t> senders;  // FF and SE
  std::int64_t start_us = 0;
  std::string socket;  // the scenario socket its host's SP indicates PATH-side changes to
};

struct NetworkSpec {
  rsvp::SoftStateTimes times;
  std::uint64_t seed = 1;
  std::optional<std::int64_t> end_us;  // when the network stops; the last step's time if unset
  std::vector<NetNode> nodes;
  std::vector<NetLink> links;
  std::vector<NetSession> sessions;
  std::vector<NetSender> senders;
  std::vector<NetReceiver> receivers;
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
