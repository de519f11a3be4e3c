#include "gqos/format.hpp"

#include <ostream>

#include "gqos/constants.hpp"
#include "gqos/names.hpp"

namespace qosbed::gqos {
std::string to_string(const FlowSpec& flowspec) {
  std::string text = "{service_type: " + service_type_text(flowspec.service_type);
  auto add = [&text](std::string_view name, std::uint32_t value) {
    if (value == qos_not_specified) return;
    text += ", ";
    text += name;
    text += ": " + std::to_string(value);
  };
  add("token_rate", flowspec.token_rate);
  add("token_bucket_size", flowspec.token_bucket_size);
  add("peak_bandwidth", flowspec.peak_bandwidth);
  add("latency", flowspec.latency);
  add("delay_variation", flowspec.delay_variation);
  add("max_sdu_size", flowspec.max_sdu_size);
  add("minimum_policed_size", flowspec.minimum_policed_size);
  return text + "}";
}

std::ostream& operator<<(std::ostream& out, const FlowSpec& flowspec) {
  return out << to_string(flowspec);
}

}  // namespace qosbed::gqos
