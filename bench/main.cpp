// qosbed's benchmarks. Google Benchmark prints its table (with repetitions, the mean, median and
// spread of each row); then one table of the figures that have a target (README, Performance),
// each the median of its repetitions, beside its target. Every figure but the program session's
// (wall clock, program_bench.cpp) is CPU time of the benchmark's one thread.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <iostream>
#include <string_view>
#include <vector>

#include "figures.hpp"
#include "scaling_bench.hpp"

int main(int argc, char** argv) {
  using qosbed::bench::declare_figure;
  using qosbed::bench::Goal;
  declare_figure("completions", "FD_QOS completions, emulator + Monitor, no tracing", "M/s", 5,
                 Goal::at_least);
  declare_figure("completions_json", "the same, JSON trace to a null sink", "M/s", 1,
                 Goal::at_least);
  declare_figure("load_ratio", "load + validate 100,000 steps / yaml-cpp parse alone", "x", 1.5,
                 Goal::at_most);
  declare_figure("event_queue_ratio", "EventQueue rate / bare std::priority_queue rate", "x", 0.5,
                 Goal::at_least);
  declare_figure("scaling", "time per event, slowest / fastest of 1-10,000 sockets (best of 5)",
                 "x", 2, Goal::at_most);
  declare_figure("scaling_from_medians", "the same from each row's median of 5", "x", 0,
                 Goal::none);
  declare_figure("scaling_bytes_per_socket", "heap per socket, emulator + Monitor", "B", 0,
                 Goal::none);
  declare_figure("load_in_cache", "a random load within 256 KB (scaling, 1 socket)", "ns", 0,
                 Goal::none);
  declare_figure("load_from_memory", "a random load within 64 MB (scaling, 10,000 sockets)", "ns",
                 0, Goal::none);
  declare_figure("rsvp_network_s", "RSVP network, 50,000 flows x 5 hops x 10 periods", "s", 10,
                 Goal::at_most);
  declare_figure("rsvp_network_bytes_per_flow", "RSVP network, heap per flow after the run", "B", 0,
                 Goal::none);
  declare_figure("app_driven_network_s",
                 "application-driven RSVP, 50,000 flows x 5 hops x 10 periods", "s", 10,
                 Goal::at_most);
  declare_figure("app_driven_network_bytes_per_flow",
                 "application-driven RSVP, heap per flow after the run", "B", 2048, Goal::at_most);
  declare_figure("program_60s_session", "a program's 60 s virtual session in 5 s waits, wall clock",
                 "s", 1, Goal::at_most);

  // Each figure compares rows measured minutes apart on a machine whose speed drifts, so the
  // repetitions of all rows run interleaved in random order unless the command line says
  // otherwise: every row then samples the same minutes.
  std::vector<char*> arguments(argv, argv + argc);
  const bool interleaving_given = std::any_of(arguments.begin(), arguments.end(), [](char* a) {
    return std::string_view(a).starts_with("--benchmark_enable_random_interleaving");
  });
  char interleave[] = "--benchmark_enable_random_interleaving=true";
  if (!interleaving_given) arguments.insert(arguments.begin() + 1, interleave);
  int count = static_cast<int>(arguments.size());
  benchmark::Initialize(&count, arguments.data());
  if (benchmark::ReportUnrecognizedArguments(count, arguments.data())) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  qosbed::bench::add_scaling_spread();
  qosbed::bench::print_figures(std::cout);
  return 0;
}
