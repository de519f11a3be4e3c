// What `qosbed run` does with each finished run besides printing it: the CI reports (--junit,
// --tap), the golden traces (--golden, --update-golden), the recording of a session as a scenario
// (--record), the capture of its RSVP messages (--pcap), the progress of a folder
// (cli/progress.hpp; --color) and how many runs play at once (-j). It also reads --provider: the
// emulator, or WinsockProvider live on Windows builds.
#pragma once

#include <boost/program_options.hpp>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
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
  bool records() const { return recording_.wanted(); }
  bool captures() const { return capture_.wanted(); }
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
  // A file of one session (--record, --pcap): committed only once a run wrote into it, so an
  // invalid scenario leaves no empty FILE behind.
  class SessionFile {
   public:
    explicit SessionFile(std::string_view done) : done_(done) {}
    // Opens the file the option names, if it is given; false (reported) when it cannot be.
    bool open(const boost::program_options::variables_map& values, const char* option,
              std::ostream& err);
    bool wanted() const { return file_ != nullptr; }
    void write(const std::string& bytes);
    // Says "PATH: <done>"; false (reported) when the file could not be written.
    bool commit(std::ostream& err);

   private:
    std::string_view done_;
    std::string path_;
    std::unique_ptr<report::OutputFile> file_;
    bool written_ = false;
  };
  SessionFile recording_{"recording written"};
  SessionFile capture_{"capture written"};
  std::vector<std::unique_ptr<report::Reporter>> reporters_;
};

}  // namespace qosbed::cli
