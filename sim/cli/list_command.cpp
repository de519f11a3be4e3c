#include "cli/arguments.hpp"
#include "cli/commands.hpp"
#include "scenario/loader.hpp"

namespace qosbed::cli {

namespace po = boost::program_options;

CommandHelp list_help() {
  constexpr std::string_view usage =
      "usage: qosbed list FOLDER...\n"
      "\n"
      "Lists the scenarios under each folder: file, name and the first line of the\n"
      "description. Invalid files are listed with their first problem.";
  return {usage, po::options_description("options")};
}

int list_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  const CommandHelp help = list_help();
  Parsed parsed;
  if (auto done = parse(args, help.options, help.usage, parsed, out, err)) return *done;
  const auto files = files_of(parsed.paths, err);
  if (!files) return exit_bad_input;
  bool invalid = false;
  for (const std::string& file : files->files) {
    scenario::LoadResult loaded = scenario::load_file(file);
    if (!loaded.scenario || !loaded.diagnostics.empty()) {
      invalid = true;
      out << file << "  (invalid: "
          << (loaded.diagnostics.empty() ? std::string("?")
                                         : scenario::format(loaded.diagnostics.front()))
          << ")\n";
      continue;
    }
    std::string summary = loaded.scenario->description;
    summary = summary.substr(0, summary.find('\n'));
    out << file << "  " << loaded.scenario->name;
    if (!summary.empty()) out << " - " << summary;
    out << "\n";
  }
  return invalid ? exit_bad_input : exit_ok;
}

}  // namespace qosbed::cli
