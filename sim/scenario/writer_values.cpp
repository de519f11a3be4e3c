// How the writer spells values: durations, FLOWSPEC fields, FLOWSPECs and ProviderSpecific
// objects (writer.hpp).
#include <cstdio>
#include <optional>

#include "gqos/constants.hpp"
#include "gqos/names.hpp"
#include "scenario/writer.hpp"

namespace qosbed::scenario {
namespace {

using FieldPointer = std::optional<std::uint32_t> FlowSpecFields::*;

struct FlowSpecKey {
  std::string_view key;
  FieldPointer fields;
  std::uint32_t gqos::FlowSpec::*flowspec;
};

// In the order a person reads a FLOWSPEC: what service, then its token bucket.
constexpr FlowSpecKey flowspec_keys[] = {
    {"service_type", &FlowSpecFields::service_type, &gqos::FlowSpec::service_type},
    {"token_rate", &FlowSpecFields::token_rate, &gqos::FlowSpec::token_rate},
    {"token_bucket_size", &FlowSpecFields::token_bucket_size, &gqos::FlowSpec::token_bucket_size},
    {"peak_bandwidth", &FlowSpecFields::peak_bandwidth, &gqos::FlowSpec::peak_bandwidth},
    {"latency", &FlowSpecFields::latency, &gqos::FlowSpec::latency},
    {"delay_variation", &FlowSpecFields::delay_variation, &gqos::FlowSpec::delay_variation},
    {"max_sdu_size", &FlowSpecFields::max_sdu_size, &gqos::FlowSpec::max_sdu_size},
    {"minimum_policed_size", &FlowSpecFields::minimum_policed_size,
     &gqos::FlowSpec::minimum_policed_size},
};

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
  std::vector<std::string> entries;
  for (const FlowSpecKey& key : flowspec_keys) {
    entries.push_back(std::string(key.key) + ": " + value_text(key.key, flowspec.*key.flowspec));
  }
  return flow_map(entries);
}

std::string flowspec_text(const FlowSpecFields& fields) {
  std::vector<std::string> entries;
  for (const FlowSpecKey& key : flowspec_keys) {
    if (const auto& value = fields.*key.fields) {
      entries.push_back(std::string(key.key) + ": " + value_text(key.key, *value));
    }
  }
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

}  // namespace qosbed::scenario
