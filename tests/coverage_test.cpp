// `qosbed coverage`: which rules, statuses, errors and notification modes a folder of scenarios
// exercises (exact table and JSON for three scenarios written here; R1-R10 for the bundled
// suite), its errors, and the citations of `qosbed explain` it counts rules from.
#define BOOST_TEST_MODULE coverage
#include <boost/test/unit_test.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "cli/behaviour_rules.hpp"
#include "cli/explain.hpp"
#include "cli/scenario_files.hpp"
#include "cli_harness.hpp"
#include "runner/runner.hpp"
#include "scenario/loader.hpp"

using qosbed::test::command;
using Result = qosbed::test::CommandResult;

namespace {

struct Folder : qosbed::test::TempFolder {
  Folder() : TempFolder("coverage") {
    // A receiver's routine query that an indication completes.
    write("pend.yaml",
          "scenario: pend\nsockets:\n  rx: {role: receiver}\nsteps:\n"
          "  - {app: bind, socket: rx}\n  - {app: get_qos, socket: rx}\n"
          "  - {at: 5ms, sp: fd_qos, socket: rx, status: WSA_QOS_SENDERS}\n"
          "  - {app: wait, alertable: true, timeout: 10ms}\n"
          "  - {expect: completion, socket: rx, error: 0, status: WSA_QOS_SENDERS}\n");
    // FD_QOS through WSAEventSelect, drained with synchronous queries.
    write("drain.yaml",
          "scenario: drain\nsockets:\n  rx: {role: receiver}\nsteps:\n"
          "  - {app: bind, socket: rx}\n  - {app: event_select, socket: rx, events: [fd_qos]}\n"
          "  - {at: 5ms, sp: fd_qos, socket: rx, status: WSA_QOS_NO_SENDERS}\n"
          "  - {app: wait, events: [rx], timeout: 10ms}\n"
          "  - {app: enum_network_events, socket: rx}\n"
          "  - {app: get_qos, socket: rx, mode: sync}\n  - {app: get_qos, socket: rx, mode: sync}\n"
          "  - {expect: call, result: -1, error: WSAEWOULDBLOCK}\n");
    // A sender asking too early, then connecting and closing.
    write("early.yaml",
          "scenario: early\nsockets:\n  tx: {role: sender, remote: 10.0.0.2:5000}\nsteps:\n"
          "  - {app: get_qos, socket: tx}\n  - {expect: call, result: -1, error: WSAENOTCONN}\n"
          "  - {app: connect, socket: tx}\n  - {app: close, socket: tx}\n");
  }
};

std::string q(const std::string& text) {
  return "\"" + text + "\"";
}

}  // namespace

BOOST_AUTO_TEST_CASE(rules_cited_reads_parenthesised_lists_of_rule_ids_only) {
  using qosbed::cli::rules_cited;
  using Ids = std::vector<std::string_view>;
  BOOST_TEST(rules_cited("Nothing is queued (R1).") == Ids{"R1"});
  BOOST_TEST(rules_cited("A socket (R3, D2, D3).") == (Ids{"R3", "D2", "D3"}));
  // In the order of the rules, each once.
  BOOST_TEST(rules_cited("x (D11) y (R4, D11) z (R10, R2)") == (Ids{"R2", "R4", "R10", "D11"}));
  BOOST_TEST(
      rules_cited("(RFC 2205 section 3.1.3) (windows-xp, windows-2003) (R11) (D99)").empty());
  BOOST_TEST(rules_cited("(R5, windows-xp) (R5,D6) (R6 ) every R (R1").empty());
  BOOST_TEST(rules_cited("").empty());
  BOOST_TEST(qosbed::cli::behaviour_rules().size() == 49u);
  BOOST_TEST(qosbed::cli::behaviour_rules().front().id == "R1");
  BOOST_TEST(qosbed::cli::behaviour_rules().back().id == "D39");
}

