#include <fstream>
#include <set>
#include <variant>

#include "cli/arguments.hpp"
#include "cli/commands.hpp"
#include "cli/picture_run.hpp"
#include "cli/scenario_runs.hpp"
#include "engine/clock.hpp"
#include "report/html_report.hpp"
#include "report/svg_writer.hpp"

namespace qosbed::cli {

namespace {

// The longest excerpt of a step's text shown as "expected (as written)".
constexpr std::size_t max_written_lines = 20;

std::string_view expectation_kind(const scenario::Expectation& expectation) {
  static_assert(std::variant_size_v<scenario::Expectation> == 8, "name every expectation kind");
  constexpr std::string_view names[] = {"call",           "completion", "wait",    "update",
                                        "network_events", "nothing",    "message", "state"};
  return names[expectation.index()];
}

std::vector<std::string> lines_of(const std::string& file) {
  std::vector<std::string> lines;
  std::ifstream in(file);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// A step's own lines of the file: from its `- ` to the line before the next step, without the
// blank lines and the comments at its `- `'s indentation or less that end it: those introduce
// the next step. A comment indented deeper (a key commented out) is still the step's.
std::string written(const std::vector<std::string>& lines, const scenario::Scenario& scenario,
                    std::size_t step) {
  const auto first = static_cast<std::size_t>(scenario.steps[step].mark.line);
  std::size_t end = step + 1 < scenario.steps.size()
                        ? static_cast<std::size_t>(scenario.steps[step + 1].mark.line)
                        : lines.size() + 1;
  end = std::min({end, lines.size() + 1, first + max_written_lines});
  const std::size_t dash = lines[first - 1].find_first_not_of(" \t");
  while (end > first + 1) {
    const std::string& line = lines[end - 2];
    const std::size_t text = line.find_first_not_of(" \t");
    if (text != std::string::npos && (line[text] != '#' || text > dash)) break;
    --end;
  }
  std::string text;
  for (std::size_t line = first; line < end; ++line) text += lines[line - 1] + "\n";
  return text;
}

report::ReportPage page_of(const PictureRun& run, std::string svg) {
  const scenario::Scenario& scenario = run.scenario;
  report::ReportPage page;
  page.name = scenario.name;
  page.file = scenario.file;
  page.description = scenario.description;
  page.profile = std::string(scenario::name_of(scenario.sp.profile));
  page.svg = std::move(svg);
  page.records = &run.trace.records();
  page.counted = expectations_of(run.result);
  const std::vector<std::string> lines = lines_of(scenario.file);
  std::multiset<std::string> of_expectations;
  for (const runner::CheckedExpectation& checked : run.result.expectations) {
    const scenario::Step& step = scenario.steps[checked.step];
    report::ExpectationResult result;
    result.where = step.mark.file + ":" + std::to_string(step.mark.line);
    result.what = std::string(expectation_kind(std::get<scenario::Expectation>(step.action)));
    if (!step.socket.empty()) result.what += " on " + step.socket;
    result.what += " at " + engine::format_time(step.at_us);
    result.written = written(lines, scenario, checked.step);
    for (const runner::Failure& failure : checked.failures) {
      result.failures.push_back(runner::format(failure));
      of_expectations.insert(result.failures.back());
    }
    page.expectations.push_back(std::move(result));
  }
  for (const runner::Failure& failure : run.result.failures) {
    const auto same = of_expectations.find(runner::format(failure));
    if (same != of_expectations.end()) {
      of_expectations.erase(same);
    } else {
      page.other_problems.push_back(runner::format(failure));
    }
  }
  if (run.result.stopped) {
    page.other_problems.push_back(runner::format(*run.result.stopped, scenario.steps.size()));
  }
  return page;
}

}  // namespace

CommandHelp report_help() {
  constexpr std::string_view usage =
      "usage: qosbed report FILE -o OUT.html [--max-records N]\n"
      "\n"
      "Plays one scenario and writes one self-contained HTML page about its run (inline CSS\n"
      "and SVG, no scripts, no external URL): the scenario's name and description, whether it\n"
      "passed, its sequence diagram (as qosbed diagram draws it, at most N records, default\n"
      "400), each expectation as written with its result (passed, or the FILE:LINE: expected\n"
      "... vs actual ... messages), and the trace as a table (time, socket, kind, call,\n"
      "result, detail); a network scenario's RSVP message, where it is sent, lists its\n"
      "objects in its detail as Wireshark sums each up (SESSION: IPv4, Destination ...).\n"
      "Exit codes as for qosbed run: 0 all expectations held, 1 one failed\n"
      "(the page is still written), 2 bad input, 3 the run stopped on an internal error.";
  return {usage, picture_options()};
}

int report_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  PictureRun run;
  if (auto done = play_for_picture(args, "report", report_help(), run, out, err)) return *done;
  const report::SequenceDiagram diagram = report::lay_out(
      run.scenario.name, participants_of(run.scenario), run.trace.records(), run.max_records);
  const std::string html = report::to_html(page_of(run, report::to_svg(diagram)));
  if (!write_output(run.output, html, err)) return exit_bad_input;
  return outcome_code(run, err);
}

}  // namespace qosbed::cli
