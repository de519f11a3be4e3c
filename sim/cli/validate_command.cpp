#include "cli/arguments.hpp"
#include "cli/commands.hpp"

namespace qosbed::cli {

namespace po = boost::program_options;

CommandHelp validate_help() {
  constexpr std::string_view usage =
      "usage: qosbed validate FILE|FOLDER...\n"
      "\n"
      "Checks that each file is a valid scenario and prints every problem as\n"
      "FILE:LINE:COL: error: message. Exit 0 when all are valid, 2 otherwise.";
  return {usage, po::options_description("options")};
}

int validate_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  const CommandHelp help = validate_help();
  Parsed parsed;
  if (auto done = parse(args, help.options, help.usage, parsed, out, err)) return *done;
  const auto files = files_of(parsed.paths, err);
  if (!files) return exit_bad_input;
  int valid = 0;
  int invalid = 0;
  for (const std::string& file : files->files) {
    if (load(file, err)) {
      ++valid;
    } else {
      ++invalid;
    }
  }
  out << valid << " valid, " << invalid << " invalid\n";
  return invalid > 0 ? exit_bad_input : exit_ok;
}

}  // namespace qosbed::cli
