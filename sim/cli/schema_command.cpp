#include "cli/arguments.hpp"
#include "cli/commands.hpp"
#include "cli/schema.hpp"

namespace qosbed::cli {

CommandHelp schema_help() {
  constexpr std::string_view usage =
      "usage: qosbed schema\n"
      "\n"
      "Prints a JSON Schema (draft 2020-12) of the scenario language, for editors (completion\n"
      "and checks as you type) and other validators, made from the table `qosbed validate`\n"
      "checks files against. It checks the structure: keys, types, verbs and the keys each\n"
      "needs; `qosbed validate` checks the rest (names, time order, declared sockets). Exit 0,\n"
      "or 2 on a wrong argument.";
  return {usage, boost::program_options::options_description("options")};
}

int schema_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  CommandHelp help = schema_help();
  add_help_option(help.options);
  if (!args.empty() && (args.front() == "--help" || args.front() == "-h") && args.size() == 1) {
    out << help.usage << "\n\n" << help.options;
    return exit_ok;
  }
  if (!args.empty()) {
    err << "qosbed: schema takes no arguments, not '" << args.front() << "'\n"
        << help.usage << "\n";
    return exit_bad_input;
  }
  out << scenario_schema() << "\n";
  return exit_ok;
}

}  // namespace qosbed::cli