// Every rule id explain writes in a `why` is in a citation coverage reads: a change of wording
// that left one outside would silently drop it from the map.
BOOST_AUTO_TEST_CASE(every_rule_explain_cites_for_the_bundled_suite_is_read_back) {
  const std::regex rule_id(R"(\b[RD][0-9]+\b)");
  const auto files = qosbed::cli::expand_scenario_paths({QOSBED_SOURCE_DIR "/scenarios"});
  BOOST_TEST(files.files.size() > 40u);
  for (const std::string& file : files.files) {
    auto loaded = qosbed::scenario::load_file(file);
    BOOST_TEST_REQUIRE(loaded.scenario.has_value(), file);
    qosbed::engine::TraceLog log;
    qosbed::runner::RunOptions options;
    options.trace = &log;
    qosbed::runner::run(*loaded.scenario, options);
    qosbed::cli::Storyteller story(*loaded.scenario, log.records());
    for (std::size_t i = 0; i < log.records().size(); ++i) {
      const std::string why = story.explain(i).why;
      std::set<std::string> written;
      for (auto it = std::sregex_iterator(why.begin(), why.end(), rule_id);
           it != std::sregex_iterator(); ++it) {
        written.insert(it->str());
      }
      std::set<std::string> read;
      for (std::string_view id : qosbed::cli::rules_cited(why)) read.emplace(id);
      BOOST_TEST_INFO(file << ": " << why);
      BOOST_TEST(read == written);
    }
  }
}

