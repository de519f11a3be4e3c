#include "cli/arguments.hpp"
#include "cli/command_table.hpp"
#include "cli/commands.hpp"

namespace qosbed::cli {

volatile std::sig_atomic_t interrupt_signal = 0;

namespace {

constexpr std::string_view version_text = "qosbed " QOSBED_VERSION;

// `qosbed help [COMMAND]`: a command's help is its own `--help`, word for word.
int help_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (args.empty()) {
    out << main_usage();
    return exit_ok;
  }
  if (args.size() > 1) {
    err << "qosbed: help takes one COMMAND, not " << args.size() << " arguments\n";
    return exit_bad_input;
  }
  if (args.front() == "help") {
    out << main_usage();
    return exit_ok;
  }
  const Command* command = find_command(args.front());
  if (!command) {
    err << "qosbed: help: unknown command '" << args.front()
        << "'; the commands are: " << command_names() << "\n";
    return exit_bad_input;
  }
  return command->run({"--help"}, out, err);
}

}  // namespace

int main_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (args.empty()) {
    err << main_usage();
    return exit_bad_input;
  }
  const std::string& name = args.front();
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  if (name == "--help" || name == "-h") {
    out << main_usage();
    return exit_ok;
  }
  if (name == "--version") {
    out << version_text << "\n";
    return exit_ok;
  }
  if (name == "help") return help_command(rest, out, err);
  if (const Command* command = find_command(name)) return command->run(rest, out, err);
  err << "qosbed: unknown command '" << name << "'\n\n" << main_usage();
  return exit_bad_input;
}

}  // namespace qosbed::cli
