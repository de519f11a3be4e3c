// TAP version 13 (the Test Anything Protocol of prove and most CI plugins): the plan first, then
// one `ok`/`not ok` line per scenario as it is reported, its messages as `#` comment lines.
#pragma once

#include <ostream>

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
};

}  // namespace qosbed::report
