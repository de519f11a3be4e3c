#include "cli/run_outputs.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/arguments.hpp"
#include "cli/winsock_run.hpp"
#include "report/golden.hpp"
#include "report/junit_reporter.hpp"
#include "report/tap_reporter.hpp"

namespace qosbed::cli {

namespace fs = std::filesystem;
namespace po = boost::program_options;

void RunOutputs::add_options(po::options_description& options) {
  options.add_options()("junit", po::value<std::string>()->value_name("FILE"),
                        "write a JUnit XML report to FILE")(
      "tap", po::value<std::string>()->value_name("FILE"),
      "write a TAP report to FILE (- for standard output)")(
      "golden", po::value<std::string>()->value_name("DIR"),
      "compare each JSON trace with DIR/<path>.jsonl")(
      "update-golden", "with --golden: rewrite the golden traces that differ")(
      "jobs,j", po::value<unsigned>()->value_name("N"), "play N scenarios at once")(
      "record", po::value<std::string>()->value_name("FILE"),
      "write the session as a scenario with expectations to FILE (one scenario)")(
      "provider", po::value<std::string>()->value_name("NAME"),
      "the RSVP SP: emulator (the default), or winsock to play live on ws2_32 (Windows)");
}

std::optional<int> RunOutputs::configure(const po::variables_map& values,
                                         const std::vector<std::string>& paths,
                                         const std::string& format, std::ostream& out,
                                         std::ostream& err) {
  paths_ = paths;
  stdout_taken_ = format == "json";
  if (values.count("jobs")) {
    jobs_ = values["jobs"].as<unsigned>();
    if (jobs_ == 0) {
      err << "qosbed: -j takes a number of scenarios from 1 up\n";
      return exit_bad_input;
    }
  }
  if (values.count("golden")) golden_dir_ = values["golden"].as<std::string>();
  update_golden_ = values.count("update-golden") > 0;
  if (update_golden_ && golden_dir_.empty()) {
    err << "qosbed: --update-golden needs --golden DIR\n";
    return exit_bad_input;
  }
  if (!golden_dir_.empty() && !update_golden_ && !fs::is_directory(golden_dir_)) {
    err << "qosbed: " << golden_dir_ << ": no such folder\n";
    return exit_bad_input;
  }
  if (values.count("provider")) {
    const std::string provider = values["provider"].as<std::string>();
    if (provider != "emulator" && provider != "winsock") {
      err << "qosbed: --provider takes emulator or winsock, not '" << provider << "'\n";
      return exit_bad_input;
    }
    on_winsock_ = provider == "winsock";
    if (on_winsock_ && !winsock_available()) {
      err << "qosbed: --provider winsock needs a Windows build of qosbed: WinsockProvider runs "
             "over ws2_32 (README, section Windows); here scenarios run on the emulator\n";
      return exit_bad_input;
    }
  }
  if (values.count("record")) {
    recording_path_ = values["record"].as<std::string>();
    recording_ = std::make_unique<report::OutputFile>(recording_path_);
    if (!recording_->ok()) {
      err << "qosbed: " << recording_->open_error() << "\n";
      return exit_bad_input;
    }
  }
  const auto open = [&](const std::string& path) -> std::ostream* {
    files_.push_back(std::make_unique<report::OutputFile>(path));
    if (files_.back()->ok()) return &files_.back()->stream();
    err << "qosbed: " << files_.back()->open_error() << "\n";
    return nullptr;
  };
  if (values.count("junit")) {
    std::ostream* stream = open(values["junit"].as<std::string>());
    if (!stream) return exit_bad_input;
    reporters_.push_back(std::make_unique<report::JunitReporter>(*stream));
  }
  if (values.count("tap")) {
    const std::string path = values["tap"].as<std::string>();
    if (path == "-") {
      if (!format.empty()) {
        err << "qosbed: --tap - and --trace both write on standard output\n";
        return exit_bad_input;
      }
      stdout_taken_ = true;
      reporters_.push_back(std::make_unique<report::TapReporter>(out));
    } else {
      std::ostream* stream = open(path);
      if (!stream) return exit_bad_input;
      reporters_.push_back(std::make_unique<report::TapReporter>(*stream));
    }
  }
  // Redrawing a line only makes sense on the terminal itself, never in a captured stream.
  progress_line_ = &err == &std::cerr && ::isatty(STDERR_FILENO) == 1;
  return std::nullopt;
}

void RunOutputs::start(std::size_t scenario_count) {
  count_ = scenario_count;
  progress_ = scenario_count > 1;
  for (const auto& reporter : reporters_) reporter->start(scenario_count);
}

void RunOutputs::clear_progress(std::ostream& err) const {
  if (progress_ && progress_line_ && done_ > 0 && done_ < count_) err << "\r\x1b[K";
}

std::string RunOutputs::golden_path(const std::string& file) const {
  fs::path relative = fs::path(file).filename();
  for (const std::string& path : paths_) {
    std::error_code error;
    if (fs::is_directory(path, error) && file.starts_with(path)) {
      relative = fs::path(file).lexically_relative(path);
      break;
    }
  }
  return (fs::path(golden_dir_) / relative.replace_extension(".jsonl")).string();
}

report::ScenarioOutcome::Result RunOutputs::scenario(const ScenarioRun& run, std::ostream& err) {
  clear_progress(err);
  report::ScenarioOutcome outcome = run.outcome;
  if (!golden_dir_.empty() && outcome.result != report::ScenarioOutcome::Result::invalid) {
    const std::string path = golden_path(outcome.file);
    std::ifstream in(path, std::ios::binary);
    std::ostringstream expected;
    expected << in.rdbuf();
    const auto difference = report::golden_difference(expected.str(), run.json);
    if (difference && update_golden_) {
      std::error_code unmade;  // then the file cannot be opened, and commit() says why
      fs::create_directories(fs::path(path).parent_path(), unmade);
      report::OutputFile golden(path);
      golden.stream() << run.json;
      std::string error;
      if (golden.commit(error)) {
        err << path << ": golden trace updated\n";
      } else {
        err << "qosbed: " << error << "\n";
        outcome.messages.push_back(error);
        outcome.result = report::ScenarioOutcome::Result::failed;
      }
    } else if (difference) {
      const std::string message =
          in.is_open()
              ? path + ": the trace of " + outcome.file + " differs from the golden trace"
              : path + ": no golden trace for " + outcome.file + " (--update-golden writes it)";
      err << message << "\n";
      if (in.is_open()) err << *difference;
      outcome.messages.push_back(message);
      outcome.result = report::ScenarioOutcome::Result::failed;
    }
  }
  for (const auto& reporter : reporters_) reporter->scenario(outcome);
  if (recording_ && !run.recording.empty()) {
    recording_->stream() << run.recording;
    recorded_ = true;
  }

  ++done_;
  if (outcome.result != report::ScenarioOutcome::Result::passed) ++failed_;
  if (!progress_) return outcome.result;
  const std::string counts = "[" + std::to_string(done_) + "/" + std::to_string(count_) + "] ";
  if (progress_line_) {
    // \r and "erase to the end of the line": the next scenario's name may be shorter.
    err << "\r\x1b[K" << counts << failed_ << " failed  " << outcome.file
        << (done_ == count_ ? "\r\x1b[K" : "") << std::flush;
  } else {
    const char* result = outcome.result == report::ScenarioOutcome::Result::passed   ? "ok"
                         : outcome.result == report::ScenarioOutcome::Result::failed ? "FAILED"
                                                                                     : "INVALID";
    err << counts << result << "  " << outcome.file << "\n";
  }
  return outcome.result;
}

bool RunOutputs::finish(std::ostream& err) {
  for (const auto& reporter : reporters_) reporter->finish();
  bool written = true;
  for (const auto& file : files_) {
    std::string error;
    if (!file->commit(error)) {
      err << "qosbed: " << error << "\n";
      written = false;
    }
  }
  // An invalid scenario records nothing: its temporary file goes, no empty FILE is left.
  if (recorded_) {
    std::string error;
    if (recording_->commit(error)) {
      err << recording_path_ << ": recording written\n";
    } else {
      err << "qosbed: " << error << "\n";
      written = false;
    }
  }
  return written;
}

}  // namespace qosbed::cli
