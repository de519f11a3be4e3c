// What the network tells the outside: every message sent, delivered or dropped (for traces and
// `expect: message`), and, per host, the local state changes the emulated RSVP SP turns into
// FD_QOS indications (see sp_adapter.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "rsvp/messages.hpp"
#include "rsvp/session.hpp"
#include "rsvp/state.hpp"

namespace qosbed::rsvp {

enum class Drop { lost, link_down };

// A message on a hop whose far end does not run RSVP: whose it is and where it goes.
struct Routed {
  NodeId hop = 0;       // the RSVP node that sent it: its RSVP_HOP
  LinkId hop_link = 0;  // the link that node sent it on: its RSVP_HOP's LIH
  // The RSVP node it is addressed to (its IP destination), when not the session's address.
  std::optional<NodeId> target;
  // The routers that do not run RSVP that have passed it on, the one sending it on this hop
  // included: each takes one from its IP TTL.
  std::uint8_t routers = 0;
};

class MessageObserver {
 public:
  virtual ~MessageObserver() = default;
  virtual void on_sent(NodeId from, NodeId to, LinkId link, const Message& message) = 0;
  // `at` puts a message on a hop toward a router that does not run RSVP, or is such a router
  // and passes it on untouched (RFC 2205 section 2.9). By default, like a message sent.
  virtual void on_routed(NodeId at, NodeId to, LinkId link, const Message& message, const Routed&) {
    on_sent(at, to, link, message);
  }
  virtual void on_received(NodeId at, NodeId from, LinkId link, const Message& message) = 0;
  virtual void on_dropped(NodeId from, NodeId to, LinkId link, const Message& message,
                          Drop why) = 0;
};

// Why state went away.
enum class Cause { teardown, timeout };

// Told of changes at one host. Every method has an empty default: an observer overrides what it
// needs.
class HostObserver {
 public:
  virtual ~HostObserver() = default;
  // A receiver: a PATH created or changed the path state of `sender`. Called before the host's
  // receiver of the session, if it has one, sends its RESV for the new path state: a request
  // changed here (HostApi::change_request) goes out with it.
  virtual void on_path(const Session&, const SenderId&, const PathState&) {}
  // A receiver: the last sender of the session is gone.
  virtual void on_no_senders(const Session&, Cause) {}
  // A sender: the reservations made for its local senders, whenever they change.
  virtual void on_reservation(const Session&, Style, const std::vector<FlowDescriptor>&) {}
  // A sender: the last reservation for its local senders is gone.
  virtual void on_no_reservations(const Session&, Cause) {}
  // A receiver that asked for confirmation: a ResvConf arrived.
  virtual void on_confirmed(const Session&, const ResvConf&) {}
  // A receiver: its request failed somewhere upstream.
  virtual void on_reservation_error(const Session&, const ResvErr&) {}
  // A sender: its PATH could not be forwarded.
  virtual void on_path_error(const Session&, const PathErr&) {}
};

}  // namespace qosbed::rsvp
