// Recording: bundled scenarios played with their trace recorded (sim/record), the
// recording replayed by the runner, and the two runs compared by what the application saw.
#define BOOST_TEST_MODULE record
#include <boost/test/unit_test.hpp>
#include <regex>
#include <string>
#include <vector>

#include "engine/trace.hpp"
#include "gqos/names.hpp"
#include "report/json_trace.hpp"
#include "runner/runner.hpp"
#include "scenario/loader.hpp"

namespace {

using namespace qosbed;

struct Played {
  runner::RunResult result;
  engine::TraceLog trace;
  std::string recording;
};

Played play(const scenario::Scenario& scenario, bool record) {
  Played played;
  runner::RunOptions options;
  options.trace = &played.trace;
  if (record) options.recording = &played.recording;
  played.result = runner::run(scenario, options);
  return played;
}

// The trace of what the application saw: its calls, completions, waits and network events, as
// JSON lines. The provider's own records (indications, finished requests) are left out: a
// recording places each indication when the application observed it, not when the provider
// queued it (docs/recording.md).
std::vector<std::string> comparable(const std::vector<engine::TraceRecord>& records) {
  std::vector<std::string> out;
  for (const engine::TraceRecord& record : records) {
    if (std::holds_alternative<engine::CallRecord>(record) ||
        std::holds_alternative<engine::CompletionRecord>(record) ||
        std::holds_alternative<engine::WaitRecord>(record) ||
        std::holds_alternative<engine::NetworkEventsRecord>(record))
      out.push_back(report::to_json(record));
  }
  return out;
}

// Why `text` is not written as a person writes a scenario, or "" when it is: every duration in
// its largest exact unit (10ms, 1500us, 2s), and statuses, errors, wait results, service types,
// styles, object types and extended statuses by name (an error or wait result of 0 as 0).
std::string unlike_a_person(const std::string& text) {
  static const std::regex time(R"((at|timeout): (\d+)(us|ms|s)?\n)");
  for (std::sregex_iterator it(text.begin(), text.end(), time), end; it != end; ++it) {
    const std::string unit = (*it)[3];
    const long long number = std::stoll((*it)[2]);
    const bool exact = unit == "s" || (unit == "ms" && number % 1000 != 0) ||
                       (unit == "us" && (number == 0 || number % 1000 != 0));
    if (!exact) return "a duration not in its largest unit: " + it->str();
  }
  static const std::regex named(R"(\b(status|error|result|service_type|style|type): (\d+)\b)");
  for (std::sregex_iterator it(text.begin(), text.end(), named), end; it != end; ++it) {
    const std::string key = (*it)[1];
    const auto number = static_cast<std::uint32_t>(std::stoul((*it)[2]));
    // Call results are numbers (0, -1); a wait result or an error of 0 is written 0.
    const bool wait_result = key == "result" && text.rfind("expect: wait\n", it->position()) ==
                                                    text.rfind("expect: ", it->position());
    if (key == "result" && !wait_result) continue;
    if (number == 0 && (key == "error" || key == "result")) continue;
    const gqos::NameGroup group = key == "status"         ? gqos::NameGroup::status
                                  : key == "error"        ? gqos::NameGroup::error
                                  : key == "result"       ? gqos::NameGroup::wait_result
                                  : key == "service_type" ? gqos::NameGroup::service_type
                                  : key == "style"        ? gqos::NameGroup::rsvp_style
                                                          : gqos::NameGroup::object_type;
    // A value without a name (a ServiceType with flags) is rightly a number.
    if (gqos::name_of(group, number)) return "a number where a name is meant: " + it->str();
  }
  static const std::regex extended(R"(extended_status: \[(\d+|\w+), (\d+|\w+)\])");
  for (std::sregex_iterator it(text.begin(), text.end(), extended), end; it != end; ++it) {
    if (std::isdigit(static_cast<unsigned char>((*it)[1].str()[0])) ||
        std::isdigit(static_cast<unsigned char>((*it)[2].str()[0])))
      return "an extended status by number: " + it->str();
  }
  return "";
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_check_of_a_recording_finds_numbers_and_bare_microseconds) {
  BOOST_TEST(unlike_a_person("  - at: 10ms\n    status: WSA_QOS_SENDERS\n    error: 0\n") == "");
  BOOST_TEST(unlike_a_person("  - at: 10000us\n") ==
             "a duration not in its largest unit: at: 10000us\n");
  BOOST_TEST(unlike_a_person("  - at: 2000ms\n") ==
             "a duration not in its largest unit: at: 2000ms\n");
  BOOST_TEST(unlike_a_person("    timeout: 1000\n") ==
             "a duration not in its largest unit: timeout: 1000\n");
  BOOST_TEST(unlike_a_person("    status: 11006\n") ==
             "a number where a name is meant: status: 11006");
  BOOST_TEST(unlike_a_person("    expect: wait\n    result: 192\n") ==
             "a number where a name is meant: result: 192");
  BOOST_TEST(unlike_a_person("    expect: call\n    result: -1\n    error: 997\n") ==
             "a number where a name is meant: error: 997");
  BOOST_TEST(unlike_a_person("    expect: call\n    result: 0\n") == "");
  BOOST_TEST(unlike_a_person("    q: { service_type: 2 }\n") ==
             "a number where a name is meant: service_type: 2");
  BOOST_TEST(unlike_a_person("    extended_status: [0, 0]\n") ==
             "an extended status by number: extended_status: [0, 0]");
}

// What a recording of receiver-session begins with, exactly: durations with units, names.
BOOST_AUTO_TEST_CASE(a_recording_is_written_as_a_person_writes_a_scenario) {
  scenario::LoadResult original = scenario::load_file(
      std::string(QOSBED_SOURCE_DIR "/scenarios/teaching/receiver-session.yaml"));
  BOOST_TEST_REQUIRE(original.diagnostics.empty());
  const Played recorded = play(*original.scenario, true);
  const std::string steps = recorded.recording.substr(recorded.recording.find("steps:\n"));
  const std::string receiving =
      "{ service_type: SERVICETYPE_CONTROLLEDLOAD, token_rate: 8000, token_bucket_size: 2048, "
      "peak_bandwidth: 16000, latency: not_specified, delay_variation: not_specified, "
      "max_sdu_size: 1500, minimum_policed_size: 64 }";
  BOOST_TEST(steps.starts_with(
                 "steps:\n"
                 "  - at: 0us\n    app: bind\n    socket: rx\n"
                 "  - at: 0us\n    expect: call\n    result: 0\n"
                 "  - at: 0us\n    app: get_qos\n    socket: rx\n    mode: overlapped\n"
                 "    notify: routine\n    buffer: 65536\n"
                 "  - at: 0us\n    expect: call\n    result: -1\n    error: WSA_IO_PENDING\n"
                 "  - at: 0us\n    app: wait\n    alertable: true\n    timeout: 1s\n"
                 "  - at: 20ms\n    sp: fd_qos\n    socket: rx\n    status: WSA_QOS_SENDERS\n"
                 "    extended_status: [GQOS_NO_ERRORCODE, GQOS_NO_ERRORCODE]\n"
                 "    receiving: " +
                 receiving +
                 "\n"
                 "    objects: [{ raw: { type: RSVP_OBJECT_ADSPEC, length: 76, hex: \""),
             steps.substr(0, 2000));
  BOOST_TEST(steps.find("    expect: wait\n    result: WSA_WAIT_IO_COMPLETION\n") !=
             std::string::npos);
  BOOST_TEST(steps.find("style: RSVP_FIXED_FILTER_STYLE, confirm: true }") != std::string::npos);
  BOOST_TEST(
      steps.find("  - at: 5s\n    sp: fd_qos\n    socket: rx\n    status: WSA_QOS_NO_SENDERS\n") !=
      std::string::npos);
}

// Scenarios whose application reads each indication when it arrives, written as steps or as
// `app: monitor`, on any profile, pending policy or admission limit: the replay is the run
// (docs/recording.md says why others may differ).
BOOST_AUTO_TEST_CASE(a_recording_replays_to_the_same_trace) {
  for (const char* file : {
           "scenarios/teaching/receiver-session.yaml",
           "scenarios/teaching/receiver-admission-failure.yaml",
           "scenarios/regression/receiver-reissues-after-enobufs.yaml",
           "scenarios/regression/sync-query-returns-data.yaml",
           "scenarios/regression/fd-qos-drain-with-event-select.yaml",
           "scenarios/rules/r8-close-aborts-pending-queries.yaml",
           "scenarios/rules/r10-confirmation-only-when-asked.yaml",
           "scenarios/profiles/windows-2000-full-signalling.yaml",
           "scenarios/teaching/sender-session.yaml",
           "scenarios/teaching/both-roles-session.yaml",
           "scenarios/client-bugs/enobufs-treated-as-fatal.yaml",
           "scenarios/profiles/no-qos-provider-monitor-stops.yaml",
           "scenarios/profiles/windows-2003-sync-query-returns-zero-bytes.yaml",
           "scenarios/regression/admission-limit.yaml",
           "scenarios/regression/pending-drop-discards.yaml",
           "scenarios/regression/pending-coalesce-keeps-latest.yaml",
           "scenarios/regression/set-qos-errors.yaml",
           "scenarios/profiles/windows-xp-query-never-completes.yaml",
           "scenarios/regression/two-indications-arrive-in-order.yaml",
           "scenarios/regression/event-notified-query-get-overlapped-result.yaml",
           "scenarios/regression/decisions-overridden.yaml",
           "scenarios/rules/r10-join-leaf-asks-like-connect.yaml",
           "scenarios/rules/r10-reserve-info-malformed.yaml",
           "scenarios/rules/r10-reserve-info-style-not-allowed.yaml",
       }) {
    BOOST_TEST_CONTEXT(file) {
      scenario::LoadResult original =
          scenario::load_file(std::string(QOSBED_SOURCE_DIR "/") + file);
      BOOST_TEST_REQUIRE(original.diagnostics.empty());
      const Played recorded = play(*original.scenario, true);
      BOOST_TEST(recorded.result.passed());
      BOOST_TEST(unlike_a_person(recorded.recording) == "", recorded.recording);

      scenario::LoadResult loaded = scenario::load_text(recorded.recording, "recorded.yaml");
      for (const auto& diagnostic : loaded.diagnostics) BOOST_TEST_MESSAGE(diagnostic.message);
      BOOST_TEST_REQUIRE(loaded.diagnostics.empty(), recorded.recording);
      const Played replayed = play(*loaded.scenario, false);
      for (const auto& failure : replayed.result.failures)
        BOOST_TEST_MESSAGE(runner::format(failure));
      BOOST_TEST(replayed.result.passed(), recorded.recording);
      BOOST_TEST(comparable(recorded.trace.records()) == comparable(replayed.trace.records()),
                 boost::test_tools::per_element());
    }
  }
}

// SIO_CHK_QOS is recorded as `app: check_qos` with its selector, and what it returned as
// `expect: call`: the DWORD it wrote, or its error.
BOOST_AUTO_TEST_CASE(a_check_qos_is_recorded_with_its_selector_and_value) {
  scenario::LoadResult original = scenario::load_text(R"(scenario: chk
sockets:
  tx: { role: sender, remote: 10.0.0.2:5000 }
steps:
  - app: connect
    socket: tx
  - app: check_qos
    socket: tx
    selector: LINE_RATE
  - expect: call
    result: 0
  - app: check_qos
    socket: tx
    selector: 99
  - expect: call
    error: WSAEINVAL
)",
                                                      "chk.yaml");
  BOOST_TEST_REQUIRE(original.diagnostics.empty());
  const Played recorded = play(*original.scenario, true);
  BOOST_TEST(recorded.result.passed());
  const std::string& text = recorded.recording;
  BOOST_TEST(text.find("    app: check_qos\n    socket: tx\n    selector: LINE_RATE\n") !=
                 std::string::npos,
             text);
  BOOST_TEST(text.find("    selector: 99\n") != std::string::npos, text);
  BOOST_TEST(text.find("    expect: call\n    result: 0\n    value: INFO_NOT_AVAILABLE\n") !=
                 std::string::npos,
             text);
  BOOST_TEST(
      text.find("    expect: call\n    result: -1\n    error: WSAEINVAL\n") != std::string::npos,
      text);
  scenario::LoadResult loaded = scenario::load_text(text, "recorded.yaml");
  BOOST_TEST_REQUIRE(loaded.diagnostics.empty(), text);
  const Played replayed = play(*loaded.scenario, false);
  BOOST_TEST(replayed.result.passed(), text);
  BOOST_TEST(comparable(recorded.trace.records()) == comparable(replayed.trace.records()),
             boost::test_tools::per_element());
}

