// Plays a scenario: opens its sockets on the emulator, schedules the provider's `sp:` steps on the
// virtual clock, performs the application's `app:` steps in order as the application thread
// would, and checks each `expect:` step against the trace at its place in the timeline.
#pragma once

#include <csignal>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "engine/trace.hpp"
#include "gqos/indication.hpp"
#include "scenario/scenario.hpp"

namespace qosbed::runner {

// One expectation that did not hold, or a step that could not be played.
struct Failure {
  scenario::Mark mark;
  std::string message;  // "expected completion error WSAENOBUFS vs actual 0 (...)"
};

// "FILE:LINE: message"; "FILE: message" for one about the whole file (line 0).
std::string format(const Failure& failure);
// "FILE: warning: message", for RunResult::warnings.
std::string format_warning(const Failure& failure);

// Where a run that did not reach its end stopped, and why.
struct Stop {
  std::size_t step = 0;  // 1-based, in file order: the step the run was about to play or playing
  scenario::Mark mark;   // that step's mark (the file alone once past the last step)
  engine::TimeUs t_us = 0;
  std::string reason;  // "interrupted", or the internal error that ended it
};

// "FILE:LINE: stopped at step N of M, t=T us: REASON"
std::string format(const Stop& stop, std::size_t step_count);

// One `expect:` step as played, for reports that list what held as well as what did not.
struct CheckedExpectation {
  std::size_t step = 0;           // its index in Scenario::steps
  std::vector<Failure> failures;  // also in RunResult::failures; empty when it held
};

struct RunResult {
  std::vector<Failure> failures;
  std::vector<CheckedExpectation> expectations;  // in the order they were checked
  engine::TimeUs end_us = 0;
  std::size_t expectations_checked = 0;
  std::optional<Stop> stopped;  // set when the run ended early; the trace so far is complete
  // What is worth saying but fails nothing ("no expectation"), unless RunOptions::strict.
  std::vector<Failure> warnings;

  bool passed() const { return failures.empty() && !stopped; }
};

class NetworkRun;

struct RunOptions {
  engine::TraceSink* trace = nullptr;  // also receives every record as it happens
  // Checked between steps and between provider events (a signal handler may set it): when it
  // becomes nonzero the run stops there, as cleanly as at its end, with `stopped` set.
  const volatile std::sig_atomic_t* interrupt = nullptr;
  // When set, the session's trace is also recorded (sim/record) and written here as a scenario
  // named `recording_name`.
  std::string* recording = nullptr;
  std::string recording_name = "recorded";
  // When set, a network scenario's RSVP messages are also written here as a pcapng capture
  // (runner/message_capture.hpp); a scenario without `network:` writes nothing.
  std::ostream* capture = nullptr;
  // A network scenario's `sent` RSVP records also list the message's objects as Wireshark sums
  // them up (engine::RsvpRecord::objects).
  bool rsvp_objects = false;
  // A scenario that checks nothing fails instead of warning, and so does each `sp: fd_qos` step
  // the application never observed (runner/observed.hpp says what observed means).
  bool strict = false;
  // A network scenario: told each indication a host's SP gives a socket, when it gives it, with
  // the step last played at that same time (none when the time has none before it).
  std::function<void(engine::TimeUs t_us, const std::string& socket, const gqos::Indication&,
                     std::optional<std::size_t> after_step)>
      on_sp_indication{};
  // A network scenario: shown the network once it has stopped at its end, its state kept.
  std::function<void(const NetworkRun&)> on_network_end{};
};

RunResult run(const scenario::Scenario& scenario, const RunOptions& options = {});

// When a network scenario's network stops at the latest, its soft state halted: its `end`, or
// the last time a step plays at or waits for (`expect: nothing` until), if later.
engine::TimeUs network_stop_us(const scenario::Scenario& scenario);

}  // namespace qosbed::runner
