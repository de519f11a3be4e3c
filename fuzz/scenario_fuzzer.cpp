// Fuzzes the scenario loader (YAML text to a checked Scenario) and plays whatever it accepts, so
// the runner meets every scenario shape the loader lets through. The loader must answer any text
// with either a scenario or diagnostics at real positions, never both and never neither.
#include <cstdint>
#include <cstdlib>
#include <ostream>
#include <streambuf>
#include <string_view>
#include <variant>

#include "report/json_trace.hpp"
#include "runner/runner.hpp"
#include "scenario/loader.hpp"

namespace {

void check(bool condition) {
  if (!condition) std::abort();
}

// Discards what is written, so the JSON trace is built but costs no I/O.
class NullBuffer final : public std::streambuf {
 protected:
  int overflow(int c) override { return traits_type::not_eof(c); }
  std::streamsize xsputn(const char*, std::streamsize n) override { return n; }
};

// A network's soft state refreshes for as long as its run lasts, so a network scenario costs
// time in proportion to its virtual length, which a mutation of one number can make years: it
// is played only when it ends within ten virtual minutes, its waits' timeouts included, so that
// every input ends well within the fuzzer's time limit. The loader checks every input alike.
bool short_enough(const qosbed::scenario::Scenario& scenario) {
  using namespace qosbed;
  constexpr engine::TimeUs longest_us = 600'000'000;
  if (!scenario.network) return true;
  if (runner::network_stop_us(scenario) > longest_us) return false;
  for (const scenario::Step& step : scenario.steps) {
    const auto* app = std::get_if<scenario::AppAction>(&step.action);
    const auto* wait = app ? std::get_if<scenario::AppWait>(app) : nullptr;
    if (wait && wait->timeout_us && *wait->timeout_us > longest_us - step.at_us) return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace qosbed;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const scenario::LoadResult loaded = scenario::load_text(text, "fuzz.yaml");
  check(loaded.scenario.has_value() == loaded.diagnostics.empty());
  for (const scenario::Diagnostic& diagnostic : loaded.diagnostics) {
    check(diagnostic.mark.file == "fuzz.yaml");
    check(diagnostic.mark.line >= 1 && diagnostic.mark.column >= 1);
    check(!diagnostic.message.empty());
    check(!scenario::format(diagnostic).empty());
  }
  if (!loaded.scenario || !short_enough(*loaded.scenario)) return 0;

  NullBuffer null;
  std::ostream out(&null);
  report::JsonTraceWriter trace(out);
  const runner::RunResult result = runner::run(*loaded.scenario, {&trace});
  for (const runner::Failure& failure : result.failures) check(failure.mark.file == "fuzz.yaml");
  return 0;
}
