// Plays scenario files for `qosbed run`, one emulator each, on up to N threads, and hands back
// each run's output in file order: what a run prints is kept with the run, so the output of a
// parallel run is byte for byte that of a serial one.
#pragma once

#include <csignal>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "report/reporter.hpp"
#include "runner/runner.hpp"

namespace qosbed::cli {

struct PlayOptions {
  std::string format;       // the trace on `out`: "", "json" or "text"
  bool keep_json = false;   // keep the JSON trace in ScenarioRun::json (golden traces)
  bool record = false;      // record the session as a scenario in ScenarioRun::recording
  bool on_winsock = false;  // play live on WinsockProvider (cli/winsock_run.hpp), not the emulator
  // Checked before each file and by the runner between steps: nonzero stops the run there.
  const volatile std::sig_atomic_t* interrupt = nullptr;
  // --fail-fast: once a run fails or is invalid, play_all's threads start no other.
  bool fail_fast = false;
  bool name_scenario = false;  // each JSON record on `out` says its file (several files)
  bool strict = false;         // --strict: see runner::RunOptions::strict
  bool capture = false;  // a network scenario's RSVP messages as pcapng, in ScenarioRun::capture
};

struct ScenarioRun {
  std::string out;        // the trace asked for, after a "# FILE (NAME)" line for text
  std::string err;        // diagnostics, failures and the FAILED line
  std::string json;       // the JSON Lines trace, when kept
  std::string recording;  // the session as a scenario (sim/record), when recorded
  std::string capture;    // the RSVP messages as a pcapng capture, when captured
  // Where the run stopped before its end: "FILE:LINE: stopped at step N of M, ..." or
  // "FILE: stopped before loading it".
  std::optional<std::string> stopped;
  report::ScenarioOutcome outcome;
};

// How many expectations a run checked and how many of them failed: what `run`, `report` and
// `explain` count, so that several messages of one expectation count as one failure.
report::ExpectationCount expectations_of(const runner::RunResult& result);

// With `live`, the trace goes there as it happens (ScenarioRun::out stays empty), so a run cut
// short still shows everything up to that point.
ScenarioRun play(const std::string& file, const PlayOptions& options, std::ostream* live = nullptr);

// What play_all does after handing over a run.
enum class Next {
  play_on,
  start_no_more,  // no run starts any more; those already started are still handed over
  stop,           // nothing more is handed over
};

// Plays every file with `jobs` threads and calls `done` with each run in file order, as soon as
// it and every run before it are over. With one job, runs play on this thread and their traces
// go to `live` as they happen. Returns how many runs were handed over: the files from there on
// were not played.
std::size_t play_all(const std::vector<std::string>& files, unsigned jobs,
                     const PlayOptions& options, std::ostream& live,
                     const std::function<Next(std::size_t index, ScenarioRun& run)>& done);

}  // namespace qosbed::cli
