// Plays a scenario: opens its sockets on the emulator, schedules the provider's `sp:` steps on the
// virtual clock, performs the application's `app:` steps in order as the application thread
// would, and checks each `expect:` step against the trace at its place in the timeline.
#pragma once

#include <string>
#include <vector>

#include "engine/trace.hpp"
#include "scenario/scenario.hpp"

namespace qosbed::runner {

// One expectation that did not hold, or a step that could not be played.
struct Failure {
  scenario::Mark mark;
  std::string message;  // "expected completion error WSAENOBUFS vs actual 0 (...)"
};

// "FILE:LINE: message"
std::string format(const Failure& failure);

struct RunResult {
  std::vector<Failure> failures;
  engine::TimeUs end_us = 0;
  std::size_t expectations_checked = 0;

  bool passed() const { return failures.empty(); }
};

struct RunOptions {
  engine::TraceSink* trace = nullptr;  // also receives every record as it happens
};

RunResult run(const scenario::Scenario& scenario, const RunOptions& options = {});

}  // namespace qosbed::runner
