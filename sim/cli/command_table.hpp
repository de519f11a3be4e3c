// The qosbed commands as one table: each command's name, one-line summary, what its operands are,
// the function that runs it and the one that describes it. `qosbed --help`, `qosbed help`, the
// man page (cli/man_page.hpp) and the bash completion (cli/bash_completion.hpp) are all read off
// this table and each command's own CommandHelp, so none repeats an option's description.
#pragma once

#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cli/arguments.hpp"

namespace qosbed::cli {

// What a command's operands name, for completing them.
enum class Operands { none, files, folders, files_or_folders };

struct Command {
  std::string_view name;
  std::string_view summary;
  Operands operands;
  int (*run)(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
  CommandHelp (*help)();
};

std::span<const Command> command_table();

// The command called `name`, or nullptr.
const Command* find_command(std::string_view name);

// What qosbed is, in one line: the man page's NAME and the first line of `qosbed --help`.
inline constexpr std::string_view program_summary =
    "Replays GQoS/RSVP SP scenarios against an emulated RSVP service provider in virtual time.";

inline constexpr std::string_view exit_codes_text =
    "Exit codes: 0 success, 1 an expectation failed, 2 bad input (an invalid scenario, an unknown\n"
    "option, a missing file).";

// The text of `qosbed --help`: the usage lines, what qosbed is, each command with its summary,
// and the exit codes.
std::string main_usage();

// The names of the commands, comma-separated: "run, validate, ...".
std::string command_names();

}  // namespace qosbed::cli
