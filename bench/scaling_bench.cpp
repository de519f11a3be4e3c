// Time per event over 1..10,000 sockets and 10^3..10^7 events (target: within 2x of
// the fastest). `sockets` receivers, each with a Monitor; one FD_QOS indication per socket is
// always scheduled, and each one that runs schedules the next for a pseudo-random socket. The
// application loop is alertable waits, as a real one is.
#include "scaling_bench.hpp"

#include <benchmark/benchmark.h>
#include <malloc.h>

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <random>
#include <utility>
#include <vector>

#include "bench_support.hpp"
#include "cpu_clock.hpp"
#include "figures.hpp"

namespace qosbed::bench {
namespace {

// Nanoseconds per event of every repetition, by (sockets, events).
std::map<std::pair<std::int64_t, std::int64_t>, std::vector<double>> scaling_ns;

void BM_scaling(benchmark::State& state) {
  const auto socket_count = static_cast<std::size_t>(state.range(0));
  const auto events = static_cast<std::uint64_t>(state.range(1));
  for (auto _ : state) {
    engine::EventQueue queue;
    auto emulator = std::make_unique<provider_stub::Emulator>(queue);
    CountingListener listener;
    std::vector<provider::Socket> sockets;
    std::vector<std::unique_ptr<client::Monitor>> monitors;
    sockets.reserve(socket_count);
    monitors.reserve(socket_count);
    const std::size_t heap_before = mallinfo2().uordblks;
    for (std::size_t i = 0; i < socket_count; ++i) {
      sockets.push_back(emulator->open(provider::Role::receiver, provider::Protocol::udp));
      emulator->bind(sockets.back(), {"10.0.0.2", 5000});
      monitors.push_back(std::make_unique<client::Monitor>(*emulator, sockets.back(), listener));
      monitors.back()->start();
    }
    // The heap per socket is the same for every event count: taken once, from the first run
    // with the most sockets (the one where a per-socket overhead weighs most).
    if (socket_count == 10'000 && events == 1'000) {
      add_figure("scaling_bytes_per_socket",
                 static_cast<double>(mallinfo2().uordblks - heap_before) / socket_count);
    }
    const provider_stub::Indication indication = senders_indication();
    std::mt19937 random(7);
    std::uint64_t scheduled = 0;
    std::function<void(provider::Socket)> fire;
    // The socket is chosen when the indication is scheduled, as a scenario's step names it; the
    // hint lets the queue load that socket's state while the events before it run.
    auto schedule_one = [&] {
      ++scheduled;
      const provider::Socket socket = sockets[random() % socket_count];
      queue.schedule_at(
          queue.now_us() + 1 + random() % 1000, [&fire, socket] { fire(socket); },
          emulator->prefetch_for(socket));
    };
    fire = [&](provider::Socket socket) {
      emulator->indicate(socket, indication);
      if (scheduled < events) schedule_one();
    };
    for (std::size_t i = 0; i < socket_count && scheduled < events; ++i) schedule_one();

    const double start = cpu_seconds();
    while (listener.updates + listener.errors < events)
      emulator->sleep_ex(gqos::wsa::infinite, true);
    const double ns_per_event = 1e9 * (cpu_seconds() - start) / static_cast<double>(events);
    scaling_ns[{state.range(0), state.range(1)}].push_back(ns_per_event);
    state.counters["ns_per_event"] = ns_per_event;
  }
}
BENCHMARK(BM_scaling)
    ->ArgNames({"sockets", "events"})
    ->ArgsProduct({{1, 100, 10'000}, {1'000, 100'000, 10'000'000}})
    ->Iterations(1)
    ->Repetitions(3)
    ->ReportAggregatesOnly(true)
    ->Unit(benchmark::kMillisecond);

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

}  // namespace

void add_scaling_spread() {
  if (scaling_ns.size() < 2) return;  // filtered down to one size: nothing to compare
  std::vector<double> medians;
  for (const auto& [config, values] : scaling_ns) medians.push_back(median(values));
  const auto [low, high] = std::minmax_element(medians.begin(), medians.end());
  add_figure("scaling", *high / *low);
}

}  // namespace qosbed::bench
