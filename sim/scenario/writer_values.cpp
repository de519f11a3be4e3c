// How the writer spells values: durations, FLOWSPEC fields, FLOWSPECs and ProviderSpecific
// objects (writer.hpp).
#include <algorithm>
#include <cstdio>
#include <iterator>
#include <optional>

#include "gqos/constants.hpp"
#include "gqos/names.hpp"
#include "scenario/flowspec_keys.hpp"
#include "scenario/writer.hpp"

namespace qosbed::scenario {
namespace {

// A person reads a FLOWSPEC's service first, then its token bucket and the rest in the SDK's
// order: each function below calls `write` in that order.
template <typename Write>
void in_reading_order(Write write) {
  const auto service =
      std::find_if(std::begin(flowspec_keys), std::end(flowspec_keys),
                   [](const FlowSpecKey& key) { return key.key == "service_type"; });
  write(*service);
  for (const FlowSpecKey& key : flowspec_keys) {
    if (&key != service) write(key);
  }
}

std::string value_text(std::string_view key, std::uint32_t value) {
  if (key == "service_type") return gqos::name_or_number(gqos::NameGroup::service_type, value);
  return field_text(value);
}

// "{ a: 1, b: 2 }", or "{}".
std::string flow_map(const std::vector<std::string>& entries) {
  if (entries.empty()) return "{}";
  std::string text = "{ ";
  for (std::size_t i = 0; i < entries.size(); ++i) text += (i > 0 ? ", " : "") + entries[i];
  return text + " }";
}

// Byte pairs with a space between bytes, as the reader takes them and a person edits them.
std::string hex_text(std::span<const std::byte> bytes) {
  std::string text;
  char pair[3];
  for (const std::byte byte : bytes) {
    std::snprintf(pair, sizeof pair, "%02x", std::to_integer<unsigned>(byte));
    if (!text.empty()) text += ' ';
    text += pair;
  }
  return text;
}

// An ADSPEC as the language's `adspec:` map, when reading that map makes the same bytes: the
// reader builds at most one guaranteed-service entry, which overrides nothing.
std::optional<std::string> adspec_text(const gqos::ProviderObject& object) {
  if (object.type != gqos::object_type::adspec || object.declared_length) return std::nullopt;
  const gqos::DecodedObject decoded{object.type, object.encoded_size(), 0, object.body};
  const auto adspec = gqos::read_adspec(decoded);
  if (!adspec || adspec->services.size() > 1) return std::nullopt;
  const gqos::AdGeneralParams& general = adspec->general_params;
  gqos::Adspec as_read;
  as_read.general_params = general;
  as_read.general_params.flags = general.flags == gqos::ad_flag_break_bit ? general.flags : 0;
  std::vector<std::string> entries = {
      "hop_count: " + field_text(general.intserv_aware_hop_count),
      "path_bandwidth: " + field_text(general.path_bandwidth_estimate),
      "minimum_latency: " + field_text(general.minimum_latency),
      "path_mtu: " + field_text(general.path_mtu),
      std::string("break_bit: ") + (general.flags == gqos::ad_flag_break_bit ? "true" : "false")};
  if (!adspec->services.empty()) {
    const gqos::AdGuaranteed& g = adspec->services.front().guaranteed;
    gqos::ControlService service{};
    service.service = gqos::service_type::guaranteed;
    service.overrides = {gqos::qos_not_specified, gqos::qos_not_specified, gqos::qos_not_specified,
                         gqos::qos_not_specified, 0};
    service.guaranteed = g;
    as_read.services.push_back(service);
    entries.push_back(
        "guaranteed: " +
        flow_map({"c_total: " + field_text(g.c_total), "d_total: " + field_text(g.d_total),
                  "c_sum: " + field_text(g.c_sum), "d_sum: " + field_text(g.d_sum)}));
  }
  if (gqos::make_adspec(as_read) != object) return std::nullopt;
  return flow_map({"adspec: " + flow_map(entries)});
}

// QOS_SD_MODE and QOS_SHAPING_RATE: one value each.
std::optional<std::string> one_value_text(const gqos::ProviderObject& object) {
  if (object.declared_length || object.body.size() != 4) return std::nullopt;
  const std::uint32_t value = gqos::load_u32(object.body, 0);
  if (object.type == gqos::object_type::sd_mode && gqos::make_sd_mode(value) == object) {
    return flow_map({"sd_mode: " + gqos::name_or_number(gqos::NameGroup::sd_mode, value)});
  }
  if (object.type == gqos::object_type::shaping_rate && gqos::make_shaping_rate(value) == object) {
    return flow_map({"shaping_rate: " + std::to_string(value)});
  }
  return std::nullopt;
}

}  // namespace

std::string duration_text(std::int64_t us) {
  if (us != 0 && us % 1'000'000 == 0) return std::to_string(us / 1'000'000) + "s";
  if (us != 0 && us % 1'000 == 0) return std::to_string(us / 1'000) + "ms";
  return std::to_string(us) + "us";
}

std::string field_text(std::uint32_t value) {
  return value == gqos::qos_not_specified ? "not_specified" : std::to_string(value);
}

std::string flowspec_text(const gqos::FlowSpec& flowspec) {
  return flowspec_text(every_field(flowspec));
}

std::string flowspec_text(const FlowSpecFields& fields) {
  std::vector<std::string> entries;
  in_reading_order([&](const FlowSpecKey& key) {
    if (const auto& value = fields.*key.written) {
      entries.push_back(std::string(key.key) + ": " + value_text(key.key, *value));
    }
  });
  return flow_map(entries);
}

std::string object_text(const gqos::ProviderObject& object) {
  if (object == gqos::make_end_of_list()) return "end_of_list";
  if (auto text = adspec_text(object)) return *text;
  if (auto text = one_value_text(object)) return *text;
  std::vector<std::string> entries = {
      "type: " + gqos::name_or_number(gqos::NameGroup::object_type, object.type)};
  if (object.declared_length)
    entries.push_back("length: " + std::to_string(*object.declared_length));
  if (!object.body.empty()) entries.push_back("hex: \"" + hex_text(object.body) + "\"");
  return flow_map({"raw: " + flow_map(entries)});
}

std::string objects_text(const std::vector<gqos::ProviderObject>& objects) {
  std::string text;
  for (const gqos::ProviderObject& object : objects) {
    text += (text.empty() ? "" : ", ") + object_text(object);
  }
  return "[" + text + "]";
}

}  // namespace qosbed::scenario
