// The authoring and teaching commands: `qosbed explain` (exact text on a scenario written here,
// and every bundled scenario explained) and `qosbed new` (new -> validate -> run, exit 0).
#define BOOST_TEST_MODULE authoring
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "cli_harness.hpp"

namespace fs = std::filesystem;
using qosbed::test::command;
using Result = qosbed::test::CommandResult;

namespace {

struct Folder : qosbed::test::TempFolder {
  Folder() : TempFolder("authoring") {}
};

}  // namespace

BOOST_AUTO_TEST_CASE(explain_tells_the_run_with_its_rules) {
  Folder folder;
  folder.write("pend.yaml",
               "scenario: pend\ndescription: A query pends.\nsockets:\n  rx: {role: receiver}\n"
               "steps:\n  - {app: bind, socket: rx}\n  - {app: get_qos, socket: rx, buffer: 8}\n"
               "  - {at: 5ms, sp: fd_qos, socket: rx, status: WSA_QOS_SENDERS}\n"
               "  - {app: wait, alertable: true, timeout: 10ms}\n"
               "  - {expect: completion, socket: rx, error: WSAENOBUFS, required: 100}\n");
  const Result explained = command({"explain", folder.file("pend.yaml")});
  BOOST_TEST(explained.code == 0);
  BOOST_TEST(explained.err == "");
  BOOST_TEST(
      explained.out ==
      "Scenario pend (" + folder.file("pend.yaml") +
          ")\n"
          "A query pends.\n"
          "Provider profile windows-2000; sockets: rx (receiver)\n"
          "\n"
          "1. At 0.000 ms: rx: bind (0.0.0.0:0) returns 0.\n"
          "   Why: A bound socket may ask for its QoS state (R3).\n"
          "   Next: Issue an overlapped SIO_GET_QOS to hear of PATH messages.\n"
          "2. At 0.000 ms: rx: SIO_GET_QOS (overlapped, with a completion routine, buffer 8 "
          "bytes) pends: WSA_IO_PENDING.\n"
          "   Why: Nothing is queued, so the request waits for the next FD_QOS indication (R1).\n"
          "   Next: Enter an alertable wait (SleepEx or WSAWaitForMultipleEvents with bAlertable "
          "TRUE): a completion routine runs only there (R6).\n"
          "3. At 5.000 ms: rx: the RSVP SP has WSA_QOS_SENDERS (enobufs).\n"
          "   Why: The pending request's buffer is too small (the SIO_GET_QOS of item 2): it "
          "finishes with WSAENOBUFS and the required size, and the indication stays queued (R5, "
          "D5).\n"
          "   Next: When the completion reports WSAENOBUFS, reissue SIO_GET_QOS with a buffer of "
          "the required size.\n"
          "4. At 5.000 ms: rx: the provider finishes the SIO_GET_QOS of item 2 with WSAENOBUFS, 4 "
          "bytes.\n"
          "   Why: The application does not know yet: its completion routine runs in the next "
          "alertable wait (R6).\n"
          "5. At 5.000 ms: rx: the completion routine of the SIO_GET_QOS of item 2 runs: "
          "WSAENOBUFS, 4 bytes.\n"
          "   Why: Routines run only inside an alertable wait (R6, D14). The buffer was too "
          "small: the indication is still queued (R5, D5).\n"
          "   Next: Reissue SIO_GET_QOS with a buffer of the required size (the first 4 bytes "
          "of the buffer).\n"
          "6. At 5.000 ms: The application waits (sleep_ex, alertable, 10 ms): "
          "WSA_WAIT_IO_COMPLETION.\n"
          "   Why: Completion routines ran inside the alertable wait (R6, D14).\n"
          "\n"
          "All 1 expectations held.\n");

  folder.write("fails.yaml",
               "scenario: fails\nsockets:\n  rx: {role: receiver}\nsteps:\n"
               "  - {app: bind, socket: rx}\n  - {expect: call, result: -1}\n");
  const Result failed = command({"explain", folder.file("fails.yaml")});
  BOOST_TEST(failed.code == 1);
  BOOST_TEST(failed.out.ends_with("1 of 1 expectations failed:\n  " + folder.file("fails.yaml") +
                                  ":6: expected call result -1 vs actual 0 (call on rx at 0.000 "
                                  "ms, from bind)\n"));
}

