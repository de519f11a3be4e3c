#include "rsvp/guaranteed_promise.hpp"

#include <algorithm>

#include "gqos/constants.hpp"
#include "rsvp/adspec.hpp"

namespace qosbed::rsvp {

namespace {

// The descriptor of a request that covers `sender`: WF's one, or the FF or SE one naming it.
const FlowDescriptor* covering(const ResvState& request, const SenderId& sender) {
  for (const FlowDescriptor& descriptor : request.descriptors) {
    if (request.style == Style::wf) return &descriptor;
    if (std::find(descriptor.filters.begin(), descriptor.filters.end(), sender) !=
        descriptor.filters.end()) {
      return &descriptor;
    }
  }
  return nullptr;
}

// The reason delay_bound() gave none, in the words of RFC 2212's preconditions.
std::string why_unbounded(const GuaranteedPromise& promise) {
  const TokenBucket& bucket = *promise.bucket;
  if (!(promise.rate > 0) || promise.rate < bucket.r) {
    return "R is below the Tspec's token rate r: the queue grows without limit (RFC 2212 needs "
           "R >= r)";
  }
  return "no flow conforms to the Tspec: its peak rate p is below r, or M above b";
}

void bound(GuaranteedPromise& promise) {
  if (promise.adspec.broken()) {
    promise.no_bound =
        "the ADSPEC's break bit is set: a hop on the path is no Integrated Services hop and "
        "added no C and D (RFC 2210 section 3.3)";
    return;
  }
  const gqos::AdGuaranteed& terms = promise.adspec.guaranteed;
  if (terms.c_total == gqos::positive_infinity_rate ||
      terms.d_total == gqos::positive_infinity_rate) {
    promise.no_bound = "Ctot or Dtot is infinite";
    return;
  }
  promise.c_tot = terms.c_total;
  promise.d_tot_us = terms.d_total;
  promise.bucket = token_bucket_of(promise.tspec);
  if (!promise.bucket) {
    promise.no_bound = "the sender's Tspec does not give r, b and M";
    return;
  }
  promise.bound = delay_bound(*promise.bucket, promise.rate, promise.c_tot, promise.d_tot_us);
  if (!promise.bound) promise.no_bound = why_unbounded(promise);
}

}  // namespace

std::vector<GuaranteedPromise> guaranteed_promises(const NodeState& state, NodeId host,
                                                   const Session& session) {
  std::vector<GuaranteedPromise> promises;
  const auto request = state.rsbs.find(RsbKey{session, host});
  if (request == state.rsbs.end()) return promises;
  for (const auto& [key, psb] : state.psbs.of(session)) {
    const FlowDescriptor* descriptor = covering(*request->second.resv, key.second);
    if (!descriptor || descriptor->flowspec.service_type != gqos::service_type::guaranteed) {
      continue;
    }
    GuaranteedPromise promise;
    promise.sender = key.second;
    promise.tspec = psb.path->tspec;
    promise.adspec = psb.path->adspec;
    promise.rate = descriptor->flowspec.token_rate;
    if (descriptor->flowspec.token_rate == gqos::qos_not_specified) {
      promise.no_bound = "the request gives no rate R";
    } else {
      bound(promise);
    }
    promises.push_back(std::move(promise));
  }
  return promises;
}

}  // namespace qosbed::rsvp
