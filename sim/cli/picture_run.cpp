#include "cli/picture_run.hpp"

#include "cli/arguments.hpp"
#include "report/output_file.hpp"

namespace qosbed::cli {

namespace po = boost::program_options;

po::options_description picture_options() {
  po::options_description options("options");
  options.add_options()("output,o", po::value<std::string>()->value_name("OUT"),
                        "the file to write (required)")(
      "max-records", po::value<long long>()->value_name("N"),
      "draw at most N trace records, 1 to 10000 (default 400); a note under the chart says how "
      "many more there are");
  return options;
}

std::optional<int> play_for_picture(const std::vector<std::string>& args, std::string_view command,
                                    const CommandHelp& help, PictureRun& run, std::ostream& out,
                                    std::ostream& err) {
  const std::string_view usage = help.usage;
  Parsed parsed;
  if (auto done = parse(args, help.options, usage, parsed, out, err)) return *done;
  if (parsed.values.count("output")) run.output = parsed.values["output"].as<std::string>();
  const long long max_records = parsed.values.count("max-records")
                                    ? parsed.values["max-records"].as<long long>()
                                    : static_cast<long long>(report::default_max_records);
  const std::string name(command);
  if (parsed.paths.size() != 1) {
    err << "qosbed: " << name << " takes one scenario file\n" << usage << "\n";
    return exit_bad_input;
  }
  if (run.output.empty()) {
    err << "qosbed: " << name << " needs -o OUT, the file to write\n" << usage << "\n";
    return exit_bad_input;
  }
  // 10000 rows make a chart some 260 000 pixels tall and a few MB: the most worth drawing.
  if (max_records < 1 || max_records > 10000) {
    err << "qosbed: --max-records " << max_records << ": expected 1 to 10000\n";
    return exit_bad_input;
  }
  run.max_records = static_cast<std::size_t>(max_records);
  const auto files = files_of(parsed.paths, err);
  if (!files) return exit_bad_input;
  if (files->files.size() != 1) {
    err << "qosbed: " << name << " takes one scenario file, not a folder\n";
    return exit_bad_input;
  }
  auto scenario = load(files->files.front(), err);
  if (!scenario) return exit_bad_input;
  run.scenario = std::move(*scenario);
  runner::RunOptions run_options;
  run_options.trace = &run.trace;
  run_options.rsvp_objects = true;  // the report's trace table lists each message's objects
  run.result = runner::run(run.scenario, run_options);
  return std::nullopt;
}

report::Participants participants_of(const scenario::Scenario& scenario) {
  report::Participants participants;
  for (const scenario::SocketSpec& socket : scenario.sockets) {
    participants.sockets.push_back({socket.id, std::string(provider::name_of(socket.role))});
  }
  if (const auto& network = scenario.network) {
    for (const scenario::NetNode& node : network->nodes) participants.nodes.push_back(node.name);
    // A host's SP indicates to the sockets its senders and receivers name.
    for (const scenario::NetSender& sender : network->senders) {
      if (!sender.socket.empty())
        participants.host_of[sender.socket] = network->nodes[sender.host].name;
    }
    for (const scenario::NetReceiver& receiver : network->receivers) {
      if (!receiver.socket.empty())
        participants.host_of[receiver.socket] = network->nodes[receiver.host].name;
    }
  }
  return participants;
}

bool write_output(const std::string& path, const std::string& content, std::ostream& err) {
  report::OutputFile file(path);
  if (!file.ok()) {
    err << "qosbed: " << file.open_error() << "\n";
    return false;
  }
  file.stream() << content;
  std::string error;
  if (!file.commit(error)) {
    err << "qosbed: " << error << "\n";
    return false;
  }
  return true;
}

int outcome_code(const PictureRun& run, std::ostream& err) {
  for (const runner::Failure& failure : run.result.failures) {
    err << runner::format(failure) << "\n";
  }
  if (run.result.stopped) {
    err << runner::format(*run.result.stopped, run.scenario.steps.size()) << "\n";
    return exit_internal_error;
  }
  return run.result.failures.empty() ? exit_ok : exit_failed;
}

}  // namespace qosbed::cli
