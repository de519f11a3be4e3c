// How a scenario file spells values, for what writes scenarios (a recording, `qosbed compile`) and
// for messages about them: durations with their unit and FLOWSPECs with their names, as a person
// writes them (docs/scenario-language.md).
#pragma once

#include <cstdint>
#include <string>

#include "gqos/layout.hpp"

namespace qosbed::gqos {

// A time in the largest unit that divides it exactly: "10ms", "1500us", "2s", "0us".
std::string scenario_duration(std::int64_t us);

// A FLOWSPEC field: its number, or not_specified for QOS_NOT_SPECIFIED.
std::string scenario_field(std::uint32_t value);

// Every field of a FLOWSPEC as a flow map, its ServiceType by name:
// "{ service_type: SERVICETYPE_CONTROLLEDLOAD, token_rate: 8000, ..., latency: not_specified, ...
// }".
std::string scenario_flowspec(const FlowSpec& flowspec);

}  // namespace qosbed::gqos
