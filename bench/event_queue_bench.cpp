// The engine::EventQueue against a bare std::priority_queue over the same events, both
// in each repetition (target: rate ratio >= 0.5). The classic "hold" model: `held` events in the
// queue; each run event schedules the next at a pseudo-random later time. The same times drive
// both queues.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <functional>
#include <queue>
#include <random>
#include <vector>

#include "cpu_clock.hpp"
#include "engine/event_queue.hpp"
#include "figures.hpp"

namespace qosbed::bench {
namespace {

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
  const double start = cpu_seconds();
  for (int i = 0; i < held; ++i) queue.schedule_at(deltas[next++], action);
  while (queue.run_next()) {
  }
  const double s = cpu_seconds() - start;
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
  const double start = cpu_seconds();
  for (int i = 0; i < held; ++i) queue.push({deltas[next++], id++});
  while (!queue.empty()) {
    now = queue.top().at_us;
    queue.pop();
    ++ran;
    if (next < deltas.size()) queue.push({now + deltas[next++], id++});
  }
  const double s = cpu_seconds() - start;
  benchmark::DoNotOptimize(ran);
  return static_cast<double>(ran) / s;
}

void BM_event_queue_vs_priority_queue(benchmark::State& state) {
  const auto deltas = hold_deltas(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    const double queue_rate = event_queue_rate(deltas);
    const double bare_rate = priority_queue_rate(deltas);
    state.counters["event_queue_per_s"] = queue_rate;
    state.counters["priority_queue_per_s"] = bare_rate;
    state.counters["ratio"] = queue_rate / bare_rate;
    add_figure("event_queue_ratio", queue_rate / bare_rate);
  }
}
BENCHMARK(BM_event_queue_vs_priority_queue)
    ->Arg(1'000'000)
    ->Iterations(1)
    ->Repetitions(7)
    ->ReportAggregatesOnly(true)
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace qosbed::bench
