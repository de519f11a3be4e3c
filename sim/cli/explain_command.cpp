#include <cctype>

#include "cli/arguments.hpp"
#include "cli/commands.hpp"
#include "cli/explain.hpp"
#include "cli/explain_guaranteed.hpp"
#include "cli/scenario_runs.hpp"
#include "engine/clock.hpp"
#include "runner/runner.hpp"

namespace qosbed::cli {

CommandHelp explain_help() {
  boost::program_options::options_description options("options");
  constexpr std::string_view usage =
      "usage: qosbed explain FILE\n"
      "\n"
      "Plays one scenario and tells its run step by step in plain words: what the application\n"
      "did, what the RSVP SP did and the rule behind it (R1-R10 and the decisions of\n"
      "docs/behaviour.md), and what the application should do next; then whether each\n"
      "expectation held. A network scenario's RSVP messages are told with the RFC 2205\n"
      "section behind each and the application call behind them, and each receiver's\n"
      "Guaranteed reservation at the end with its delay bound: the numbers put into RFC\n"
      "2212's formula, its branch (p > R >= r or R >= p) named. Exit 0 when all hold, 1 when\n"
      "one fails, 2 on invalid input.";
  return {usage, options};
}

int explain_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  const CommandHelp help = explain_help();
  Parsed parsed;
  if (auto done = parse(args, help.options, help.usage, parsed, out, err)) return *done;
  if (parsed.paths.size() != 1) {
    err << "qosbed: explain takes one scenario file\n" << help.usage << "\n";
    return exit_bad_input;
  }
  const auto files = files_of(parsed.paths, err);
  if (!files) return exit_bad_input;
  if (files->files.size() != 1) {
    err << "qosbed: explain takes one scenario file, not a folder\n";
    return exit_bad_input;
  }
  const auto scenario = load(files->files.front(), err);
  if (!scenario) return exit_bad_input;

  out << "Scenario " << scenario->name << " (" << scenario->file << ")\n";
  if (!scenario->description.empty()) out << scenario->description << "\n";
  out << "Provider profile " << scenario::name_of(scenario->sp.profile) << "; sockets:";
  for (const scenario::SocketSpec& socket : scenario->sockets) {
    out << " " << socket.id << " (" << provider::name_of(socket.role) << ")";
  }
  out << "\n\n";

  engine::TraceLog log;
  runner::RunOptions run_options;
  run_options.trace = &log;
  std::string guaranteed;
  if (scenario->network) {
    run_options.on_network_end = [&](const runner::NetworkRun& network) {
      guaranteed = explain_guaranteed(network, *scenario->network);
    };
  }
  const runner::RunResult result = runner::run(*scenario, run_options);
  Storyteller storyteller(*scenario, log.records());
  for (std::size_t index = 0; index < log.records().size(); ++index) {
    const engine::TraceRecord& record = log.records()[index];
    const Explanation explanation = storyteller.explain(index);
    out << index + 1 << ". At " << engine::format_time(engine::head_of(record).t_us) << ": "
        << explanation.what << "\n";
    if (!explanation.why.empty()) out << "   Why: " << explanation.why << "\n";
    if (!explanation.next.empty()) out << "   Next: " << explanation.next << "\n";
  }
  if (!guaranteed.empty()) out << "\n" << guaranteed;
  // The closing sentence, in the words `qosbed run` and `qosbed report` count with.
  std::string counted = report::describe(expectations_of(result));
  counted.front() = static_cast<char>(std::toupper(static_cast<unsigned char>(counted.front())));
  out << "\n" << counted;
  if (result.passed()) {
    out << ".\n";
    return exit_ok;
  }
  out << ":\n";
  for (const runner::Failure& failure : result.failures) {
    out << "  " << runner::format(failure) << "\n";
  }
  return exit_failed;
}

}  // namespace qosbed::cli
