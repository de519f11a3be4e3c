// What a receiver's Guaranteed request promises each sender's flow at the receiver's host (RFC
// 2212): the sender's Tspec and the ADSPEC its PATH composed on the way, the rate R the request
// reserves, and the end-to-end delay bound they give. `expect: state` checks it and `qosbed
// explain` tells it with the numbers put in.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "gqos/codec.hpp"
#include "rsvp/adspec.hpp"
#include "rsvp/guaranteed.hpp"
#include "rsvp/state.hpp"

namespace qosbed::rsvp {

struct GuaranteedPromise {
  SenderId sender;
  gqos::FlowSpec tspec{};  // the sender's, from its path state at the receiver's host
  PathAdspec adspec;       // as the PATH brought it there: every link on the way composed
  double rate = 0;         // R, bytes/s: the request's TokenRate (docs/behaviour.md D26)
  double c_tot = 0;        // the ADSPEC's Ctot, bytes
  double d_tot_us = 0;     // and Dtot
  std::optional<TokenBucket> bucket;
  std::optional<DelayBound> bound;
  std::string no_bound;  // why there is no bound, when there is none
};

// For each sender of `session` with path state at `host` whom the host's own Guaranteed request
// covers (WF: every one; FF and SE: those its descriptors name), in sender order. Empty when the
// host has made no Guaranteed request in the session.
std::vector<GuaranteedPromise> guaranteed_promises(const NodeState& state, NodeId host,
                                                   const Session& session);

}  // namespace qosbed::rsvp
