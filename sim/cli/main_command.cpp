#include "cli/arguments.hpp"
#include "cli/commands.hpp"

namespace qosbed::cli {

volatile std::sig_atomic_t interrupt_signal = 0;

namespace {

constexpr std::string_view version_text = "qosbed " QOSBED_VERSION;

constexpr std::string_view usage_text =
    "usage: qosbed [--help] [--version] COMMAND [ARGS...]\n"
    "\n"
    "Replays GQoS/RSVP SP scenarios against an emulated RSVP service provider in virtual time.\n"
    "\n"
    "commands:\n"
    "  run       play scenarios and check their expectations (exit 1 when one fails)\n"
    "  validate  check that files are valid scenarios, without playing them\n"
    "  list      list the scenarios under folders, with their descriptions\n"
    "  explain   tell one run step by step, with the rule behind each provider action\n"
    "  new       write a commented starter scenario for a receiver or a sender\n"
    "  schema    print the JSON Schema of the scenario language\n"
    "  diagram   draw one run as a message sequence chart (SVG)\n"
    "  report    write one run as a self-contained HTML page: diagram, trace, expectations\n"
    "  compile   write a network scenario as a scripted scenario for one host\n"
    "  coverage  tell which rules, statuses, errors and notification modes scenarios exercise\n"
    "\n"
    "`qosbed COMMAND --help` describes a command. Exit codes: 0 success, 1 an expectation\n"
    "failed, 2 bad input (an invalid scenario, an unknown option, a missing file).\n";

}  // namespace

int main_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (args.empty()) {
    err << usage_text;
    return exit_bad_input;
  }
  const std::string& command = args.front();
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  if (command == "--help" || command == "-h" || command == "help") {
    out << usage_text;
    return exit_ok;
  }
  if (command == "--version") {
    out << version_text << "\n";
    return exit_ok;
  }
  if (command == "run") return run_command(rest, out, err);
  if (command == "validate") return validate_command(rest, out, err);
  if (command == "list") return list_command(rest, out, err);
  if (command == "explain") return explain_command(rest, out, err);
  if (command == "new") return new_command(rest, out, err);
  if (command == "schema") return schema_command(rest, out, err);
  if (command == "diagram") return diagram_command(rest, out, err);
  if (command == "report") return report_command(rest, out, err);
  if (command == "compile") return compile_command(rest, out, err);
  if (command == "coverage") return coverage_command(rest, out, err);
  err << "qosbed: unknown command '" << command << "'\n\n" << usage_text;
  return exit_bad_input;
}

}  // namespace qosbed::cli
