#pragma once

namespace qosbed::bench {

// Adds the "scaling" figure from the scaling rows that ran: the slowest configuration's median
// time per event over the fastest's.
void add_scaling_spread();

}  // namespace qosbed::bench
