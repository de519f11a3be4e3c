// The network's `decisions:`: how the hosts' RSVP SPs choose where Microsoft's documentation is
// silent (D21-D25, D30 of docs/behaviour.md), each key optional.
#include "scenario/read_network.hpp"

namespace qosbed::scenario::detail {

NetDecisions read_network_decisions(Context& context, const Value& value) {
  NetDecisions decisions;
  auto map = map_of(context, value);
  if (!map) return decisions;
  map->allow_only(language::network_decisions().keys);
  const auto number = [&](std::string_view key, std::optional<std::uint32_t>& field) {
    if (const Entry* entry = map->find(key)) field = u32(context, entry->value);
  };
  const auto flag = [&](std::string_view key, std::optional<bool>& field) {
    if (const Entry* entry = map->find(key)) field = boolean(context, entry->value);
  };
  number("bucket_size", decisions.bucket_size);
  number("peak_rate", decisions.peak_rate);
  flag("explicit_teardown", decisions.explicit_teardown);
  flag("unsignalled_receiver_hears_path", decisions.unsignalled_receiver_hears_path);
  flag("told_on_join", decisions.told_on_join);
  number("best_effort_limit", decisions.best_effort_limit);
  return decisions;
}

}  // namespace qosbed::scenario::detail
