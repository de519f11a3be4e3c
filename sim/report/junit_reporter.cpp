#include "report/junit_reporter.hpp"

#include <cmath>
#include <filesystem>

#include "engine/clock.hpp"
#include "report/counts.hpp"
#include "report/xml_text.hpp"

namespace qosbed::report {
namespace {

// Seconds to the millisecond, as "12.345": the form the schema's time pattern accepts.
std::string seconds(double value) {
  const auto ms = static_cast<long long>(std::llround(value * 1000));
  std::string fraction = std::to_string(ms % 1000);
  return std::to_string(ms / 1000) + "." + std::string(3 - fraction.size(), '0') + fraction;
}

// A parser turns a line break or tab of an attribute's value into a space unless it is written
// as a character reference.
std::string attribute(const char* name, const std::string& value) {
  std::string text = std::string(" ") + name + "=\"";
  for (const char c : xml_escaped(value)) {
    text += c == '\n' ? "&#10;" : c == '\t' ? "&#9;" : std::string(1, c);
  }
  return text + "\"";
}

}  // namespace

std::string junit_classname(const std::string& file) {
  std::string classname;
  for (const std::filesystem::path& part :
       std::filesystem::path(file).relative_path().parent_path()) {
    std::string folder = part.string();
    if (folder.empty() || folder == "." || folder == "..") continue;
    for (char& c : folder) {
      if (c == '.') c = '_';
    }
    classname += (classname.empty() ? "" : ".") + folder;
  }
  return classname.empty() ? "qosbed" : classname;
}

void JunitReporter::start(std::size_t scenario_count) {
  outcomes_.reserve(scenario_count);
}

void JunitReporter::scenario(const ScenarioOutcome& outcome) {
  outcomes_.push_back(outcome);
}

void JunitReporter::finish() {
  using Result = ScenarioOutcome::Result;
  RunCounts counts;
  double wall_seconds = 0;
  for (const ScenarioOutcome& outcome : outcomes_) {
    counts.add(outcome);
    wall_seconds += outcome.wall_seconds;
  }
  const std::string totals = attribute("tests", std::to_string(counts.scenarios())) +
                             attribute("failures", std::to_string(counts.failed)) +
                             attribute("errors", std::to_string(counts.invalid));
  out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
       << "<testsuites name=\"qosbed\"" << totals << attribute("time", seconds(wall_seconds))
       << ">\n"
       << "  <testsuite name=\"qosbed\"" << totals
       << attribute("skipped", std::to_string(counts.skipped))
       << attribute("time", seconds(wall_seconds)) << ">\n"
       << "    <properties>\n"
       << "      <property name=\"expectations_checked\" value=\"" << counts.expectations.checked
       << "\"/>\n"
       << "      <property name=\"expectations_failed\" value=\"" << counts.expectations.failed
       << "\"/>\n"
       << "    </properties>\n";
  for (const ScenarioOutcome& outcome : outcomes_) {
    out_ << "    <testcase"
         << attribute("name", std::filesystem::path(outcome.file).stem().string())
         << attribute("classname", junit_classname(outcome.file))
         << attribute("time", seconds(outcome.wall_seconds)) << ">\n";
    if (outcome.result == Result::skipped) {
      out_ << "      <skipped"
           << attribute("message", outcome.messages.empty() ? "" : outcome.messages.front())
           << "/>\n";
    } else if (outcome.result != Result::passed) {
      const bool failed = outcome.result == Result::failed;
      const char* element = failed ? "failure" : "error";
      out_ << "      <" << element << attribute("type", failed ? "expectation" : "invalid scenario")
           << attribute("message", outcome.messages.empty() ? "" : outcome.messages.front()) << ">";
      for (const std::string& message : outcome.messages) out_ << xml_escaped(message) << "\n";
      out_ << "</" << element << ">\n";
    }
    out_ << "      <system-out>" << xml_escaped("file: " + outcome.file + "\n");
    if (!outcome.name.empty()) out_ << xml_escaped("scenario: " + outcome.name + "\n");
    if (outcome.result == Result::passed || outcome.result == Result::failed) {
      out_ << describe(outcome.expectations)
           << "\nvirtual time: " << engine::format_time(outcome.virtual_us) << "\n";
    }
    out_ << "</system-out>\n    </testcase>\n";
  }
  out_ << "  </testsuite>\n</testsuites>\n";
  out_.flush();
}

}  // namespace qosbed::report
