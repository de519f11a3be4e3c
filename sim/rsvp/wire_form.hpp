// The network model's messages (messages.hpp) in their RFC 2205 wire form (sim/rsvp_wire): what
// a capture or a decoded view shows for a message a node sends on one hop. Kept apart from the
// model (its own library, qosbed_rsvp_wire_form) so the wire library knows nothing of sim/rsvp,
// and small, since it follows the model as the model grows.
//
// Where the model's message holds less than the wire form needs, the rule used is:
// - RSVP_HOP is the sending node's address with the link as its LIH; TIME_VALUES the network's
//   R; every message is sent with Send_TTL and IP TTL 64.
// - The sender's Tspec and the ADSPEC: QOS_NOT_SPECIFIED token rate, bucket or peak and the
//   infinite path bandwidth become +infinity; every other value goes as it is (an unmodelled
//   PATH_MTU as 4294967295).
// - A Guaranteed FLOWSPEC gets the RSpec R = its token rate, S = its delay variation (0 when
//   QOS_NOT_SPECIFIED), as the host's SP fills them (sp_flowspec.hpp); any other service type
//   goes as Controlled Load.
// - ResvErr and ResvConf carry no style in the model: it is read from the descriptors (none
//   with a filter: WF; one with several: SE; otherwise FF, so a one-sender SE shows as FF).
// - ResvTear names only the session: it goes as a WF ResvTear without flow descriptors, whose
//   FLOWSPEC RFC 2205 section 3.1.6 lets it leave out.
// - ResvConf's ERROR_SPEC names the node sending it on this hop (RFC 2205 section 3.1.9 wants
//   the one that confirmed, which the model does not keep).
// - A Path or Resv with POLICY_DATA carries one POLICY_DATA object, without option objects,
//   holding an AUTH_USER element (rsvp_wire/identity.hpp) per user in it; the model keeps none in
//   PathErr and ResvErr, whose grammar allows it.
#pragma once

#include <optional>

#include "engine/clock.hpp"
#include "gqos/layout.hpp"
#include "rsvp/messages.hpp"
#include "rsvp/policy_data.hpp"
#include "rsvp/topology.hpp"
#include "rsvp_wire/message.hpp"

namespace qosbed::rsvp {

// What the network knows of a message beyond its contents: the hop it is sent on.
struct WireContext {
  NodeId from = 0;
  NodeId to = 0;
  LinkId link = 0;
  engine::TimeUs refresh_us = 30'000'000;  // R
  const PolicyTable* policies = nullptr;   // resolves the message's POLICY_DATA; none: left out
};

struct WirePacket {
  rsvp_wire::Message message;
  rsvp_wire::Ipv4 source = 0;  // the IP addresses RFC 2205 section 3.1 sends it between
  rsvp_wire::Ipv4 destination = 0;
};

// `message` as context.from sends it to context.to; the topology gives the nodes' addresses.
WirePacket to_wire(const Message& message, const Topology& topology, const WireContext& context);

}  // namespace qosbed::rsvp
