// Human-readable text for GQoS values, as used in messages, traces and test diagnostics.
#pragma once

#include <iosfwd>
#include <string>

#include "gqos/layout.hpp"

namespace qosbed::gqos {

// "{service_type: SERVICETYPE_CONTROLLEDLOAD, token_rate: 8000}": fields that are
// QOS_NOT_SPECIFIED are left out.
std::string to_string(const FlowSpec& flowspec);
std::ostream& operator<<(std::ostream& out, const FlowSpec& flowspec);

}  // namespace qosbed::gqos
