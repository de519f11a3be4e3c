#include "cli/run_outputs.hpp"

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
                        "write a JUnit XML report to FILE (- for standard output)")(
      "tap", po::value<std::string>()->value_name("FILE"),
      "write a TAP report to FILE (- for standard output)")(
      "golden", po::value<std::string>()->value_name("DIR"),
      "compare each JSON trace with DIR/<path>.jsonl")(
      "update-golden", "with --golden: rewrite the golden traces that differ")(
      "jobs,j", po::value<unsigned>()->value_name("N"), "play N scenarios at once")(
      "record", po::value<std::string>()->value_name("FILE"),
      "write the session as a scenario with expectations to FILE (one scenario)")(
      "pcap", po::value<std::string>()->value_name("FILE"),
      "write the RSVP messages of a network scenario to FILE as a pcapng capture, one "
      "interface per link (one scenario)")(
      "provider", po::value<std::string>()->value_name("emulator|winsock"),
      "the RSVP SP: emulator (the default), or winsock to play live on ws2_32 (Windows)")(
      "color", po::value<std::string>()->value_name("auto|always|never"),
      "colour the results on stderr: auto (the default) on a terminal, unless NO_COLOR is set "
      "or TERM is dumb");
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
  if (!recording_.open(values, "record", err) || !capture_.open(values, "pcap", err)) {
    return exit_bad_input;
  }
  const auto open = [&](const std::string& path) -> std::ostream* {
    files_.push_back(std::make_unique<report::OutputFile>(path));
    if (files_.back()->ok()) return &files_.back()->stream();
    err << "qosbed: " << files_.back()->open_error() << "\n";
    return nullptr;
  };
  // Standard output carries one document: a trace, the TAP stream or the JUnit XML.
  std::string stdout_writer = format.empty()              ? ""
                              : values.count("trace") > 0 ? "--trace"
                                                          : "--verbose";
  const auto report_stream = [&](const std::string& option) -> std::ostream* {
    const std::string path = values[option].as<std::string>();
    if (path != "-") return open(path);
    if (!stdout_writer.empty()) {
      err << "qosbed: --" << option << " - and " << stdout_writer
          << " both write on standard output\n";
      return nullptr;
    }
    stdout_writer = "--" + option + " -";
    stdout_taken_ = true;
    return &out;
  };
  if (values.count("junit")) {
    std::ostream* stream = report_stream("junit");
    if (!stream) return exit_bad_input;
    reporters_.push_back(std::make_unique<report::JunitReporter>(*stream));
  }
  if (values.count("tap")) {
    std::ostream* stream = report_stream("tap");
    if (!stream) return exit_bad_input;
    reporters_.push_back(std::make_unique<report::TapReporter>(*stream));
  }
  ColorChoice color = ColorChoice::automatic;
  if (values.count("color")) {
    const std::string text = values["color"].as<std::string>();
    const auto choice = color_choice(text);
    if (!choice) {
      err << "qosbed: --color takes auto, always or never, not '" << text << "'\n";
      return exit_bad_input;
    }
    color = *choice;
  }
  // A terminal is only ever the process's own stderr, never a captured stream.
  progress_.configure(&err == &std::cerr, color);
  return std::nullopt;
}

void RunOutputs::start(std::size_t scenario_count) {
  progress_.start(scenario_count);
  for (const auto& reporter : reporters_) reporter->start(scenario_count);
}

void RunOutputs::clear_progress(std::ostream& err) {
  progress_.clear(err);
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
  recording_.write(run.recording);
  capture_.write(run.capture);

  counts_.add(outcome);
  progress_.finished(outcome.file, outcome.result, err);
  return outcome.result;
}

void RunOutputs::skipped(const std::string& file, const std::string& why) {
  report::ScenarioOutcome outcome;
  outcome.file = file;
  outcome.result = report::ScenarioOutcome::Result::skipped;
  outcome.messages.push_back(why);
  for (const auto& reporter : reporters_) reporter->scenario(outcome);
  counts_.add(outcome);
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
  const bool recorded = recording_.commit(err);
  const bool captured = capture_.commit(err);
  return written && recorded && captured;
}

bool RunOutputs::SessionFile::open(const po::variables_map& values, const char* option,
                                   std::ostream& err) {
  if (!values.count(option)) return true;
  path_ = values[option].as<std::string>();
  file_ = std::make_unique<report::OutputFile>(path_);
  if (file_->ok()) return true;
  err << "qosbed: " << file_->open_error() << "\n";
  return false;
}

void RunOutputs::SessionFile::write(const std::string& bytes) {
  if (!file_ || bytes.empty()) return;
  file_->stream() << bytes;
  written_ = true;
}

bool RunOutputs::SessionFile::commit(std::ostream& err) {
  // Nothing written (an invalid scenario): the temporary file goes, no empty FILE is left.
  if (!written_) return true;
  std::string error;
  if (!file_->commit(error)) {
    err << "qosbed: " << error << "\n";
    return false;
  }
  err << path_ << ": " << done_ << "\n";
  return true;
}

}  // namespace qosbed::cli
