// The machine's memory latency, to read the scaling figure by: one load at a time, each at a
// pseudo-random line of a region that either fits in cache (256 KB) or does not (64 MB). With
// 10,000 sockets an event's socket state is almost never in cache, so each cold line an event
// touches costs about the second figure; with one socket, about the first.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <numeric>
#include <random>
#include <vector>

#include "cpu_clock.hpp"
#include "figures.hpp"

namespace qosbed::bench {
namespace {

// One cache line; `next` makes every load depend on the one before.
struct alignas(64) Line {
  std::size_t next;
};

void BM_random_load(benchmark::State& state) {
  const auto region_bytes = static_cast<std::size_t>(state.range(0));
  const std::size_t count = region_bytes / sizeof(Line);
  std::vector<std::size_t> order(count);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::shuffle(order.begin(), order.end(), std::mt19937_64(5));
  std::vector<Line> lines(count);
  for (std::size_t i = 0; i < count; ++i) lines[order[i]].next = order[(i + 1) % count];

  constexpr std::size_t loads = 10'000'000;
  for (auto _ : state) {
    std::size_t at = order[0];
    const double start = cpu_seconds();
    for (std::size_t i = 0; i < loads; ++i) at = lines[at].next;
    const double ns_per_load = 1e9 * (cpu_seconds() - start) / loads;
    benchmark::DoNotOptimize(at);
    state.counters["ns_per_load"] = ns_per_load;
    add_figure(region_bytes < (std::size_t{1} << 20) ? "load_in_cache" : "load_from_memory",
               ns_per_load);
  }
}
BENCHMARK(BM_random_load)
    ->ArgName("bytes")
    ->Arg(256 << 10)
    ->Arg(64 << 20)
    ->Iterations(1)
    ->Repetitions(3)
    ->ReportAggregatesOnly(true)
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace qosbed::bench
