// Fuzzes the scenario loader (YAML text to a checked Scenario) and plays whatever it accepts, so
// the runner meets every scenario shape the loader lets through. The loader must answer any text
// with either a scenario or diagnostics at real positions, never both and never neither.
#include <cstdint>
#include <cstdlib>
#include <ostream>
#include <streambuf>
#include <string_view>

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
  if (!loaded.scenario) return 0;

  NullBuffer null;
  std::ostream out(&null);
  report::JsonTraceWriter trace(out);
  const runner::RunResult result = runner::run(*loaded.scenario, {&trace});
  for (const runner::Failure& failure : result.failures) check(failure.mark.file == "fuzz.yaml");
  return 0;
}
