// The numbers every output of a run prints, counted in one place so that the closing lines of
// `qosbed run`, the TAP and JUnit reports, `qosbed report` and `qosbed explain` cannot disagree:
// scenarios passed, failed, invalid and skipped; expectations checked and failed.
#pragma once

#include <cstddef>
#include <string>

namespace qosbed::report {

struct ScenarioOutcome;

struct ExpectationCount {
  std::size_t checked = 0;
  // Expectations that did not hold: one each, however many fields of it differed.
  std::size_t failed = 0;
};

// "all 3 expectations held", "1 of 3 expectations failed", or "no expectation checked".
std::string describe(const ExpectationCount& count);

struct RunCounts {
  std::size_t passed = 0;
  std::size_t failed = 0;
  std::size_t invalid = 0;
  std::size_t skipped = 0;  // not played: --fail-fast or a signal stopped the run first
  ExpectationCount expectations;

  void add(const ScenarioOutcome& outcome);
  std::size_t scenarios() const { return passed + failed + invalid + skipped; }
};

// "2 passed, 1 failed", then ", N invalid" and ", N skipped" when there are any: the closing
// line of pytest and prove readers, with invalid scenarios apart from failed ones as JUnit keeps
// errors apart from failures.
std::string describe(const RunCounts& counts);

}  // namespace qosbed::report
