#include <algorithm>
#include <csignal>
#include <memory>
#include <string>

#include "cli/arguments.hpp"
#include "cli/commands.hpp"
#include "cli/run_outputs.hpp"
#include "cli/scenario_runs.hpp"

namespace qosbed::cli {

namespace po = boost::program_options;

namespace {

std::string signal_name(int signal) {
  if (signal == SIGINT) return "SIGINT";
  if (signal == SIGTERM) return "SIGTERM";
  return "signal " + std::to_string(signal);
}

// Flushes what the run wrote so far and says where it stopped; the exit code is 128 + signal.
int interrupted(const std::string& where, std::ostream& out, std::ostream& err) {
  const int signal = interrupt_signal;
  out.flush();
  err << "qosbed: interrupted by " << signal_name(signal) << "; " << where << "\n";
  err.flush();
  return 128 + signal;
}

}  // namespace

int run_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  const auto dashes = std::find(args.begin(), args.end(), "--");
  if (dashes != args.end()) {
#ifdef _WIN32
    err << "qosbed: run -- PROGRAM plays a scenario against a program on Linux only\n";
    return exit_bad_input;
#else
    return program_run_command({args.begin(), dashes}, {dashes + 1, args.end()}, out, err);
#endif
  }
  po::options_description options("options");
  options.add_options()("verbose,v", "print a readable trace of each run")(
      "trace", po::value<std::string>()->value_name("FORMAT"),
      "print the trace on standard output: json (JSON Lines) or text");
  RunOutputs::add_options(options);
  Parsed parsed;
  constexpr std::string_view usage =
      "usage: qosbed run [--verbose] [--trace json|text] [--junit FILE] [--tap FILE|-]\n"
      "                  [--golden DIR [--update-golden]] [-j N]\n"
      "                  [--record OUT.yaml] [--provider emulator|winsock] FILE|FOLDER...\n"
      "       qosbed run [--verbose] [--trace json|text] [--timeout SECONDS] SCENARIO.yaml\n"
      "                  -- PROGRAM [ARGS...]\n"
      "\n"
      "Plays each scenario on the emulated RSVP SP and checks its expectations. A failed\n"
      "expectation prints FILE:LINE: expected ... vs actual .... Folders are searched for\n"
      ".yaml files (skipping folders named invalid). With several files the last line says\n"
      "N passed, N failed. Exit 0 when all pass, 1 when one fails, 2 on invalid input,\n"
      "3 when a run stopped on an internal error. SIGINT or SIGTERM stops the run between\n"
      "steps: the trace so far is flushed, stderr says where it stopped, and the exit code\n"
      "is 130 or 143.\n"
      "\n"
      "--junit and --tap write a CI report (one test case per scenario); a report file is\n"
      "written under a temporary name and renamed when complete. --golden DIR compares each\n"
      "JSON trace with DIR/<path>.jsonl, <path> being the scenario's path below the folder\n"
      "named (or its file name), shows the first differing lines and fails the scenario;\n"
      "--update-golden rewrites them instead. -j N plays N scenarios at once; the output\n"
      "stays in file order. Running several files shows a progress line on a terminal and\n"
      "one [i/N] line per scenario on stderr otherwise.\n"
      "\n"
      "--record OUT.yaml writes the session of one scenario as a new scenario: the calls the\n"
      "application made, each indication it read, and what it saw as expectations; replaying\n"
      "it gives the same trace (docs/recording.md says where it cannot).\n"
      "\n"
      "--provider chooses the RSVP SP: emulator (the default), or winsock in a Windows build:\n"
      "the application's steps then play live on ws2_32 by the wall clock, the sp: and net:\n"
      "steps and the expectations are not played, and --record keeps what the system's RSVP\n"
      "SP did as a scenario that replays on the emulator. Only Windows 2000 has an RSVP SP;\n"
      "elsewhere the run stops at once with no-qos-provider.\n"
      "\n"
      "With -- PROGRAM, the scenario plays against your own program instead of its app:\n"
      "steps: a Windows GQoS client built with qosbed::win32 (`qosbed run --help --` says\n"
      "more; docs/own-client.md).";
  if (auto done = parse(args, options, usage, parsed, out, err)) return *done;

  std::string format = parsed.values.count("verbose") ? "text" : "";
  if (parsed.values.count("trace")) format = parsed.values["trace"].as<std::string>();
  if (!format.empty() && format != "json" && format != "text") {
    err << "qosbed: --trace takes json or text, not '" << format << "'\n";
    return exit_bad_input;
  }
  RunOutputs outputs;
  if (auto bad = outputs.configure(parsed.values, parsed.paths, format, out, err)) return *bad;
  const auto files = files_of(parsed.paths, err);
  if (!files) return exit_bad_input;
  if (outputs.records() && files->files.size() != 1) {
    err << "qosbed: --record records one session: name one scenario file, not "
        << files->files.size() << "\n";
    return exit_bad_input;
  }

  int passed = 0;
  int failed = 0;
  bool invalid = false;
  bool internal_error = false;
  std::optional<int> stopped;
  PlayOptions play_options{format, outputs.keeps_json(), outputs.records(), outputs.on_winsock(),
                           &interrupt_signal};
  outputs.start(files->files.size());
  play_all(files->files, outputs.jobs(), play_options, out, [&](std::size_t, ScenarioRun& run) {
    outputs.clear_progress(err);
    out << run.out;
    out.flush();
    err << run.err;
    if (run.stopped) {
      if (interrupt_signal) {
        stopped = interrupted(*run.stopped, out, err);
        return false;
      }
      err << "qosbed: " << *run.stopped << "\n";
      internal_error = true;
    }
    using Result = report::ScenarioOutcome::Result;
    if (run.outcome.result == Result::invalid) invalid = true;
    if (outputs.scenario(run, err) == Result::passed) {
      ++passed;
    } else {
      ++failed;
    }
    return true;
  });
  // Even an interrupted run leaves whole reports, of the scenarios it finished.
  if (!outputs.finish(err)) return exit_bad_input;
  if (stopped) return *stopped;
  if (files->files.size() > 1 || format.empty()) {
    (outputs.stdout_taken() ? err : out) << passed << " passed, " << failed << " failed\n";
  }
  if (invalid) return exit_bad_input;
  if (internal_error) return exit_internal_error;
  return failed > 0 ? exit_failed : exit_ok;
}

}  // namespace qosbed::cli
