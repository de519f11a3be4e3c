// For the Winsock tests that need a system without a QoS service provider (Wine; any Windows
// since Vista): whether this system has one, and the way out of a case that then has nothing to
// check. skip_case() ends the test program with the exit code CTest's SKIP_RETURN_CODE counts as
// skipped (tests/windows.cmake), so the case shows as skipped, not passed; it ends every case
// after it too, so such a case runs as a CTest test of its own (--run_test=CASE).
#pragma once

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "gqos/constants.hpp"
#include "provider/winsock_provider.hpp"

namespace qosbed::testing {

inline constexpr int skip_return_code = 77;

inline bool any_qos_entry(provider::WinsockProvider& winsock) {
  const auto entries = winsock.enum_protocols();
  return std::any_of(entries.begin(), entries.end(), [](const provider::ProtocolInfo& entry) {
    return (entry.service_flags1 & gqos::xp1_qos_supported) != 0;
  });
}

[[noreturn]] inline void skip_case(std::string_view why) {
  std::printf("skipped: %.*s\n", static_cast<int>(why.size()), why.data());
  std::fflush(stdout);
  std::_Exit(skip_return_code);
}

}  // namespace qosbed::testing
