// `qosbed run --record`: bundled scenarios recorded through the command, the recordings replayed
// with `qosbed run`, and the two JSON traces compared record by record where they must match;
// and the option errors of --record and --provider.
#define BOOST_TEST_MODULE record_cli
#include <boost/test/unit_test.hpp>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli_harness.hpp"

namespace {

using qosbed::test::command;
using qosbed::test::TempFolder;

// The JSON trace records of what the application saw: calls, completions, waits and network
// events. The provider's own records (fd_qos, finished) are left out: a recording places an
// indication when the application observed it and names its FLOWSPEC in full (docs/recording.md).
std::vector<std::string> application_records(const std::string& jsonl) {
  std::vector<std::string> records;
  std::istringstream lines(jsonl);
  for (std::string line; std::getline(lines, line);) {
    if (line.find("\"event\":\"fd_qos\"") == std::string::npos &&
        line.find("\"event\":\"finished\"") == std::string::npos)
      records.push_back(line);
  }
  return records;
}

std::string read(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_recorded_run_replays_to_the_same_trace) {
  const TempFolder folder("record-cli");
  for (const char* file : {
           "scenarios/teaching/receiver-session.yaml",
           "scenarios/regression/receiver-reissues-after-enobufs.yaml",
           "scenarios/regression/fd-qos-drain-with-event-select.yaml",
           "scenarios/rules/r8-close-aborts-pending-queries.yaml",
           "scenarios/teaching/sender-session.yaml",
           "scenarios/regression/two-indications-arrive-in-order.yaml",
       }) {
    BOOST_TEST_CONTEXT(file) {
      const std::string recording = folder.file("recording.yaml");
      const auto recorded = command({"run", "--trace", "json", "--record", recording,
                                     std::string(QOSBED_SOURCE_DIR "/") + file});
      BOOST_TEST_REQUIRE(recorded.code == 0, recorded.err);
      BOOST_TEST(recorded.err == recording + ": recording written\n");
      const std::string text = read(recording);
      BOOST_TEST(text.find("    expect: ") != std::string::npos);

      const auto replayed = command({"run", "--trace", "json", recording});
      BOOST_TEST_REQUIRE(replayed.code == 0, replayed.err);
      const auto expected = application_records(recorded.out);
      BOOST_TEST(expected.size() > 3u);
      BOOST_TEST(expected == application_records(replayed.out), boost::test_tools::per_element());
    }
  }
}

// The recording names what a person names (statuses, errors, wait results, service types) and
// gives every time with its unit, so it reads like the scenario it was recorded from.
BOOST_AUTO_TEST_CASE(a_recording_names_values_and_gives_times_units) {
  const TempFolder folder("record-cli-names");
  const std::string recording = folder.file("recording.yaml");
  const auto recorded =
      command({"run", "--record", recording,
               QOSBED_SOURCE_DIR "/scenarios/regression/receiver-reissues-after-enobufs.yaml"});
  BOOST_TEST_REQUIRE(recorded.code == 0, recorded.err);
  const std::string text = read(recording);
  for (const char* written : {
           "  - at: 0us\n    expect: call\n    result: -1\n    error: WSA_IO_PENDING\n",
           "    error: WSAENOBUFS\n",
           "    status: WSA_QOS_SENDERS\n",
           "    expect: wait\n    result: WSA_WAIT_IO_COMPLETION\n",
           "{ service_type: SERVICETYPE_CONTROLLEDLOAD, token_rate: 8000, ",
           "latency: not_specified, ",
           "extended_status: [GQOS_NO_ERRORCODE, GQOS_NO_ERRORCODE]\n",
           "    timeout: 100ms\n",
           "  - at: 10ms\n",
       }) {
    BOOST_TEST(text.find(written) != std::string::npos, written << " in\n" << text);
  }
  BOOST_TEST(text.find("000us\n") == std::string::npos, text);
  BOOST_TEST(command({"run", recording}).code == 0);
}

BOOST_AUTO_TEST_CASE(record_and_provider_errors_exit_2) {
  const TempFolder folder("record-cli-errors");
  const std::string scenario = QOSBED_SOURCE_DIR "/scenarios/teaching/receiver-session.yaml";
  const std::string recording = folder.file("out.yaml");

  const auto folder_run = command({"run", "--record", recording, QOSBED_SOURCE_DIR "/scenarios"});
  BOOST_TEST(folder_run.code == 2);
  BOOST_TEST(folder_run.err.find("--record records one session") != std::string::npos);
  BOOST_TEST(!std::filesystem::exists(recording));

  const auto unwritable =
      command({"run", "--record", folder.file("no/such/folder.yaml"), scenario});
  BOOST_TEST(unwritable.code == 2);
  BOOST_TEST(unwritable.err.find("cannot be written") != std::string::npos);

  folder.write("invalid.yaml", "scenario: x\nsteps: 3\n");
  const auto invalid = command({"run", "--record", recording, folder.file("invalid.yaml")});
  BOOST_TEST(invalid.code == 2);
  BOOST_TEST(!std::filesystem::exists(recording));  // no empty recording left behind

  const auto winsock = command({"run", "--provider", "winsock", scenario});
  BOOST_TEST(winsock.code == 2);
  BOOST_TEST(winsock.err ==
             "qosbed: --provider winsock needs a Windows build of qosbed: WinsockProvider runs "
             "over ws2_32 (README, section Windows); here scenarios run on the emulator\n");
  BOOST_TEST(winsock.out.empty());

  const auto unknown = command({"run", "--provider", "rsvpd", scenario});
  BOOST_TEST(unknown.code == 2);
  BOOST_TEST(unknown.err == "qosbed: --provider takes emulator or winsock, not 'rsvpd'\n");

  const auto emulator = command({"run", "--provider", "emulator", scenario});
  BOOST_TEST(emulator.code == 0, emulator.err);
}