BOOST_AUTO_TEST_CASE(coverage_of_three_scenarios_as_a_table) {
  Folder folder;
  const Result coverage = command({"coverage", folder.path.string()});
  BOOST_TEST(coverage.err == "");
  BOOST_TEST(coverage.code == 0);
  BOOST_TEST(
      coverage.out ==
      "3 scenarios exercise 19/49 rules, 2/27 statuses, 3/15 errors, 3/5 notification modes.\n"
      "\n"
      "rule  scenarios  what it says (docs/behaviour.md)\n"
      "R1            1  an overlapped SIO_GET_QOS pends until the next FD_QOS indication\n"
      "R2            1  a completion carries one direction's FLOWSPEC\n"
      "R3            3  a sender may ask once connected, a receiver once bound\n"
      "R4            1  RSVP_STATUS_INFO comes first in ProviderSpecific\n"
      "R5            -  a buffer too small fails with WSAENOBUFS and the required size\n"
      "R6            1  completion routines run only in an alertable wait\n"
      "R7            1  FD_QOS is edge-triggered: drain with SIO_GET_QOS\n"
      "R8            1  close aborts pending queries with WSA_OPERATION_ABORTED\n"
      "R9            1  indications arriving with no query pending are kept in order\n"
      "R10           1  QoS is requested by connect or SIO_SET_QOS\n"
      "D1            -  checks run in order: socket, injected failure, parameters, state, profile\n"
      "D2            1  too early: a sender gets WSAENOTCONN, a receiver WSAEINVAL\n"
      "D3            -  a socket of role both may ask once bound or connected\n"
      "D4            -  an overlapped query finding an indication queued finishes at once\n"
      "D5            -  WSAENOBUFS on a pending query keeps the indication for the reissue\n"
      "D6            -  an overlapped query finding too large an indication fails at once\n"
      "D7            -  a buffer under 4 bytes fails with WSAEFAULT\n"
      "D8            1  a synchronous query with nothing queued fails with WSAEWOULDBLOCK\n"
      "D9            1  the other FLOWSPEC is NOCHANGE, its fields QOS_NOT_SPECIFIED\n"
      "D10           1  with no FLOWSPEC scripted, the status picks the direction\n"
      "D11           1  ProviderSpecific.buf points past the QOS; END_OF_LIST only when scripted\n"
      "D12           1  indications with nothing pending are queued (or coalesced, dropped)\n"
      "D13           1  FD_QOS is recorded for every indication that reaches the socket\n"
      "D14           1  a wait runs every routine queued, those queued meanwhile too\n"
      "D15           1  a signalled event wins over queued routines\n"
      "D16           -  an infinite wait nothing can end returns WSA_WAIT_TIMEOUT (stalled)\n"
      "D17           -  SIO_SET_QOS and connect check the QOS and the admission limit\n"
      "D18           -  no-qos-provider: an overlapped query fails at once too\n"
      "D19           1  event_select records FD_QOS at once for an indication already queued\n"
      "D20           -  an RSVP error's FLOWSPEC is in the direction of the socket it reaches\n"
      "D21           -  an unspecified sending TokenBucketSize gives b = M\n"
      "D22           -  an unspecified sending PeakBandwidth gives p = +infinity\n"
      "D23           -  QoS that ends sends PathTear or ResvTear at once\n"
      "D24           -  a NO_QOS_SIGNALING receiver hears PATH and sends no RESV\n"
      "D25           -  a socket entering a session is told the state the session has\n"
      "D26           -  a RESV's FLOWSPEC takes unspecified fields from the sender's Tspec\n"
      "D27           -  FF or SE without flow descriptors reserves for every sender\n"
      "D28           -  a socket is not told again what it was last told\n"
      "D29           -  a multicast receiver's FLOWSPEC applies to every group it joined\n"
      "D30           -  SIO_CHK_QOS is answered from the network\n"
      "D31           -  SIO_CHK_QOS takes a 4-byte selector and answers at once\n"
      "D32           -  a socket that connects unbound is bound to an ephemeral port\n"
      "D33           -  a driven entry's signalling starts and ends with its application's calls\n"
      "D34           -  a FLOWSPEC that asks for a service is refused for what the SDK forbids\n"
      "D35           -  NOTRAFFIC with NOCHANGE keeps the other direction's ConfirmRequest\n"
      "D36           -  join_leaf checks its QOS as connect does; only UDP joins, only a class D "
      "group\n"
      "D37           -  an RSVP_RESERVE_INFO the SP cannot honour fails with its WSA_QOS_E* code\n"
      "D38           -  accept connects the listening socket to its peer with the condition's QOS\n"
      "D39           -  a host's user is named in the POLICY_DATA of every PATH and RESV it sends\n"
      "\n"
      "status                      scenarios\n"
      "WSA_QOS_RECEIVERS                   -\n"
      "WSA_QOS_SENDERS                     1\n"
      "WSA_QOS_NO_SENDERS                  1\n"
      "WSA_QOS_NO_RECEIVERS                -\n"
      "WSA_QOS_REQUEST_CONFIRMED           -\n"
      "WSA_QOS_ADMISSION_FAILURE           -\n"
      "WSA_QOS_POLICY_FAILURE              -\n"
      "WSA_QOS_BAD_STYLE                   -\n"
      "WSA_QOS_BAD_OBJECT                  -\n"
      "WSA_QOS_TRAFFIC_CTRL_ERROR          -\n"
      "WSA_QOS_GENERIC_ERROR               -\n"
      "WSA_QOS_ESERVICETYPE                -\n"
      "WSA_QOS_EFLOWSPEC                   -\n"
      "WSA_QOS_EPROVSPECBUF                -\n"
      "WSA_QOS_EFILTERSTYLE                -\n"
      "WSA_QOS_EFILTERTYPE                 -\n"
      "WSA_QOS_EFILTERCOUNT                -\n"
      "WSA_QOS_EOBJLENGTH                  -\n"
      "WSA_QOS_EFLOWCOUNT                  -\n"
      "WSA_QOS_EUNKOWNPSOBJ                -\n"
      "WSA_QOS_EPOLICYOBJ                  -\n"
      "WSA_QOS_EFLOWDESC                   -\n"
      "WSA_QOS_EPSFLOWSPEC                 -\n"
      "WSA_QOS_EPSFILTERSPEC               -\n"
      "WSA_QOS_ESDMODEOBJ                  -\n"
      "WSA_QOS_ESHAPERATEOBJ               -\n"
      "WSA_QOS_RESERVED_PETYPE             -\n"
      "\n"
      "error                  scenarios\n"
      "WSA_INVALID_HANDLE             -\n"
      "WSA_INVALID_PARAMETER          -\n"
      "WSA_OPERATION_ABORTED          -\n"
      "WSA_IO_INCOMPLETE              -\n"
      "WSA_IO_PENDING                 1\n"
      "WSAEFAULT                      -\n"
      "WSAEINVAL                      -\n"
      "WSAEWOULDBLOCK                 1\n"
      "WSAENOTSOCK                    -\n"
      "WSAENOPROTOOPT                 -\n"
      "WSAEOPNOTSUPP                  -\n"
      "WSAEADDRNOTAVAIL               -\n"
      "WSAENOBUFS                     -\n"
      "WSAEISCONN                     -\n"
      "WSAENOTCONN                    1\n"
      "\n"
      "notification mode  scenarios  how the application learns of a result\n"
      "routine                    1  overlapped SIO_GET_QOS, result given to a completion routine\n"
      "event                      -  overlapped SIO_GET_QOS, result read by GetOverlappedResult\n"
      "sync                       1  synchronous SIO_GET_QOS returning a queued indication\n"
      "event-select               1  WSAEventSelect(FD_QOS), then WSAEnumNetworkEvents\n"
      "monitor                    -  the client library's Monitor reporting to its listener\n"
      "\n"
      "Not exercised by any scenario:\n"
      "  rules: R5 D1 D3 D4 D5 D6 D7 D16 D17 D18 D20 D21 D22 D23 D24 D25 D26 D27 D28 D29 D30\n"
      "         D31 D32 D33 D34 D35 D36 D37 D38 D39\n"
      "  statuses: WSA_QOS_RECEIVERS WSA_QOS_NO_RECEIVERS WSA_QOS_REQUEST_CONFIRMED\n"
      "            WSA_QOS_ADMISSION_FAILURE WSA_QOS_POLICY_FAILURE WSA_QOS_BAD_STYLE\n"
      "            WSA_QOS_BAD_OBJECT WSA_QOS_TRAFFIC_CTRL_ERROR WSA_QOS_GENERIC_ERROR\n"
      "            WSA_QOS_ESERVICETYPE WSA_QOS_EFLOWSPEC WSA_QOS_EPROVSPECBUF\n"
      "            WSA_QOS_EFILTERSTYLE WSA_QOS_EFILTERTYPE WSA_QOS_EFILTERCOUNT\n"
      "            WSA_QOS_EOBJLENGTH WSA_QOS_EFLOWCOUNT WSA_QOS_EUNKOWNPSOBJ\n"
      "            WSA_QOS_EPOLICYOBJ WSA_QOS_EFLOWDESC WSA_QOS_EPSFLOWSPEC\n"
      "            WSA_QOS_EPSFILTERSPEC WSA_QOS_ESDMODEOBJ WSA_QOS_ESHAPERATEOBJ\n"
      "            WSA_QOS_RESERVED_PETYPE\n"
      "  errors: WSA_INVALID_HANDLE WSA_INVALID_PARAMETER WSA_OPERATION_ABORTED\n"
      "          WSA_IO_INCOMPLETE WSAEFAULT WSAEINVAL WSAENOTSOCK WSAENOPROTOOPT WSAEOPNOTSUPP\n"
      "          WSAEADDRNOTAVAIL WSAENOBUFS WSAEISCONN\n"
      "  notification modes: event monitor\n");
}

