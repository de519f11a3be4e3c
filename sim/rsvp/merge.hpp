// Merging the flow descriptors of several reservation requests of one style (RFC 2205 section
// 2.2 and 3.4): WF to one unfiltered descriptor, SE to one with the union of the filters, FF to
// one per sender; each at the least upper bound of what it merges (lub, session.hpp).
#pragma once

#include <vector>

#include "rsvp/session.hpp"

namespace qosbed::rsvp {

// Appends the merged descriptors of `parts` to `merged`.
void merge_into(Style style, const std::vector<FlowDescriptor>& parts,
                std::vector<FlowDescriptor>& merged);
std::vector<FlowDescriptor> merge(Style style, const std::vector<FlowDescriptor>& parts);

// Whether blockade flowspec `qb` blockades a request `qi` (RFC 2205 section 3.5): `qb` is not
// strictly greater than `qi`, so `qi` is at least as large in some component. The components are
// the Tspec's (r, b, p, M larger, m smaller is larger), as lub merges them (session.hpp).
bool blockades_request(const gqos::FlowSpec& qb, const gqos::FlowSpec& qi);

}  // namespace qosbed::rsvp
