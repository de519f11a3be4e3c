// Loading and validating a 100,000-step scenario against yaml-cpp parsing the same
// text alone, both in each repetition so the ratio compares like with like (target: <= 1.5).
#include <benchmark/benchmark.h>
#include <yaml-cpp/yaml.h>

#include <string>

#include "cpu_clock.hpp"
#include "figures.hpp"
#include "scenario/loader.hpp"

namespace qosbed::bench {
namespace {

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

void BM_load_100k_steps(benchmark::State& state) {
  const std::string text = big_scenario(100'000);
  for (auto _ : state) {
    double start = cpu_seconds();
    YAML::Node node = YAML::Load(text);
    benchmark::DoNotOptimize(node);
    const double yaml_s = cpu_seconds() - start;

    start = cpu_seconds();
    scenario::LoadResult loaded = scenario::load_text(text, "big.yaml");
    const double qosbed_s = cpu_seconds() - start;
    if (!loaded.scenario || loaded.scenario->steps.size() != 100'000) {
      state.SkipWithError("the generated scenario did not load");
      return;
    }
    state.counters["yaml_cpp_ms"] = 1e3 * yaml_s;
    state.counters["qosbed_ms"] = 1e3 * qosbed_s;
    state.counters["ratio"] = qosbed_s / yaml_s;
    add_figure("load_ratio", qosbed_s / yaml_s);
  }
}
BENCHMARK(BM_load_100k_steps)
    ->Iterations(1)
    ->Repetitions(3)
    ->ReportAggregatesOnly(true)
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace qosbed::bench
