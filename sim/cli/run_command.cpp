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

CommandHelp run_help() {
  po::options_description options("options");
  options.add_options()("verbose,v", "print a readable trace of each run")(
      "trace", po::value<std::string>()->value_name("json|text"),
      "print the trace on standard output: json (JSON Lines) or text")(
      "filter", po::value<std::vector<std::string>>()->value_name("GLOB"),
      "play only the scenarios whose name or path GLOB matches (repeatable)")(
      "fail-fast", "stop at the first scenario that fails or is invalid")(
      "strict",
      "fail a scenario with no expectation, or with an sp: fd_qos step no report "
      "observed")("timeout", po::value<double>()->value_name("SECONDS"),
                  "with -- PROGRAM: stop the program after this much wall-clock time (default 60)")(
      "wine-prefix", po::value<std::string>()->value_name("DIR"),
      "with -- PROGRAM.exe: the Wine prefix to run it in (default: a fresh one)")(
      "program", po::value<std::vector<std::string>>()->value_name("HOST=COMMAND"),
      "instead of -- PROGRAM, in a network scenario: run COMMAND on the host HOST (repeatable, "
      "once per host)");
  RunOutputs::add_options(options);
  constexpr std::string_view usage =
      "usage: qosbed run [--verbose] [--trace json|text] [--junit FILE|-] [--tap FILE|-]\n"
      "                  [--filter GLOB]... [--fail-fast] [--strict]\n"
      "                  [--golden DIR [--update-golden]] [-j N] [--color auto|always|never]\n"
      "                  [--record OUT.yaml] [--pcap OUT.pcapng] [--provider emulator|winsock]\n"
      "                  FILE|FOLDER...\n"
      "       qosbed run [--verbose] [--trace json|text] [--timeout SECONDS] [--record OUT.yaml]\n"
      "                  [--wine-prefix DIR] SCENARIO.yaml -- PROGRAM [ARGS...]\n"
      "\n"
      "Plays each scenario on the emulated RSVP SP and checks its expectations. A failed\n"
      "expectation prints FILE:LINE: expected ... vs actual .... Folders are searched for\n"
      ".yaml files (skipping folders named invalid). The closing lines count expectations\n"
      "(\"1 of 7 expectations failed\": one each, however many fields of it differed) and\n"
      "scenarios (\"N passed, N failed\", then \", N invalid\" and \", N skipped\" if any).\n"
      "Exit 0 when all pass, 1 when one fails, 2 on invalid input, 3 when a run stopped on an\n"
      "internal error. SIGINT or SIGTERM stops the run between steps: the trace so far is\n"
      "flushed, stderr says where it stopped, and the exit code is 130 or 143.\n"
      "--trace json writes JSON Lines; with several files each record\n"
      "begins with \"scenario\":\"FILE\" (docs/scenario-language.md describes every field).\n"
      "\n"
      "A scenario with no expectation passes whatever happens; stderr says FILE: warning:\n"
      "no expectation. --strict makes that a failure, and also each sp: fd_qos step whose\n"
      "indication the application never observed. Observed: after the step, on its socket,\n"
      "the application was told the indication's status by a completion it learnt of (its\n"
      "routine ran, or WSAGetOverlappedResult read it; a monitor's updates come from these),\n"
      "by a synchronous SIO_GET_QOS that returned it, or by WSAEnumNetworkEvents.\n"
      "Indications the provider withheld (profile, R10), dropped, replaced or discarded\n"
      "count as observed: the provider decided, not the application.\n"
      "\n"
      "--junit and --tap write a CI report, one test case per scenario, to FILE or, for -, to\n"
      "standard output: the closing lines then go to stderr, and only one of --junit -,\n"
      "--tap -, --trace and --verbose may be given. A report file is written under a\n"
      "temporary name and renamed when complete. The JUnit XML validates against Jenkins'\n"
      "junit-10.xsd; a test case's time is the wall-clock seconds the scenario took, its\n"
      "<system-out> names its file and its virtual time. TAP escapes # and \\ in test names\n"
      "and gives each failure's messages as a YAML block.\n"
      "\n"
      "--filter GLOB plays only the scenarios GLOB matches: by their whole path as found, a\n"
      "tail of it after a / (rsvp/*, x.yaml) or their scenario: name. * matches any\n"
      "characters, / too; ? one; [abc], [a-z], [!abc] one of a set or not. Several --filter\n"
      "add up. --fail-fast stops at the first scenario that fails or is invalid: with -j N,\n"
      "those already playing finish and are reported, and none starts; the reports still\n"
      "name every scenario, those not played as skipped.\n"
      "\n"
      "--golden DIR compares each JSON trace with DIR/<path>.jsonl, <path> being the\n"
      "scenario's path below the folder named (or its file name), names the fields that\n"
      "differ and fails the scenario; --update-golden rewrites them instead. -j N plays N\n"
      "scenarios at once; the output stays in file order.\n"
      "\n"
      "Running several files shows their progress on stderr: on a terminal, one line redrawn\n"
      "after each scenario, cut in the middle of its path to the terminal's width (COLUMNS, or\n"
      "the window's); otherwise, or when TERM is unset or dumb, one [i/N] line per scenario.\n"
      "--color always colours the results (FAILED red, ok green) wherever stderr goes, never\n"
      "not at all, auto (the default) only on a terminal whose TERM is not dumb, and not when\n"
      "NO_COLOR is set to anything but the empty string.\n"
      "\n"
      "--record OUT.yaml writes the session of one scenario as a new scenario: the calls the\n"
      "application made, each indication it read, and what it saw as expectations; replaying\n"
      "it gives the same trace (docs/recording.md says where it cannot). With -- PROGRAM the\n"
      "calls are the program's, so the recording replays without it.\n"
      "\n"
      "--pcap OUT.pcapng writes every RSVP message one network scenario's nodes send as the\n"
      "IPv4 packet it is on the wire (RFC 2205), at its virtual time, in a pcapng capture with\n"
      "one interface per link, named as the scenario names the link: Wireshark and tshark\n"
      "read it as RSVP (docs/rsvp.md, Wire format).\n"
      "\n"
      "--provider chooses the RSVP SP: emulator (the default), or winsock in a Windows build:\n"
      "the application's steps then play live on ws2_32 by the wall clock, the sp: and net:\n"
      "steps and the expectations are not played, and --record keeps what the system's RSVP\n"
      "SP did as a scenario that replays on the emulator. Only Windows 2000 has an RSVP SP;\n"
      "elsewhere the run stops at once with no-qos-provider.\n"
      "\n"
      "With -- PROGRAM, the scenario plays against your own program instead of its app:\n"
      "steps: a Windows GQoS client built with qosbed::win32, or a PROGRAM.exe run under Wine\n"
      "(docs/own-client.md); then --timeout SECONDS bounds the run's wall-clock time and\n"
      "--wine-prefix DIR names the Wine prefix (`qosbed run --help --` says more). With\n"
      "--program HOST=COMMAND for each of several hosts of a network scenario, one program\n"
      "runs per host, all on the one clock.";
  return {usage, options};
}

