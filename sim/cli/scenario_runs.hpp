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

namespace qosbed::cli {

struct PlayOptions {
  std::string format;       // the trace on `out`: "", "json" or "text"
  bool keep_json = false;   // keep the JSON trace in ScenarioRun::json (golden traces)
  bool record = false;      // record the session as a scenario in ScenarioRun::recording
  bool on_winsock = false;  // play live on WinsockProvider (cli/winsock_run.hpp), not the emulator
  // Checked before each file and by the runner between steps: nonzero stops the run there.
  const volatile std::sig_atomic_t* interrupt = nullptr;
  bool name_scenario = false;  // each JSON record on `out` says its file (several files)
  bool strict = false;         // --strict: see runner::RunOptions::strict
};

struct ScenarioRun {
  std::string out;        // the trace asked for, after a "# FILE (NAME)" line for text
  std::string err;        // diagnostics, failures and the FAILED line
  std::string json;       // the JSON Lines trace, when kept
  std::string recording;  // the session as a scenario (sim/record), when recorded
  // Where the run stopped before its end: "FILE:LINE: stopped at step N of M, ..." or
  // "FILE: stopped before loading it".
  std::optional<std::string> stopped;
  report::ScenarioOutcome outcome;
};

// With `live`, the trace goes there as it happens (ScenarioRun::out stays empty), so a run cut
// short still shows everything up to that point.
ScenarioRun play(const std::string& file, const PlayOptions& options, std::ostream* live = nullptr);

// Plays every file with `jobs` threads and calls `done` with each run in file order, as soon as
// it and every run before it are over; `done` returns false to stop there. With one job, runs
// play on this thread and their traces go to `live` as they happen.
void play_all(const std::vector<std::string>& files, unsigned jobs, const PlayOptions& options,
              std::ostream& live,
              const std::function<bool(std::size_t index, ScenarioRun& run)>& done);

}  // namespace qosbed::cli