BOOST_AUTO_TEST_CASE(coverage_of_three_scenarios_as_json) {
  Folder folder;
  const std::string drain = folder.file("drain.yaml");
  const std::string early = folder.file("early.yaml");
  const std::string pend = folder.file("pend.yaml");
  // The files may be named one by one: they are counted as given.
  const Result coverage = command({"coverage", "--format", "json", drain, early, pend});
  BOOST_TEST(coverage.err == "");
  BOOST_TEST(coverage.code == 0);
  // One item a line (the delimiter j: titles hold ")" followed by a quote).
  // clang-format off
  BOOST_TEST(
      coverage.out ==
      R"j({"scenarios":[)j" + q(drain) + "," + q(early) + "," + q(pend) + R"j(],)j"
      R"j("rules":[)j"
      R"j({"name":"R1","title":"an overlapped SIO_GET_QOS pends until the next FD_QOS indication","scenarios":[)j" + q(pend) + R"j(]},)j"
      R"j({"name":"R2","title":"a completion carries one direction's FLOWSPEC","scenarios":[)j" + q(pend) + R"j(]},)j"
      R"j({"name":"R3","title":"a sender may ask once connected, a receiver once bound","scenarios":[)j" + q(drain) + "," + q(early) + "," + q(pend) + R"j(]},)j"
      R"j({"name":"R4","title":"RSVP_STATUS_INFO comes first in ProviderSpecific","scenarios":[)j" + q(pend) + R"j(]},)j"
      R"j({"name":"R5","title":"a buffer too small fails with WSAENOBUFS and the required size","scenarios":[]},)j"
      R"j({"name":"R6","title":"completion routines run only in an alertable wait","scenarios":[)j" + q(pend) + R"j(]},)j"
      R"j({"name":"R7","title":"FD_QOS is edge-triggered: drain with SIO_GET_QOS","scenarios":[)j" + q(drain) + R"j(]},)j"
      R"j({"name":"R8","title":"close aborts pending queries with WSA_OPERATION_ABORTED","scenarios":[)j" + q(early) + R"j(]},)j"
      R"j({"name":"R9","title":"indications arriving with no query pending are kept in order","scenarios":[)j" + q(drain) + R"j(]},)j"
      R"j({"name":"R10","title":"QoS is requested by connect or SIO_SET_QOS","scenarios":[)j" + q(early) + R"j(]},)j"
      R"j({"name":"D1","title":"checks run in order: socket, injected failure, parameters, state, profile","scenarios":[]},)j"
      R"j({"name":"D2","title":"too early: a sender gets WSAENOTCONN, a receiver WSAEINVAL","scenarios":[)j" + q(early) + R"j(]},)j"
      R"j({"name":"D3","title":"a socket of role both may ask once bound or connected","scenarios":[]},)j"
      R"j({"name":"D4","title":"an overlapped query finding an indication queued finishes at once","scenarios":[]},)j"
      R"j({"name":"D5","title":"WSAENOBUFS on a pending query keeps the indication for the reissue","scenarios":[]},)j"
      R"j({"name":"D6","title":"an overlapped query finding too large an indication fails at once","scenarios":[]},)j"
      R"j({"name":"D7","title":"a buffer under 4 bytes fails with WSAEFAULT","scenarios":[]},)j"
      R"j({"name":"D8","title":"a synchronous query with nothing queued fails with WSAEWOULDBLOCK","scenarios":[)j" + q(drain) + R"j(]},)j"
      R"j({"name":"D9","title":"the other FLOWSPEC is NOCHANGE, its fields QOS_NOT_SPECIFIED","scenarios":[)j" + q(pend) + R"j(]},)j"
      R"j({"name":"D10","title":"with no FLOWSPEC scripted, the status picks the direction","scenarios":[)j" + q(pend) + R"j(]},)j"
      R"j({"name":"D11","title":"ProviderSpecific.buf points past the QOS; END_OF_LIST only when scripted","scenarios":[)j" + q(pend) + R"j(]},)j"
      R"j({"name":"D12","title":"indications with nothing pending are queued (or coalesced, dropped)","scenarios":[)j" + q(drain) + R"j(]},)j"
      R"j({"name":"D13","title":"FD_QOS is recorded for every indication that reaches the socket","scenarios":[)j" + q(drain) + R"j(]},)j"
      R"j({"name":"D14","title":"a wait runs every routine queued, those queued meanwhile too","scenarios":[)j" + q(pend) + R"j(]},)j"
      R"j({"name":"D15","title":"a signalled event wins over queued routines","scenarios":[)j" + q(drain) + R"j(]},)j"
      R"j({"name":"D16","title":"an infinite wait nothing can end returns WSA_WAIT_TIMEOUT (stalled)","scenarios":[]},)j"
      R"j({"name":"D17","title":"SIO_SET_QOS and connect check the QOS and the admission limit","scenarios":[]},)j"
      R"j({"name":"D18","title":"no-qos-provider: an overlapped query fails at once too","scenarios":[]},)j"
      R"j({"name":"D19","title":"event_select records FD_QOS at once for an indication already queued","scenarios":[)j" + q(drain) + R"j(]},)j"
      R"j({"name":"D20","title":"an RSVP error's FLOWSPEC is in the direction of the socket it reaches","scenarios":[]},)j"
      R"j({"name":"D21","title":"an unspecified sending TokenBucketSize gives b = M","scenarios":[]},)j"
      R"j({"name":"D22","title":"an unspecified sending PeakBandwidth gives p = +infinity","scenarios":[]},)j"
      R"j({"name":"D23","title":"QoS that ends sends PathTear or ResvTear at once","scenarios":[]},)j"
      R"j({"name":"D24","title":"a NO_QOS_SIGNALING receiver hears PATH and sends no RESV","scenarios":[]},)j"
      R"j({"name":"D25","title":"a socket entering a session is told the state the session has","scenarios":[]},)j"
      R"j({"name":"D26","title":"a RESV's FLOWSPEC takes unspecified fields from the sender's Tspec","scenarios":[]},)j"
      R"j({"name":"D27","title":"FF or SE without flow descriptors reserves for every sender","scenarios":[]},)j"
      R"j({"name":"D28","title":"a socket is not told again what it was last told","scenarios":[]},)j"
      R"j({"name":"D29","title":"a multicast receiver's FLOWSPEC applies to every group it joined","scenarios":[]},)j"
      R"j({"name":"D30","title":"SIO_CHK_QOS is answered from the network","scenarios":[]},)j"
      R"j({"name":"D31","title":"SIO_CHK_QOS takes a 4-byte selector and answers at once","scenarios":[]},)j"
      R"j({"name":"D32","title":"a socket that connects unbound is bound to an ephemeral port","scenarios":[]},)j"
      R"j({"name":"D33","title":"a driven entry's signalling starts and ends with its application's calls","scenarios":[]},)j"
      R"j({"name":"D34","title":"a FLOWSPEC that asks for a service is refused for what the SDK forbids","scenarios":[]},)j"
      R"j({"name":"D35","title":"NOTRAFFIC with NOCHANGE keeps the other direction's ConfirmRequest","scenarios":[]},)j"
      R"j({"name":"D36","title":"join_leaf checks its QOS as connect does; only UDP joins, only a class D group","scenarios":[]},)j"
      R"j({"name":"D37","title":"an RSVP_RESERVE_INFO the SP cannot honour fails with its WSA_QOS_E* code","scenarios":[]},)j"
      R"j({"name":"D38","title":"accept connects the listening socket to its peer with the condition's QOS","scenarios":[]},)j"
      R"j({"name":"D39","title":"a host's user is named in the POLICY_DATA of every PATH and RESV it sends","scenarios":[]}],)j"
      R"j("statuses":[)j"
      R"j({"name":"WSA_QOS_RECEIVERS","value":11005,"scenarios":[]},)j"
      R"j({"name":"WSA_QOS_SENDERS","value":11006,"scenarios":[)j" + q(pend) + R"j(]},)j"
      R"j({"name":"WSA_QOS_NO_SENDERS","value":11007,"scenarios":[)j" + q(drain) + R"j(]},)j"
      R"j({"name":"WSA_QOS_NO_RECEIVERS","value":11008,"scenarios":[]},)j"
      R"j({"name":"WSA_QOS_REQUEST_CONFIRMED","value":11009,"scenarios":[]},)j"
      R"j({"name":"WSA_QOS_ADMISSION_FAILURE","value":11010,"scenarios":[]},)j"
      R"j({"name":"WSA_QOS_POLICY_FAILURE","value":11011,"scenarios":[]},)j"
      R"j({"name":"WSA_QOS_BAD_STYLE","value":11012,"scenarios":[]},)j"
      R"j({"name":"WSA_QOS_BAD_OBJECT","value":11013,"scenarios":[]},)j"
      R"j({"name":"WSA_QOS_TRAFFIC_CTRL_ERROR","value":11014,"scenarios":[]},)j"
      R"j({"name":"WSA_QOS_GENERIC_ERROR","value":11015,"scenarios":[]},)j"
      R"j({"name":"WSA_QOS_ESERVICETYPE","value":11016,"scenarios":[]},)j"
      R"j({"name":"WSA_QOS_EFLOWSPEC","value":11017,"scenarios":[]},)j"
      R"j({"name":"WSA_QOS_EPROVSPECBUF","value":11018,"scenarios":[]},)j"
      R"j({"name":"WSA_QOS_EFILTERSTYLE","value":11019,"scenarios":[]},)j"
      R"j({"name":"WSA_QOS_EFILTERTYPE","value":11020,"scenarios":[]},)j"
      R"j({"name":"WSA_QOS_EFILTERCOUNT","value":11021,"scenarios":[]},)j"
      R"j({"name":"WSA_QOS_EOBJLENGTH","value":11022,"scenarios":[]},)j"
      R"j({"name":"WSA_QOS_EFLOWCOUNT","value":11023,"scenarios":[]},)j"
      R"j({"name":"WSA_QOS_EUNKOWNPSOBJ","value":11024,"scenarios":[]},)j"
      R"j({"name":"WSA_QOS_EPOLICYOBJ","value":11025,"scenarios":[]},)j"
      R"j({"name":"WSA_QOS_EFLOWDESC","value":11026,"scenarios":[]},)j"
      R"j({"name":"WSA_QOS_EPSFLOWSPEC","value":11027,"scenarios":[]},)j"
      R"j({"name":"WSA_QOS_EPSFILTERSPEC","value":11028,"scenarios":[]},)j"
      R"j({"name":"WSA_QOS_ESDMODEOBJ","value":11029,"scenarios":[]},)j"
      R"j({"name":"WSA_QOS_ESHAPERATEOBJ","value":11030,"scenarios":[]},)j"
      R"j({"name":"WSA_QOS_RESERVED_PETYPE","value":11031,"scenarios":[]}],)j"
      R"j("errors":[)j"
      R"j({"name":"WSA_INVALID_HANDLE","value":6,"scenarios":[]},)j"
      R"j({"name":"WSA_INVALID_PARAMETER","value":87,"scenarios":[]},)j"
      R"j({"name":"WSA_OPERATION_ABORTED","value":995,"scenarios":[]},)j"
      R"j({"name":"WSA_IO_INCOMPLETE","value":996,"scenarios":[]},)j"
      R"j({"name":"WSA_IO_PENDING","value":997,"scenarios":[)j" + q(pend) + R"j(]},)j"
      R"j({"name":"WSAEFAULT","value":10014,"scenarios":[]},)j"
      R"j({"name":"WSAEINVAL","value":10022,"scenarios":[]},)j"
      R"j({"name":"WSAEWOULDBLOCK","value":10035,"scenarios":[)j" + q(drain) + R"j(]},)j"
      R"j({"name":"WSAENOTSOCK","value":10038,"scenarios":[]},)j"
      R"j({"name":"WSAENOPROTOOPT","value":10042,"scenarios":[]},)j"
      R"j({"name":"WSAEOPNOTSUPP","value":10045,"scenarios":[]},)j"
      R"j({"name":"WSAEADDRNOTAVAIL","value":10049,"scenarios":[]},)j"
      R"j({"name":"WSAENOBUFS","value":10055,"scenarios":[]},)j"
      R"j({"name":"WSAEISCONN","value":10056,"scenarios":[]},)j"
      R"j({"name":"WSAENOTCONN","value":10057,"scenarios":[)j" + q(early) + R"j(]}],)j"
      R"j("modes":[)j"
      R"j({"name":"routine","title":"overlapped SIO_GET_QOS, result given to a completion routine","scenarios":[)j" + q(pend) + R"j(]},)j"
      R"j({"name":"event","title":"overlapped SIO_GET_QOS, result read by GetOverlappedResult","scenarios":[]},)j"
      R"j({"name":"sync","title":"synchronous SIO_GET_QOS returning a queued indication","scenarios":[)j" + q(drain) + R"j(]},)j"
      R"j({"name":"event-select","title":"WSAEventSelect(FD_QOS), then WSAEnumNetworkEvents","scenarios":[)j" + q(drain) + R"j(]},)j"
      R"j({"name":"monitor","title":"the client library's Monitor reporting to its listener","scenarios":[]}]})j" +
      "\n");
  // clang-format on
}

