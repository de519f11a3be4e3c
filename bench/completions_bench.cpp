// FD_QOS completions per second through the emulator and the Monitor, with tracing
// off and with JSON tracing to a null sink (targets 5 M/s and 1 M/s on one core). One receiver
// socket with a Monitor; each iteration is one FD_QOS indication that completes the Monitor's
// pending query, and the alertable wait in which its routine runs and re-arms.
#include <benchmark/benchmark.h>

#include <ostream>

#include "bench_support.hpp"
#include "cpu_clock.hpp"
#include "engine/event_queue.hpp"
#include "engine/tracing_provider.hpp"
#include "figures.hpp"
#include "provider_stub/emulator.hpp"
#include "report/json_trace.hpp"

namespace qosbed::bench {
namespace {

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
  const gqos::Indication indication = senders_indication();
  const double start = cpu_seconds();
  for (auto _ : state) {
    emulator.indicate(socket, indication);
    app.sleep_ex(0, true);
  }
  const double seconds = cpu_seconds() - start;
  if (listener.updates != static_cast<std::uint64_t>(state.iterations()) || listener.errors != 0) {
    state.SkipWithError("the Monitor missed completions");
    return;
  }
  const double per_s = static_cast<double>(state.iterations()) / seconds;
  state.counters["completions_per_s"] = per_s;
  add_figure(json_trace ? "completions_json" : "completions", per_s / 1e6);
}

void BM_completions_untraced(benchmark::State& state) {
  completions(state, false);
}
void BM_completions_json_trace(benchmark::State& state) {
  completions(state, true);
}
// Fixed iteration counts: each repetition is then one call, one figure.
BENCHMARK(BM_completions_untraced)
    ->Iterations(2'000'000)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);
BENCHMARK(BM_completions_json_trace)
    ->Iterations(500'000)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);

}  // namespace
}  // namespace qosbed::bench
