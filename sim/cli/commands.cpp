#include "cli/commands.hpp"

#include <boost/program_options.hpp>
#include <memory>
#include <sstream>

#include "cli/scenario_files.hpp"
#include "report/json_trace.hpp"
#include "report/text_trace.hpp"
#include "runner/runner.hpp"
#include "scenario/loader.hpp"

namespace qosbed::cli {
namespace {

namespace po = boost::program_options;

constexpr int exit_ok = 0;
constexpr int exit_failed = 1;
constexpr int exit_bad_input = 2;

constexpr std::string_view version_text = "qosbed 0.1.0";

constexpr std::string_view usage_text =
    "usage: qosbed [--help] [--version] COMMAND [ARGS...]\n"
    "\n"
    "Replays GQoS/RSVP SP scenarios against an emulated RSVP service provider in virtual time.\n"
    "\n"
    "commands:\n"
    "  run       play scenarios and check their expectations (exit 1 when one fails)\n"
    "  validate  check that files are valid scenarios, without playing them\n"
    "  list      list the scenarios under folders, with their descriptions\n"
    "\n"
    "`qosbed COMMAND --help` describes a command. Exit codes: 0 success, 1 an expectation\n"
    "failed, 2 bad input (an invalid scenario, an unknown option, a missing file).\n";

struct Parsed {
  po::variables_map values;
  std::vector<std::string> paths;
};

// Parses `args` against `options` plus positional PATHs; reports errors and --help itself.
std::optional<int> parse(const std::vector<std::string>& args, po::options_description options,
                         std::string_view usage, Parsed& parsed, std::ostream& out,
                         std::ostream& err) {
  options.add_options()("help,h", "show this help");
  po::options_description hidden;
  hidden.add_options()("path", po::value<std::vector<std::string>>(&parsed.paths));
  po::options_description all;
  all.add(options).add(hidden);
  po::positional_options_description positional;
  positional.add("path", -1);
  try {
    po::store(po::command_line_parser(args).options(all).positional(positional).run(),
              parsed.values);
    po::notify(parsed.values);
  } catch (const po::error& error) {
    err << "qosbed: " << error.what() << "\n" << usage << "\n";
    return exit_bad_input;
  }
  if (parsed.values.count("help")) {
    out << usage << "\n\n" << options;
    return exit_ok;
  }
  if (parsed.paths.empty()) {
    err << "qosbed: no scenario file or folder given\n" << usage << "\n";
    return exit_bad_input;
  }
  return std::nullopt;
}

// Expands the paths; a missing one is bad input.
std::optional<FileList> files_of(const std::vector<std::string>& paths, std::ostream& err) {
  FileList list = expand_scenario_paths(paths);
  for (const std::string& error : list.errors) err << "qosbed: " << error << "\n";
  if (!list.errors.empty()) return std::nullopt;
  if (list.files.empty()) {
    err << "qosbed: no .yaml scenario found\n";
    return std::nullopt;
  }
  return list;
}

// Loads a file and prints its diagnostics; nullopt when it is not a valid scenario.
std::optional<scenario::Scenario> load(const std::string& file, std::ostream& err) {
  scenario::LoadResult loaded = scenario::load_file(file);
  for (const scenario::Diagnostic& diagnostic : loaded.diagnostics) {
    err << scenario::format(diagnostic) << "\n";
  }
  if (!loaded.diagnostics.empty()) return std::nullopt;
  return std::move(loaded.scenario);
}

}  // namespace

int run_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  po::options_description options("options");
  options.add_options()("verbose,v", "print a readable trace of each run")(
      "trace", po::value<std::string>()->value_name("FORMAT"),
      "print the trace on standard output: json (JSON Lines) or text");
  Parsed parsed;
  constexpr std::string_view usage =
      "usage: qosbed run [--verbose] [--trace json|text] FILE|FOLDER...\n"
      "\n"
      "Plays each scenario on the emulated RSVP SP and checks its expectations. A failed\n"
      "expectation prints FILE:LINE: expected ... vs actual .... Folders are searched for\n"
      ".yaml files (skipping folders named invalid). With several files the last line says\n"
      "N passed, N failed. Exit 0 when all pass, 1 when one fails, 2 on invalid input.";
  if (auto done = parse(args, options, usage, parsed, out, err)) return *done;

