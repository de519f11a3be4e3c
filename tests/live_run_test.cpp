// The live runner: a scenario's application played against a provider that makes its own events.
// Here that provider is the emulator with indications the test schedules itself, standing in for
// a real RSVP SP: its SleepEx passes the queue's virtual time, so the runner's pacing, its
// alertable idle waits, the steps it leaves out and its recording are checked exactly.
#define BOOST_TEST_MODULE live_run
#include "runner/live_run.hpp"

#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "engine/event_queue.hpp"
#include "engine/trace.hpp"
#include "gqos/constants.hpp"
#include "provider/winsock_provider.hpp"
#include "provider_stub/emulator.hpp"
#include "report/json_trace.hpp"
#include "runner/runner.hpp"
#include "scenario/loader.hpp"

namespace {

using namespace qosbed;
namespace status = gqos::status;
using provider::Socket;

// The emulator as a provider with events of its own: each socket opened gets `script`'s
// indications at their times, whatever the application's scenario says.
class SpWithOwnEvents final : public provider::Provider {
 public:
  struct Scheduled {
    engine::TimeUs at_us;
    std::uint32_t status;
  };

  SpWithOwnEvents(engine::EventQueue& queue, std::vector<Scheduled> script)
      : queue_(queue), emulator_(queue), script_(std::move(script)) {}

  // A provider with no QoS-capable entry, as WinsockProvider is on Windows since Vista.
  bool refuse_to_open = false;

  Socket open(provider::Role role, provider::Protocol protocol) override {
    if (refuse_to_open) {
      last_error_ = provider::error_no_qos_provider;
      return provider::invalid_socket;
    }
    const Socket socket = emulator_.open(role, protocol);
    for (const Scheduled& event : script_) {
      queue_.schedule_at(event.at_us, [this, socket, status = event.status] {
        gqos::Indication indication;
        indication.status = status;
        emulator_.indicate(socket, indication);
      });
    }
    return socket;
  }
  std::uint32_t last_error() const override {
    return last_error_ ? last_error_ : emulator_.last_error();
  }

  std::vector<provider::ProtocolInfo> enum_protocols() override {
    return emulator_.enum_protocols();
  }
  int bind(Socket s, const provider::Address& local) override { return emulator_.bind(s, local); }
  int connect(Socket s, const provider::Address& remote, std::span<const std::byte> qos) override {
    return emulator_.connect(s, remote, qos);
  }
  int shutdown(Socket s, provider::Shutdown how) override { return emulator_.shutdown(s, how); }
  int join_leaf(Socket s, const provider::Address& group, std::span<const std::byte> qos,
                provider::JoinFlags flags) override {
    return emulator_.join_leaf(s, group, qos, flags);
  }
  int ioctl(Socket s, std::uint32_t code, std::span<const std::byte> in, std::span<std::byte> out,
            std::uint32_t* bytes, provider::Overlapped* overlapped,
            provider::CompletionRoutine routine) override {
    return emulator_.ioctl(s, code, in, out, bytes, overlapped, std::move(routine));
  }
  bool get_overlapped_result(Socket s, provider::Overlapped* overlapped, std::uint32_t* bytes,
                             bool wait, std::uint32_t* flags) override {
    return emulator_.get_overlapped_result(s, overlapped, bytes, wait, flags);
  }
  provider::Event create_event() override { return emulator_.create_event(); }
  bool set_event(provider::Event e) override { return emulator_.set_event(e); }
  bool reset_event(provider::Event e) override { return emulator_.reset_event(e); }
  bool close_event(provider::Event e) override { return emulator_.close_event(e); }
  int event_select(Socket s, provider::Event e, std::uint32_t events) override {
    return emulator_.event_select(s, e, events);
  }
  int enum_network_events(Socket s, provider::Event e, provider::NetworkEvents* out) override {
    return emulator_.enum_network_events(s, e, out);
  }
  std::uint32_t wait_for_events(std::span<const provider::Event> events, bool wait_all,
                                std::uint32_t timeout_ms, bool alertable) override {
    return emulator_.wait_for_events(events, wait_all, timeout_ms, alertable);
  }
  std::uint32_t sleep_ex(std::uint32_t timeout_ms, bool alertable) override {
    ++sleeps;
    return emulator_.sleep_ex(timeout_ms, alertable);
  }
  int close(Socket s) override { return emulator_.close(s); }

