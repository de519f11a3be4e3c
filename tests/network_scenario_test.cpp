// Network scenarios: the `network:` section as the loader reads it, the RSVP messages in the
// trace, `expect: message` and `expect: state` failing where they should, and `qosbed compile`
// giving, for every bundled network scenario and host, a scripted scenario that validates and
// replays to the same indications at that host.
#define BOOST_TEST_MODULE network_scenarios
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "cli/compile.hpp"
#include "cli_harness.hpp"
#include "report/json_trace.hpp"
#include "report/text_trace.hpp"
#include "runner/runner.hpp"
#include "scenario/loader.hpp"

namespace {

using namespace qosbed;

// s - r1 - d, 1 ms a link; d's application reserves 8000 bytes/s (WF, unconnected UDP) from the
// PATH of s's scripted sender.
const std::string chain = R"(scenario: chain
sockets:
  rx: { role: receiver, local: 10.0.0.2:5000, qos: { receiving: { token_rate: 8000, service_type: controlled_load } } }
network:
  end: 10ms
  nodes:
    s: { host: 10.0.0.1 }
    r1: { router: 10.0.1.1 }
    d: { host: 10.0.0.2 }
  links:
    - { between: [s, r1], bandwidth: 1250000, delay: 1ms }
    - { between: [r1, d], bandwidth: 1250000, reservable: 9000, delay: 1ms, name: last }
  sessions:
    video: { destination: 10.0.0.2:5000 }
  senders:
    camera: { host: s, session: video, port: 6000, tspec: { token_rate: 8000, service_type: controlled_load } }
  receivers:
    viewer: { host: d, session: video, socket: rx, flowspec: { token_rate: 8000, service_type: controlled_load } }
steps:
  - app: bind
    socket: rx
  - app: set_qos
    socket: rx
)";

scenario::Scenario load_ok(const std::string& text) {
  scenario::LoadResult result = scenario::load_text(text, "test.yaml");
  BOOST_TEST_INFO_SCOPE("diagnostics: " << (result.diagnostics.empty()
                                                ? std::string("none")
                                                : format(result.diagnostics.front())));
  BOOST_REQUIRE(result.scenario.has_value());
  return std::move(*result.scenario);
}

// The failures a run of the scenario `text` reports, as formatted.
std::vector<std::string> failures_in(const std::string& text) {
  const scenario::Scenario scenario = load_ok(text);
  std::vector<std::string> out;
  for (const auto& failure : runner::run(scenario).failures) out.push_back(format(failure));
  return out;
}

std::vector<std::string> failures_of(const std::string& steps) {
  return failures_in(chain + steps);
}

// The diagnostics loading the scenario `text` gives, as formatted.
std::vector<std::string> errors_of(const std::string& text) {
  std::vector<std::string> errors;
  for (const auto& diagnostic : scenario::load_text(text, "test.yaml").diagnostics) {
    errors.push_back(format(diagnostic));
  }
  return errors;
}

