// The interface CI reporters implement (JUnit XML, TAP): each learns how many scenarios a run
// plays, then each scenario's outcome in file order, then that the run is over.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace qosbed::report {

struct ScenarioOutcome {
  enum class Result { passed, failed, invalid };

  std::string file;  // as named on the command line or found in a folder
  std::string name;  // the scenario's `scenario:` name; empty when the file is invalid
  Result result = Result::passed;
  // Failed: "FILE:LINE: expected ... vs actual ..." each; invalid: "FILE:LINE:COL: error: ...".
  std::vector<std::string> messages;
  std::size_t expectations_checked = 0;
};

class Reporter {
 public:
  virtual ~Reporter() = default;
  virtual void start(std::size_t scenario_count) = 0;
  virtual void scenario(const ScenarioOutcome& outcome) = 0;
  virtual void finish() = 0;
};

}  // namespace qosbed::report
