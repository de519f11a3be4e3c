#include <filesystem>

#include "cli/arguments.hpp"
#include "cli/commands.hpp"
#include "report/output_file.hpp"

namespace qosbed::cli {

namespace {

namespace fs = std::filesystem;

std::string receiver(const std::string& name) {
  return "# A starter scenario: a receiver waits for a sender's PATH message.\n"
         "# Check it with `qosbed validate`, play it with `qosbed run --verbose`, read it with\n"
         "# `qosbed explain`. The language: docs/scenario-language.md.\n"
         "scenario: " +
         name +
         "\n"
         "description: >\n"
         "  A receiver binds, asks the RSVP SP for QoS status with an overlapped\n"
         "  SIO_GET_QOS and learns of a sender when its PATH message arrives.\n"
         "profile: windows-2000          # or windows-xp, windows-2003, no-qos-provider\n"
         "sockets:\n"
         "  rx:\n"
         "    role: receiver\n"
         "    protocol: udp\n"
         "    local: 10.0.0.2:5000\n"
         "steps:\n"
         "  - app: bind                  # a receiver may ask once bound (R3)\n"
         "    socket: rx\n"
         "  - app: get_qos               # overlapped, with a completion routine\n"
         "    socket: rx\n"
         "  - expect: call               # nothing has happened yet: the query pends (R1)\n"
         "    result: -1\n"
         "    error: WSA_IO_PENDING\n"
         "  - app: wait                  # routines run only in alertable waits (R6)\n"
         "    alertable: true\n"
         "    timeout: 1s\n"
         "  - at: 20ms                   # virtual time: the RSVP SP's side of the script\n"
         "    sp: fd_qos                 # a PATH message reached the receiver\n"
         "    socket: rx\n"
         "    status: WSA_QOS_SENDERS\n"
         "    receiving: { service_type: controlled_load, token_rate: 8000 }\n"
         "  - expect: wait\n"
         "    result: WSA_WAIT_IO_COMPLETION\n"
         "  - expect: completion         # one direction is valid, the other says NOCHANGE (R2)\n"
         "    socket: rx\n"
         "    error: 0\n"
         "    status: WSA_QOS_SENDERS\n"
         "    sending: { service_type: NOCHANGE }\n"
         "    receiving: { service_type: controlled_load, token_rate: 8000 }\n"
         "  - app: close                 # close aborts what is still pending (R8)\n"
         "    socket: rx\n";
}

std::string sender(const std::string& name) {
  return "# A starter scenario: a sender connects and learns of a receiver's reservation.\n"
         "# Check it with `qosbed validate`, play it with `qosbed run --verbose`, read it with\n"
         "# `qosbed explain`. The language: docs/scenario-language.md.\n"
         "scenario: " +
         name +
         "\n"
         "description: >\n"
         "  A sender connects with a sending QOS, asks the RSVP SP for QoS status with\n"
         "  an overlapped SIO_GET_QOS and learns of a receiver when its RESV arrives.\n"
         "profile: windows-2000          # or windows-xp, windows-2003, no-qos-provider\n"
         "sockets:\n"
         "  tx:\n"
         "    role: sender\n"
         "    protocol: udp\n"
         "    local: 10.0.0.1:6000\n"
         "    remote: 10.0.0.2:5000\n"
         "    qos:\n"
         "      sending: { service_type: guaranteed, token_rate: 8000, token_bucket_size: 2048 }\n"
         "steps:\n"
         "  - app: connect               # WSAConnect with the sending QOS (R10); may now ask "
         "(R3)\n"
         "    socket: tx\n"
         "  - expect: call\n"
         "    result: 0\n"
         "  - app: get_qos               # overlapped, with a completion routine\n"
         "    socket: tx\n"
         "  - expect: call               # nothing has happened yet: the query pends (R1)\n"
         "    result: -1\n"
         "    error: WSA_IO_PENDING\n"
         "  - app: wait                  # routines run only in alertable waits (R6)\n"
         "    alertable: true\n"
         "    timeout: 1s\n"
         "  - at: 30ms                   # virtual time: the RSVP SP's side of the script\n"
         "    sp: fd_qos                 # a receiver's RESV reached the sender\n"
         "    socket: tx\n"
         "    status: WSA_QOS_RECEIVERS\n"
         "    sending: { service_type: guaranteed, token_rate: 8000 }\n"
         "  - expect: completion         # one direction is valid, the other says NOCHANGE (R2)\n"
         "    socket: tx\n"
         "    error: 0\n"
         "    status: WSA_QOS_RECEIVERS\n"
         "    receiving: { service_type: NOCHANGE }\n"
         "  - app: close                 # close aborts what is still pending (R8)\n"
         "    socket: tx\n";
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
  file.stream() << (role == "receiver" ? receiver(name) : sender(name));
  std::string problem;
  if (!file.commit(problem)) {
    err << "qosbed: " << problem << "\n";
    return exit_bad_input;
  }
  out << "wrote " << path.string() << "\n";
  return exit_ok;
}

}  // namespace qosbed::cli
