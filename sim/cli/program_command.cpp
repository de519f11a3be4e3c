// `qosbed run [OPTIONS] SCENARIO.yaml -- PROGRAM [ARGS...]`, or `--program HOST=COMMAND` for
// each of several hosts: one scenario played against the user's own programs (sim/program),
// linked with qosbed::win32 or .exe files run under Wine.
#include <algorithm>
#include <cmath>
#include <memory>
#include <string>

#include "cli/arguments.hpp"
#include "cli/command_words.hpp"
#include "cli/commands.hpp"
#include "cli/scenario_runs.hpp"
#include "program/program_run.hpp"
#include "report/counts.hpp"
#include "report/json_trace.hpp"
#include "report/output_file.hpp"
#include "report/text_trace.hpp"

namespace qosbed::cli {

namespace po = boost::program_options;

namespace {

constexpr std::string_view usage =
    "usage: qosbed run [--verbose] [--trace json|text] [--timeout SECONDS] [--record OUT.yaml]\n"
    "                  [--wine-prefix DIR] SCENARIO.yaml -- PROGRAM [ARGS...]\n"
    "       qosbed run [OPTIONS] NETWORK.yaml --program HOST=COMMAND...\n"
    "\n"
    "Plays one scenario against your own program: a Windows GQoS client built from its\n"
    "unmodified source with qosbed::win32, or a PROGRAM.exe built for Windows, which runs\n"
    "under Wine with qosbed's ws2_32.dll (docs/own-client.md). The program runs as a child\n"
    "process; its Winsock and Win32 calls reach the scenario's emulated RSVP SP in virtual\n"
    "time, so a 5 s SleepEx costs no wall-clock time. Its sockets stand for the scenario's\n"
    "(by bound or connected address, else the first free one); the sp: steps play on the\n"
    "same clock, the app: steps do not; its standard output and error are its own. Each\n"
    "expectation is checked once virtual time has passed it, the rest when the program has\n"
    "ended.\n"
    "\n"
    "Exit 0 when every expectation held and the program exited 0; 1 when an expectation\n"
    "failed or the program failed (it exited non-zero or crashed, called something qosbed\n"
    "does not model, waited with nothing left to happen, or ran out of --timeout), each said\n"
    "on stderr; 2 for bad input (an invalid scenario, a program that cannot be started).\n"
    "A network scenario's hosts' RSVP SPs follow the program's calls as they follow app:\n"
    "steps (docs/own-client.md, Through a network). --timeout bounds the wall-clock time\n"
    "of the whole run (default 60), Wine's start included.\n"
    "\n"
    "--program HOST=COMMAND, once for each of several hosts of a network scenario, runs one\n"
    "program per host instead: COMMAND (PROGRAM ARGS..., split at blanks, with '...', \"...\"\n"
    "and \\ as a shell has them, nothing expanded) takes over the scenario sockets placed on\n"
    "the network node HOST, so a real sender and a real receiver signal to each other\n"
    "through the network. One thread of one program runs at a time and the clock moves\n"
    "only when every thread of every program waits (docs/own-client.md, One program per\n"
    "host).\n"
    "\n"
    "A PROGRAM.exe runs in a fresh Wine prefix made in a temporary folder and removed after\n"
    "(Wine takes seconds to make one), or with --wine-prefix DIR in DIR, made by Wine at its\n"
    "first use and reused after; qosbed installs nothing in it.\n"
    "\n"
    "--record OUT.yaml writes the session as a scenario whose app: steps are the program's\n"
    "calls, each indication it read an sp: step and what it saw expectations, so it replays\n"
    "without the program (docs/recording.md says what has no step: another thread's calls\n"
    "are recorded in the order they were made, data calls not at all).";

// The programs of `--program HOST=COMMAND` options, checked against the scenario's network;
// false, each problem said on `err`, when one is not right.
bool programs_per_host(const std::vector<std::string>& options, const std::string& file,
                       const scenario::Scenario& scenario,
                       std::vector<program::ProgramSpec>& programs, std::ostream& err) {
  if (!scenario.network) {
    err << "qosbed: " << file
        << ": --program HOST=COMMAND runs a program on a network host; this scenario has no "
           "network: (run its one program with -- PROGRAM)\n";
    return false;
  }
  std::string hosts;
  for (const scenario::NetNode& node : scenario.network->nodes) {
    if (node.kind == scenario::NodeKind::host) hosts += (hosts.empty() ? "" : ", ") + node.name;
  }
  for (const std::string& option : options) {
    const std::size_t equals = option.find('=');
    if (equals == std::string::npos || equals == 0) {
      err << "qosbed: --program takes HOST=COMMAND, not '" << option << "'\n";
      return false;
    }
    program::ProgramSpec spec;
    spec.host = option.substr(0, equals);
    const auto node =
        std::find_if(scenario.network->nodes.begin(), scenario.network->nodes.end(),
                     [&](const scenario::NetNode& each) { return each.name == spec.host; });
    if (node == scenario.network->nodes.end() || node->kind != scenario::NodeKind::host) {
      err << "qosbed: --program " << spec.host << "=...: " << file << " has no host " << spec.host
          << " (its hosts: " << hosts << ")\n";
      return false;
    }
    for (const program::ProgramSpec& other : programs) {
      if (other.host == spec.host) {
        err << "qosbed: --program " << spec.host << "=... is given twice: one program per host\n";
        return false;
      }
    }
    std::string error;
    const auto words = command_words(std::string_view(option).substr(equals + 1), error);
    if (!words) {
      err << "qosbed: --program " << spec.host << "=...: " << error << "\n";
      return false;
    }
    if (words->empty()) {
      err << "qosbed: --program " << spec.host << "= names no program\n";
      return false;
    }
    spec.command = *words;
    programs.push_back(std::move(spec));
  }
  return true;
}

}  // namespace

int program_run_command(const std::vector<std::string>& args,
                        const std::vector<std::string>& command, std::ostream& out,
                        std::ostream& err) {
  po::options_description options("options");
  options.add_options()("verbose,v", "print a readable trace of the run")(
      "trace", po::value<std::string>()->value_name("FORMAT"),
      "print the trace on standard output: json (JSON Lines) or text")(
      "timeout", po::value<double>()->value_name("SECONDS")->default_value(60),
      "stop the program after this much wall-clock time")(
      "wine-prefix", po::value<std::string>()->value_name("DIR"),
      "run a PROGRAM.exe in this Wine prefix (default: a fresh one)")(
      "record", po::value<std::string>()->value_name("FILE"),
      "write the session as a scenario to FILE")(
      "program", po::value<std::vector<std::string>>()->value_name("HOST=COMMAND"),
      "run COMMAND on the network's host HOST; once per host");
  Parsed parsed;
  if (auto done = parse(args, options, usage, parsed, out, err)) return *done;
  const bool per_host = parsed.values.count("program") > 0;
  if (per_host && !command.empty()) {
    err << "qosbed: give either -- PROGRAM for the only program or --program HOST=COMMAND for "
           "each host, not both\n";
    return exit_bad_input;
  }
  if (!per_host && command.empty()) {
    err << "qosbed: no program after --\n" << usage << "\n";
    return exit_bad_input;
  }
  if (parsed.paths.size() != 1) {
    err << "qosbed: a program runs against one scenario file, not " << parsed.paths.size() << "\n";
    return exit_bad_input;
  }
  const std::optional<std::string> trace = trace_format(parsed.values, err);
  if (!trace) return exit_bad_input;
  const std::string& format = *trace;
  const double timeout = parsed.values["timeout"].as<double>();
  if (!(timeout > 0) || !std::isfinite(timeout)) {
    err << "qosbed: --timeout takes a number of seconds above 0, not " << timeout << "\n";
    return exit_bad_input;
  }
  std::unique_ptr<report::OutputFile> recording_file;
  if (parsed.values.count("record")) {
    recording_file =
        std::make_unique<report::OutputFile>(parsed.values["record"].as<std::string>());
    if (!recording_file->ok()) {
      err << "qosbed: " << recording_file->open_error() << "\n";
      return exit_bad_input;
    }
  }
  const std::string& file = parsed.paths.front();
  const auto scenario = load(file, err);
  if (!scenario) return exit_bad_input;
  std::vector<program::ProgramSpec> programs;
  if (!per_host) {
    programs.push_back(program::ProgramSpec{{}, command});
  } else if (!programs_per_host(parsed.values["program"].as<std::vector<std::string>>(), file,
                                *scenario, programs, err)) {
    return exit_bad_input;
  }
  const std::string& first = programs.front().command.front();

  std::unique_ptr<engine::TraceSink> shown;
  if (format == "json") shown = std::make_unique<report::JsonTraceWriter>(out);
  if (format == "text") {
    out << "# " << file << " (" << scenario->name << ") -- " << first << "\n";
    shown = std::make_unique<report::TextTraceWriter>(out);
  }
  program::ProgramRunOptions run_options;
  run_options.programs = programs;
  run_options.trace = shown.get();
  run_options.before_program_runs = [&out] { out.flush(); };
  run_options.timeout = std::chrono::milliseconds(std::llround(timeout * 1000));
  run_options.interrupt = &interrupt_signal;
  if (parsed.values.count("wine-prefix")) {
    run_options.wine_prefix = parsed.values["wine-prefix"].as<std::string>();
  }
  std::string recording;
  if (recording_file) {
    run_options.recording = &recording;
    run_options.recording_name = scenario->name + "-recorded";
  }
  // The program shares the standard streams: what qosbed wrote so far comes first.
  out.flush();
  err.flush();
  const program::ProgramRunResult result = program::run_program(*scenario, run_options);
  out.flush();

  if (result.start_error) {
    err << "qosbed: " << *result.start_error << "\n";
    return exit_bad_input;
  }
  if (recording_file && !recording.empty()) {
    recording_file->stream() << recording;
    std::string problem;
    if (!recording_file->commit(problem)) {
      err << "qosbed: " << problem << "\n";
      return exit_bad_input;
    }
    err << parsed.values["record"].as<std::string>() << ": recording written\n";
  }
  for (const runner::Failure& failure : result.run.failures) {
    err << runner::format(failure) << "\n";
  }
  if (result.program_failure) err << "qosbed: " << *result.program_failure << "\n";
  for (const std::string& note : result.notes) err << "qosbed: note: " << note << "\n";
  if (result.run.stopped) {
    err << "qosbed: " << runner::format(*result.run.stopped, scenario->steps.size()) << "\n";
    return exit_internal_error;
  }
  if (result.interrupted) {
    err << "qosbed: interrupted; the program was stopped at t="
        << engine::format_time(result.run.end_us) << "\n";
    return 128 + interrupt_signal;
  }
  (format.empty() ? out : err) << file << " -- " << first << (programs.size() > 1 ? ", ..." : "")
                               << ": " << (result.passed() ? "passed" : "FAILED") << " ("
                               << report::describe(expectations_of(result.run))
                               << (result.program_failure ? "; the program failed" : "") << ")\n";
  return result.passed() ? exit_ok : exit_failed;
}

}  // namespace qosbed::cli
