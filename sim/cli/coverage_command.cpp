#include <algorithm>
#include <cstddef>

#include "cli/arguments.hpp"
#include "cli/commands.hpp"
#include "cli/coverage.hpp"
#include "report/json_writer.hpp"
#include "runner/runner.hpp"

namespace qosbed::cli {

namespace po = boost::program_options;

namespace {

// The lists of what no scenario touches are wrapped to this width.
constexpr std::size_t line_width = 88;

std::size_t exercised(const std::vector<CoverageItem>& items) {
  return static_cast<std::size_t>(
      std::count_if(items.begin(), items.end(),
                    [](const CoverageItem& item) { return !item.scenarios.empty(); }));
}

// One section of the table: a column of names, the number of scenarios exercising each ("-" for
// none), and what each is when the section says it.
void write_section(std::ostream& out, std::string_view heading, std::string_view title_heading,
                   const std::vector<CoverageItem>& items) {
  constexpr std::string_view count_heading = "scenarios";
  std::size_t name_width = heading.size();
  for (const CoverageItem& item : items) name_width = std::max(name_width, item.name.size());
  const auto row = [&](std::string_view name, std::string_view count, std::string_view title) {
    std::string line(name);
    line.append(name_width - name.size() + 2 + count_heading.size() - count.size(), ' ');
    line.append(count);
    if (!title.empty()) line.append("  ").append(title);
    out << line << "\n";
  };
  out << "\n";
  row(heading, count_heading, title_heading);
  for (const CoverageItem& item : items) {
    row(item.name, item.scenarios.empty() ? "-" : std::to_string(item.scenarios.size()),
        item.title);
  }
}

// "  rules: R4 D11 ...", wrapped under its first name.
void write_untouched(std::ostream& out, std::string_view label,
                     const std::vector<CoverageItem>& items) {
  std::string line = "  " + std::string(label) + ":";
  const std::size_t indent = line.size();
  bool any = false;
  for (const CoverageItem& item : items) {
    if (!item.scenarios.empty()) continue;
    if (any && line.size() + 1 + item.name.size() > line_width) {
      out << line << "\n";
      line.assign(indent, ' ');
    }
    line.append(" ").append(item.name);
    any = true;
  }
  if (any) out << line << "\n";
}

void write_table(const Coverage& coverage, std::ostream& out) {
  const auto of = [](const std::vector<CoverageItem>& items, std::string_view what) {
    return std::to_string(exercised(items)) + "/" + std::to_string(items.size()) + " " +
           std::string(what);
  };
  const std::size_t count = coverage.scenarios().size();
  out << count << (count == 1 ? " scenario" : " scenarios") << " exercise "
      << of(coverage.rules(), "rules") << ", " << of(coverage.statuses(), "statuses") << ", "
      << of(coverage.errors(), "errors") << ", " << of(coverage.modes(), "notification modes")
      << ".\n";
  write_section(out, "rule", "what it says (docs/behaviour.md)", coverage.rules());
  write_section(out, "status", "", coverage.statuses());
  write_section(out, "error", "", coverage.errors());
  write_section(out, "notification mode", "how the application learns of a result",
                coverage.modes());
  const bool all = exercised(coverage.rules()) == coverage.rules().size() &&
                   exercised(coverage.statuses()) == coverage.statuses().size() &&
                   exercised(coverage.errors()) == coverage.errors().size() &&
                   exercised(coverage.modes()) == coverage.modes().size();
  if (all) {
    out << "\nEvery rule, status, error and notification mode is exercised.\n";
    return;
  }
  out << "\nNot exercised by any scenario:\n";
  write_untouched(out, "rules", coverage.rules());
  write_untouched(out, "statuses", coverage.statuses());
  write_untouched(out, "errors", coverage.errors());
  write_untouched(out, "notification modes", coverage.modes());
}

void write_json(const Coverage& coverage, std::ostream& out) {
  const auto item = [](report::JsonObject& object, const CoverageItem& item) {
    object.string("name", item.name);
    if (!item.title.empty()) object.string("title", item.title);
    if (item.value) object.number("value", *item.value);
    object.strings("scenarios", item.scenarios);
  };
  report::TextBuffer buffer;
  {
    report::JsonObject document(buffer);
    document.strings("scenarios", coverage.scenarios());
    document.objects("rules", coverage.rules(), item);
    document.objects("statuses", coverage.statuses(), item);
    document.objects("errors", coverage.errors(), item);
    document.objects("modes", coverage.modes(), item);
  }
  out << buffer.text() << "\n";
}

}  // namespace

CommandHelp coverage_help() {
  po::options_description options("options");
  options.add_options()("format", po::value<std::string>()->value_name("text|json"),
                        "text (a table, the default) or json");
  constexpr std::string_view usage =
      "usage: qosbed coverage [--format text|json] FILE|FOLDER...\n"
      "\n"
      "Plays each scenario on the emulated RSVP SP and tells which behaviour rules (R1-R10 and\n"
      "decisions D1-D39 of docs/behaviour.md), statuses (WSA_QOS_*), errors\n"
      "(WSAE*, WSA_*) and notification modes their runs exercise, with how many scenarios\n"
      "exercise each, then what no scenario touches. A rule counts when `qosbed explain` cites\n"
      "it for an event of a run; a status when an FD_QOS indication with it reaches a socket;\n"
      "an error when a call or a completion reports it; a mode (routine, event, sync,\n"
      "event-select, monitor) when the application learns of a result through it. Whether the\n"
      "expectations hold does not matter here: `qosbed run` checks them. Folders are searched\n"
      "for .yaml files (skipping folders named invalid). --format json writes one JSON object\n"
      "with the scenarios of each item. Exit 0, or 2 on invalid input (an invalid scenario, a\n"
      "missing file, a wrong option).";
  return {usage, options};
}

int coverage_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  const CommandHelp help = coverage_help();
  Parsed parsed;
  if (auto done = parse(args, help.options, help.usage, parsed, out, err)) return *done;
  const std::string format =
      parsed.values.count("format") ? parsed.values["format"].as<std::string>() : "text";
  if (format != "text" && format != "json") {
    err << "qosbed: --format takes text or json, not '" << format << "'\n";
    return exit_bad_input;
  }
  const auto files = files_of(parsed.paths, err);
  if (!files) return exit_bad_input;
  // Every file must load: a map that silently left one out would tell its author too little.
  std::vector<scenario::Scenario> scenarios;
  for (const std::string& file : files->files) {
    if (auto scenario = load(file, err)) scenarios.push_back(std::move(*scenario));
  }
  if (scenarios.size() != files->files.size()) return exit_bad_input;

  Coverage coverage;
  for (std::size_t i = 0; i < scenarios.size(); ++i) {
    engine::TraceLog log;
    runner::RunOptions run_options;
    run_options.trace = &log;
    runner::run(scenarios[i], run_options);
    coverage.add(files->files[i], scenarios[i], log.records());
  }
  if (format == "json") {
    write_json(coverage, out);
  } else {
    write_table(coverage, out);
  }
  return exit_ok;
}

}  // namespace qosbed::cli