// Indications the profile suppresses, or that ask for a confirmation nobody asked for, never reach
// the socket (D13): their statuses are not exercised, nor is anything the application never saw.
BOOST_AUTO_TEST_CASE(indications_that_never_reach_a_socket_exercise_no_status) {
  Folder folder;
  folder.write("more/xp.yaml",
               "scenario: xp\nprofile: windows-xp\nsockets:\n  rx: {role: receiver}\nsteps:\n"
               "  - {app: bind, socket: rx}\n  - {app: get_qos, socket: rx}\n"
               "  - {at: 5ms, sp: fd_qos, socket: rx, status: WSA_QOS_SENDERS}\n"
               "  - {at: 6ms, sp: fd_qos, socket: rx, status: WSA_QOS_REQUEST_CONFIRMED}\n"
               "  - {app: wait, alertable: true, timeout: 10ms}\n");
  folder.write("more/unasked.yaml",
               "scenario: unasked\nsockets:\n  rx: {role: receiver}\nsteps:\n"
               "  - {app: bind, socket: rx}\n"
               "  - {at: 6ms, sp: fd_qos, socket: rx, status: WSA_QOS_REQUEST_CONFIRMED}\n");
  const Result coverage = command({"coverage", "--format", "json", folder.file("more")});
  BOOST_TEST(coverage.code == 0);
  for (const std::string status :
       {"WSA_QOS_SENDERS\",\"value\":11006", "WSA_QOS_REQUEST_CONFIRMED\",\"value\":11009"}) {
    BOOST_TEST_INFO(status);
    BOOST_TEST(coverage.out.find("{\"name\":\"" + status + ",\"scenarios\":[]}") !=
               std::string::npos);
  }
  BOOST_TEST(coverage.out.find(R"({"name":"routine",)") != std::string::npos);
  BOOST_TEST(coverage.out.find(R"(completion routine","scenarios":[]})") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_bundled_suite_exercises_r1_to_r10) {
  const Result coverage = command({"coverage", QOSBED_SOURCE_DIR "/scenarios"});
  BOOST_TEST(coverage.code == 0);
  std::istringstream lines(coverage.out);
  std::set<std::string> exercised;
  const std::regex row(R"((R[0-9]+) +([0-9]+)  .*)");
  std::smatch match;
  for (std::string line; std::getline(lines, line);) {
    if (std::regex_match(line, match, row)) exercised.insert(match[1]);
  }
  for (int rule = 1; rule <= 10; ++rule) {
    BOOST_TEST_INFO("R" << rule);
    BOOST_TEST(exercised.contains("R" + std::to_string(rule)));
  }
}

