#include "report/counts.hpp"

#include "report/reporter.hpp"

namespace qosbed::report {

std::string describe(const ExpectationCount& count) {
  if (count.checked == 0) return "no expectation checked";
  const std::string checked = std::to_string(count.checked) + " expectations";
  if (count.failed == 0) return "all " + checked + " held";
  return std::to_string(count.failed) + " of " + checked + " failed";
}

void RunCounts::add(const ScenarioOutcome& outcome) {
  switch (outcome.result) {
    case ScenarioOutcome::Result::passed:
      ++passed;
      break;
    case ScenarioOutcome::Result::failed:
      ++failed;
      break;
    case ScenarioOutcome::Result::invalid:
      ++invalid;
      break;
    case ScenarioOutcome::Result::skipped:
      ++skipped;
      break;
  }
  expectations.checked += outcome.expectations.checked;
  expectations.failed += outcome.expectations.failed;
}

std::string describe(const RunCounts& counts) {
  std::string text =
      std::to_string(counts.passed) + " passed, " + std::to_string(counts.failed) + " failed";
  if (counts.invalid > 0) text += ", " + std::to_string(counts.invalid) + " invalid";
  if (counts.skipped > 0) text += ", " + std::to_string(counts.skipped) + " skipped";
  return text;
}

}  // namespace qosbed::report
