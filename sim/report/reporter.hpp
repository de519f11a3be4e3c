// The interface CI reporters implement (JUnit XML, TAP): each learns how many scenarios a run
// plays, then each scenario's outcome in file order, then that the run is over.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "report/counts.hpp"

namespace qosbed::report {

struct ScenarioOutcome {
  // skipped: never played, because --fail-fast or a signal stopped the run before it.
  enum class Result { passed, failed, invalid, skipped };

  std::string file;  // as named on the command line or found in a folder
  std::string name;  // the scenario's `scenario:` name; empty when the file is invalid
  Result result = Result::passed;
  // Failed: "FILE:LINE: expected ... vs actual ..." each; invalid: "FILE:LINE:COL: error: ...";
  // skipped: why it was not played.
  std::vector<std::string> messages;
  ExpectationCount expectations;
  double wall_seconds = 0;      // loading and playing it, by the wall clock
  std::int64_t virtual_us = 0;  // the virtual clock at the end of its run
};

class Reporter {
 public:
  virtual ~Reporter() = default;
  virtual void start(std::size_t scenario_count) = 0;
  virtual void scenario(const ScenarioOutcome& outcome) = 0;
  virtual void finish() = 0;
};

}  // namespace qosbed::report
