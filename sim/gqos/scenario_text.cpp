#include "gqos/scenario_text.hpp"

#include "gqos/constants.hpp"
#include "gqos/names.hpp"

namespace qosbed::gqos {

std::string scenario_duration(std::int64_t us) {
  if (us != 0 && us % 1'000'000 == 0) return std::to_string(us / 1'000'000) + "s";
  if (us != 0 && us % 1'000 == 0) return std::to_string(us / 1'000) + "ms";
  return std::to_string(us) + "us";
}

std::string scenario_field(std::uint32_t value) {
  return value == qos_not_specified ? "not_specified" : std::to_string(value);
}

std::string scenario_flowspec(const FlowSpec& f) {
  return "{ service_type: " + name_or_number(NameGroup::service_type, f.service_type) +
         ", token_rate: " + scenario_field(f.token_rate) +
         ", token_bucket_size: " + scenario_field(f.token_bucket_size) +
         ", peak_bandwidth: " + scenario_field(f.peak_bandwidth) +
         ", latency: " + scenario_field(f.latency) +
         ", delay_variation: " + scenario_field(f.delay_variation) +
         ", max_sdu_size: " + scenario_field(f.max_sdu_size) +
         ", minimum_policed_size: " + scenario_field(f.minimum_policed_size) + " }";
}

}  // namespace qosbed::gqos
