// The ADSPEC a PATH carries (RFC 2210 section 3.3): what the sender starts with, and how each hop
// composes its outgoing link into it (RFC 2215 for the general parameters, RFC 2212 section 10
// for Guaranteed service's error terms).
#pragma once

#include "gqos/codec.hpp"
#include "gqos/constants.hpp"
#include "rsvp/topology.hpp"

namespace qosbed::rsvp {

// Every PATH of the model carries a Guaranteed fragment and a Controlled Load fragment, and
// neither overrides a general parameter, so only what composition changes is held: the general
// parameters and Guaranteed service's error terms, in place. A PSB keeps one for its sender at
// every hop, where a list of fragments on the heap would cost an allocation each.
//
// A default PathAdspec is what the sender starts with: no hop yet and nothing limiting, the
// general parameters at their composition identities and zero error terms.
struct PathAdspec {
  gqos::AdGeneralParams general{0, gqos::positive_infinity_rate, 0, gqos::qos_not_specified, 0};
  gqos::AdGuaranteed guaranteed{0, 0, 0, 0};

  // Whether a hop on the path ran no Integrated Services and composed nothing.
  bool broken() const { return (general.flags & gqos::ad_flag_break_bit) != 0; }
  friend bool operator==(const PathAdspec&, const PathAdspec&) = default;
};

// One more Integrated Services hop whose outgoing link is `link`: NUMBER_OF_IS_HOPS + 1,
// AVAILABLE_PATH_BANDWIDTH and PATH_MTU the minimum, MINIMUM_PATH_LATENCY the sum (saturating at
// "infinite"). Ctot/Dtot and Csum/Dsum add the link's C and D; the model has no reshaping point,
// so the sums since the last one are the totals.
void compose_hop(PathAdspec& adspec, const LinkSpec& link);

// The RSVP_ADSPEC a receiving application reads: the general parameters, then the Guaranteed
// fragment with its terms and the Controlled Load fragment, neither overriding anything.
gqos::Adspec adspec_object(const PathAdspec& adspec);

}  // namespace qosbed::rsvp
