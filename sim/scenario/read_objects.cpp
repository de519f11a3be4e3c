// ProviderSpecific objects as a scenario writes them (`objects:` of `sp: fd_qos` and of a QOS
// request): adspec, sd_mode, shaping_rate, raw and end_of_list.
#include <cctype>

#include "gqos/codec.hpp"
#include "gqos/constants.hpp"
#include "scenario/limits.hpp"
#include "scenario/messages.hpp"
#include "scenario/read_qos.hpp"
#include "scenario/suggest.hpp"

namespace qosbed::scenario::detail {
namespace {

// The object kinds, as messages list them: each map's key, then end_of_list.
std::vector<std::string_view> object_kinds() {
  std::vector<std::string_view> kinds;
  for (const language::Key& key : language::object_kinds().keys) kinds.push_back(key.name);
  kinds.push_back(language::end_of_list);
  return kinds;
}

gqos::ProviderObject read_adspec(Context& context, const Value& value) {
  gqos::Adspec adspec;
  const auto fields = read_adspec_fields(context, value);
  if (!fields) return gqos::make_adspec(adspec);
  const auto field = [](const std::optional<std::uint32_t>& written) {
    return written.value_or(gqos::qos_not_specified);
  };
  gqos::AdGeneralParams& general = adspec.general_params;
  general.intserv_aware_hop_count = field(fields->hop_count);
  general.path_bandwidth_estimate = field(fields->path_bandwidth);
  general.minimum_latency = field(fields->minimum_latency);
  general.path_mtu = field(fields->path_mtu);
  general.flags = fields->break_bit.value_or(false) ? gqos::ad_flag_break_bit : 0;
  if (fields->guaranteed) {
    // One guaranteed-service entry; its overrides say "nothing overridden".
    gqos::ControlService service{};
    service.service = gqos::service_type::guaranteed;
    service.overrides = {gqos::qos_not_specified, gqos::qos_not_specified, gqos::qos_not_specified,
                         gqos::qos_not_specified, 0};
    service.guaranteed = {field(fields->c_total), field(fields->d_total), field(fields->c_sum),
                          field(fields->d_sum)};
    adspec.services.push_back(service);
  }
  return gqos::make_adspec(adspec);
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// Hex digit pairs; spaces between bytes are allowed for readability.
std::optional<std::vector<std::byte>> read_hex(Context& context, const Value& value) {
  auto written = text(context, value, "pairs of hex digits");
  if (!written) return std::nullopt;
  std::vector<std::byte> bytes;
  int high = -1;
  for (char c : *written) {
    if (c == ' ' && high < 0) continue;
    const int digit = hex_digit(c);
    if (digit < 0 || bytes.size() >= limits::max_raw_body_bytes) {
      context.error(value.mark, msg::bad_hex(*written));
      return std::nullopt;
    }
    if (high < 0) {
      high = digit;
    } else {
      bytes.push_back(static_cast<std::byte>(high * 16 + digit));
      high = -1;
    }
  }
  if (high >= 0) {
    context.error(value.mark, msg::bad_hex(*written));
    return std::nullopt;
  }
  return bytes;
}

gqos::ProviderObject read_raw(Context& context, const Value& value) {
  gqos::ProviderObject object;
  auto map = map_of(context, value);
  if (!map) return object;
  map->allow_only(language::raw().keys);
  if (const Entry* entry = map->require("type")) {
    object.type = named(context, entry->value, gqos::NameGroup::object_type).value_or(0);
  }
  if (const Entry* entry = map->find("length")) object.declared_length = u32(context, entry->value);
  if (const Entry* entry = map->find("hex")) {
    object.body = read_hex(context, entry->value).value_or(std::vector<std::byte>{});
  }
  return object;
}

}  // namespace

std::optional<gqos::ProviderObject> read_object(Context& context, const Value& item) {
  if (item.node.IsScalar() && item.node.Scalar() == language::end_of_list) {
    return gqos::make_end_of_list();
  }
  if (!item.node.IsMap() || item.node.size() != 1) {
    if (item.node.IsScalar()) {
      const auto kinds = object_kinds();
      context.error(item.mark, msg::unknown("object", item.node.Scalar(),
                                            closest(item.node.Scalar(), kinds), kinds));
    } else {
      context.error(item.mark, msg::object_item_shape());
    }
    return std::nullopt;
  }
  MapView map(context, item.node);
  if (map.entries().empty()) return std::nullopt;
  const Entry& entry = map.entries().front();
  if (entry.key == "adspec") return read_adspec(context, entry.value);
  if (entry.key == "raw") return read_raw(context, entry.value);
  if (entry.key == "sd_mode") {
    auto mode = named(context, entry.value, gqos::NameGroup::sd_mode);
    if (mode) return gqos::make_sd_mode(*mode);
    return std::nullopt;
  }
  if (entry.key == "shaping_rate") {
    auto rate = u32(context, entry.value);
    if (rate) return gqos::make_shaping_rate(*rate);
    return std::nullopt;
  }
  const auto kinds = object_kinds();
  context.error(entry.key_mark,
                msg::unknown("object", entry.key, closest(entry.key, kinds), kinds));
  return std::nullopt;
}

}  // namespace qosbed::scenario::detail