// The completion of an overlapped SIO_SET_QOS is told as such, not as a query's result.
BOOST_AUTO_TEST_CASE(explain_names_the_set_qos_completion) {
  Folder folder;
  folder.write("set.yaml",
               "scenario: set\nsockets:\n  tx: {role: sender, protocol: tcp, remote: "
               "10.0.0.2:5000}\nsteps:\n  - {app: connect, socket: tx}\n"
               "  - {app: set_qos, socket: tx, mode: overlapped, qos: {sending: "
               "{service_type: guaranteed, token_rate: 8000}}}\n"
               "  - {app: wait, alertable: true, timeout: 0ms}\n"
               "  - {expect: completion, socket: tx, error: 0, bytes: 0}\n");
  const Result explained = command({"explain", folder.file("set.yaml")});
  BOOST_TEST(explained.code == 0);
  BOOST_TEST(explained.out.find(
                 "4. At 0.000 ms: tx: the completion routine of the SIO_SET_QOS of item 3 runs: "
                 "NO_ERROR, 0 bytes.\n"
                 "   Why: Routines run only inside an alertable wait (R6, D14). An overlapped "
                 "SIO_SET_QOS finishes at once and has no output (R10).\n"
                 "   Next: Keep an SIO_GET_QOS pending: FD_QOS reports whether the reservation "
                 "is made.\n") != std::string::npos);
  BOOST_TEST(explained.out.find("2. At 0.000 ms: tx: the provider finishes the SIO_SET_QOS being "
                                "issued (item 3) with NO_ERROR, 0 bytes.\n"
                                "   Why: An overlapped SIO_SET_QOS finishes at once (R10).") !=
             std::string::npos);
  BOOST_TEST(explained.out.find("Read RSVP_STATUS_INFO") == std::string::npos);
}

