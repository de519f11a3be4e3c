// The figures issue 7 sets targets for, measured on one core:
//   completions    FD_QOS completions per second through the emulator and the Monitor, with
//                  tracing off and with JSON tracing to a null sink (targets 5 M/s and 1 M/s);
//   load           loading and validating a 100,000-step scenario against yaml-cpp parsing the
//                  same text alone, in the same run (target: ratio <= 1.5);
//   event_queue    engine::EventQueue against a bare std::priority_queue over the same events
//                  (target: rate ratio >= 0.5);
//   scaling        time per event over 1..10,000 sockets and 10^3..10^7 events (target: within
//                  2x of the fastest), summarised after the table.
// Each figure and ratio is a counter of its row; all are CPU time of the benchmark's thread.
#include <benchmark/benchmark.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdint>
#include <ctime>
#include <iostream>
#include <map>
#include <memory>
#include <ostream>
#include <queue>
#include <random>
#include <streambuf>
#include <string>
#include <vector>

#include "client/monitor.hpp"
#include "engine/event_queue.hpp"
#include "engine/tracing_provider.hpp"
#include "gqos/constants.hpp"
#include "provider_stub/emulator.hpp"
#include "report/json_trace.hpp"
#include "scenario/loader.hpp"

namespace {

using namespace qosbed;
// This thread's CPU time: the ratios compare work done, even on a machine busy with other jobs.
struct Clock {
  using time_point = double;
  static double now() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
  }
};

double seconds_since(Clock::time_point start) {
  return Clock::now() - start;
}

// Discards what is written: the JSON is built in full, then costs no I/O.
class NullBuffer final : public std::streambuf {
 protected:
  int overflow(int c) override { return traits_type::not_eof(c); }
  std::streamsize xsputn(const char*, std::streamsize n) override { return n; }
};

class CountingListener final : public client::MonitorListener {
 public:
  void on_update(const client::Update&) override { ++updates; }
  void on_error(std::uint32_t, std::string_view) override { ++errors; }
  void on_stopped(client::StopReason) override {}
  std::uint64_t updates = 0;
  std::uint64_t errors = 0;
};

provider_stub::Indication senders_indication() {
  provider_stub::Indication indication;
  indication.status = gqos::status::senders;
  gqos::FlowSpec receiving = gqos::unspecified_flowspec(gqos::service_type::controlled_load);
  receiving.token_rate = 1000;
  indication.receiving = receiving;
  return indication;
}

