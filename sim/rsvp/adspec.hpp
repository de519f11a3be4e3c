// The ADSPEC a PATH carries (RFC 2210 section 3.3): what the sender starts with, and how each hop
// composes its outgoing link into it (RFC 2215 for the general parameters, RFC 2212 section 10
// for Guaranteed service's error terms).
#pragma once

#include "gqos/codec.hpp"
#include "rsvp/topology.hpp"

namespace qosbed::rsvp {

// No hop yet and nothing limiting: the general parameters at their composition identities, a
// Guaranteed fragment with zero error terms and a Controlled Load fragment that overrides
// nothing.
gqos::Adspec initial_adspec();

// One more Integrated Services hop whose outgoing link is `link`: NUMBER_OF_IS_HOPS + 1,
// AVAILABLE_PATH_BANDWIDTH and PATH_MTU the minimum, MINIMUM_PATH_LATENCY the sum (saturating at
// "infinite"). Ctot/Dtot and Csum/Dsum add the link's C and D; the model has no reshaping point,
// so the sums since the last one are the totals.
void compose_hop(gqos::Adspec& adspec, const LinkSpec& link);

// The Guaranteed fragment's terms, if the ADSPEC has one.
const gqos::AdGuaranteed* guaranteed_terms(const gqos::Adspec& adspec);

}  // namespace qosbed::rsvp
