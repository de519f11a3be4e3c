#include <fstream>
#include <sstream>
#include <stdexcept>

#include "cli/arguments.hpp"
#include "cli/commands.hpp"
#include "cli/compile.hpp"
#include "report/output_file.hpp"

namespace qosbed::cli {

CommandHelp compile_help() {
  namespace po = boost::program_options;
  po::options_description options("options");
  options.add_options()("host", po::value<std::string>()->value_name("NAME"),
                        "the host to compile for (default: the first host with a socket)")(
      "output,o", po::value<std::string>()->value_name("OUT"),
      "write to OUT instead of standard output");
  constexpr std::string_view usage =
      "usage: qosbed compile NETWORK.yaml [--host NAME] [-o OUT]\n"
      "\n"
      "Plays a network scenario (its applications driving their hosts' RSVP SPs) and writes the\n"
      "equivalent scripted scenario for one host: that host's sockets, an `sp: fd_qos` step for "
      "each indication its RSVP SP gave\n"
      "them (status, FLOWSPEC, extended status and objects, at the time the network produced\n"
      "it, commented with the RSVP event behind it), and the application's steps and\n"
      "expectations on those sockets, as commented YAML to hand-edit. The result validates and\n"
      "replays to the same indications at that host. Exit 0, or 2 on invalid input (not a\n"
      "network scenario, an unknown host, a host without a socket).";
  return {usage, options};
}

int compile_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  const CommandHelp help = compile_help();
  Parsed parsed;
  if (auto done = parse(args, help.options, help.usage, parsed, out, err)) return *done;
  if (parsed.paths.size() != 1) {
    err << "qosbed: compile takes one network scenario file\n" << help.usage << "\n";
    return exit_bad_input;
  }
  const std::string& file = parsed.paths.front();
  const auto scenario = load(file, err);
  if (!scenario) return exit_bad_input;
  std::ifstream in(file, std::ios::binary);
  std::ostringstream source;
  source << in.rdbuf();

  const std::string host =
      parsed.values.count("host") ? parsed.values["host"].as<std::string>() : "";
  Compiled compiled;
  try {
    compiled = compile_for_host(*scenario, source.str(), host);
  } catch (const std::invalid_argument& error) {
    err << file << ": error: " << error.what() << "\n";
    return exit_bad_input;
  }
  if (!parsed.values.count("output")) {
    out << compiled.yaml;
    return exit_ok;
  }
  report::OutputFile output(parsed.values["output"].as<std::string>());
  output.stream() << compiled.yaml;
  std::string problem;
  if (!output.commit(problem)) {
    err << "qosbed: " << problem << "\n";
    return exit_bad_input;
  }
  err << "qosbed: " << compiled.indications
      << (compiled.indications == 1 ? " indication" : " indications") << " at host "
      << compiled.host << " written to " << parsed.values["output"].as<std::string>() << "\n";
  return exit_ok;
}

}  // namespace qosbed::cli
