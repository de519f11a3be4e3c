#include "report/tap_reporter.hpp"

namespace qosbed::report {

void TapReporter::start(std::size_t scenario_count) {
  out_ << "TAP version 13\n1.." << scenario_count << "\n";
}

void TapReporter::scenario(const ScenarioOutcome& outcome) {
  ++number_;
  out_ << (outcome.result == ScenarioOutcome::Result::passed ? "ok " : "not ok ") << number_
       << " - " << outcome.file;
  if (!outcome.name.empty()) out_ << " (" << outcome.name << ")";
  out_ << "\n";
  if (outcome.result == ScenarioOutcome::Result::invalid) out_ << "# invalid scenario\n";
  for (const std::string& message : outcome.messages) out_ << "# " << message << "\n";
}

void TapReporter::finish() {
  out_.flush();
}

}  // namespace qosbed::report