int run_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  const auto dashes = std::find(args.begin(), args.end(), "--");
  const bool per_host = std::any_of(args.begin(), dashes, [](const std::string& arg) {
    return arg == "--program" || arg.rfind("--program=", 0) == 0;
  });
  if (dashes != args.end() || per_host) {
#ifdef _WIN32
    err << "qosbed: run -- PROGRAM plays a scenario against a program on Linux only\n";
    return exit_bad_input;
#else
    return program_run_command({args.begin(), dashes},
                               {dashes == args.end() ? dashes : dashes + 1, args.end()}, out, err);
#endif
  }
  const CommandHelp help = run_help();
  Parsed parsed;
  if (auto done = parse(args, help.options, help.usage, parsed, out, err)) return *done;
  if (parsed.values.count("timeout")) {
    err << "qosbed: --timeout bounds a program's run: it goes with -- PROGRAM\n";
    return exit_bad_input;
  }
  if (parsed.values.count("wine-prefix")) {
    err << "qosbed: --wine-prefix is where a PROGRAM.exe runs: it goes with -- PROGRAM\n";
    return exit_bad_input;
  }

  const std::optional<std::string> trace = trace_format(parsed.values, err);
  if (!trace) return exit_bad_input;
  const std::string& format = *trace;
  RunOutputs outputs;
  if (auto bad = outputs.configure(parsed.values, parsed.paths, format, out, err)) return *bad;
  auto files = files_of(parsed.paths, err);
  if (!files) return exit_bad_input;
  if (parsed.values.count("filter")) {
    const auto& globs = parsed.values["filter"].as<std::vector<std::string>>();
    const std::size_t found = files->files.size();
    files->files = filtered(files->files, globs);
    if (files->files.empty()) {
      err << "qosbed: --filter matches none of the " << found << " scenarios found\n";
      return exit_bad_input;
    }
  }
  const bool fail_fast = parsed.values.count("fail-fast") > 0;
  if (outputs.records() && files->files.size() != 1) {
    err << "qosbed: --record records one session: name one scenario file, not "
        << files->files.size() << "\n";
    return exit_bad_input;
  }
  if (outputs.captures() && files->files.size() != 1) {
    err << "qosbed: --pcap captures one network: name one scenario file, not "
        << files->files.size() << "\n";
    return exit_bad_input;
  }

  bool internal_error = false;
  std::optional<int> stopped;
  std::string first_failed;  // with --fail-fast
  PlayOptions play_options{
      format,   outputs.keeps_json(), outputs.records(), outputs.on_winsock(), &interrupt_signal,
      fail_fast};
  play_options.name_scenario = files->files.size() > 1;
  play_options.strict = parsed.values.count("strict") > 0;
  play_options.capture = outputs.captures();
  outputs.start(files->files.size());
  const auto& all = files->files;
  const std::size_t played =
      play_all(all, outputs.jobs(), play_options, out, [&](std::size_t, ScenarioRun& run) {
        outputs.clear_progress(err);
        out << run.out;
        out.flush();
        err << run.err;
        if (run.stopped) {
          if (interrupt_signal) {
            stopped = interrupted(*run.stopped, out, err);
            return Next::stop;
          }
          err << "qosbed: " << *run.stopped << "\n";
          internal_error = true;
        }
        if (outputs.scenario(run, err) == report::ScenarioOutcome::Result::passed || !fail_fast) {
          return Next::play_on;
        }
        if (first_failed.empty()) first_failed = run.outcome.file;
        return Next::start_no_more;
      });
  // Even a run cut short leaves whole reports: what it did not finish is reported as skipped,
  // the run a signal interrupted too.
  const std::size_t finished = stopped ? played - 1 : played;
  if (!first_failed.empty() && finished < all.size()) {
    err << "qosbed: --fail-fast: " << first_failed << " failed; " << all.size() - finished
        << " scenarios not played\n";
  }
  for (std::size_t i = finished; i < all.size(); ++i) {
    outputs.skipped(all[i], stopped ? "not played: the run was interrupted"
                                    : "not played: --fail-fast stopped the run");
  }
  if (!outputs.finish(err)) return exit_bad_input;
  if (stopped) return *stopped;
  const report::RunCounts& counts = outputs.counts();
  if (files->files.size() > 1 || format.empty()) {
    (outputs.stdout_taken() ? err : out) << report::describe(counts.expectations) << "\n"
                                         << report::describe(counts) << "\n";
  }
  if (counts.invalid > 0) return exit_bad_input;
  if (internal_error) return exit_internal_error;
  return counts.failed > 0 ? exit_failed : exit_ok;
}

}  // namespace qosbed::cli
