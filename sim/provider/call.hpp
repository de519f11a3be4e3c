// The Provider calls a script can make fail (`sp: fail call:`), by the names scenarios spell them.
#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace qosbed::provider {

enum class Call { bind, connect, set_qos, get_qos, close };

inline constexpr std::array<std::pair<Call, std::string_view>, 5> call_names{{
    {Call::bind, "bind"},
    {Call::connect, "connect"},
    {Call::set_qos, "set_qos"},
    {Call::get_qos, "get_qos"},
    {Call::close, "close"},
}};

constexpr std::optional<Call> call_from_name(std::string_view name) {
  for (const auto& [call, text] : call_names) {
    if (text == name) return call;
  }
  return std::nullopt;
}

constexpr std::string_view name_of(Call call) {
  for (const auto& [entry, text] : call_names) {
    if (entry == call) return text;
  }
  return "?";
}

}  // namespace qosbed::provider
