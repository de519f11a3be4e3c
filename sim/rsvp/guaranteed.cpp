#include "rsvp/guaranteed.hpp"

#include <cmath>

#include "gqos/constants.hpp"

namespace qosbed::rsvp {

namespace {

constexpr double us_per_s = 1e6;

bool given(gqos::Ulong value) {
  return value != gqos::qos_not_specified;
}

}  // namespace

std::optional<TokenBucket> token_bucket_of(const gqos::FlowSpec& tspec) {
  if (!given(tspec.token_rate) || !given(tspec.token_bucket_size) || !given(tspec.max_sdu_size)) {
    return std::nullopt;
  }
  const bool infinite_peak =
      !given(tspec.peak_bandwidth) || tspec.peak_bandwidth == gqos::positive_infinity_rate;
  return TokenBucket{static_cast<double>(tspec.token_rate),
                     static_cast<double>(tspec.token_bucket_size),
                     infinite_peak ? INFINITY : static_cast<double>(tspec.peak_bandwidth),
                     static_cast<double>(tspec.max_sdu_size)};
}

std::optional<DelayBound> delay_bound(const TokenBucket& tspec, double rate, double c_tot,
                                      double d_tot_us) {
  if (!(rate > 0) || rate < tspec.r || tspec.p < tspec.r || tspec.b < tspec.max_packet) {
    return std::nullopt;
  }
  DelayBound bound;
  bound.peak_above_rate = tspec.p > rate;
  if (bound.peak_above_rate) {
    const double share = std::isinf(tspec.p) ? 1.0 : (tspec.p - rate) / (tspec.p - tspec.r);
    bound.burst_us = (tspec.b - tspec.max_packet) / rate * share * us_per_s;
  }
  bound.packet_us = (tspec.max_packet + c_tot) / rate * us_per_s;
  bound.d_tot_us = d_tot_us;
  return bound;
}

}  // namespace qosbed::rsvp