BOOST_AUTO_TEST_CASE(coverage_errors) {
  Folder folder;
  const Result none = command({"coverage"});
  BOOST_TEST(none.code == 2);
  BOOST_TEST(
      none.err.starts_with("qosbed: no scenario file or folder given\nusage: qosbed coverage"));
  const Result missing = command({"coverage", folder.file("no-such")});
  BOOST_TEST(missing.code == 2);
  BOOST_TEST(missing.err == "qosbed: " + folder.file("no-such") + ": no such file or folder\n");
  BOOST_TEST(missing.out == "");
  const Result format = command({"coverage", "--format", "xml", folder.path.string()});
  BOOST_TEST(format.code == 2);
  BOOST_TEST(format.err == "qosbed: --format takes text or json, not 'xml'\n");
  const Result option = command({"coverage", "--formats", "json", folder.path.string()});
  BOOST_TEST(option.code == 2);
  BOOST_TEST(option.err.starts_with("qosbed: unrecognised option '--formats'\n"));
  // One invalid scenario spoils the map: its problems are told with their place, nothing else.
  folder.write("sub/bad.yaml",
               "scenario: bad\nsockets:\n  rx: {role: receiver}\nsteps:\n"
               "  - {app: bind, socket: tx}\n");
  const Result invalid = command({"coverage", folder.path.string()});
  BOOST_TEST(invalid.code == 2);
  BOOST_TEST(invalid.out == "");
  BOOST_TEST(invalid.err.starts_with(folder.file("sub/bad.yaml") + ":5:"));
  const Result help = command({"coverage", "--help"});
  BOOST_TEST(help.code == 0);
  BOOST_TEST(help.out.starts_with("usage: qosbed coverage [--format text|json] FILE|FOLDER...\n"));
  BOOST_TEST(help.out.find("  --format text|json") != std::string::npos);
}
