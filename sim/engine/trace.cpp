#include "engine/trace.hpp"

#include "gqos/constants.hpp"
#include "gqos/names.hpp"

namespace qosbed::engine {

std::string_view name_of(CompletionSource source) {
  switch (source) {
    case CompletionSource::routine:
      return "routine";
    case CompletionSource::get_overlapped_result:
      return "get_overlapped_result";
  }
  return "?";
}

std::optional<std::string_view> wait_result_name(std::string_view call, std::uint32_t result) {
  if (call == "sleep_ex" && result == 0) return std::nullopt;
  return gqos::name_of(gqos::NameGroup::wait_result, result);
}

std::string wait_result_text(std::string_view call, std::uint32_t result) {
  if (const auto name = wait_result_name(call, result)) return std::string(*name);
  if (call == "sleep_ex" && result == 0) return "0 (timed out)";
  if (call == "wait_for_events" && result < gqos::wsa::maximum_wait_events) {
    return "WSA_WAIT_EVENT_0 + " + std::to_string(result);
  }
  return std::to_string(result);
}

}  // namespace qosbed::engine
