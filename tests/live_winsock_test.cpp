// The live runner on the real WinsockProvider, as `qosbed run --provider winsock` plays it, on a
// system without a QoS service provider (Wine in CI; any Windows since Vista). The scenario is
// built here: the YAML loader is not part of the cross build. The waits follow the wall clock;
// the test's TIMEOUT bounds them, and nothing asserts on how long anything took.
#define BOOST_TEST_MODULE live_winsock
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <string>

#include "engine/trace.hpp"
#include "engine/wall_clock.hpp"
#include "gqos/constants.hpp"
#include "provider/winsock_provider.hpp"
#include "runner/live_run.hpp"
#include "without_qos_provider.hpp"

using namespace qosbed;

namespace {

scenario::Step step(int line, engine::TimeUs at_us, scenario::AppAction action) {
  scenario::Step step;
  step.mark = {"live.yaml", line, 5};
  step.at_us = at_us;
  step.socket = "rx";
  step.action = std::move(action);
  return step;
}

// A receiver on the loopback that binds, leaves its queries to the Monitor and closes at 200 ms;
// its script also says SENDERS at 100 ms, which a live run leaves to the provider.
scenario::Scenario loopback_receiver() {
  scenario::Scenario scenario;
  scenario.file = "live.yaml";
  scenario.name = "live-receiver";
  scenario::SocketSpec rx;
  rx.id = "rx";
  rx.role = provider::Role::receiver;
  rx.protocol = provider::Protocol::udp;
  rx.local = provider::Address{"127.0.0.1", 0};
  rx.mark = {"live.yaml", 4, 3};
  scenario.sockets.push_back(rx);
  scenario.steps.push_back(step(6, 0, scenario::AppBind{}));
  scenario.steps.push_back(step(8, 0, scenario::AppMonitor{16}));
  scenario::Step senders;
  senders.mark = {"live.yaml", 11, 5};
  senders.at_us = 100'000;
  senders.socket = "rx";
  senders.action = scenario::SpAction{scenario::SpFdQos{}};
  scenario.steps.push_back(senders);
  scenario.steps.push_back(step(14, 200'000, scenario::AppClose{}));
  return scenario;
}

}  // namespace

BOOST_AUTO_TEST_CASE(without_a_qos_entry_the_run_stops_at_the_first_socket) {
  provider::WinsockProvider winsock;
  if (testing::any_qos_entry(winsock)) {
    testing::skip_case("this system has a QoS-capable protocol entry");
  }
  const scenario::Scenario scenario = loopback_receiver();
  const engine::WallClock clock;
  engine::TraceLog log;
  runner::LiveRunOptions options;
  options.trace = &log;
  const runner::RunResult result = runner::run_live(scenario, winsock, clock, options);

  BOOST_TEST_REQUIRE(result.stopped.has_value());
  BOOST_TEST(result.stopped->step == 1u);
  BOOST_TEST(result.stopped->mark.line == 4);
  BOOST_TEST(result.stopped->reason == "the provider would not open socket rx: " +
                                           std::string(provider::no_qos_provider_message));
  BOOST_TEST(log.records().empty());
}

BOOST_AUTO_TEST_CASE(on_a_plain_socket_the_steps_play_by_the_wall_clock_and_are_recorded) {
  provider::WinsockProvider winsock({.allow_plain_socket = true});
  const scenario::Scenario scenario = loopback_receiver();
  const engine::WallClock clock;
  engine::TraceLog log;
  std::string recording;
  runner::LiveRunOptions options;
  options.trace = &log;
  options.recording = &recording;
  const runner::RunResult result = runner::run_live(scenario, winsock, clock, options);

  BOOST_TEST(result.passed());
  BOOST_TEST(result.end_us >= 200'000);  // the close step waited for its time

  std::vector<std::string> calls;
  engine::TimeUs close_us = -1;
  for (const engine::TraceRecord& record : log.records()) {
    const auto* call = std::get_if<engine::CallRecord>(&record);
    if (!call) continue;
    calls.push_back(call->call);
    if (call->call == "close") close_us = call->t_us;
    if (call->call == "bind") BOOST_TEST(call->result == 0);
  }
  // bind, the Monitor's SIO_GET_QOS (pending or failed, as this system does it), close.
  BOOST_TEST_REQUIRE(calls.size() >= 3u);
  BOOST_TEST(calls.front() == "bind");
  BOOST_TEST(calls[1] == "get_qos");
  BOOST_TEST(calls.back() == "close");
  BOOST_TEST(close_us >= 200'000);

  // The script's SENDERS was not played: no indication reached the application.
  const auto updates = std::count_if(
      log.records().begin(), log.records().end(),
      [](const auto& record) { return std::holds_alternative<engine::UpdateRecord>(record); });
  BOOST_TEST(updates == 0);

  BOOST_TEST(recording.find("app: bind") != std::string::npos, recording);
  BOOST_TEST(recording.find("app: monitor") != std::string::npos, recording);
  BOOST_TEST(recording.find("app: close") != std::string::npos, recording);
}
