#include "report/junit_reporter.hpp"

#include <algorithm>
#include <filesystem>

#include "report/xml_text.hpp"

namespace qosbed::report {
namespace {

std::size_t count(const std::vector<ScenarioOutcome>& outcomes, ScenarioOutcome::Result result) {
  return static_cast<std::size_t>(
      std::count_if(outcomes.begin(), outcomes.end(),
                    [result](const ScenarioOutcome& outcome) { return outcome.result == result; }));
}

}  // namespace

void JunitReporter::start(std::size_t scenario_count) {
  outcomes_.reserve(scenario_count);
}

void JunitReporter::scenario(const ScenarioOutcome& outcome) {
  outcomes_.push_back(outcome);
}

void JunitReporter::finish() {
  const std::string totals =
      "tests=\"" + std::to_string(outcomes_.size()) + "\" failures=\"" +
      std::to_string(count(outcomes_, ScenarioOutcome::Result::failed)) + "\" errors=\"" +
      std::to_string(count(outcomes_, ScenarioOutcome::Result::invalid)) + "\"";
  out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
       << "<testsuites name=\"qosbed\" " << totals << ">\n"
       << "  <testsuite name=\"qosbed\" " << totals << " skipped=\"0\">\n";
  for (const ScenarioOutcome& outcome : outcomes_) {
    // The folder as the class, the way CI servers group test cases.
    const std::filesystem::path path(outcome.file);
    std::string classname = path.parent_path().generic_string();
    std::replace(classname.begin(), classname.end(), '/', '.');
    out_ << "    <testcase classname=\"" << xml_escaped(classname) << "\" name=\""
         << xml_escaped(path.stem().string()) << "\" file=\"" << xml_escaped(outcome.file) << "\"";
    if (outcome.result == ScenarioOutcome::Result::passed) {
      out_ << "/>\n";
      continue;
    }
    const bool failed = outcome.result == ScenarioOutcome::Result::failed;
    const std::string first = outcome.messages.empty() ? "" : outcome.messages.front();
    out_ << ">\n      <" << (failed ? "failure" : "error") << " type=\""
         << (failed ? "expectation" : "invalid scenario") << "\" message=\"" << xml_escaped(first)
         << "\">";
    for (const std::string& message : outcome.messages) out_ << xml_escaped(message) << "\n";
    out_ << "</" << (failed ? "failure" : "error") << ">\n    </testcase>\n";
  }
  out_ << "  </testsuite>\n</testsuites>\n";
  out_.flush();
}

}  // namespace qosbed::report
