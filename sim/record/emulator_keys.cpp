#include "record/emulator_keys.hpp"

#include <string>

#include "gqos/names.hpp"
#include "gqos/scenario_text.hpp"

namespace qosbed::record {

std::string emulator_keys(const provider_stub::EmulatorOptions& options) {
  std::string out = "profile: " + std::string(provider_stub::name_of(options.profile)) + "\n";
  if (options.pending_policy != provider_stub::PendingPolicy::queue)
    out += "pending: " + std::string(provider_stub::name_of(options.pending_policy)) + "\n";
  if (options.admission_limit)
    out += "admission_limit: " + std::to_string(*options.admission_limit) + "\n";
  const provider_stub::Decisions& d = options.decisions;
  const provider_stub::Decisions defaults;
  std::string decisions;
  const auto error = [&](const char* key, std::uint32_t value, std::uint32_t default_value) {
    if (value != default_value)
      decisions += "  " + std::string(key) + ": " +
                   gqos::name_or_number(gqos::NameGroup::error, value) + "\n";
  };
  error("sender_not_connected", d.sender_not_connected, defaults.sender_not_connected);
  error("receiver_not_bound", d.receiver_not_bound, defaults.receiver_not_bound);
  error("short_buffer", d.short_buffer, defaults.short_buffer);
  if (d.enobufs_keeps_indication != defaults.enobufs_keeps_indication)
    decisions += std::string("  enobufs_keeps_indication: ") +
                 (d.enobufs_keeps_indication ? "true" : "false") + "\n";
  error("nothing_queued", d.nothing_queued, defaults.nothing_queued);
  if (d.unused_flowspec_fields != defaults.unused_flowspec_fields)
    decisions +=
        "  unused_flowspec_fields: " + gqos::scenario_field(d.unused_flowspec_fields) + "\n";
  if (!decisions.empty()) out += "decisions:\n" + decisions;
  return out;
}

}  // namespace qosbed::record
