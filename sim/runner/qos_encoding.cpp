#include "runner/qos_encoding.hpp"

#include "gqos/codec.hpp"
#include "gqos/constants.hpp"
#include "provider/ipv4.hpp"

namespace qosbed::runner {

gqos::FlowSpec to_flowspec(const scenario::FlowSpecFields& fields) {
  constexpr auto unset = gqos::qos_not_specified;
  return gqos::FlowSpec{fields.token_rate.value_or(unset),
                        fields.token_bucket_size.value_or(unset),
                        fields.peak_bandwidth.value_or(unset),
                        fields.latency.value_or(unset),
                        fields.delay_variation.value_or(unset),
                        fields.service_type.value_or(gqos::service_type::no_change),
                        fields.max_sdu_size.value_or(unset),
                        fields.minimum_policed_size.value_or(unset)};
}

std::vector<std::byte> encode_request(const scenario::QosRequest& request,
                                      const std::optional<provider::Address>& destination) {
  gqos::QosContent content;
  const auto no_change = gqos::unspecified_flowspec(gqos::service_type::no_change);
  content.sending = request.sending ? to_flowspec(*request.sending) : no_change;
  content.receiving = request.receiving ? to_flowspec(*request.receiving) : no_change;
  if (request.style || request.confirm) {
    content.objects.push_back(gqos::make_reserve_info(
        request.style.value_or(gqos::rsvp_style::default_style), request.confirm));
  }
  content.objects.insert(content.objects.end(), request.objects.begin(), request.objects.end());
  if (destination) {
    content.objects.push_back(gqos::make_dest_addr(
        provider::parse_ipv4(destination->host).value_or(0), destination->port));
  }
  std::vector<std::byte> bytes(gqos::required_size(content));
  gqos::encode(content, bytes);
  gqos::point_dest_addr(bytes);
  return bytes;
}

}  // namespace qosbed::runner