  int sleeps = 0;

 private:
  engine::EventQueue& queue_;
  provider_stub::Emulator emulator_;
  std::vector<Scheduled> script_;
  std::uint32_t last_error_ = 0;
};

// A receiver that leaves its queries to qosbed's Monitor. Its script says SENDERS at 2 s and
// NO_SENDERS at 5 s and expects both; the provider of these tests says SENDERS at 1.5 s and
// NO_SENDERS at 3 s, and a live run must show the provider's events, not the script's.
constexpr std::string_view receiver_scenario = R"(scenario: live-receiver
description: A receiver that leaves its SIO_GET_QOS queries to the Monitor.
sockets:
  rx: { role: receiver, protocol: udp, local: 10.0.0.2:5000 }
steps:
  - app: bind
    socket: rx
  - at: 1s
    app: monitor
    socket: rx
    initial_buffer: 16
  - at: 2s
    sp: fd_qos
    socket: rx
    status: WSA_QOS_SENDERS
  - expect: update
    socket: rx
    status: WSA_QOS_SENDERS
  - at: 5s
    sp: fd_qos
    socket: rx
    status: WSA_QOS_NO_SENDERS
  - at: 6s
    expect: update
    socket: rx
    status: WSA_QOS_NO_SENDERS
)";

const std::vector<SpWithOwnEvents::Scheduled> provider_events{{1'500'000, status::senders},
                                                              {3'000'000, status::no_senders}};

scenario::Scenario load(std::string_view text) {
  scenario::LoadResult loaded = scenario::load_text(text, "live.yaml");
  for (const auto& diagnostic : loaded.diagnostics) BOOST_TEST_MESSAGE(diagnostic.message);
  BOOST_TEST_REQUIRE(loaded.diagnostics.empty());
  return std::move(*loaded.scenario);
}

template <typename Kind>
std::vector<const Kind*> of_kind(const engine::TraceLog& log) {
  std::vector<const Kind*> out;
  for (const engine::TraceRecord& record : log.records())
    if (const auto* typed = std::get_if<Kind>(&record)) out.push_back(typed);
  return out;
}

// What the application saw, as JSON lines: its calls, completions, waits and the Monitor's
// updates (the provider's own records differ between a live run and its replay by design).
std::vector<std::string> seen_by_application(const engine::TraceLog& log) {
  std::vector<std::string> out;
  for (const engine::TraceRecord& record : log.records()) {
    if (std::holds_alternative<engine::CallRecord>(record) ||
        std::holds_alternative<engine::CompletionRecord>(record) ||
        std::holds_alternative<engine::UpdateRecord>(record))
      out.push_back(report::to_json(record));
  }
  return out;
}

// A live run of the receiver scenario on the provider above, traced into `log`.
struct LiveReceiver {
  LiveReceiver() { options.trace = &log; }
  runner::RunResult run() { return runner::run_live(scenario, sp, queue, options); }

  scenario::Scenario scenario = load(receiver_scenario);
  engine::EventQueue queue;
  SpWithOwnEvents sp{queue, provider_events};
  engine::TraceLog log;
  runner::LiveRunOptions options;
};

}  // namespace

