// Plays a scenario's application against a provider that makes its own events (real Winsock
// over the system's RSVP SP) instead of the emulator. Each `app:` step runs when the provider's
// clock reaches its time, the application thread waiting in between through the provider (in an
// alertable wait while a Monitor runs, so completion routines run as they would). `sp:` and
// `net:` steps and expectations are not played: nothing here can make a real provider do them,
// and what it does instead is the point of a live session. The session is traced and, when
// asked, recorded as a scenario that replays anywhere on the emulator.
#pragma once

#include <csignal>
#include <string>

#include "engine/clock.hpp"
#include "engine/trace.hpp"
#include "provider/provider.hpp"
#include "runner/runner.hpp"
#include "scenario/scenario.hpp"

namespace qosbed::runner {

struct LiveRunOptions {
  engine::TraceSink* trace = nullptr;
  // As RunOptions::interrupt; checked between steps and at least every `wait_slice_ms` of waiting.
  const volatile std::sig_atomic_t* interrupt = nullptr;
  // When set, the session's trace is also recorded (sim/record) and written here as a scenario
  // named `recording_name`.
  std::string* recording = nullptr;
  std::string recording_name = "recorded";
};

// The longest single wait the runner makes between steps, so an interrupt is seen promptly.
inline constexpr std::uint32_t wait_slice_ms = 100;

// Steps a live run does not play, for telling the user what the session left out.
struct LiveSkips {
  std::size_t provider_steps = 0;  // `sp:` and `net:`
  std::size_t expectations = 0;
};
LiveSkips live_skips(const scenario::Scenario& scenario);

// Runs the application's steps, then waits until the clock reaches the scenario's last step.
// `clock` is the provider's time: a WallClock over Winsock. A socket the provider will not open
// ends the run there, with `stopped` saying which and why (no-qos-provider on every Windows since
// Vista). RunResult::failures holds the steps that could not be played.
RunResult run_live(const scenario::Scenario& scenario, provider::Provider& provider,
                   const engine::Clock& clock, const LiveRunOptions& options = {});

}  // namespace qosbed::runner
