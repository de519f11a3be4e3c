// The choices the host's RSVP SP (host_sp.hpp) makes where Microsoft's documentation and RFC 2205
// are silent: each is a D-rule of docs/behaviour.md, and each a field here, so that a scenario
// can choose otherwise (`decisions:`) to test an application against an SP that decided
// differently.
#pragma once

#include <cstdint>
#include <optional>

#include "gqos/constants.hpp"

namespace qosbed::rsvp {

struct HostSpOptions {
  // D21: the SENDER_TSPEC's bucket depth b when the sending TokenBucketSize is QOS_NOT_SPECIFIED;
  // unset: the Tspec's M, the smallest bucket every packet of the flow conforms to.
  std::optional<std::uint32_t> bucket_size;
  // D22: the peak rate p when the sending PeakBandwidth is QOS_NOT_SPECIFIED: +infinity
  // (POSITIVE_INFINITY_RATE, RFC 2215's "no peak rate").
  std::uint32_t peak_rate = gqos::positive_infinity_rate;
  // D23: QoS that ends (close, shutdown, disconnect, NOTRAFFIC, BESTEFFORT, NO_QOS_SIGNALING)
  // sends PathTear / ResvTear at once; false: the SP stops refreshing and the state times out.
  bool explicit_teardown = true;
  // D24: a receiver whose receiving FLOWSPEC carries SERVICE_NO_QOS_SIGNALING hears
  // WSA_QOS_SENDERS and WSA_QOS_NO_SENDERS of its session (it never sends RESV).
  bool unsignalled_receiver_hears_path = true;
  // D25: a socket that enters a session hears at once the state the session already has there:
  // a receiver WSA_QOS_SENDERS for each PATH, a sender WSA_QOS_RECEIVERS for its reservation.
  bool told_on_join = true;
  // D30: SIO_CHK_QOS ALLOWED_TO_SEND_DATA: the largest sending TokenRate (bytes/s) allowed
  // before a reservation is in place; unset: any (W32:using-sio-chk-qos, the default setting).
  std::optional<std::uint32_t> best_effort_limit;
};

}  // namespace qosbed::rsvp
