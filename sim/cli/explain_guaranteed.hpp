// The Guaranteed service side of `qosbed explain`: each receiver's Guaranteed reservation at the
// run's end, with the numbers put into RFC 2212's delay bound, the formula's branch named.
#pragma once

#include <string>

#include "runner/network_run.hpp"

namespace qosbed::cli {

// One paragraph per receiver and sender, or empty when no receiver holds a Guaranteed request.
std::string explain_guaranteed(const runner::NetworkRun& network,
                               const scenario::NetworkSpec& spec);

}  // namespace qosbed::cli
