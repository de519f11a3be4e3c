// What a run tells its user: failure messages that name each value as the call that returned it
// means it, and compare each expectation against the step it follows.
#define BOOST_TEST_MODULE messages
#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "cli_harness.hpp"
#include "runner/runner.hpp"
#include "scenario/loader.hpp"

using namespace qosbed;

namespace {

const std::string receiver = "scenario: t\nsockets:\n  rx: {role: receiver}\nsteps:\n";

scenario::Scenario load(const std::string& steps) {
  scenario::LoadResult loaded = scenario::load_text(receiver + steps, "t.yaml");
  for (const auto& diagnostic : loaded.diagnostics)
    BOOST_TEST_MESSAGE(scenario::format(diagnostic));
  BOOST_REQUIRE(loaded.diagnostics.empty());
  BOOST_REQUIRE(loaded.scenario.has_value());
  return std::move(*loaded.scenario);
}

std::vector<std::string> failures_of(const std::string& steps, bool strict = false) {
  runner::RunOptions options;
  options.strict = strict;
  std::vector<std::string> messages;
  for (const runner::Failure& failure : runner::run(load(steps), options).failures) {
    messages.push_back(runner::format(failure));
  }
  return messages;
}

using Messages = std::vector<std::string>;

}  // namespace

// SleepEx returns 0 when its time runs out: a WSA_WAIT_* name would call that WSA_WAIT_EVENT_0.
BOOST_AUTO_TEST_CASE(a_sleep_ex_that_times_out_is_named_a_timeout) {
  const std::string pending = "  - {app: bind, socket: rx}\n  - {app: get_qos, socket: rx}\n";
  BOOST_TEST(failures_of(pending + "  - {app: wait, alertable: true, timeout: 10ms}\n"
                                   "  - {expect: wait, result: WSA_WAIT_IO_COMPLETION}\n") ==
                 (Messages{"t.yaml:8: expected wait result WSA_WAIT_IO_COMPLETION vs actual 0 "
                           "(timed out) (wait at 10.000 ms)"}),
             boost::test_tools::per_element());
  // The expected value is named as the call names it too.
  BOOST_TEST(
      failures_of(pending + "  - {at: 5ms, sp: fd_qos, socket: rx, status: WSA_QOS_SENDERS}\n"
                            "  - {app: wait, alertable: true, timeout: 10ms}\n"
                            "  - {expect: wait, result: 0}\n") ==
          (Messages{"t.yaml:9: expected wait result 0 (timed out) vs actual "
                    "WSA_WAIT_IO_COMPLETION (wait at 5.000 ms)"}),
      boost::test_tools::per_element());
  // WSA_WAIT_TIMEOUT still matches SleepEx's 0.
  BOOST_TEST(failures_of(pending + "  - {app: wait, alertable: true, timeout: 10ms}\n"
                                   "  - {expect: wait, result: WSA_WAIT_TIMEOUT}\n")
                 .empty());
}

// WSAWaitForMultipleEvents does return WSA_WAIT_TIMEOUT (0x102), and 0 for its first event.
BOOST_AUTO_TEST_CASE(a_wait_for_events_result_keeps_its_wsa_names) {
  const std::string waits =
      "  - {app: bind, socket: rx}\n  - {app: get_qos, socket: rx, notify: event}\n"
      "  - {app: wait, events: [rx], timeout: 10ms}\n";
  BOOST_TEST(failures_of(waits + "  - {expect: wait, result: WSA_WAIT_EVENT_0}\n") ==
                 (Messages{"t.yaml:8: expected wait result WSA_WAIT_EVENT_0 vs actual "
                           "WSA_WAIT_TIMEOUT (wait at 10.000 ms)"}),
             boost::test_tools::per_element());
  BOOST_TEST(failures_of(waits + "  - {expect: wait, result: 2}\n") ==
                 (Messages{"t.yaml:8: expected wait result WSA_WAIT_EVENT_0 + 2 vs actual "
                           "WSA_WAIT_TIMEOUT (wait at 10.000 ms)"}),
             boost::test_tools::per_element());
}

// A step that could not be played made no call: the `expect: call` after it must not compare
// against the call before it (here the bind, which returned 0).
BOOST_AUTO_TEST_CASE(an_expect_call_after_a_step_that_could_not_be_played_says_so) {
  BOOST_TEST(failures_of("  - {app: bind, socket: rx}\n"
                         "  - {app: get_qos, socket: rx, buffer: required}\n"
                         "  - {expect: call, error: WSAENOBUFS}\n") ==
                 (Messages{"t.yaml:6: buffer: required, but no WSAENOBUFS has told rx a "
                           "required size yet",
                           "t.yaml:7: expected a call result vs actual none: the get_qos step at "
                           "line 6 could not be played"}),
             boost::test_tools::per_element());
  BOOST_TEST(failures_of("  - {app: bind, socket: rx}\n"
                         "  - {app: get_overlapped_result, socket: rx}\n"
                         "  - {expect: call, socket: rx, result: 1}\n") ==
                 (Messages{"t.yaml:6: get_overlapped_result: rx has no event-notified request "
                           "left to read",
                           "t.yaml:7: expected a call result on rx vs actual none: the "
                           "get_overlapped_result step at line 6 could not be played"}),
             boost::test_tools::per_element());
}

