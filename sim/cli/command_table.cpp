#include "cli/command_table.hpp"

#include <algorithm>

#include "cli/commands.hpp"

namespace qosbed::cli {

namespace {

constexpr Command commands[] = {
    {"run", "play scenarios and check their expectations (exit 1 when one fails)",
     Operands::files_or_folders, run_command, run_help},
    {"validate", "check that files are valid scenarios, without playing them",
     Operands::files_or_folders, validate_command, validate_help},
    {"list", "list the scenarios under folders, with their descriptions", Operands::folders,
     list_command, list_help},
    {"explain", "tell one run step by step, with the rule behind each provider action",
     Operands::files, explain_command, explain_help},
    {"new", "write a commented starter scenario for a receiver or a sender", Operands::none,
     new_command, new_help},
    {"schema", "print the JSON Schema of the scenario language", Operands::none, schema_command,
     schema_help},
    {"diagram", "draw one run as a message sequence chart (SVG)", Operands::files, diagram_command,
     diagram_help},
    {"report", "write one run as a self-contained HTML page: diagram, trace, expectations",
     Operands::files, report_command, report_help},
    {"compile", "write a network scenario as a scripted scenario for one host", Operands::files,
     compile_command, compile_help},
    {"coverage", "tell which rules, statuses, errors and notification modes scenarios exercise",
     Operands::files_or_folders, coverage_command, coverage_help},
};

}  // namespace

std::span<const Command> command_table() {
  return commands;
}

const Command* find_command(std::string_view name) {
  const auto found = std::find_if(std::begin(commands), std::end(commands),
                                  [&](const Command& command) { return command.name == name; });
  return found == std::end(commands) ? nullptr : found;
}

std::string main_usage() {
  std::string text =
      "usage: qosbed [--help] [--version] COMMAND [ARGS...]\n"
      "       qosbed help [COMMAND]\n"
      "\n" +
      std::string(program_summary) + "\n\ncommands:\n";
  for (const Command& command : commands) {
    text += "  " + std::string(command.name) +
            std::string(10 - std::min<std::size_t>(command.name.size(), 9), ' ') +
            std::string(command.summary) + "\n";
  }
  text +=
      "  help      describe a command: `qosbed help COMMAND` prints `qosbed COMMAND --help`\n"
      "\n" +
      std::string(exit_codes_text) + "\n";
  return text;
}

std::string command_names() {
  std::string names;
  for (const Command& command : commands) {
    names += (names.empty() ? "" : ", ") + std::string(command.name);
  }
  return names;
}

}  // namespace qosbed::cli
