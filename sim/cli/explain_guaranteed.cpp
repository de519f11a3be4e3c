#include "cli/explain_guaranteed.hpp"

#include <cmath>
#include <sstream>

namespace qosbed::cli {
namespace {

// Whole numbers as they are, others to a tenth: the formula's terms are read, not parsed.
std::string number(double value) {
  if (std::isinf(value)) return "infinity";
  std::ostringstream out;
  out.setf(std::ios::fixed);
  out.precision(value == std::floor(value) ? 0 : 1);
  out << value;
  return out.str();
}

std::string us(double value) {
  return number(value) + " us";
}

// The formula of the branch, then its terms with the promise's numbers put in.
void put_bound(std::ostream& out, const rsvp::GuaranteedPromise& promise) {
  const rsvp::TokenBucket& t = *promise.bucket;
  const rsvp::DelayBound& bound = *promise.bound;
  const std::string r = number(promise.rate);
  const std::string packet =
      "(" + number(t.max_packet) + " + " + number(promise.c_tot) + ")/" + r + " s";
  if (bound.peak_above_rate) {
    out << "   p > R >= r: (b - M)/R x (p - R)/(p - r) + (M + Ctot)/R + Dtot\n";
    out << "     = (" << number(t.b) << " - " << number(t.max_packet) << ")/" << r << " s x ";
    if (std::isinf(t.p)) {
      out << "1 (p infinite)";
    } else {
      out << "(" << number(t.p) << " - " << r << ")/(" << number(t.p) << " - " << number(t.r)
          << ")";
    }
    out << " + " << packet << " + " << us(bound.d_tot_us) << "\n";
    out << "     = " << us(bound.burst_us) << " + ";
  } else {
    out << "   R >= p: (M + Ctot)/R + Dtot (the bucket drains as fast as it fills: no burst "
           "term)\n";
    out << "     = " << packet << " + " << us(bound.d_tot_us) << "\n";
    out << "     = ";
  }
  const double latency = promise.adspec.general.minimum_latency;
  out << us(bound.packet_us) << " + " << us(bound.d_tot_us) << " = " << us(bound.total_us())
      << " of queueing; with the path's MINIMUM_PATH_LATENCY of " << us(latency) << ", "
      << us(bound.total_us() + latency) << " end to end.\n";
}

}  // namespace

std::string explain_guaranteed(const runner::NetworkRun& network,
                               const scenario::NetworkSpec& spec) {
  std::ostringstream out;
  for (const auto& [index, promises] : network.guaranteed_promises()) {
    const scenario::NetReceiver& receiver = spec.receivers[index];
    for (const rsvp::GuaranteedPromise& promise : promises) {
      out << "Receiver " << receiver.name << " at " << spec.nodes[receiver.host].name
          << " asks for Guaranteed service for sender " << network.sender_name(promise.sender)
          << " at R = " << number(promise.rate)
          << " bytes/s; what follows holds once every hop has admitted R (a ResvErr says one "
             "did not).\n";
      if (!promise.bound) {
        out << "   No delay bound: " << promise.no_bound << ".\n";
        continue;
      }
      const rsvp::TokenBucket& t = *promise.bucket;
      out << "   The sender's Tspec: r = " << number(t.r) << " bytes/s, b = " << number(t.b)
          << " bytes, p = " << number(t.p) << " bytes/s, M = " << number(t.max_packet)
          << " bytes; the ADSPEC its PATH composed: Ctot = " << number(promise.c_tot)
          << " bytes, Dtot = " << us(promise.d_tot_us) << ".\n";
      put_bound(out, promise);
    }
  }
  if (out.str().empty()) return "";
  return "Guaranteed service at the end of the run (RFC 2212's end-to-end delay bound):\n" +
         out.str();
}

}  // namespace qosbed::cli
