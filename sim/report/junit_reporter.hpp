// JUnit XML for CI servers (GitLab, Jenkins, GitHub test annotations): one <testcase> per
// scenario, a failed expectation as <failure> and an invalid scenario as <error>, each with the
// FILE:LINE messages. Written whole at the end, since <testsuite> carries the totals.
#pragma once

#include <ostream>
#include <vector>

#include "report/reporter.hpp"

namespace qosbed::report {

class JunitReporter final : public Reporter {
 public:
  explicit JunitReporter(std::ostream& out) : out_(out) {}
  void start(std::size_t scenario_count) override;
  void scenario(const ScenarioOutcome& outcome) override;
  void finish() override;

 private:
  std::ostream& out_;
  std::vector<ScenarioOutcome> outcomes_;
};

}  // namespace qosbed::report
