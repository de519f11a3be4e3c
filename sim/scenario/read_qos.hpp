// Readers for the GQoS structures a scenario writes out: FLOWSPECs, ADSPECs, the QoS an
// application requests, socket addresses and the ExtendedStatus pair. Internal to the loader.
#pragma once

#include <optional>

#include "gqos/codec.hpp"
#include "gqos/layout.hpp"
#include "provider/provider.hpp"
#include "scenario/flowspec_keys.hpp"
#include "scenario/reader.hpp"

namespace qosbed::scenario::detail {

// A FLOWSPEC map: only the fields written are set; marked at the map. What an expectation
// compares.
std::optional<FlowSpecFields> read_flowspec(Context& context, const Value& value);
// A FLOWSPEC that is passed or delivered (a QOS request, an indication, a network's Tspec and
// reservation): as above, and its service_type is required. Its ServiceType is what makes it a
// request at all (R10), and no default would be right: NOCHANGE silently asks for nothing, and
// QOS_NOT_SPECIFIED is no service type.
std::optional<FlowSpecFields> read_given_flowspec(Context& context, const Value& value);

// An `adspec:` map (RSVP_ADSPEC): only the fields written are set; marked at the map.
std::optional<AdspecFields> read_adspec_fields(Context& context, const Value& value);

std::optional<QosRequest> read_qos_request(Context& context, const Value& value);

// One item of an `objects:` list: a ProviderSpecific object, or nothing after reporting why.
std::optional<gqos::ProviderObject> read_object(Context& context, const Value& item);

std::optional<provider::Address> read_address(Context& context, const Value& value);

// `extended_status: [ExtendedStatus1, ExtendedStatus2]`, each a name or a number.
struct ExtendedStatus {
  Field<std::uint32_t> first;
  Field<std::uint32_t> second;
};
std::optional<ExtendedStatus> read_extended_status(Context& context, const Value& value);

}  // namespace qosbed::scenario::detail