  std::string format = parsed.values.count("verbose") ? "text" : "";
  if (parsed.values.count("trace")) format = parsed.values["trace"].as<std::string>();
  if (!format.empty() && format != "json" && format != "text") {
    err << "qosbed: --trace takes json or text, not '" << format << "'\n";
    return exit_bad_input;
  }
  const auto files = files_of(parsed.paths, err);
  if (!files) return exit_bad_input;

  std::unique_ptr<engine::TraceSink> trace;
  if (format == "json") trace = std::make_unique<report::JsonTraceWriter>(out);
  if (format == "text") trace = std::make_unique<report::TextTraceWriter>(out);

  int passed = 0;
  int failed = 0;
  bool invalid = false;
  for (const std::string& file : files->files) {
    auto scenario = load(file, err);
    if (!scenario) {
      invalid = true;
      ++failed;
      continue;
    }
    if (format == "text") out << "# " << file << " (" << scenario->name << ")\n";
    const runner::RunResult result = runner::run(*scenario, {trace.get()});
    out.flush();
    for (const runner::Failure& failure : result.failures) {
      err << runner::format(failure) << "\n";
    }
    if (result.passed()) {
      ++passed;
    } else {
      ++failed;
      err << file << ": FAILED (" << result.failures.size() << " of " << result.expectations_checked
          << " expectations)\n";
    }
  }
  if (files->files.size() > 1 || format.empty()) {
    (format == "json" ? err : out) << passed << " passed, " << failed << " failed\n";
  }
  if (invalid) return exit_bad_input;
  return failed > 0 ? exit_failed : exit_ok;
}

int validate_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  Parsed parsed;
  constexpr std::string_view usage =
      "usage: qosbed validate FILE|FOLDER...\n"
      "\n"
      "Checks that each file is a valid scenario and prints every problem as\n"
      "FILE:LINE:COL: error: message. Exit 0 when all are valid, 2 otherwise.";
  if (auto done = parse(args, po::options_description("options"), usage, parsed, out, err)) {
    return *done;
  }
  const auto files = files_of(parsed.paths, err);
  if (!files) return exit_bad_input;
  int valid = 0;
  int invalid = 0;
  for (const std::string& file : files->files) {
    if (load(file, err)) {
      ++valid;
    } else {
      ++invalid;
    }
  }
  out << valid << " valid, " << invalid << " invalid\n";
  return invalid > 0 ? exit_bad_input : exit_ok;
}

int list_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  Parsed parsed;
  constexpr std::string_view usage =
      "usage: qosbed list FOLDER...\n"
      "\n"
      "Lists the scenarios under each folder: file, name and the first line of the\n"
      "description. Invalid files are listed with their first problem.";
  if (auto done = parse(args, po::options_description("options"), usage, parsed, out, err)) {
    return *done;
  }
  const auto files = files_of(parsed.paths, err);
  if (!files) return exit_bad_input;
  bool invalid = false;
  for (const std::string& file : files->files) {
    scenario::LoadResult loaded = scenario::load_file(file);
    if (!loaded.scenario || !loaded.diagnostics.empty()) {
      invalid = true;
      out << file << "  (invalid: "
          << (loaded.diagnostics.empty() ? std::string("?")
                                         : scenario::format(loaded.diagnostics.front()))
          << ")\n";
      continue;
    }
    std::string summary = loaded.scenario->description;
    summary = summary.substr(0, summary.find('\n'));
    out << file << "  " << loaded.scenario->name;
    if (!summary.empty()) out << " - " << summary;
    out << "\n";
  }
  return invalid ? exit_bad_input : exit_ok;
}

int main_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (args.empty()) {
    err << usage_text;
    return exit_bad_input;
  }
  const std::string& command = args.front();
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  if (command == "--help" || command == "-h" || command == "help") {
    out << usage_text;
    return exit_ok;
  }
  if (command == "--version") {
    out << version_text << "\n";
    return exit_ok;
  }
  if (command == "run") return run_command(rest, out, err);
  if (command == "validate") return validate_command(rest, out, err);
  if (command == "list") return list_command(rest, out, err);
  err << "qosbed: unknown command '" << command << "'\n\n" << usage_text;
  return exit_bad_input;
}

}  // namespace qosbed::cli
