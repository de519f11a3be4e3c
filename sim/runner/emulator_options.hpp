// The emulator a scenario asks for: its `profile:`, `pending:`, `decisions:` and
// `admission_limit:` as the emulator's options, with the decisions of docs/behaviour.md where the
// scenario chooses none.
#pragma once

#include "provider_stub/emulator_options.hpp"
#include "scenario/sp_options.hpp"

namespace qosbed::runner {

provider_stub::EmulatorOptions emulator_options(const scenario::SpOptions& sp);

}  // namespace qosbed::runner
