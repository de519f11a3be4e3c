#include "rsvp/session.hpp"

#include <algorithm>

#include "gqos/constants.hpp"

namespace qosbed::rsvp {

std::string address_text(Address address) {
  return std::to_string(address >> 24) + "." + std::to_string((address >> 16) & 0xFF) + "." +
         std::to_string((address >> 8) & 0xFF) + "." + std::to_string(address & 0xFF);
}

std::string to_string(const SenderId& sender) {
  return address_text(sender.address) + ":" + std::to_string(sender.port);
}

std::string to_string(const Session& session) {
  return address_text(session.destination) + ":" + std::to_string(session.port) + "/" +
         std::to_string(session.protocol);
}

std::string_view name_of(Style style) {
  switch (style) {
    case Style::wf:
      return "WF";
    case Style::ff:
      return "FF";
    case Style::se:
      return "SE";
  }
  return "?";
}

namespace {

// The services in the order merging ranks them: Guaranteed (RFC 2212) above Controlled Load (RFC
// 2211) above best effort, the order of the GQoS FLOWSPEC's service priorities (NETWORK_CONTROL
// first, QUALITATIVE last). Whatever is not a service (NOTRAFFIC, NOCHANGE, QOS_NOT_SPECIFIED,
// ...) ranks below every service. The SERVICE_NO_* flags do not change the service.
int service_rank(std::uint32_t service_type) {
  namespace service = gqos::service_type;
  switch (service_type & ~(service::no_traffic_control_flag | service::no_qos_signaling_flag)) {
    case service::network_control:
      return 5;
    case service::guaranteed:
      return 4;
    case service::controlled_load:
      return 3;
    case service::best_effort:
      return 2;
    case service::qualitative:
      return 1;
    default:
      return 0;
  }
}

std::uint32_t merged_service(std::uint32_t a, std::uint32_t b) {
  const int rank_a = service_rank(a);
  const int rank_b = service_rank(b);
  if (rank_a != rank_b) return rank_a > rank_b ? a : b;
  return std::min(a, b);  // equal rank: either, but the same whichever comes first
}

}  // namespace

gqos::FlowSpec lub(const gqos::FlowSpec& a, const gqos::FlowSpec& b) {
  gqos::FlowSpec merged{};
  // Tspec (RFC 2210 section 3.1; merged as RFC 2211 and RFC 2212 "Ordering and Merging" say):
  // the largest token rate r, bucket depth b, peak rate p and maximum packet size M, the smallest
  // minimum policed unit m.
  merged.token_rate = std::max(a.token_rate, b.token_rate);
  merged.token_bucket_size = std::max(a.token_bucket_size, b.token_bucket_size);
  merged.peak_bandwidth = std::max(a.peak_bandwidth, b.peak_bandwidth);
  merged.max_sdu_size = std::max(a.max_sdu_size, b.max_sdu_size);
  merged.minimum_policed_size = std::min(a.minimum_policed_size, b.minimum_policed_size);
  // Guaranteed Rspec (RFC 2212 "Ordering and Merging"): the largest rate R (the token rate here,
  // wire_form.hpp) and the smallest slack term S (DelayVariation). Latency is no RSVP parameter
  // (the SP derives R from it): the tighter bound, the smaller.
  merged.delay_variation = std::min(a.delay_variation, b.delay_variation);
  merged.latency = std::min(a.latency, b.latency);
  // The service by the services' order, never the larger number.
  merged.service_type = merged_service(a.service_type, b.service_type);
  return merged;
}

}  // namespace qosbed::rsvp
