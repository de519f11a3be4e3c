#include "gqos/format.hpp"

#include <ostream>

#include "gqos/constants.hpp"
#include "gqos/names.hpp"

namespace qosbed::gqos {
namespace {

std::string field(std::uint32_t value) {
  return value == qos_not_specified ? "not_specified" : std::to_string(value);
}

}  // namespace

std::string to_string(const FlowSpec& flowspec) {
  return "{service_type: " + name_or_number(NameGroup::service_type, flowspec.service_type) +
         ", token_rate: " + field(flowspec.token_rate) +
         ", token_bucket_size: " + field(flowspec.token_bucket_size) +
         ", peak_bandwidth: " + field(flowspec.peak_bandwidth) +
         ", latency: " + field(flowspec.latency) +
         ", delay_variation: " + field(flowspec.delay_variation) +
         ", max_sdu_size: " + field(flowspec.max_sdu_size) +
         ", minimum_policed_size: " + field(flowspec.minimum_policed_size) + "}";
}

std::ostream& operator<<(std::ostream& out, const FlowSpec& flowspec) {
  return out << to_string(flowspec);
}

}  // namespace qosbed::gqos
