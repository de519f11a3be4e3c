// What `qosbed diagram` and `qosbed report` share: their command line (one scenario FILE,
// -o OUT, --max-records N), one traced run of the scenario, who takes part in it as the
// sequence diagram names them, and the exit code, which is that of `qosbed run`.
#pragma once

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/arguments.hpp"
#include "engine/trace.hpp"
#include "report/sequence_diagram.hpp"
#include "runner/runner.hpp"
#include "scenario/scenario.hpp"

namespace qosbed::cli {

struct PictureRun {
  scenario::Scenario scenario;
  std::string output;  // -o
  std::size_t max_records = report::default_max_records;
  engine::TraceLog trace;
  runner::RunResult result;
};

// The options both take: -o OUT and --max-records N.
boost::program_options::options_description picture_options();

// Parses the command line, loads the scenario and plays it. Returns the exit code when the
// command is done already (--help, bad input), nullopt with `run` filled in to go on.
std::optional<int> play_for_picture(const std::vector<std::string>& args, std::string_view command,
                                    const CommandHelp& help, PictureRun& run, std::ostream& out,
                                    std::ostream& err);

report::Participants participants_of(const scenario::Scenario& scenario);

// Writes `content` to `path` whole or not at all; false (said on `err`) when it cannot.
bool write_output(const std::string& path, const std::string& content, std::ostream& err);

// Prints each failure and where the run stopped, as `qosbed run` does; returns run's exit code.
int outcome_code(const PictureRun& run, std::ostream& err);

}  // namespace qosbed::cli
