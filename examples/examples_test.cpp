// Runs the classic clients of examples/ on the emulator through the Winsock facade: a scenario's
// `sp:` steps drive the provider, the client's output is checked, and the session recorded under
// the facade replays with the runner to the same trace.
#define BOOST_TEST_MODULE examples
#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "engine/event_queue.hpp"
#include "engine/trace.hpp"
#include "engine/tracing_provider.hpp"
#include "facade/winsock_facade.h"
#include "gqos_examples.h"
#include "provider_stub/emulator.hpp"
#include "record/recording_provider.hpp"
#include "report/json_trace.hpp"
#include "runner/runner.hpp"
#include "scenario/loader.hpp"

namespace {

using namespace qosbed;

scenario::Scenario load(const std::string& path) {
  scenario::LoadResult loaded = scenario::load_file(path);
  BOOST_TEST_REQUIRE(loaded.diagnostics.empty(), path << " does not load");
  return std::move(*loaded.scenario);
}

// What the application saw, in order: calls, completions and waits, without times' sources that
// the replay cannot share (the application's own events are not scenario steps).
std::vector<std::string> app_view(const std::vector<engine::TraceRecord>& records) {
  std::vector<std::string> out;
  for (const engine::TraceRecord& record : records) {
    if (record.kind != engine::TraceKind::call && record.kind != engine::TraceKind::completion &&
        record.kind != engine::TraceKind::wait)
      continue;
    if (record.call.ends_with("_event")) continue;
    out.push_back(report::to_json(record));
  }
  return out;
}

// The emulator under the facade, as a scenario sets it up, with the scenario's `sp:` steps
// scheduled; the application's calls pass through a tracer and a recorder on the way.
class Harness {
 public:
  // Who opens the scenario's sockets: the test, with the scenario's roles, or the client itself
  // through WSAEnumProtocols and WSASocket, which the test then adopts by id.
  enum class Sockets { opened_by_test, opened_by_client };

  explicit Harness(const scenario::Scenario& scenario, Sockets sockets = Sockets::opened_by_test)
      : emulator_(queue_, scenario.emulator),
        recorder_(emulator_, [this] { return queue_.now_us(); }),
        traced_(recorder_, queue_, log_) {
    facade::set_provider(traced_);
    for (const scenario::SocketSpec& spec : scenario.sockets) {
      if (sockets == Sockets::opened_by_test)
        adopt(spec.id, recorder_.open(spec.role, spec.protocol));
    }
    for (const scenario::Step& step : scenario.steps) {
      const auto* sp = std::get_if<scenario::SpAction>(&step.action);
      if (!sp) continue;
      // The socket is looked up when the step plays: a client may open it after this.
      queue_.schedule_at(step.at_us, [this, id = step.socket, sp] {
        const provider::Socket socket = sockets_.at(id);
        if (const auto* fd_qos = std::get_if<scenario::SpFdQos>(sp)) {
          emulator_.indicate(socket, fd_qos->indication);
        } else {
          const auto& fail = std::get<scenario::SpFail>(*sp);
          if (fail.pending) {
            emulator_.fail_pending(socket, fail.error);
          } else {
            emulator_.fail_next_call(socket, *fail.call, fail.error);
          }
        }
      });
    }
  }
  ~Harness() { facade::reset(); }

  SOCKET socket(const std::string& id) const { return sockets_.at(id); }
  // The scenario's socket `id` is `socket`, in the trace and the recording.
  void adopt(const std::string& id, SOCKET socket) {
    recorder_.name_socket(socket, id);
    traced_.name_socket(socket, id);
    sockets_[id] = socket;
  }
  const std::vector<engine::TraceRecord>& trace() const { return log_.records(); }
  std::string recording(const std::string& name) const { return recorder_.scenario_yaml(name); }

 private:
  engine::EventQueue queue_;
  provider_stub::Emulator emulator_;
  record::RecordingProvider recorder_;
  engine::TraceLog log_;
  engine::TracingProvider traced_;
  std::map<std::string, provider::Socket> sockets_;
};

sockaddr_in address(const char* host, unsigned short port) {
  sockaddr_in in{};
  in.sin_family = AF_INET;
  in.sin_port = htons(port);
  inet_pton(AF_INET, host, &in.sin_addr);
  return in;
}

// Runs `client` with its output in a temporary file, returned as text.
template <typename Client>
std::string output_of(Client client, int* result) {
  std::FILE* out = std::tmpfile();
  BOOST_TEST_REQUIRE(out != nullptr);
  *result = client(out);
  std::rewind(out);
  std::string text;
  for (int c; (c = std::fgetc(out)) != EOF;) text += static_cast<char>(c);
  std::fclose(out);
  return text;
}

// The recording replays on the runner with every expectation holding, and the application's view
// of the replay is the one recorded.
void check_replay(const Harness& harness, const std::string& name) {
  const std::string yaml = harness.recording(name);
  scenario::LoadResult loaded = scenario::load_text(yaml, name + ".yaml");
  for (const auto& diagnostic : loaded.diagnostics) BOOST_TEST_MESSAGE(diagnostic.message);
  BOOST_TEST_REQUIRE(loaded.diagnostics.empty(), "the recording does not load:\n" << yaml);
  engine::TraceLog replayed;
  runner::RunOptions options;
  options.trace = &replayed;
  const runner::RunResult result = runner::run(*loaded.scenario, options);
  for (const auto& failure : result.failures) BOOST_TEST_MESSAGE(runner::format(failure));
  BOOST_TEST(result.passed(), "the recording's expectations do not hold:\n" << yaml);
  BOOST_TEST(result.expectations_checked > 0u);
  const auto recorded_view = app_view(harness.trace());
  const auto replayed_view = app_view(replayed.records());
  BOOST_TEST(recorded_view == replayed_view, boost::test_tools::per_element());
}

}  // namespace

