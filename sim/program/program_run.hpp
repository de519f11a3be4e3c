// `qosbed run SCENARIO.yaml -- PROGRAM [ARGS...]`: plays a scenario against a user's own
// program instead of its `app:` steps; `--program HOST=COMMAND`, one program per host of a
// network scenario. A program runs as a child process linked with qosbed_win32, or as a Windows
// program under Wine with qosbed's ws2_32.dll; its calls reach the scenario's emulated provider
// (and network) through a Session, in virtual time (turns.hpp); the scenario's `sp:` and `net:`
// steps play on the same clock; every expectation is checked once virtual time has passed it,
// and the rest when the programs are done.
#pragma once

#include <chrono>
#include <csignal>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "engine/trace.hpp"
#include "runner/runner.hpp"
#include "scenario/scenario.hpp"

namespace qosbed::program {

// One program to run: PROGRAM ARGS..., on the network host `host`, whose scenario sockets it
// takes over; with no host, the run's only program, on every host.
struct ProgramSpec {
  std::string host;
  std::vector<std::string> command;
};

struct ProgramRunOptions {
  std::vector<ProgramSpec> programs;
  engine::TraceSink* trace = nullptr;
  // Called before the program is let run on: flushes the output `trace` shares with it.
  std::function<void()> before_program_runs;
  std::chrono::milliseconds timeout{60'000};  // wall clock, for the whole run
  std::string wine_prefix;  // for PROGRAM.exe: the Wine prefix to run in; empty, a fresh one
  const volatile std::sig_atomic_t* interrupt = nullptr;
  // When set, the session's trace is also recorded (sim/record) and written here as a scenario
  // named `recording_name`: the program's calls as `app:` steps, so the recording replays
  // without it.
  std::string* recording = nullptr;
  std::string recording_name = "recorded";
};

struct ProgramRunResult {
  runner::RunResult run;  // the expectations, as for a scripted run
  // Why a program failed, when one did: it exited non-zero or was killed, called something
  // qosbed does not model, broke the channel, waited with nothing left to happen, or ran out of
  // wall time. With one program per host each failure names its host.
  std::optional<std::string> program_failure;
  // A program could not be started at all (a missing file): bad input.
  std::optional<std::string> start_error;
  // Worth knowing, not a failure: "the program exited at t=..., before the scenario's last step".
  std::vector<std::string> notes;
  bool interrupted = false;

  bool passed() const { return run.passed() && !program_failure && !start_error && !interrupted; }
};

ProgramRunResult run_program(const scenario::Scenario& scenario, const ProgramRunOptions& options);

}  // namespace qosbed::program
