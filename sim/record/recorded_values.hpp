// The scenario values a recording writes, made from what the trace holds: steps, compared fields,
// FLOWSPECs with every field, addresses and QOS requests. Internal to sim/record.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "engine/trace.hpp"
#include "scenario/scenario.hpp"

namespace qosbed::record::detail {

using Action = decltype(scenario::Step::action);

scenario::Step step_at(engine::TimeUs t_us, std::string socket, Action action);

template <typename T>
std::optional<scenario::Field<T>> field(T value) {
  return scenario::Field<T>{value, {}};
}

// Whether a FLOWSPEC says nothing: every field QOS_NOT_SPECIFIED but perhaps its service type.
bool is_unused(const gqos::FlowSpec& flowspec);

// "10.0.0.2:5000", as the trace writes an address.
std::optional<provider::Address> address_of(const std::string& text);

// The ids the scenario language takes: letters, digits, '_' and '-'.
bool is_socket_id(std::string_view id);

// The QOS an application passed as a `qos:` request; none for fewer bytes than a QOS. Of the
// ProviderSpecific objects only RSVP_RESERVE_INFO has a scenario spelling.
std::optional<scenario::QosRequest> qos_request(const std::optional<engine::PassedQos>& passed);
// The address of the first QOS_DESTADDR the QOS passed (set_qos's `destination`), if any.
std::optional<provider::Address> destination_of(const std::optional<engine::PassedQos>& passed);

// `expect: completion` with the error and bytes alone: a result the application read again.
scenario::Expectation completion_result(std::uint32_t error, std::uint32_t bytes);

}  // namespace qosbed::record::detail
