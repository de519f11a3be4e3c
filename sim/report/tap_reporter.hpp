// TAP version 13 (the Test Anything Protocol of prove and most CI plugins): the plan first, then
// one `ok`/`not ok` line per scenario as it is reported, with `#` and `\` of its description
// escaped so that no file or scenario name reads as a directive, the messages of a failed or
// invalid one in a YAML diagnostics block, and the run's counts as closing comments.
#pragma once

#include <ostream>

#include "report/counts.hpp"
#include "report/reporter.hpp"

namespace qosbed::report {

class TapReporter final : public Reporter {
 public:
  explicit TapReporter(std::ostream& out) : out_(out) {}
  void start(std::size_t scenario_count) override;
  void scenario(const ScenarioOutcome& outcome) override;
  void finish() override;

 private:
  std::ostream& out_;
  std::size_t number_ = 0;
  RunCounts counts_;
};

}  // namespace qosbed::report