BOOST_AUTO_TEST_CASE(receiver_reads_each_indication_and_reissues_after_enobufs) {
  const scenario::Scenario scenario = load("receiver.yaml");
  Harness harness(scenario);
  const sockaddr_in local = address("10.0.0.2", 5000);
  int result = -1;
  const std::string output = output_of(
      [&](std::FILE* out) { return run_receiver(harness.socket("rx"), &local, 2, 5, out); },
      &result);
  BOOST_TEST(result == 0);
  BOOST_TEST(output ==
             "WSAENOBUFS required=100\n"
             "update bytes=100 receiving service=2 token_rate=8000 status=11006\n"
             "update bytes=100 receiving service=0 token_rate=4294967295 status=11007\n");
  check_replay(harness, "recorded-receiver");
}

BOOST_AUTO_TEST_CASE(sender_reads_each_indication_through_its_event) {
  const scenario::Scenario scenario = load("sender.yaml");
  Harness harness(scenario);
  const sockaddr_in remote = address("10.0.0.1", 6000);
  int result = -1;
  const std::string output = output_of(
      [&](std::FILE* out) { return run_sender(harness.socket("tx"), &remote, 16000, 2, 5, out); },
      &result);
  BOOST_TEST(result == 0);
  BOOST_TEST(output ==
             "update bytes=100 sending service=2 token_rate=16000 status=11005\n"
             "update bytes=100 sending service=0 token_rate=4294967295 status=11008\n");
  check_replay(harness, "recorded-sender");
}

// The receiver in the fully classic style: WSAStartup, its socket from the RSVP SP's protocol
// entry (WSAEnumProtocols, XP1_QOS_SUPPORTED, WSASocket), the session, WSACleanup.
BOOST_AUTO_TEST_CASE(receiver_opens_its_socket_through_the_rsvp_sp_entry) {
  const scenario::Scenario scenario = load("receiver.yaml");
  Harness harness(scenario, Harness::Sockets::opened_by_client);
  const sockaddr_in local = address("10.0.0.2", 5000);
  int result = -1;
  const std::string output = output_of(
      [&](std::FILE* out) {
        WSADATA data;
        if (WSAStartup(MAKEWORD(2, 2), &data) != 0) return 2;
        // The emulator needs the role a GQoS application never states: the scenario's.
        facade::set_socket_role(scenario.sockets.front().role);
        const SOCKET s = open_qos_socket(IPPROTO_UDP, out);
        if (s == INVALID_SOCKET) return 1;
        harness.adopt(scenario.sockets.front().id, s);
        const int received = run_receiver(s, &local, 2, 5, out);
        return WSACleanup() == 0 ? received : 1;
      },
      &result);
  BOOST_TEST(result == 0);
  BOOST_TEST(output ==
             "QoS entry: RSVP UDP Service Provider\n"
             "WSAENOBUFS required=100\n"
             "update bytes=100 receiving service=2 token_rate=8000 status=11006\n"
             "update bytes=100 receiving service=0 token_rate=4294967295 status=11007\n");
  check_replay(harness, "recorded-classic-receiver");
}

BOOST_AUTO_TEST_CASE(without_a_qos_provider_there_is_no_entry_to_open) {
  scenario::Scenario scenario = load("receiver.yaml");
  scenario.emulator.profile = provider_stub::Profile::no_qos_provider;
  Harness harness(scenario, Harness::Sockets::opened_by_client);
  int result = -1;
  const std::string output = output_of(
      [&](std::FILE* out) { return open_qos_socket(IPPROTO_UDP, out) == INVALID_SOCKET ? 0 : 1; },
      &result);
  BOOST_TEST(result == 0);
  BOOST_TEST(output == "no QoS service provider for protocol 17\n");
}

BOOST_AUTO_TEST_CASE(a_client_without_a_provider_installed_is_refused) {
  BOOST_CHECK_THROW(WSAGetLastError(), std::logic_error);
}