// (a) One receiver socket with a Monitor; each iteration is one FD_QOS indication that completes
// the Monitor's pending query, and the alertable wait in which its routine runs and re-arms.
void completions(benchmark::State& state, bool json_trace) {
  engine::EventQueue queue;
  provider_stub::Emulator emulator(queue);
  NullBuffer null;
  std::ostream out(&null);
  report::JsonTraceWriter writer(out);
  engine::TracingProvider traced(emulator, queue, writer);
  provider::Provider& app = json_trace ? static_cast<provider::Provider&>(traced) : emulator;

  const provider::Socket socket = app.open(provider::Role::receiver, provider::Protocol::udp);
  app.bind(socket, {"10.0.0.2", 5000});
  CountingListener listener;
  client::Monitor monitor(app, socket, listener);
  monitor.start();
  const provider_stub::Indication indication = senders_indication();
  for (auto _ : state) {
    emulator.indicate(socket, indication);
    app.sleep_ex(0, true);
  }
  if (listener.updates != static_cast<std::uint64_t>(state.iterations()) || listener.errors != 0) {
    state.SkipWithError("the Monitor missed completions");
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["completions_per_s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

void BM_completions_untraced(benchmark::State& state) {
  completions(state, false);
}
void BM_completions_json_trace(benchmark::State& state) {
  completions(state, true);
}
BENCHMARK(BM_completions_untraced);
BENCHMARK(BM_completions_json_trace);

// A valid scenario of `steps` steps: one receiver with a Monitor, then FD_QOS indications 1 ms
// apart, each followed by the alertable wait that delivers it.
std::string big_scenario(int steps) {
  std::string text =
      "scenario: big\n"
      "profile: windows-2000\n"
      "sockets:\n"
      "  rx:\n"
      "    role: receiver\n"
      "    local: 10.0.0.2:5000\n"
      "steps:\n"
      "  - app: bind\n"
      "    socket: rx\n"
      "  - app: monitor\n"
      "    socket: rx\n"
      "    initial_buffer: 100\n";
  for (int i = 2; i < steps; i += 2) {
    text += "  - at: " + std::to_string(i) +
            "ms\n"
            "    sp: fd_qos\n"
            "    socket: rx\n"
            "    status: WSA_QOS_SENDERS\n"
            "    receiving: { service_type: controlled_load, token_rate: 1000 }\n"
            "  - app: wait\n"
            "    alertable: true\n"
            "    timeout: 0ms\n";
  }
  return text;
}

// (b) Both in each iteration, so the ratio compares like with like on the same machine state.
void BM_load_100k_steps(benchmark::State& state) {
  const std::string text = big_scenario(100'000);
  double yaml_s = 0;
  double qosbed_s = 0;
  for (auto _ : state) {
    auto start = Clock::now();
    YAML::Node node = YAML::Load(text);
    benchmark::DoNotOptimize(node);
    yaml_s += seconds_since(start);

    start = Clock::now();
    scenario::LoadResult loaded = scenario::load_text(text, "big.yaml");
    qosbed_s += seconds_since(start);
    if (!loaded.scenario || loaded.scenario->steps.size() != 100'000) {
      state.SkipWithError("the generated scenario did not load");
      return;
    }
  }
  const auto n = static_cast<double>(state.iterations());
  state.counters["yaml_cpp_ms"] = 1e3 * yaml_s / n;
  state.counters["qosbed_ms"] = 1e3 * qosbed_s / n;
  state.counters["ratio"] = qosbed_s / yaml_s;
}
BENCHMARK(BM_load_100k_steps)->Unit(benchmark::kMillisecond);

// (c) The classic "hold" model: `held` events in the queue; each run event schedules the next at
// a pseudo-random later time. The same times drive both queues.
constexpr int held = 1000;

std::vector<engine::TimeUs> hold_deltas(std::size_t count) {
  std::mt19937_64 random(42);
  std::vector<engine::TimeUs> deltas(count);
  for (auto& delta : deltas) delta = static_cast<engine::TimeUs>(random() % 10'000);
  return deltas;
}

double event_queue_rate(const std::vector<engine::TimeUs>& deltas) {
  engine::EventQueue queue;
  std::size_t next = 0;
  std::uint64_t ran = 0;
  std::function<void()> action = [&] {
    ++ran;
    if (next < deltas.size()) queue.schedule_at(queue.now_us() + deltas[next++], action);
  };
  const auto start = Clock::now();
  for (int i = 0; i < held; ++i) queue.schedule_at(deltas[next++], action);
  while (queue.run_next()) {
  }
  const double s = seconds_since(start);
  benchmark::DoNotOptimize(ran);
  return static_cast<double>(ran) / s;
}

double priority_queue_rate(const std::vector<engine::TimeUs>& deltas) {
  struct Entry {
    engine::TimeUs at_us;
    std::uint64_t id;
    bool operator>(const Entry& other) const {
      return at_us != other.at_us ? at_us > other.at_us : id > other.id;
    }
  };
  std::priority_queue<Entry, std::vector<Entry>, std::greater<>> queue;
  std::size_t next = 0;
  std::uint64_t ran = 0;
  std::uint64_t id = 0;
  engine::TimeUs now = 0;
  const auto start = Clock::now();
  for (int i = 0; i < held; ++i) queue.push({deltas[next++], id++});
  while (!queue.empty()) {
    now = queue.top().at_us;
    queue.pop();
    ++ran;
    if (next < deltas.size()) queue.push({now + deltas[next++], id++});
  }
  const double s = seconds_since(start);
  benchmark::DoNotOptimize(ran);
  return static_cast<double>(ran) / s;
}

void BM_event_queue_vs_priority_queue(benchmark::State& state) {
  const auto deltas = hold_deltas(static_cast<std::size_t>(state.range(0)));
  double queue_rate = 0;
  double bare_rate = 0;
  for (auto _ : state) {
    queue_rate += event_queue_rate(deltas);
    bare_rate += priority_queue_rate(deltas);
  }
  const auto n = static_cast<double>(state.iterations());
  state.counters["event_queue_per_s"] = queue_rate / n;
  state.counters["priority_queue_per_s"] = bare_rate / n;
  state.counters["ratio"] = queue_rate / bare_rate;
}
BENCHMARK(BM_event_queue_vs_priority_queue)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

// (d) `sockets` receivers, each with a Monitor; one FD_QOS indication per socket is always
// scheduled, and each one that runs schedules the next for a pseudo-random socket. The
// application loop is alertable waits, as a real one is.
std::map<std::pair<std::int64_t, std::int64_t>, double> scaling_ns;

void BM_scaling(benchmark::State& state) {
  const auto socket_count = static_cast<std::size_t>(state.range(0));
  const auto events = static_cast<std::uint64_t>(state.range(1));
  double ns_per_event = 0;
  for (auto _ : state) {
    state.PauseTiming();
    engine::EventQueue queue;
    auto emulator = std::make_unique<provider_stub::Emulator>(queue);
    CountingListener listener;
    std::vector<provider::Socket> sockets;
    std::vector<std::unique_ptr<client::Monitor>> monitors;
    for (std::size_t i = 0; i < socket_count; ++i) {
      sockets.push_back(emulator->open(provider::Role::receiver, provider::Protocol::udp));
      emulator->bind(sockets.back(), {"10.0.0.2", 5000});
      monitors.push_back(std::make_unique<client::Monitor>(*emulator, sockets.back(), listener));
      monitors.back()->start();
    }
    const provider_stub::Indication indication = senders_indication();
    std::mt19937 random(7);
    std::uint64_t scheduled = 0;
    std::function<void()> fire;
    auto schedule_one = [&] {
      ++scheduled;
      queue.schedule_at(queue.now_us() + 1 + random() % 1000, [&] { fire(); });
    };
    fire = [&] {
      emulator->indicate(sockets[random() % socket_count], indication);
      if (scheduled < events) schedule_one();
    };
    for (std::size_t i = 0; i < socket_count && scheduled < events; ++i) schedule_one();
    state.ResumeTiming();

    const auto start = Clock::now();
    while (listener.updates + listener.errors < events)
      emulator->sleep_ex(gqos::wsa::infinite, true);
    ns_per_event += 1e9 * seconds_since(start) / static_cast<double>(events);

    state.PauseTiming();
    monitors.clear();
    emulator.reset();
    state.ResumeTiming();
  }
  ns_per_event /= static_cast<double>(state.iterations());
  scaling_ns[{state.range(0), state.range(1)}] = ns_per_event;
  state.counters["ns_per_event"] = ns_per_event;
}
BENCHMARK(BM_scaling)
    ->ArgsProduct({{1, 100, 10'000}, {1'000, 100'000, 10'000'000}})
    ->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  if (!scaling_ns.empty()) {
    const auto [low, high] =
        std::minmax_element(scaling_ns.begin(), scaling_ns.end(),
                            [](const auto& a, const auto& b) { return a.second < b.second; });
    std::cout << "scaling: time per event from " << low->second << " ns (" << low->first.first
              << " sockets, " << low->first.second << " events) to " << high->second << " ns ("
              << high->first.first << " sockets, " << high->first.second << " events): ratio "
              << high->second / low->second << " (target <= 2)\n";
  }
  return 0;
}
