#include <memory>

#include "cli/arguments.hpp"
#include "cli/commands.hpp"
#include "report/json_trace.hpp"
#include "report/text_trace.hpp"
#include "runner/runner.hpp"

namespace qosbed::cli {

namespace po = boost::program_options;

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

}  // namespace qosbed::cli
