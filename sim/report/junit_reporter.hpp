// JUnit XML for CI servers (Jenkins, GitLab, GitHub test annotations), valid against the Jenkins
// JUnit schema (junit-10.xsd): one <testcase> per scenario, named after its file and classed by
// its folder, a failed expectation as <failure>, an invalid scenario as <error>, one not played
// as <skipped>. `time` is wall-clock seconds; the file, the scenario's name, its expectation
// count and its virtual time go in <system-out>, since that schema has no `file` attribute on a
// test case. Written whole at the end, since <testsuite> carries the totals.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "report/reporter.hpp"

namespace qosbed::report {

// The folders of `file` joined by '.', the way CI servers group test cases into packages: no
// root, no "." or "..", a '.' inside a folder's name written '_'; "qosbed" for a file in no
// folder.
std::string junit_classname(const std::string& file);

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
