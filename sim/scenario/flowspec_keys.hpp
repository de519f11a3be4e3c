// A FLOWSPEC's fields by the keys a scenario writes them under, with where each lives in a
// FLOWSPEC as written (FlowSpecFields) and as the SDK lays it out (gqos::FlowSpec), in the SDK's
// order. The reader, the writer, the language's table and what compares FLOWSPECs go through it.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "gqos/codec.hpp"
#include "gqos/constants.hpp"
#include "gqos/layout.hpp"
#include "scenario/scenario.hpp"

namespace qosbed::scenario {

struct FlowSpecKey {
  std::string_view key;
  std::optional<std::uint32_t> FlowSpecFields::*written;
  std::uint32_t gqos::FlowSpec::*field;
};

inline constexpr FlowSpecKey flowspec_keys[] = {
    {"token_rate", &FlowSpecFields::token_rate, &gqos::FlowSpec::token_rate},
    {"token_bucket_size", &FlowSpecFields::token_bucket_size, &gqos::FlowSpec::token_bucket_size},
    {"peak_bandwidth", &FlowSpecFields::peak_bandwidth, &gqos::FlowSpec::peak_bandwidth},
    {"latency", &FlowSpecFields::latency, &gqos::FlowSpec::latency},
    {"delay_variation", &FlowSpecFields::delay_variation, &gqos::FlowSpec::delay_variation},
    {"service_type", &FlowSpecFields::service_type, &gqos::FlowSpec::service_type},
    {"max_sdu_size", &FlowSpecFields::max_sdu_size, &gqos::FlowSpec::max_sdu_size},
    {"minimum_policed_size", &FlowSpecFields::minimum_policed_size,
     &gqos::FlowSpec::minimum_policed_size},
};

// The FLOWSPEC a written one stands for where it is sent or delivered: what it leaves out is
// QOS_NOT_SPECIFIED.
inline gqos::FlowSpec filled(const FlowSpecFields& fields) {
  gqos::FlowSpec flowspec{};
  for (const FlowSpecKey& key : flowspec_keys) {
    flowspec.*key.field = (fields.*key.written).value_or(gqos::qos_not_specified);
  }
  return flowspec;
}

// Every field written, so what compares it compares all and what sends it sends exactly it.
inline FlowSpecFields every_field(const gqos::FlowSpec& flowspec) {
  FlowSpecFields fields;
  for (const FlowSpecKey& key : flowspec_keys) fields.*key.written = flowspec.*key.field;
  return fields;
}

}  // namespace qosbed::scenario