// Every file a command writes says why it cannot be written, in the system's words.
BOOST_AUTO_TEST_CASE(every_output_file_says_why_it_cannot_be_written) {
  const test::TempFolder folder("messages-output");
  folder.write("s.yaml", receiver + "  - {app: bind, socket: rx}\n  - {expect: call, result: 0}\n");
  folder.write("not-a-folder", "");
  const std::string scenario = folder.file("s.yaml");
  const std::string missing = folder.file("missing/out");
  const std::string network = QOSBED_SOURCE_DIR "/scenarios/network/path-tear.yaml";
  const std::string no_such = ": cannot be written: No such file or directory\n";
  struct Case {
    std::vector<std::string> args;
    std::string err;  // its last line
  };
  const std::vector<Case> cases{
      {{"run", "--junit", missing, scenario}, "qosbed: " + missing + no_such},
      {{"run", "--tap", missing, scenario}, "qosbed: " + missing + no_such},
      {{"run", "--record", missing, scenario}, "qosbed: " + missing + no_such},
      {{"diagram", scenario, "-o", missing}, "qosbed: " + missing + no_such},
      {{"report", scenario, "-o", missing}, "qosbed: " + missing + no_such},
      {{"compile", network, "-o", missing}, "qosbed: " + missing + no_such},
      {{"new", missing, "--role", "receiver"}, "qosbed: " + missing + ".yaml" + no_such},
      {{"run", "--golden", folder.file("not-a-folder/golden"), "--update-golden", scenario},
       "qosbed: " + folder.file("not-a-folder/golden/s.jsonl") +
           ": cannot be written: Not a directory\n"},
  };
  for (const Case& c : cases) {
    BOOST_TEST_CONTEXT(c.args[0] << " " << c.args[1]) {
      const test::CommandResult result = test::command(c.args);
      BOOST_TEST(result.code != 0);
      BOOST_TEST(result.err.ends_with(c.err), result.err);
    }
  }
}

// A scenario that checks nothing passes, said as a warning; under --strict it fails.
BOOST_AUTO_TEST_CASE(a_scenario_without_expectations_is_a_warning_or_a_strict_failure) {
  const scenario::Scenario scenario = load("  - {app: bind, socket: rx}\n");
  const runner::RunResult lenient = runner::run(scenario);
  BOOST_TEST(lenient.passed());
  BOOST_REQUIRE(lenient.warnings.size() == 1u);
  BOOST_TEST(runner::format_warning(lenient.warnings[0]) ==
             "t.yaml: warning: no expectation: the run passes whatever the application does");
  runner::RunOptions options;
  options.strict = true;
  const runner::RunResult strict = runner::run(scenario, options);
  BOOST_TEST(!strict.passed());
  BOOST_TEST(strict.warnings.empty());
  BOOST_REQUIRE(strict.failures.size() == 1u);
  BOOST_TEST(runner::format(strict.failures[0]) ==
             "t.yaml: no expectation: the run passes whatever the application does (--strict)");
  BOOST_TEST(runner::run(load("  - {app: bind, socket: rx}\n  - {expect: call, result: 0}\n"))
                 .warnings.empty());
}