BOOST_FIXTURE_TEST_CASE(application_steps_run_at_their_times_and_the_provider_gives_the_events,
                        LiveReceiver) {
  const runner::RunResult result = run();

  BOOST_TEST(result.passed());
  BOOST_TEST(result.expectations_checked == 0u);
  // The run lasts until the scenario's last step, 6 s, and waits in slices of at most 100 ms.
  BOOST_TEST(result.end_us == 6'000'000);
  BOOST_TEST(sp.sleeps >= 60);

  const auto calls = of_kind<engine::CallRecord>(log);
  BOOST_TEST_REQUIRE(calls.size() >= 2u);
  BOOST_TEST(calls[0]->call == "bind");
  BOOST_TEST(calls[0]->t_us == 0);
  BOOST_TEST(calls[1]->call == "get_qos");  // the Monitor's first query, at the step's time
  BOOST_TEST(calls[1]->t_us == 1'000'000);

  // The Monitor's updates come at the provider's times, because the runner's idle wait is
  // alertable while the Monitor has a query outstanding; the script's own sp: steps never play.
  const auto updates = of_kind<engine::UpdateRecord>(log);
  BOOST_TEST_REQUIRE(updates.size() == 2u);
  BOOST_TEST(updates[0]->status == status::senders);
  BOOST_TEST(updates[0]->t_us == 1'500'000);
  BOOST_TEST(updates[1]->status == status::no_senders);
  BOOST_TEST(updates[1]->t_us == 3'000'000);
}

BOOST_AUTO_TEST_CASE(live_skips_counts_what_a_live_run_leaves_out) {
  const runner::LiveSkips skips = runner::live_skips(load(receiver_scenario));
  BOOST_TEST(skips.provider_steps == 2u);
  BOOST_TEST(skips.expectations == 2u);
}

BOOST_FIXTURE_TEST_CASE(a_live_recording_replays_on_the_emulator_to_the_same_session,
                        LiveReceiver) {
  std::string recording;
  options.recording = &recording;
  options.recording_name = "live-receiver-recorded";
  BOOST_TEST_REQUIRE(run().passed());

  // The provider's events became sp: steps, what the application saw became expectations.
  BOOST_TEST(recording.find("scenario: live-receiver-recorded") != std::string::npos);
  BOOST_TEST(recording.find("at: 1500ms\n    sp: fd_qos") != std::string::npos, recording);

  const scenario::Scenario recorded = load(recording);
  engine::TraceLog replay;
  runner::RunOptions replay_options;
  replay_options.trace = &replay;
  const runner::RunResult replayed = runner::run(recorded, replay_options);
  for (const auto& failure : replayed.failures) BOOST_TEST_MESSAGE(runner::format(failure));
  BOOST_TEST(replayed.passed(), recording);
  BOOST_TEST(replayed.expectations_checked > 0u);
  BOOST_TEST(seen_by_application(log) == seen_by_application(replay),
             boost::test_tools::per_element());
}

BOOST_FIXTURE_TEST_CASE(a_provider_that_will_not_open_a_socket_stops_the_run_there, LiveReceiver) {
  sp.refuse_to_open = true;
  const runner::RunResult result = run();

  BOOST_TEST_REQUIRE(result.stopped.has_value());
  BOOST_TEST(result.stopped->mark.line == 4);  // the socket's line
  BOOST_TEST(result.stopped->reason == "the provider would not open socket rx: " +
                                           std::string(provider::no_qos_provider_message));
  BOOST_TEST(runner::format(*result.stopped, scenario.steps.size()) ==
             "live.yaml:4: stopped at step 1 of 6, t=0 us: " + result.stopped->reason);
  BOOST_TEST(log.records().empty());
  BOOST_TEST(sp.sleeps == 0);
}

BOOST_FIXTURE_TEST_CASE(an_interrupt_ends_a_wait_within_one_slice, LiveReceiver) {
  volatile std::sig_atomic_t interrupt = 0;
  queue.schedule_at(2'450'000, [&interrupt] { interrupt = 1; });
  options.interrupt = &interrupt;
  const runner::RunResult result = run();

  BOOST_TEST_REQUIRE(result.stopped.has_value());
  BOOST_TEST(result.stopped->reason == "interrupted");
  BOOST_TEST(result.stopped->t_us >= 2'450'000);
  BOOST_TEST(result.stopped->t_us <= 2'450'000 + runner::wait_slice_ms * 1000);
  BOOST_TEST(result.stopped->step == 7u);  // past the last application step, waiting for the end
}