std::string read(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// What a socket was indicated, as the trace tells it, with its time and what became of it.
std::vector<std::string> fd_qos_records(const scenario::Scenario& scenario,
                                        const std::set<std::string>& sockets) {
  engine::TraceLog log;
  runner::RunOptions options;
  options.trace = &log;
  const runner::RunResult result = runner::run(scenario, options);
  BOOST_TEST(result.passed());
  std::vector<std::string> out;
  for (const engine::TraceRecord& record : log.records()) {
    const auto* fd_qos = std::get_if<engine::FdQosRecord>(&record);
    if (fd_qos && sockets.count(fd_qos->socket)) {
      out.push_back(report::to_json(record));
    }
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_network_section_is_read_with_its_defaults) {
  const scenario::Scenario scenario = load_ok(chain);
  BOOST_REQUIRE(scenario.network.has_value());
  const scenario::NetworkSpec& net = *scenario.network;
  BOOST_TEST(!net.refresh_us.has_value());  // the model's R and K
  BOOST_TEST(!net.k.has_value());
  BOOST_TEST(net.seed == 1u);
  BOOST_TEST(*net.end_us == 10'000);
  BOOST_REQUIRE(net.nodes.size() == 3u);
  BOOST_TEST(net.nodes[1].name == "r1");
  BOOST_TEST((net.nodes[1].kind == scenario::NodeKind::router));
  BOOST_TEST(net.nodes[2].address == 0x0A000002u);
  BOOST_REQUIRE(net.links.size() == 2u);
  BOOST_TEST(net.links[0].name == "s-r1");
  BOOST_TEST(net.links[1].name == "last");
  BOOST_TEST(net.links[1].a == 1u);
  BOOST_TEST(net.links[1].b == 2u);
  BOOST_TEST(*net.links[1].reservable == 9000u);
  BOOST_TEST(net.links[1].delay_us == 1000);
  BOOST_TEST(net.sessions[0].destination == 0x0A000002u);
  BOOST_TEST(net.sessions[0].port == 5000);
  BOOST_TEST(net.sessions[0].protocol == 17);
  BOOST_TEST(net.senders[0].tspec.token_rate == 8000u);
  BOOST_TEST(net.senders[0].tspec.latency == 0xFFFFFFFFu);  // unwritten: QOS_NOT_SPECIFIED
  BOOST_TEST(net.receivers[0].socket == "rx");
  BOOST_TEST(net.receivers[0].style == gqos::rsvp_style::wildcard);
}

BOOST_AUTO_TEST_CASE(the_network_decisions_are_read_and_checked) {
  BOOST_TEST(!load_ok(chain).network->decisions.explicit_teardown.has_value());
  std::string text = chain;
  text.replace(text.find("  end: 10ms\n"), 12,
               "  end: 10ms\n  decisions: { explicit_teardown: false, told_on_join: false, "
               "bucket_size: 3000, peak_rate: 20000, best_effort_limit: 5000 }\n");
  const scenario::NetDecisions chosen = load_ok(text).network->decisions;
  BOOST_TEST(*chosen.explicit_teardown == false);
  BOOST_TEST(*chosen.told_on_join == false);
  BOOST_TEST(!chosen.unsignalled_receiver_hears_path.has_value());
  BOOST_TEST(*chosen.bucket_size == 3000u);
  BOOST_TEST(*chosen.peak_rate == 20000u);
  BOOST_TEST(*chosen.best_effort_limit == 5000u);

  text = chain;
  text.replace(text.find("  end: 10ms\n"), 12,
               "  end: 10ms\n  decisions: { explicit_tear_down: false, told_on_join: maybe }\n");
  const std::vector<std::string> errors = errors_of(text);
  BOOST_REQUIRE(errors.size() == 2u);
  BOOST_TEST(errors[0] ==
             "test.yaml:6:16: error: unknown key 'explicit_tear_down' (did you mean "
             "'explicit_teardown'?)");
  BOOST_TEST(errors[1] ==
             "test.yaml:6:57: error: 'told_on_join' must be true or false, not 'maybe'");
}

// D23 chosen otherwise: a receiver's close stops the refreshes and sends no ResvTear.
BOOST_AUTO_TEST_CASE(a_network_decision_changes_what_the_host_sp_sends) {
  const std::string steps =
      "  - at: 5ms\n    app: close\n    socket: rx\n"
      "  - at: 8ms\n    expect: message\n    message: ResvTear\n"
      "    action: sent\n    from: d\n    count: 1\n";
  BOOST_TEST(failures_of(steps).empty());
  std::string text = chain + steps;
  text.replace(text.find("  end: 10ms\n"), 12,
               "  end: 10ms\n  decisions: { explicit_teardown: false }\n");
  const std::vector<runner::Failure> failures = runner::run(load_ok(text)).failures;
  BOOST_REQUIRE(failures.size() == 1u);
  BOOST_TEST(
      format(failures[0]) ==
      "test.yaml:33: expected message ResvTear sent from d count 1 vs actual 0 (by 8.000 ms)");
}

// An entry holds for the whole run: a step's own QOS that asks for another rate disagrees with
// it; one that ends or keeps the direction's QoS (BESTEFFORT, NOCHANGE) does not.
BOOST_AUTO_TEST_CASE(a_driven_entry_is_checked_against_each_step_s_own_qos) {
  load_ok(chain +
          "  - app: set_qos\n    socket: rx\n    qos: { receiving: { service_type: "
          "best_effort } }\n");
  load_ok(chain +
          "  - app: set_qos\n    socket: rx\n    qos: { sending: { service_type: "
          "controlled_load, token_rate: 1000 }, receiving: { service_type: no_change } }\n");
  const std::vector<std::string> errors =
      errors_of(chain +
                "  - app: set_qos\n    socket: rx\n    qos: { receiving: { service_type: "
                "controlled_load, token_rate: 9000 } }\n");
  BOOST_TEST_REQUIRE(errors.size() == 1u);
  BOOST_TEST(errors[0].find("error: 'flowspec' token_rate 8000 disagrees with the set_qos of "
                            "socket 'rx', whose receiving token_rate is 9000 at test.yaml:") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(names_are_checked_with_a_suggestion) {
  std::string text = chain;
  text.replace(text.find("host: d, session: video"), 23, "host: dd, session: vido");
  const std::vector<std::string> errors = errors_of(text);
  const std::vector<std::string> expected = {
      "test.yaml:18:21: error: unknown node 'dd' (did you mean 'd'?)",
      "test.yaml:18:34: error: unknown session 'vido' (did you mean 'video'?)"};
  BOOST_TEST(errors == expected, boost::test_tools::per_element());
}

// D16 in a network: the soft state refreshes for ever, but nothing can end a wait once the
// network has stopped, so an infinite wait nothing ends stalls at the network's end.
BOOST_AUTO_TEST_CASE(an_infinite_wait_nothing_ends_stalls_by_the_networks_end) {
  std::string text = chain;
  text.replace(text.find("end: 10ms"), 9, "end: 100s");
  text += "  - app: wait              # SleepEx(INFINITE, FALSE): no routine can run\n";
  const scenario::Scenario scenario = load_ok(text);
  engine::TraceLog log;
  runner::RunOptions options;
  options.trace = &log;
  const runner::RunResult result = runner::run(scenario, options);
  BOOST_TEST(!result.stopped.has_value());
  std::vector<engine::TimeUs> stalls;
  for (const engine::TraceRecord& record : log.records()) {
    if (const auto* stalled = std::get_if<engine::StalledRecord>(&record)) {
      stalls.push_back(stalled->t_us);
    }
  }
  BOOST_TEST_REQUIRE(stalls.size() == 1u);
  // The last refresh before 100 s: the refreshes went on till then, none after.
  BOOST_TEST(stalls.front() > 70'000'000);
  BOOST_TEST(stalls.front() <= 100'000'000);
  BOOST_TEST(result.end_us == 100'000'000);
}

// A wrong item of a list is told by its place in the list, at its own position.
BOOST_AUTO_TEST_CASE(a_lists_wrong_item_is_named_by_its_place) {
  std::string text = chain;
  const std::string ends = "between: [s, r1]";
  BOOST_TEST_REQUIRE(text.find(ends) != std::string::npos);
  text.replace(text.find(ends), ends.size(), "between: [s, [r1]]");
  const std::vector<std::string> errors = errors_of(text);
  BOOST_TEST_REQUIRE(errors.size() >= 1u);
  BOOST_TEST(errors.front() ==
             "test.yaml:11:22: error: 'between[1]' must be a node name, not a list");
}

BOOST_AUTO_TEST_CASE(every_message_is_traced_sent_then_received) {
  const scenario::Scenario scenario = load_ok(chain +
                                              "  - at: 10ms\n    expect: nothing\n"
                                              "    until: 10ms\n");
  engine::TraceLog log;
  runner::RunOptions options;
  options.trace = &log;
  BOOST_TEST(runner::run(scenario, options).passed());
  std::vector<std::string> lines;
  for (const auto& record : log.records()) {
    if (std::holds_alternative<engine::RsvpRecord>(record)) {
      lines.push_back(report::to_json(record));
    }
  }
  BOOST_REQUIRE(lines.size() == 8u);  // Path and Resv, each on two links, sent and received
  const std::string tspec =
      R"({"service_type":2,"service_type_name":"SERVICETYPE_CONTROLLEDLOAD","token_rate":8000,)"
      R"("token_bucket_size":4294967295,)"
      R"("peak_bandwidth":4294967295,"latency":4294967295,"delay_variation":4294967295,)"
      R"("max_sdu_size":4294967295,"minimum_policed_size":4294967295})";
  BOOST_TEST(lines[0] ==
             R"({"t_us":0,"socket":null,"event":"rsvp","message":"Path","action":"sent",)"
             R"("from":"s","to":"r1","link":"s-r1","session":"10.0.0.2:5000/17",)"
             R"("senders":["10.0.0.1:6000"],"flowspec":)" +
                 tspec + "}");
  BOOST_TEST(lines[1].find(R"({"t_us":1000,)") == 0u);
  BOOST_TEST(lines[1].find(R"("message":"Path","action":"received","from":"s","to":"r1")") !=
             std::string::npos);
  BOOST_TEST(lines[4].find(R"("message":"Resv","action":"sent","from":"d","to":"r1",)"
                           R"("link":"last","session":"10.0.0.2:5000/17","style":"WF")") !=
             std::string::npos);
}

// D39: a host's user rides in the POLICY_DATA of what it sends; the trace names the users of each
// Path and Resv, and `expect: message` can ask for one.
BOOST_AUTO_TEST_CASE(messages_name_the_users_their_policy_data_carries) {
  std::string with_users = chain;
  with_users.replace(with_users.find("s: { host: 10.0.0.1 }"), 21,
                     "s: { host: 10.0.0.1, user: alice }");
  with_users.replace(with_users.find("d: { host: 10.0.0.2 }"), 21,
                     "d: { host: 10.0.0.2, user: bob }");
  const scenario::Scenario scenario =
      load_ok(with_users + "  - at: 10ms\n    expect: nothing\n    until: 10ms\n");
  engine::TraceLog log;
  runner::RunOptions options;
  options.trace = &log;
  BOOST_TEST(runner::run(scenario, options).passed());
  std::vector<const engine::RsvpRecord*> messages;
  for (const auto& record : log.records()) {
    if (const auto* m = std::get_if<engine::RsvpRecord>(&record)) messages.push_back(m);
  }
  BOOST_REQUIRE(messages.size() == 8u);
  const engine::TraceRecord first_path = *messages[0];
  BOOST_TEST(messages[0]->message == "Path");
  const std::string json = report::to_json(first_path);
  BOOST_TEST(json.substr(json.size() - 19) == R"(,"users":["alice"]})");
  BOOST_TEST(report::to_text(first_path).ends_with("  users=alice"));
  for (const engine::RsvpRecord* m : messages) {
    BOOST_TEST((m->users == std::vector<std::string>{m->message == "Path" ? "alice" : "bob"}));
  }

  const std::string steps = R"(  - at: 10ms
    expect: message
    message: Path
    action: sent
    user: alice
    count: 2
  - expect: message
    message: Resv
    user: alice
)";
  const std::vector<std::string> expected = {
      "test.yaml:30: expected message Resv user alice count at least 1 vs actual 0 (by 10.000 "
      "ms)"};
  BOOST_TEST(failures_in(with_users + steps) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(message_and_state_expectations_hold_or_say_what_differs) {
  const std::string steps = R"(  - at: 10ms
    expect: message
    message: Resv
    action: received
    to: s
    count: 1
  - expect: state
    node: r1
    toward: d
    reserved: 8000
  - expect: state
    node: d
    sender: camera
    path_state: present
)";
  BOOST_TEST(failures_of(steps).empty());

  const std::string wrong = R"(  - at: 10ms
    expect: message
    message: Resv
    to: s
    count: 3
  - expect: message
    message: ResvErr
  - expect: state
    node: r1
    toward: d
    reserved: 9000
  - expect: state
    node: r1
    session: video
    blockade: present
  - expect: state
    node: s
    toward: d
    reserved: 0
)";
  const std::vector<std::string> expected = {
      "test.yaml:28: expected message Resv to s count 3 vs actual 2 (by 10.000 ms)",
      "test.yaml:29: expected message ResvErr count at least 1 vs actual 0 (by 10.000 ms)",
      "test.yaml:34: expected reserved at r1 toward d 9000 vs actual 8000 bytes/s",
      "test.yaml:38: expected blockade at r1 present vs actual absent",
      "test.yaml:39: expected a link from s toward d: they are not neighbours"};
  BOOST_TEST(failures_of(wrong) == expected, boost::test_tools::per_element());
}

// docs/rsvp.md's worked example: s - r1 - d with RFC 2212's C and D on each link, a scripted
// sender (r 10000, b 4000, p 40000, M 500) and d reserving Guaranteed service at R = 20000.
const std::string guaranteed_chain = R"(scenario: gs
sockets:
  rx: { role: receiver }
network:
  end: 10ms
  nodes:
    s: { host: 10.0.0.1 }
    r1: { router: 10.0.1.1 }
    d: { host: 10.0.0.2 }
  links:
    - { between: [s, r1], bandwidth: 1250000, delay: 1ms, c: 1500, d: 1ms }
    - { between: [r1, d], bandwidth: 125000, delay: 2ms, mtu: 576, c: 500, d: 1ms }
  sessions:
    video: { destination: 10.0.0.2:5000 }
  senders:
    camera: { host: s, session: video, port: 6000, tspec: { service_type: guaranteed,
              token_rate: 10000, token_bucket_size: 4000, peak_bandwidth: 40000, max_sdu_size: 500 } }
  receivers:
    viewer: { host: d, session: video, flowspec: { service_type: guaranteed, token_rate: 20000 } }
steps:
  - at: 10ms
)";

std::vector<std::string> guaranteed_failures(const std::string& steps) {
  return failures_in(guaranteed_chain + steps);
}

std::vector<std::string> guaranteed_errors(const std::string& steps) {
  return errors_of(guaranteed_chain + steps);
}

BOOST_AUTO_TEST_CASE(adspec_and_delay_bound_expectations_hold_or_say_what_differs) {
  const std::string steps = R"(    expect: state
    node: d
    session: video
    adspec: { hop_count: 2, path_bandwidth: 125000, minimum_latency: 3000, path_mtu: 576,
              break_bit: false, guaranteed: { c_total: 2000, d_total: 2000, c_sum: 2000, d_sum: 2000 } }
    delay_bound: 243667us
  - expect: state
    node: r1
    sender: camera
    adspec: { hop_count: 1, path_mtu: 1500, guaranteed: { c_total: 1500 } }
  - expect: state             # the sender's own path state: the ADSPEC before its first link
    node: s
    session: video
    adspec: { hop_count: 0, path_bandwidth: 4294967294, minimum_latency: 0, path_mtu: not_specified }
)";
  BOOST_TEST(guaranteed_failures(steps).empty());

  const std::string wrong = R"(    expect: state
    node: d
    sender: camera
    adspec: { hop_count: 3, path_mtu: not_specified, break_bit: true, guaranteed: { d_total: 2001 } }
    delay_bound: 243.666ms
  - expect: state
    node: r1
    sender: camera
    delay_bound: 1s
)";
  const std::string where = " at d for 10.0.0.1:6000 ";
  const std::vector<std::string> expected = {
      "test.yaml:25: expected adspec hop_count" + where + "3 vs actual 2",
      "test.yaml:25: expected adspec path_mtu" + where + "not_specified vs actual 576",
      "test.yaml:25: expected adspec break_bit" + where + "true vs actual false",
      "test.yaml:25: expected adspec d_total" + where + "2001 vs actual 2000",
      "test.yaml:26: expected delay_bound" + where + "243666 us vs actual 243667 us",
      "test.yaml:30: expected delay_bound at r1 for 10.0.0.1:6000 1000000 us vs actual none: the "
      "node holds no Guaranteed request of its own for this sender"};
  BOOST_TEST(guaranteed_failures(wrong) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(adspec_and_delay_bound_need_a_session_and_their_own_keys) {
  const std::vector<std::string> expected = {
      "test.yaml:24:5: error: 'adspec' needs 'session' or 'sender'",
      "test.yaml:24:15: error: unknown key 'hops' (expected one of: hop_count, path_bandwidth, "
      "minimum_latency, path_mtu, break_bit, guaranteed)",
      "test.yaml:25:5: error: 'delay_bound' needs 'session' or 'sender'",
      "test.yaml:25:18: error: 'delay_bound' needs a time unit (us, ms or s): '5'"};
  BOOST_TEST(guaranteed_errors(R"(    expect: state
    node: d
    adspec: { hops: 2 }
    delay_bound: 5
)") == expected,
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(every_network_scenario_compiles_per_host_to_the_same_indications) {
  std::size_t compiled_count = 0;
  std::size_t indications = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::string(QOSBED_SOURCE_DIR) + "/scenarios/network")) {
    const std::string file = entry.path().string();
    const scenario::Scenario original = load_ok(read(entry.path()));
    for (const scenario::NetNode& node : original.network->nodes) {
      std::set<std::string> sockets;
      for (const auto& s : original.network->senders) {
        if (original.network->nodes[s.host].name == node.name && !s.socket.empty())
          sockets.insert(s.socket);
      }
      for (const auto& r : original.network->receivers) {
        if (original.network->nodes[r.host].name == node.name && !r.socket.empty())
          sockets.insert(r.socket);
      }
      if (sockets.empty()) continue;
      BOOST_TEST_CONTEXT(file << " at host " << node.name) {
        const cli::Compiled compiled =
            cli::compile_for_host(original, read(entry.path()), node.name);
        const scenario::Scenario scripted = load_ok(compiled.yaml);
        BOOST_TEST(!scripted.network.has_value());
        const auto want = fd_qos_records(original, sockets);
        const auto got = fd_qos_records(scripted, sockets);
        BOOST_TEST(want.size() == compiled.indications);
        indications += compiled.indications;
        BOOST_TEST(got == want, boost::test_tools::per_element());
        ++compiled_count;
      }
    }
  }
  BOOST_TEST(compiled_count >= 14u);  // nine scenarios, most with two hosts
  BOOST_TEST(indications >= 20u);
}

BOOST_AUTO_TEST_CASE(compile_refuses_an_unknown_host_and_a_scripted_scenario) {
  test::TempFolder folder("compile");
  folder.write("net.yaml", chain);
  folder.write("scripted.yaml", "scenario: scripted\n" + test::bind_expecting("0"));
  auto unknown = test::command({"compile", folder.file("net.yaml"), "--host", "dd"});
  BOOST_TEST(unknown.code == 2);
  BOOST_TEST(unknown.err ==
             folder.file("net.yaml") + ": error: unknown host 'dd' (did you mean 'd'?)\n");
  auto no_socket = test::command({"compile", folder.file("net.yaml"), "--host", "s"});
  BOOST_TEST(no_socket.code == 2);
  BOOST_TEST(no_socket.err.find("host 's' has no socket") != std::string::npos);
  auto scripted = test::command({"compile", folder.file("scripted.yaml")});
  BOOST_TEST(scripted.code == 2);
  BOOST_TEST(scripted.err.find("not a network scenario") != std::string::npos);

  auto written = test::command({"compile", folder.file("net.yaml"), "-o", folder.file("d.yaml")});
  BOOST_TEST(written.code == 0);
  BOOST_TEST(written.err ==
             "qosbed: 1 indication at host d written to " + folder.file("d.yaml") + "\n");
  BOOST_TEST(test::command({"validate", folder.file("d.yaml")}).code == 0);
  BOOST_TEST(test::command({"compile", "--help"}).out.find("usage: qosbed compile") == 0u);
}

BOOST_AUTO_TEST_CASE(explain_names_the_rfc_2205_section_of_each_message_and_state_change) {
  const std::string file =
      std::string(QOSBED_SOURCE_DIR) + "/scenarios/network/reservation-confirmed.yaml";
  const auto result = test::command({"explain", file});
  BOOST_TEST(result.code == 0);
  const std::string& text = result.out;
  BOOST_TEST(text.find("At 0.000 ms: s -> r1 (link s-r1): Path sent, session "
                       "10.0.0.2:5000/17, 8000 bytes/s.\n   Why: ") != std::string::npos);
  for (const char* section :
       {"(RFC 2205 section 3.1.3)", "(RFC 2205 sections 3.1.4 and 2.2)",
        "(RFC 2205 section 3.1.9; confirmation, section 2.6)",
        "In the network: the path state it tells of came with a Path that reached this host, now "
        "or "
        "before the socket entered the session (RFC 2205 section 3.1.3).",
        "In the network: a ResvConf reached this receiver (RFC 2205 section 3.1.9)."}) {
    BOOST_TEST_CONTEXT(section) {
      BOOST_TEST(text.find(section) != std::string::npos);
    }
  }
}

BOOST_AUTO_TEST_CASE(explain_puts_the_numbers_into_rfc_2212_s_bound_with_its_branch) {
  const std::string folder = std::string(QOSBED_SOURCE_DIR) + "/scenarios/network/";
  const auto first = test::command({"explain", folder + "guaranteed-peak-above-rate.yaml"});
  BOOST_TEST(first.code == 0);
  BOOST_TEST(
      first.out.find("Receiver viewer at d asks for Guaranteed service for sender camera at R = "
                     "20000 bytes/s;") != std::string::npos);
  BOOST_TEST(first.out.find("   p > R >= r: (b - M)/R x (p - R)/(p - r) + (M + Ctot)/R + Dtot\n"
                            "     = (4000 - 500)/20000 s x (40000 - 20000)/(40000 - 10000) + "
                            "(500 + 2000)/20000 s + 2000 us\n"
                            "     = 116666.7 us + 125000 us + 2000 us = 243666.7 us of queueing; "
                            "with the path's MINIMUM_PATH_LATENCY of 3000 us, 246666.7 us end to "
                            "end.\n") != std::string::npos);

  const auto second = test::command({"explain", folder + "guaranteed-rate-above-peak.yaml"});
  BOOST_TEST(second.code == 0);
  BOOST_TEST(second.out.find("   R >= p: (M + Ctot)/R + Dtot") != std::string::npos);
  BOOST_TEST(second.out.find("     = (500 + 2000)/50000 s + 2000 us\n"
                             "     = 50000 us + 2000 us = 52000 us of queueing;") !=
             std::string::npos);
  BOOST_TEST(second.out.find("p > R >= r") == std::string::npos);

  // A Controlled Load scenario has no Guaranteed section.
  const auto none = test::command({"explain", folder + "reservation-confirmed.yaml"});
  BOOST_TEST(none.out.find("Guaranteed service at the end") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(policies_name_a_node_that_runs_rsvp_and_its_limit) {
  const std::string text = R"(scenario: policies
sockets:
  rx: { role: receiver }
network:
  nodes:
    s: { host: 10.0.0.1 }
    r1: { router: 10.0.1.1 }
    x: { non_rsvp_router: 10.0.1.9 }
    y: { router: 10.0.1.8, non_rsvp_router: 10.0.1.7 }
    d: { host: 10.0.0.2 }
  links:
    - { between: [s, r1], bandwidth: 1250000 }
  policies:
    r2: { max_rate: 1000 }
    x: { max_rate: 1000 }
    r1: { max: 1000 }
steps:
  - app: bind
    socket: rx
)";
  const std::vector<std::string> errors = errors_of(text);
  const std::vector<std::string> expected = {
      "test.yaml:9:8: error: a node is a map with one of 'host', 'router' or 'non_rsvp_router' "
      "(its address)",
      "test.yaml:14:5: error: unknown node 'r2' (did you mean 'r1'?)",
      "test.yaml:15:5: error: node 'x' does not run RSVP: it has no policy control",
      "test.yaml:16:9: error: a policy needs 'max_rate' (reservations), 'max_sender_rate' "
      "(senders), 'users' (the identities it admits) or several",
      "test.yaml:16:11: error: unknown key 'max' (expected one of: max_rate, max_sender_rate, "
      "users)"};
  BOOST_TEST(errors == expected, boost::test_tools::per_element());
}

// A host names its user; a policy's users are a non-empty list of names.
BOOST_AUTO_TEST_CASE(users_are_a_hosts_and_a_policys_list_of_names) {
  const std::string text = R"(scenario: users
sockets:
  rx: { role: receiver }
network:
  nodes:
    s: { host: 10.0.0.1, user: alice }
    r1: { router: 10.0.1.1, user: bob }
    r2: { router: 10.0.1.2 }
    r3: { router: 10.0.1.3 }
    d: { host: 10.0.0.2, user: [alice] }
  links:
    - { between: [s, r1], bandwidth: 1250000 }
  policies:
    r1: { users: alice }
    r2: { users: [] }
    r3: { users: [alice, { name: bob }] }
steps:
  - app: bind
    socket: rx
)";
  const std::vector<std::string> errors = errors_of(text);
  const std::vector<std::string> expected = {
      "test.yaml:7:29: error: node 'r1' is a router: only a host's RSVP SP names its user",
      "test.yaml:10:32: error: 'user' must be a user name such as alice, not a list",
      "test.yaml:14:18: error: 'users' must be a list of user names, not 'alice'",
      "test.yaml:15:18: error: 'users' must name at least one user: a policy that admits no one "
      "refuses every PATH and RESV",
      "test.yaml:16:26: error: 'users[1]' must be a user name such as alice, not a map"};
  BOOST_TEST(errors == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_hosts_user_and_a_policys_users_are_read) {
  const std::string text = R"(scenario: users
sockets:
  rx: { role: receiver }
network:
  nodes:
    s: { host: 10.0.0.1, user: alice }
    r1: { router: 10.0.1.1 }
    d: { host: 10.0.0.2 }
  links:
    - { between: [s, r1], bandwidth: 1250000 }
    - { between: [r1, d], bandwidth: 1250000 }
  policies:
    r1: { users: [alice, bob], max_rate: 9000 }
steps:
  - app: bind
    socket: rx
)";
  const auto result = scenario::load_text(text, "test.yaml");
  BOOST_TEST(result.diagnostics.empty());
  const scenario::NetworkSpec& network = *result.scenario->network;
  BOOST_TEST(network.nodes[0].user == "alice");
  BOOST_TEST(network.nodes[2].user.empty());
  BOOST_TEST(network.policies.size() == 1u);
  BOOST_TEST(network.policies[0].users == (std::vector<std::string>{"alice", "bob"}),
             boost::test_tools::per_element());
  BOOST_TEST(*network.policies[0].max_rate == 9000u);
}
