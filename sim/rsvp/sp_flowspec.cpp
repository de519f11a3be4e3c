#include "rsvp/sp_flowspec.hpp"

#include "gqos/constants.hpp"

namespace qosbed::rsvp {

namespace {

namespace service = gqos::service_type;

std::uint32_t given_or(std::uint32_t value, std::uint32_t otherwise) {
  return value == gqos::qos_not_specified ? otherwise : value;
}

}  // namespace

std::uint32_t base_service(std::uint32_t service_type) {
  return service_type & ~(service::no_traffic_control_flag | service::no_qos_signaling_flag);
}

bool asks_for_service(std::uint32_t service_type, gqos::Direction direction) {
  switch (base_service(service_type)) {
    case service::controlled_load:
    case service::guaranteed:
    case service::qualitative:
      return true;
    case service::general_information:
      return direction == gqos::Direction::sending;
    default:
      return false;
  }
}

bool signalling_suppressed(std::uint32_t service_type) {
  return (service_type & service::no_qos_signaling_flag) == service::no_qos_signaling_flag;
}

gqos::FlowSpec sender_tspec(const gqos::FlowSpec& sending, const HostSpOptions& options) {
  gqos::FlowSpec tspec = gqos::unspecified_flowspec(base_service(sending.service_type));
  tspec.token_rate = sending.token_rate;
  tspec.max_sdu_size = given_or(sending.max_sdu_size, default_max_sdu_size);
  tspec.minimum_policed_size = given_or(sending.minimum_policed_size, default_minimum_policed_size);
  tspec.token_bucket_size =
      given_or(sending.token_bucket_size, options.bucket_size.value_or(tspec.max_sdu_size));
  tspec.peak_bandwidth = given_or(sending.peak_bandwidth, options.peak_rate);
  return tspec;
}

gqos::FlowSpec reservation_flowspec(const gqos::FlowSpec& receiving,
                                    const std::optional<gqos::FlowSpec>& tspec) {
  const std::uint32_t service_type = base_service(receiving.service_type);
  gqos::FlowSpec flowspec = gqos::unspecified_flowspec(service_type);
  const auto from_tspec = [&tspec](std::uint32_t gqos::FlowSpec::*field) {
    return tspec ? (*tspec).*field : gqos::qos_not_specified;
  };
  if (service_type == service::guaranteed) {
    // RFC 2210 section 3.2.2: the Tspec of the PATH, then the Rspec.
    flowspec.token_bucket_size = from_tspec(&gqos::FlowSpec::token_bucket_size);
    flowspec.peak_bandwidth = from_tspec(&gqos::FlowSpec::peak_bandwidth);
    flowspec.minimum_policed_size = from_tspec(&gqos::FlowSpec::minimum_policed_size);
    flowspec.max_sdu_size = from_tspec(&gqos::FlowSpec::max_sdu_size);
    flowspec.token_rate = given_or(receiving.token_rate, from_tspec(&gqos::FlowSpec::token_rate));
    flowspec.delay_variation = given_or(receiving.delay_variation, 0);
    return flowspec;
  }
  // RFC 2210 section 3.2.1: a Tspec, the receiver's where it gives one.
  for (auto field : {&gqos::FlowSpec::token_rate, &gqos::FlowSpec::token_bucket_size,
                     &gqos::FlowSpec::peak_bandwidth, &gqos::FlowSpec::minimum_policed_size,
                     &gqos::FlowSpec::max_sdu_size}) {
    flowspec.*field = given_or(receiving.*field, from_tspec(field));
  }
  return flowspec;
}

}  // namespace qosbed::rsvp