// With several queries pending, an indication finishes the oldest first, those too small with
// WSAENOBUFS in turn (D5): each finish and completion names the request it belongs to.
BOOST_AUTO_TEST_CASE(explain_follows_several_pending_requests) {
  Folder folder;
  folder.write("several.yaml",
               "scenario: several\nsockets:\n  rx: {role: receiver}\nsteps:\n"
               "  - {app: bind, socket: rx}\n"
               "  - {app: get_qos, socket: rx, buffer: 16}\n"
               "  - {app: get_qos, socket: rx}\n"
               "  - {app: get_qos, socket: rx, notify: event}\n"
               "  - {at: 10ms, sp: fd_qos, socket: rx, status: WSA_QOS_SENDERS}\n"
               "  - {app: wait, alertable: true, timeout: 100ms}\n"
               "  - {at: 20ms, sp: fd_qos, socket: rx, status: WSA_QOS_NO_SENDERS}\n"
               "  - {app: get_overlapped_result, socket: rx}\n"
               "  - {expect: completion, socket: rx, error: WSAENOBUFS}\n");
  const Result explained = command({"explain", folder.file("several.yaml")});
  BOOST_TEST(explained.code == 0);
  const std::string& out = explained.out;
  const std::vector<std::string> told{
      "4. At 0.000 ms: rx: SIO_GET_QOS (overlapped, with an event, buffer 65536 bytes) pends: "
      "WSA_IO_PENDING.\n"
      "   Why: Nothing is queued, so the request waits for the next FD_QOS indication (R1).\n"
      "   Next: Wait on its event (WSAWaitForMultipleEvents), then read the result with "
      "WSAGetOverlappedResult (R6).\n",
      "5. At 10.000 ms: rx: the RSVP SP has WSA_QOS_SENDERS (completed).\n"
      "   Why: The oldest pending query is too small for it (the SIO_GET_QOS of item 2): it "
      "finishes with WSAENOBUFS (R5, D5). The next one, the SIO_GET_QOS of item 3, takes it "
      "(R1), with one direction valid (R2, D9, D10) and RSVP_STATUS_INFO first in "
      "ProviderSpecific (R4, D11).\n",
      "6. At 10.000 ms: rx: the provider finishes the SIO_GET_QOS of item 2 with WSAENOBUFS, 4 "
      "bytes.\n",
      "7. At 10.000 ms: rx: the provider finishes the SIO_GET_QOS of item 3 with NO_ERROR, 100 "
      "bytes.\n",
      "8. At 10.000 ms: rx: the completion routine of the SIO_GET_QOS of item 2 runs: "
      "WSAENOBUFS, 4 bytes.\n"
      "   Why: Routines run only inside an alertable wait (R6, D14). The buffer was too small: "
      "the SIO_GET_QOS of item 3, pending after it, took the indication (R5, D5).\n"
      "   Next: Read the indication in the completion of the SIO_GET_QOS of item 3; reissue only "
      "to keep a query pending.\n",
      "9. At 10.000 ms: rx: the completion routine of the SIO_GET_QOS of item 3 runs: NO_ERROR, "
      "100 bytes, WSA_QOS_SENDERS.\n",
      "11. At 20.000 ms: rx: the RSVP SP has WSA_QOS_NO_SENDERS (completed).\n"
      "   Why: It finishes the oldest pending query, the SIO_GET_QOS of item 4 (R1),",
      "12. At 20.000 ms: rx: the provider finishes the SIO_GET_QOS of item 4 with NO_ERROR, 100 "
      "bytes.\n"
      "   Why: The application does not know yet: the request's event is signalled, and "
      "WSAGetOverlappedResult reads the result (R6).\n",
      "14. At 20.000 ms: rx: GetOverlappedResult reads the result of the SIO_GET_QOS of item 4: "
      "NO_ERROR, 100 bytes, WSA_QOS_NO_SENDERS.\n",
  };
  for (const std::string& item : told) BOOST_TEST(out.find(item) != std::string::npos, item);
  BOOST_TEST(out.find("the indication is still queued") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(explain_errors) {
  Folder folder;
  const Result none = command({"explain"});
  BOOST_TEST(none.code == 2);
  const Result two = command({"explain", "a.yaml", "b.yaml"});
  BOOST_TEST(two.code == 2);
  BOOST_TEST(two.err.starts_with("qosbed: explain takes one scenario file\n"));
  const Result missing = command({"explain", "no-such.yaml"});
  BOOST_TEST(missing.code == 2);
  BOOST_TEST(missing.err == "qosbed: no-such.yaml: no such file or folder\n");
  folder.write("bad.yaml", "scenario: bad\n");
  const Result invalid = command({"explain", folder.file("bad.yaml")});
  BOOST_TEST(invalid.code == 2);
  BOOST_TEST(invalid.err.starts_with(folder.file("bad.yaml") + ":1:1: error:"));
  const Result help = command({"explain", "--help"});
  BOOST_TEST(help.code == 0);
  BOOST_TEST(help.out.starts_with("usage: qosbed explain FILE\n"));
}

namespace {

// The line after item `item`'s "N. At ..." line: its "   Why: ".
std::string why_of(const std::string& out, int item) {
  const auto at = out.find("\n" + std::to_string(item) + ". At ");
  if (at == std::string::npos) return {};
  const auto why = out.find("\n", at + 1) + 1;
  const auto end = out.find("\n", why);
  return out.substr(why, end - why);
}

}  // namespace

BOOST_AUTO_TEST_CASE(explain_names_the_call_behind_each_message) {
  const Result explained =
      command({"explain", QOSBED_SOURCE_DIR "/scenarios/network/app-close-sends-path-tear.yaml"});
  BOOST_TEST(explained.code == 0);
  const std::string& out = explained.out;
  BOOST_TEST(out.find("\n5. At 0.000 ms: tx: connect (10.0.0.2:5000) returns 0.") !=
             std::string::npos);
  BOOST_TEST(why_of(out, 6).starts_with(
      "   Why: Because of tx's connect (item 5): the RSVP SP sends PATH as soon as a socket knows "
      "its peer"));
  // A router forwards: no application is behind its message.
  BOOST_TEST(why_of(out, 8).starts_with("   Why: A Path travels downstream"));
  BOOST_TEST(why_of(out, 12).starts_with(
      "   Why: The Path of item 9 reached this host, where rx's set_qos (item 2) asked for it: "
      "the RSVP SP turns a receiving FLOWSPEC into a RESV"));
  BOOST_TEST(out.find("\n20. At 5000.000 ms: tx: close returns 0.") != std::string::npos);
  BOOST_TEST(why_of(out, 21).starts_with(
      "   Why: Because of tx's close (item 20): QoS that ends (closesocket, shutdown, connect with "
      "no address, NOTRAFFIC or BESTEFFORT) is torn down at once"));
}

// The host SP's decisions are cited where the trace shows them at work, and only there.
BOOST_AUTO_TEST_CASE(explain_cites_the_host_sp_decisions_a_trace_shows) {
  const auto explain = [](const std::string& scenario) {
    const Result explained =
        command({"explain", QOSBED_SOURCE_DIR "/scenarios/network/" + scenario + ".yaml"});
    BOOST_TEST(explained.code == 0);
    return explained.out;
  };
  const std::string defaults = explain("app-sender-tspec-defaults");
  BOOST_TEST(why_of(defaults, 4)
                 .find("the next ephemeral port first, the port its "
                       "SENDER_TEMPLATE carries (D32).") != std::string::npos);
  BOOST_TEST(
      why_of(defaults, 5)
          .ends_with(
              "Its entry names tx: that socket's calls, not the entry's start and senders, decide "
              "what it "
              "signals (D33). TokenBucketSize was not specified: b = M, the largest packet (D21). "
              "PeakBandwidth was not specified: p = +infinity (D22)."));
  BOOST_TEST(
      why_of(defaults, 12)
          .ends_with(
              "Its FLOWSPEC is the receiving FLOWSPEC with what it left unspecified taken from the "
              "sender's Tspec (D26)."));
  // A bound sender that gave its whole Tspec: neither D32 nor D21/D22.
  const std::string bound = explain("app-resv-waits-for-path");
  BOOST_TEST(bound.find("(D32)") == std::string::npos);
  BOOST_TEST(bound.find("(D21)") == std::string::npos);
  BOOST_TEST(why_of(bound, 6).find("(D22)") != std::string::npos);
  // Told on entering (D25) at 1 s; at 5.002 s in the other the PATH's arrival tells it.
  const std::string late = explain("app-late-receiver-told-at-once");
  BOOST_TEST(why_of(late, 11).ends_with(
      "The socket entered a session that already had this state, and is told it at once (D25)."));
  BOOST_TEST(bound.find("(D25)") == std::string::npos);
  const std::string unsignalled = explain("app-unsignalled-receiver-hears-path");
  BOOST_TEST(why_of(unsignalled, 11)
                 .ends_with("With SERVICE_NO_QOS_SIGNALING the receiver still hears PATH, and "
                            "sends no RESV (D24)."));
  // A scripted entry names no socket: no application decides, D33 is not cited.
  const Result scripted =
      command({"explain", QOSBED_SOURCE_DIR "/scenarios/network/no-confirm-when-blockaded.yaml"});
  BOOST_TEST(scripted.out.find("(D33)") == std::string::npos);
}

// The bundled suite is the map's own test: every rule has a scenario that shows it.
BOOST_AUTO_TEST_CASE(the_bundled_suite_exercises_every_rule) {
  const Result coverage = command({"coverage", QOSBED_SOURCE_DIR "/scenarios"});
  BOOST_TEST(coverage.code == 0);
  BOOST_TEST(coverage.out.find(" exercise 49/49 rules,") != std::string::npos);
  BOOST_TEST(coverage.out.find("\n  rules:") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(explain_names_the_call_behind_a_refresh) {
  Folder folder;
  std::ifstream bundled(QOSBED_SOURCE_DIR "/scenarios/network/app-close-sends-path-tear.yaml");
  std::string text((std::istreambuf_iterator<char>(bundled)), std::istreambuf_iterator<char>());
  // A refresh period shorter than the run: the host repeats PATH before the close.
  text.replace(text.find("network:\n"), 9, "network:\n  refresh: 1s\n");
  folder.write("refresh.yaml", text);
  const Result explained = command({"explain", folder.file("refresh.yaml")});
  BOOST_TEST(explained.code == 0);
  BOOST_TEST(explained.out.find(
                 "Path sent, session 10.0.0.2:5000/17, 8000 bytes/s.\n   Why: A refresh: the RSVP "
                 "SP repeats it about every R for as long as tx keeps its QoS (last changed by its "
                 "connect, item 5; RFC 2205 section 3.1.3).") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(every_bundled_scenario_explains) {
  const Result all = command({"list", QOSBED_SOURCE_DIR "/scenarios"});
  std::istringstream lines(all.out);
  int explained = 0;
  for (std::string line; std::getline(lines, line);) {
    const std::string file = line.substr(0, line.find("  "));
    const Result result = command({"explain", file});
    BOOST_TEST_INFO(file);
    BOOST_TEST(result.code == 0);
    BOOST_TEST(result.out.find("Why: ") != std::string::npos);
    ++explained;
  }
  BOOST_TEST(explained > 30);
}

BOOST_AUTO_TEST_CASE(new_writes_a_scenario_that_validates_and_runs) {
  Folder folder;
  for (const std::string role : {"receiver", "sender"}) {
    const std::string name = folder.file("my-" + role);
    const Result written = command({"new", name, "--role", role});
    BOOST_TEST(written.code == 0);
    BOOST_TEST(written.out == "wrote " + name + ".yaml\n");
    const Result valid = command({"validate", name + ".yaml"});
    BOOST_TEST(valid.code == 0);
    BOOST_TEST(valid.out == "1 valid, 0 invalid\n");
    const Result run = command({"run", name + ".yaml"});
    BOOST_TEST_INFO(run.err);
    BOOST_TEST(run.code == 0);
    BOOST_TEST(run.out.ends_with(" expectations held\n1 passed, 0 failed\n"));
    const Result again = command({"new", name + ".yaml", "--role", role});
    BOOST_TEST(again.code == 2);
    BOOST_TEST(again.err == "qosbed: " + name + ".yaml: already exists\n");
  }
  const Result no_role = command({"new", folder.file("x")});
  BOOST_TEST(no_role.code == 2);
  BOOST_TEST(no_role.err == "qosbed: new needs --role receiver or --role sender\n");
  const Result bad_role = command({"new", folder.file("x"), "--role", "both"});
  BOOST_TEST(bad_role.code == 2);
  BOOST_TEST(bad_role.err == "qosbed: --role takes receiver or sender, not 'both'\n");
  const Result nowhere = command({"new", folder.file("no/such/x"), "--role", "sender"});
  BOOST_TEST(nowhere.code == 2);
  BOOST_TEST(nowhere.err == "qosbed: " + folder.file("no/such/x.yaml") +
                                ": cannot be written: No such file or directory\n");
}

BOOST_AUTO_TEST_CASE(schema_prints_draft_2020_12) {
  const Result schema = command({"schema"});
  BOOST_TEST(schema.code == 0);
  BOOST_TEST(schema.out.starts_with(
      "{\n  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\",\n"));
  BOOST_TEST(schema.out.find("\"decisions\": {") != std::string::npos);
  const Result extra = command({"schema", "x"});
  BOOST_TEST(extra.code == 2);
  BOOST_TEST(extra.err.starts_with("qosbed: schema takes no arguments, not 'x'\n"));
  const Result help = command({"schema", "--help"});
  BOOST_TEST(help.code == 0);
  BOOST_TEST(help.out.starts_with("usage: qosbed schema\n"));
}
