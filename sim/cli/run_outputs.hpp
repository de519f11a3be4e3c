// What `qosbed run` does with each finished run besides printing it: the CI reports (--junit,
// --tap), the golden traces (--golden, --update-golden), the recording of a session as a scenario
// (--record), the progress of a folder (cli/progress.hpp; --color) and how many runs play at
// once (-j). It also reads --provider: the emulator, or WinsockProvider live
// on Windows builds.
#pragma once

#include <boost/program_options.hpp>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "cli/progress.hpp"
#include "cli/scenario_runs.hpp"
#include "report/output_file.hpp"
#include "report/reporter.hpp"

namespace qosbed::cli {

class RunOutputs {
 public:
  static void add_options(boost::program_options::options_description& options);

  // Reads the options; the exit code when they are wrong (each problem reported on `err`).
  // `paths` are those named on the command line: golden traces are named relative to them.
  std::optional<int> configure(const boost::program_options::variables_map& values,
                               const std::vector<std::string>& paths, const std::string& format,
                               std::ostream& out, std::ostream& err);

  unsigned jobs() const { return jobs_; }
  bool keeps_json() const { return !golden_dir_.empty(); }
  bool records() const { return recording_ != nullptr; }
  bool on_winsock() const { return on_winsock_; }
  // The scenarios reported so far, with their results after the golden traces are compared.
  const report::RunCounts& counts() const { return counts_; }
  // Where the closing "N passed, N failed" line goes: stderr when stdout carries a trace or TAP.
  bool stdout_taken() const { return stdout_taken_; }

  void start(std::size_t scenario_count);
  // Erases the progress line on a terminal, before a run's own output is printed.
  void clear_progress(std::ostream& err);
  // One run, in file order; returns its result, failed when its golden trace differs. Golden
  // differences and the progress go to `err`.
  report::ScenarioOutcome::Result scenario(const ScenarioRun& run, std::ostream& err);
  // A file that was not played (--fail-fast, a signal), reported as skipped for `why`.
  void skipped(const std::string& file, const std::string& why);
  // Writes the reports whole; false (reported on `err`) when a file could not be written.
  bool finish(std::ostream& err);

 private:
  std::string golden_path(const std::string& file) const;

  unsigned jobs_ = 1;
  bool stdout_taken_ = false;
  bool on_winsock_ = false;
  std::vector<std::string> paths_;
  std::string golden_dir_;
  bool update_golden_ = false;
  Progress progress_;
  report::RunCounts counts_;
  std::vector<std::unique_ptr<report::OutputFile>> files_;
  // --record: committed only once a run's recording is written into it.
  std::unique_ptr<report::OutputFile> recording_;
  std::string recording_path_;
  bool recorded_ = false;
  std::vector<std::unique_ptr<report::Reporter>> reporters_;
};

}  // namespace qosbed::cli
