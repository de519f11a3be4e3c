#include "rsvp/session.hpp"

#include <algorithm>

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

gqos::FlowSpec lub(const gqos::FlowSpec& a, const gqos::FlowSpec& b) {
  return gqos::FlowSpec{std::max(a.token_rate, b.token_rate),
                        std::max(a.token_bucket_size, b.token_bucket_size),
                        std::max(a.peak_bandwidth, b.peak_bandwidth),
                        std::min(a.latency, b.latency),
                        std::min(a.delay_variation, b.delay_variation),
                        std::max(a.service_type, b.service_type),
                        std::max(a.max_sdu_size, b.max_sdu_size),
                        std::min(a.minimum_policed_size, b.minimum_policed_size)};
}

}  // namespace qosbed::rsvp