// Under --strict an indication the application never learnt of fails its step; one it read, or
// one the provider withheld, replaced or discarded, does not.
BOOST_AUTO_TEST_CASE(strict_fails_each_indication_the_application_never_observed) {
  const std::string bound = "  - {app: bind, socket: rx}\n";
  const std::string checked = "  - {expect: call, result: 0}\n";
  const std::string senders = "sp: fd_qos, socket: rx, status: WSA_QOS_SENDERS}\n";
  // A query took it, but the application never entered an alertable wait.
  BOOST_TEST(
      failures_of(bound + checked + "  - {app: get_qos, socket: rx}\n" + "  - {at: 5ms, " + senders,
                  true) ==
          (Messages{"t.yaml:8: sp: fd_qos WSA_QOS_SENDERS on rx at 5.000 ms was never "
                    "observed: a query took it, but the application never learnt of that "
                    "query's completion (--strict)"}),
      boost::test_tools::per_element());
  // Nothing asked: it stayed queued. The second, read by a synchronous query, is observed.
  BOOST_TEST(failures_of(bound + checked + "  - {at: 5ms, " + senders +
                             "  - {at: 6ms, sp: fd_qos, socket: rx, status: WSA_QOS_NO_SENDERS}\n"
                             "  - {app: get_qos, socket: rx, mode: sync}\n"
                             "  - {app: get_qos, socket: rx, mode: sync}\n",
                         true) == (Messages{}),
             boost::test_tools::per_element());
  BOOST_TEST(failures_of(bound + checked + "  - {at: 5ms, " + senders +
                             "  - {at: 6ms, sp: fd_qos, socket: rx, status: WSA_QOS_NO_SENDERS}\n"
                             "  - {app: get_qos, socket: rx, mode: sync}\n",
                         true) ==
                 (Messages{"t.yaml:8: sp: fd_qos WSA_QOS_NO_SENDERS on rx at 6.000 ms was never "
                           "observed: it stayed queued, and no query read it (--strict)"}),
             boost::test_tools::per_element());
  // Not --strict: no failure.
  BOOST_TEST(failures_of(bound + checked + "  - {at: 5ms, " + senders).empty());
  // A completion routine that ran, a network event, a monitor's update: each observes.
  BOOST_TEST(failures_of(bound + checked + "  - {app: get_qos, socket: rx}\n" + "  - {at: 5ms, " +
                             senders + "  - {app: wait, alertable: true, timeout: 10ms}\n",
                         true)
                 .empty());
  BOOST_TEST(failures_of(bound + "  - {app: event_select, socket: rx, events: [fd_qos]}\n" +
                             checked + "  - {at: 5ms, " + senders +
                             "  - {app: enum_network_events, socket: rx}\n",
                         true)
                 .empty());
  BOOST_TEST(failures_of(bound + "  - {app: monitor, socket: rx, initial_buffer: 16}\n" + checked +
                             "  - {at: 5ms, " + senders +
                             "  - {at: 10ms, expect: update, socket: rx}\n",
                         true)
                 .empty());
  // Closing a socket discards what is queued (R8): the provider's doing, not a miss.
  BOOST_TEST(
      failures_of(bound + checked + "  - {at: 5ms, " + senders + "  - {app: close, socket: rx}\n",
                  true)
          .empty());
}

// What the provider withholds by profile, policy or R10 is no step the application missed.
BOOST_AUTO_TEST_CASE(strict_leaves_withheld_and_replaced_indications_alone) {
  const std::string tail =
      "sockets:\n  rx: {role: receiver}\nsteps:\n  - {app: bind, socket: rx}\n"
      "  - {expect: call, result: 0}\n"
      "  - {at: 5ms, sp: fd_qos, socket: rx, status: WSA_QOS_SENDERS}\n"
      "  - {at: 6ms, sp: fd_qos, socket: rx, status: WSA_QOS_REQUEST_CONFIRMED}\n"
      "  - {at: 7ms, sp: fd_qos, socket: rx, status: WSA_QOS_NO_SENDERS}\n"
      "  - {app: get_qos, socket: rx, mode: sync}\n";
  runner::RunOptions options;
  options.strict = true;
  for (const std::string top :
       {"profile: windows-xp\n", "pending: drop\n", "pending: coalesce\n"}) {
    BOOST_TEST_CONTEXT(top) {
      scenario::LoadResult loaded = scenario::load_text("scenario: t\n" + top + tail, "t.yaml");
      BOOST_REQUIRE(loaded.scenario.has_value());
      std::vector<std::string> failures;
      for (const auto& failure : runner::run(*loaded.scenario, options).failures) {
        failures.push_back(runner::format(failure));
      }
      BOOST_TEST(failures.empty(), (failures.empty() ? std::string() : failures.front()));
    }
  }
}

// `run`: the warning on stderr and exit 0; --strict: the failure and exit 1; --help says both.
BOOST_AUTO_TEST_CASE(run_warns_of_a_scenario_without_expectations_and_strict_fails_it) {
  const test::TempFolder folder("messages-strict");
  folder.write("none.yaml", receiver + "  - {app: bind, socket: rx}\n");
  const std::string file = folder.file("none.yaml");
  const test::CommandResult lenient = test::command({"run", file});
  BOOST_TEST(lenient.code == 0);
  BOOST_TEST(lenient.err ==
             file + ": warning: no expectation: the run passes whatever the application does\n");
  const test::CommandResult strict = test::command({"run", "--strict", file});
  BOOST_TEST(strict.code == 1);
  BOOST_TEST(strict.err.starts_with(
      file + ": no expectation: the run passes whatever the application does (--strict)\n"));
  const test::CommandResult help = test::command({"run", "--help"});
  BOOST_TEST(help.out.find("--strict") != std::string::npos);
  BOOST_TEST(help.out.find("FILE: warning:\nno expectation") != std::string::npos);
  BOOST_TEST(help.out.find("never observed") != std::string::npos);
}
