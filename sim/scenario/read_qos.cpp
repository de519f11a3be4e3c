#include "scenario/read_qos.hpp"

#include <charconv>

#include "gqos/codec.hpp"
#include "gqos/constants.hpp"
#include "scenario/flowspec_keys.hpp"
#include "scenario/messages.hpp"

namespace qosbed::scenario::detail {
namespace {

// A dotted IPv4 octet: 1 to 3 digits, at most 255.
bool read_octet(std::string_view text, std::size_t& at) {
  unsigned value = 0;
  const char* begin = text.data() + at;
  auto [end, ec] = std::from_chars(begin, text.data() + text.size(), value);
  const auto length = static_cast<std::size_t>(end - begin);
  if (ec != std::errc{} || length == 0 || length > 3 || value > 255) return false;
  at += length;
  return true;
}

std::optional<provider::Address> parse_address(std::string_view text) {
  std::size_t at = 0;
  for (int octet = 0; octet < 4; ++octet) {
    if (octet > 0) {
      if (at >= text.size() || text[at] != '.') return std::nullopt;
      ++at;
    }
    if (!read_octet(text, at)) return std::nullopt;
  }
  const std::size_t colon = at;
  if (at >= text.size() || text[at] != ':') return std::nullopt;
  unsigned port = 0;
  const char* begin = text.data() + at + 1;
  const char* end = text.data() + text.size();
  auto [stop, ec] = std::from_chars(begin, end, port);
  if (ec != std::errc{} || stop != end || begin == end || port > 65535) return std::nullopt;
  return provider::Address{std::string(text.substr(0, colon)), static_cast<std::uint16_t>(port)};
}

}  // namespace

std::optional<FlowSpecFields> read_flowspec(Context& context, const Value& value) {
  auto map = map_of(context, value);
  if (!map) return std::nullopt;
  map->allow_only(language::flowspec().keys);
  FlowSpecFields fields;
  fields.mark = value.mark;
  for (const FlowSpecKey& key : flowspec_keys) {
    const Entry* entry = map->find(key.key);
    if (!entry) continue;
    fields.*key.written = key.written == &FlowSpecFields::service_type
                              ? named(context, entry->value, gqos::NameGroup::service_type)
                              : u32_or_unspecified(context, entry->value);
  }
  return fields;
}

std::optional<FlowSpecFields> read_given_flowspec(Context& context, const Value& value) {
  auto fields = read_flowspec(context, value);
  // A service_type written but wrong has had its own error.
  const YAML::Node& node = value.node;
  if (fields && !fields->service_type && !node["service_type"]) {
    context.error(value.mark, msg::flowspec_needs_service_type(value.name));
    return std::nullopt;
  }
  return fields;
}

std::optional<AdspecFields> read_adspec_fields(Context& context, const Value& value) {
  auto map = map_of(context, value);
  if (!map) return std::nullopt;
  map->allow_only(language::adspec().keys);
  AdspecFields fields;
  fields.mark = value.mark;
  auto read = [&context](const MapView& in, std::string_view key,
                         std::optional<std::uint32_t>& field) {
    if (const Entry* entry = in.find(key)) field = u32_or_unspecified(context, entry->value);
  };
  read(*map, "hop_count", fields.hop_count);
  read(*map, "path_bandwidth", fields.path_bandwidth);
  read(*map, "minimum_latency", fields.minimum_latency);
  read(*map, "path_mtu", fields.path_mtu);
  if (const Entry* entry = map->find("break_bit"))
    fields.break_bit = boolean(context, entry->value);
  if (const Entry* entry = map->find("guaranteed")) {
    if (auto guaranteed = map_of(context, entry->value)) {
      guaranteed->allow_only(language::guaranteed().keys);
      fields.guaranteed = true;
      read(*guaranteed, "c_total", fields.c_total);
      read(*guaranteed, "d_total", fields.d_total);
      read(*guaranteed, "c_sum", fields.c_sum);
      read(*guaranteed, "d_sum", fields.d_sum);
    }
  }
  return fields;
}

std::optional<QosRequest> read_qos_request(Context& context, const Value& value) {
  auto map = map_of(context, value);
  if (!map) return std::nullopt;
  map->allow_only(language::qos().keys);
  QosRequest request;
  request.mark = value.mark;
  if (const Entry* entry = map->find("sending")) {
    request.sending = read_given_flowspec(context, entry->value);
  }
  if (const Entry* entry = map->find("receiving")) {
    request.receiving = read_given_flowspec(context, entry->value);
  }
  if (const Entry* entry = map->find("style")) {
    request.style = named(context, entry->value, gqos::NameGroup::rsvp_style);
  }
  if (const Entry* entry = map->find("confirm")) {
    request.confirm = boolean(context, entry->value).value_or(false);
  }
  if (const Entry* entry = map->find("objects")) {
    if (auto items = list_of(context, entry->value, "a list of objects")) {
      for (const Value& item : *items) {
        if (auto object = read_object(context, item)) request.objects.push_back(*object);
      }
    }
  }
  return request;
}

std::optional<provider::Address> read_address(Context& context, const Value& value) {
  auto written = text(context, value, "an IPv4 address and port such as 10.0.0.2:5000");
  if (!written) return std::nullopt;
  auto address = parse_address(*written);
  if (!address) context.error(value.mark, msg::bad_address(value.name, *written));
  return address;
}

std::optional<ExtendedStatus> read_extended_status(Context& context, const Value& value) {
  constexpr std::string_view expectation =
      "a list of two values [ExtendedStatus1, ExtendedStatus2]";
  auto items = list_of(context, value, expectation);
  if (!items) return std::nullopt;
  if (items->size() != 2) {
    context.error(value.mark, msg::must_be(value.name, expectation,
                                           "a list of " + std::to_string(items->size()) +
                                               (items->size() == 1 ? " value" : " values")));
    return std::nullopt;
  }
  auto first = named(context, (*items)[0], gqos::NameGroup::extended_status);
  auto second = named(context, (*items)[1], gqos::NameGroup::extended_status);
  if (!first || !second) return std::nullopt;
  return ExtendedStatus{{*first, (*items)[0].mark}, {*second, (*items)[1].mark}};
}

}  // namespace qosbed::scenario::detail
