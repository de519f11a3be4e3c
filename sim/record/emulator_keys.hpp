// The emulator's options as a scenario's top-level keys, for a recording made over the emulator.
#pragma once

#include <string>

#include "provider_stub/emulator_options.hpp"

namespace qosbed::record {

// `profile:` always; `pending:`, `admission_limit:` and `decisions:` (each decision that differs
// from qosbed's) only where they differ from the defaults; one key a line, each ending in "\n".
std::string emulator_keys(const provider_stub::EmulatorOptions& options);

}  // namespace qosbed::record
