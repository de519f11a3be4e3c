// A user's own program under `qosbed run -- PROGRAM`: tests/win32/programs/virtual_time.c idles
// through a 60 s virtual session in 5 s waits (SleepEx and WaitForSingleObject), each a round
// trip over the channel and a jump of the clock. The figure is the wall-clock time of the whole
// run, the program's start and end included (target: under 1 s), since what the issue promises
// is that a 5 s wait costs no time one waits for; it is the one figure not in CPU time.
#include <benchmark/benchmark.h>
#include <fcntl.h>
#include <unistd.h>

#include <chrono>

#include "figures.hpp"
#include "program/program_run.hpp"
#include "scenario/loader.hpp"

namespace qosbed::bench {
namespace {

// The program's standard output, which it shares with the benchmark's table, goes nowhere.
class Silenced {
 public:
  Silenced() : saved_(dup(STDOUT_FILENO)) {
    const int null = open("/dev/null", O_WRONLY);
    dup2(null, STDOUT_FILENO);
    close(null);
  }
  ~Silenced() {
    dup2(saved_, STDOUT_FILENO);
    close(saved_);
  }

 private:
  int saved_;
};

void BM_program_60s_session(benchmark::State& state) {
  scenario::LoadResult loaded = scenario::load_file(QOSBED_TIMELINE_SCENARIO);
  if (!loaded.scenario) {
    state.SkipWithError("the scenario did not load");
    return;
  }
  program::ProgramRunOptions options;
  options.programs = {program::ProgramSpec{{}, {QOSBED_VIRTUAL_TIME_PROGRAM}}};
  for (auto _ : state) {
    const auto start = std::chrono::steady_clock::now();
    program::ProgramRunResult result;
    {
      Silenced silenced;
      result = program::run_program(*loaded.scenario, options);
    }
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    if (!result.passed() || result.run.end_us != 60'000'000) {
      state.SkipWithError("the 60 s session did not pass");
      return;
    }
    state.SetIterationTime(took.count());
    add_figure("program_60s_session", took.count());
  }
}
BENCHMARK(BM_program_60s_session)
    ->UseManualTime()
    ->Iterations(1)
    ->Repetitions(10)
    ->ReportAggregatesOnly(true)
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace qosbed::bench
