// Guaranteed service's end-to-end queueing delay bound (RFC 2212): what a reservation of rate R
// promises a flow shaped by the token bucket (r, b, p, M), given the ADSPEC's composed error terms
// Ctot and Dtot. The propagation delay (the ADSPEC's MINIMUM_PATH_LATENCY) comes on top.
#pragma once

#include <optional>

#include "gqos/layout.hpp"

namespace qosbed::rsvp {

// A Tspec in the formula's units: r and p in bytes/s (p may be infinite), b and M in bytes.
struct TokenBucket {
  double r = 0;
  double b = 0;
  double p = 0;
  double max_packet = 0;  // M
};

// The Tspec's token bucket, when it gives r, b and M; an unspecified or infinite peak rate is
// infinite (RFC 2215 section 5).
std::optional<TokenBucket> token_bucket_of(const gqos::FlowSpec& tspec);

// The bound and its terms, in microseconds:
//   p > R >= r:  (b - M)/R * (p - R)/(p - r) + (M + Ctot)/R + Dtot
//   R >= p >= r: (M + Ctot)/R + Dtot
// With p infinite the first factor (p - R)/(p - r) is 1: the whole bucket drains at R.
struct DelayBound {
  bool peak_above_rate = false;  // which case: p > R
  double burst_us = 0;           // (b - M)/R * (p - R)/(p - r); 0 when R >= p
  double packet_us = 0;          // (M + Ctot)/R
  double d_tot_us = 0;           // Dtot
  double total_us() const { return burst_us + packet_us + d_tot_us; }
};

// No bound when R < r or R is 0: a reservation below the token rate lets the queue grow without
// limit (RFC 2212 requires R >= r). None either for a Tspec no flow can conform to: a peak below
// the token rate, or a packet M larger than the bucket b.
std::optional<DelayBound> delay_bound(const TokenBucket& tspec, double rate, double c_tot,
                                      double d_tot_us);

}  // namespace qosbed::rsvp
