// `qosbed run --provider winsock`: a scenario's application played live on the system's own RSVP
// SP through WinsockProvider and a wall clock (runner/live_run.hpp). Only Windows has ws2_32.
#pragma once

#include "runner/runner.hpp"
#include "scenario/scenario.hpp"

namespace qosbed::cli {

// Whether this build of qosbed has WinsockProvider: true on Windows.
bool winsock_available();

// Plays `scenario` live on WinsockProvider with `options`' trace, interrupt and recording.
// Only called when winsock_available().
runner::RunResult run_on_winsock(const scenario::Scenario& scenario,
                                 const runner::RunOptions& options);

}  // namespace qosbed::cli