// A Monitor's completions inside an application's wait: the Monitor's own queries, made in its
// routine, are not the application's calls, so the wait they run in stays where it began, before
// the indications it saw arrive.
BOOST_AUTO_TEST_CASE(a_monitor_reading_inside_a_wait_records_the_wait_where_it_began) {
  const scenario::LoadResult original = scenario::load_text(
      "scenario: monitor-in-wait\nsockets:\n  rx: {role: receiver, local: 10.0.0.2:5000}\n"
      "steps:\n"
      "  - {app: bind, socket: rx}\n"
      "  - {app: monitor, socket: rx, initial_buffer: 512}\n"
      "  - {app: wait, alertable: true, timeout: 100ms}\n"
      "  - {at: 20ms, sp: fd_qos, socket: rx, status: WSA_QOS_SENDERS}\n"
      "  - {at: 50ms, sp: fd_qos, socket: rx, status: WSA_QOS_NO_SENDERS}\n"
      "  - {expect: update, socket: rx, status: WSA_QOS_SENDERS}\n"
      "  - {expect: update, socket: rx, status: WSA_QOS_NO_SENDERS}\n"
      "  - {at: 200ms, app: close, socket: rx}\n",
      "monitor-in-wait.yaml");
  BOOST_TEST_REQUIRE(original.diagnostics.empty());
  const Played recorded = play(*original.scenario, true);
  BOOST_TEST(recorded.result.passed());
  const std::string wait = "  - at: 0us\n    app: wait\n    alertable: true\n    timeout: 100ms\n";
  const std::string indication = "  - at: 20ms\n    sp: fd_qos\n";
  BOOST_TEST_REQUIRE(recorded.recording.find(wait) != std::string::npos, recorded.recording);
  BOOST_TEST(recorded.recording.find(wait) < recorded.recording.find(indication));

  scenario::LoadResult loaded = scenario::load_text(recorded.recording, "recorded.yaml");
  BOOST_TEST_REQUIRE(loaded.diagnostics.empty(), recorded.recording);
  const Played replayed = play(*loaded.scenario, false);
  BOOST_TEST(replayed.result.passed());
  BOOST_TEST(comparable(recorded.trace.records()) == comparable(replayed.trace.records()),
             boost::test_tools::per_element());
}
