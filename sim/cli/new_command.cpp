#include <filesystem>

#include "cli/arguments.hpp"
#include "cli/commands.hpp"
#include "gqos/codec.hpp"
#include "gqos/constants.hpp"
#include "report/output_file.hpp"
#include "scenario/writer.hpp"

namespace qosbed::cli {

namespace {

namespace fs = std::filesystem;
namespace wsa = gqos::wsa;
using scenario::Field;

// A starter step, and what its comments tell a newcomer.
struct Starter {
  scenario::Step step;
  scenario::StepNotes notes;
};

template <typename Action>
Starter step(std::string socket, Action action, std::string note) {
  Starter starter;
  starter.step.socket = std::move(socket);
  starter.step.action = std::move(action);
  starter.notes.on_kind = std::move(note);
  starter.notes.timed = false;
  return starter;
}

scenario::AppAction bind() {
  return scenario::AppBind{};
}
scenario::AppAction close() {
  return scenario::AppClose{};
}
// Overlapped, with a completion routine.
scenario::AppAction get_qos() {
  return scenario::AppGetQos{};
}
scenario::AppAction alertable_wait() {
  scenario::AppWait wait;
  wait.alertable = true;
  wait.timeout_us = 1'000'000;
  return wait;
}
scenario::Expectation pending() {
  scenario::ExpectCall call;
  call.result = Field<std::int64_t>{-1, {}};
  call.error = Field<std::uint32_t>{wsa::io_pending, {}};
  return call;
}

scenario::FlowSpecFields flowspec(std::uint32_t service_type,
                                  std::optional<std::uint32_t> token_rate = std::nullopt,
                                  std::optional<std::uint32_t> bucket = std::nullopt) {
  scenario::FlowSpecFields fields;
  fields.service_type = service_type;
  fields.token_rate = token_rate;
  fields.token_bucket_size = bucket;
  return fields;
}

// At 20 ms (receiver) or 30 ms (sender) the SP indicates `status` for one direction.
Starter indication(std::string socket, std::int64_t at_us, std::uint32_t status, bool receiving,
                   std::string note) {
  gqos::Indication indication;
  indication.status = status;
  gqos::FlowSpec rate = gqos::unspecified_flowspec(receiving ? gqos::service_type::controlled_load
                                                             : gqos::service_type::guaranteed);
  rate.token_rate = 8000;
  (receiving ? indication.receiving : indication.sending) = rate;
  Starter starter =
      step(std::move(socket), scenario::SpAction{scenario::SpFdQos{indication}}, std::move(note));
  starter.step.at_us = at_us;
  starter.notes.timed = true;
  starter.notes.on_time = "virtual time: the RSVP SP's side of the script";
  return starter;
}

// The completion that tells it: one direction valid, the other NOCHANGE (R2).
scenario::Expectation told(std::uint32_t status, bool receiving) {
  scenario::ExpectCompletion completion;
  completion.error = Field<std::uint32_t>{0, {}};
  completion.status = Field<std::uint32_t>{status, {}};
  const auto rate = flowspec(
      receiving ? gqos::service_type::controlled_load : gqos::service_type::guaranteed, 8000);
  const auto nochange = flowspec(gqos::service_type::no_change);
  completion.sending = receiving ? nochange : rate;
  completion.receiving = receiving ? rate : nochange;
  return completion;
}

std::string starter(const std::string& name, bool receiver) {
  scenario::Scenario scenario;
  // Built from a std::string, not assigned a literal: GCC 12 at -O2 takes the literal's copy into
  // the short-string buffer for a read of uninitialized bytes (-Wmaybe-uninitialized).
  const std::string id(receiver ? "rx" : "tx");
  scenario::SocketSpec socket;
  socket.id = id;
  std::vector<Starter> steps;
  if (receiver) {
    socket.role = provider::Role::receiver;
    socket.local = provider::Address{"10.0.0.2", 5000};
    steps.push_back(step(id, bind(), "a receiver may ask once bound (R3)"));
  } else {
    socket.role = provider::Role::sender;
    socket.local = provider::Address{"10.0.0.1", 6000};
    socket.remote = provider::Address{"10.0.0.2", 5000};
    scenario::QosRequest qos;
    qos.sending = flowspec(gqos::service_type::guaranteed, 8000, 2048);
    socket.qos = qos;
    steps.push_back(step(id, scenario::AppAction{scenario::AppConnect{}},
                         "WSAConnect with the sending QOS (R10); may now ask (R3)"));
    scenario::ExpectCall connected;
    connected.result = Field<std::int64_t>{0, {}};
    steps.push_back(step("", scenario::Expectation{connected}, ""));
  }
  steps.push_back(step(id, get_qos(), "overlapped, with a completion routine"));
  steps.push_back(step("", pending(), "nothing has happened yet: the query pends (R1)"));
  steps.push_back(step("", alertable_wait(), "routines run only in alertable waits (R6)"));
  if (receiver) {
    steps.push_back(
        indication(id, 20'000, gqos::status::senders, true, "a PATH message reached the receiver"));
    steps.push_back(step("",
                         scenario::Expectation{scenario::ExpectWait{
                             Field<std::uint32_t>{wsa::wait_io_completion, {}}}},
                         ""));
  } else {
    steps.push_back(indication(id, 30'000, gqos::status::receivers, false,
                               "a receiver's RESV reached the sender"));
  }
  const std::uint32_t status = receiver ? gqos::status::senders : gqos::status::receivers;
  steps.push_back(
      step(id, told(status, receiver), "one direction is valid, the other says NOCHANGE (R2)"));
  steps.push_back(step(id, close(), "close aborts what is still pending (R8)"));

  scenario::ScenarioWriter writer;
  writer.comment(std::string("A starter scenario: ") +
                 (receiver ? "a receiver waits for a sender's PATH message."
                           : "a sender connects and learns of a receiver's reservation.") +
                 "\nCheck it with `qosbed validate`, play it with `qosbed run --verbose`, read "
                 "it with\n`qosbed explain`. The language: docs/scenario-language.md.");
  writer.name(name);
  writer.description(receiver
                         ? "A receiver binds, asks the RSVP SP for QoS status with an overlapped "
                           "SIO_GET_QOS and learns of a sender when its PATH message arrives."
                         : "A sender connects with a sending QOS, asks the RSVP SP for QoS status "
                           "with an overlapped SIO_GET_QOS and learns of a receiver when its RESV "
                           "arrives.");
  writer.provider(scenario.sp, "or windows-xp, windows-2003, no-qos-provider");
  writer.sockets({socket});
  writer.steps();
  for (const Starter& starter : steps) writer.step(starter.step, starter.notes);
  return writer.text();
}

}  // namespace

CommandHelp new_help() {
  namespace po = boost::program_options;
  po::options_description options("options");
  options.add_options()("role", po::value<std::string>()->value_name("receiver|sender"),
                        "receiver or sender (required)");
  constexpr std::string_view usage =
      "usage: qosbed new NAME --role receiver|sender\n"
      "\n"
      "Writes NAME.yaml (NAME may be a path; .yaml is added unless given), a commented starter\n"
      "scenario for a receiving or a sending application that validates and runs as it is.\n"
      "Never overwrites a file. Exit 0 when written, 2 on bad input.";
  return {usage, options};
}

int new_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  const CommandHelp help = new_help();
  Parsed parsed;
  if (auto done = parse(args, help.options, help.usage, parsed, out, err)) return *done;
  if (parsed.paths.size() != 1) {
    err << "qosbed: new takes one NAME\n" << help.usage << "\n";
    return exit_bad_input;
  }
  if (!parsed.values.count("role")) {
    err << "qosbed: new needs --role receiver or --role sender\n";
    return exit_bad_input;
  }
  const std::string role = parsed.values["role"].as<std::string>();
  if (role != "receiver" && role != "sender") {
    err << "qosbed: --role takes receiver or sender, not '" << role << "'\n";
    return exit_bad_input;
  }
  fs::path path = parsed.paths.front();
  if (path.extension() != ".yaml" && path.extension() != ".yml") path += ".yaml";
  const std::string name = path.stem().string();
  std::error_code error;
  if (fs::exists(path, error)) {
    err << "qosbed: " << path.string() << ": already exists\n";
    return exit_bad_input;
  }
  report::OutputFile file(path);
  file.stream() << starter(name, role == "receiver");
  std::string problem;
  if (!file.commit(problem)) {
    err << "qosbed: " << problem << "\n";
    return exit_bad_input;
  }
  out << "wrote " << path.string() << "\n";
  return exit_ok;
}

}  // namespace qosbed::cli
