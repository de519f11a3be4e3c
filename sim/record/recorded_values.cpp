#include "record/recorded_values.hpp"

#include <algorithm>
#include <charconv>
#include <utility>

#include "gqos/codec.hpp"
#include "gqos/constants.hpp"
#include "scenario/flowspec_keys.hpp"

namespace qosbed::record::detail {

scenario::Step step_at(engine::TimeUs t_us, std::string socket, Action action) {
  scenario::Step step;
  step.at_us = t_us;
  step.socket = std::move(socket);
  step.action = std::move(action);
  return step;
}

bool is_unused(const gqos::FlowSpec& f) {
  return f == gqos::unspecified_flowspec(f.service_type) ||
         f == gqos::unspecified_flowspec(gqos::qos_not_specified);
}

std::optional<provider::Address> address_of(const std::string& text) {
  const std::size_t colon = text.rfind(':');
  if (colon == std::string::npos) return std::nullopt;
  std::uint16_t port = 0;
  const char* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data() + colon + 1, end, port);
  if (error != std::errc{} || stop != end) return std::nullopt;
  return provider::Address{text.substr(0, colon), port};
}

bool is_socket_id(std::string_view id) {
  return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
  });
}

std::optional<scenario::QosRequest> qos_request(const std::optional<engine::PassedQos>& passed) {
  if (!passed || !passed->sending || !passed->receiving) return std::nullopt;
  scenario::QosRequest request;
  request.sending = scenario::every_field(*passed->sending);
  request.receiving = scenario::every_field(*passed->receiving);
  bool reserve_spelt = false;
  for (const engine::PassedObject& object : passed->objects) {
    if (object.reserve_info && object.body.empty()) {
      // A whole RSVP_RESERVE_INFO without descriptors: what `style` and `confirm` send, and
      // the same object again for any after the first.
      const std::uint32_t style = object.reserve_info->style;
      const bool confirm = object.reserve_info->confirm_request != 0;
      if (reserve_spelt) {
        request.objects.push_back(gqos::make_reserve_info(style, confirm));
      } else {
        request.style = style;
        request.confirm = confirm;
        reserve_spelt = true;
      }
    } else if (object.shape_discard_mode) {
      request.objects.push_back(gqos::make_sd_mode(*object.shape_discard_mode));
    } else if (object.shaping_rate) {
      request.objects.push_back(gqos::make_shaping_rate(*object.shaping_rate));
    } else if (!object.destination) {  // QOS_DESTADDR is set_qos's `destination`
      gqos::ProviderObject raw{object.type, object.body, std::nullopt};
      if (object.length != raw.encoded_size()) raw.declared_length = object.length;
      request.objects.push_back(std::move(raw));
    }
  }
  return request;
}

std::optional<provider::Address> destination_of(const std::optional<engine::PassedQos>& passed) {
  if (!passed) return std::nullopt;
  for (const engine::PassedObject& object : passed->objects) {
    if (object.destination) return address_of(*object.destination);
  }
  return std::nullopt;
}

scenario::Expectation completion_result(std::uint32_t error, std::uint32_t bytes) {
  scenario::ExpectCompletion completion;
  completion.error = field(error);
  completion.bytes = field(bytes);
  return completion;
}

}  // namespace qosbed::record::detail
