#pragma once

namespace qosbed::bench {

// Adds the figures of the scaling rows that ran: "scaling", the slowest row's time per event over
// the fastest's, each row counted by its fastest repetition; and "scaling_from_medians", the same
// from each row's median.
void add_scaling_spread();

}  // namespace qosbed::bench
