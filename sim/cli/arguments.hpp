// What every qosbed command shares: parsing its options and scenario paths, expanding folders,
// loading scenarios with their diagnostics printed, and the exit codes.
#pragma once

#include <boost/program_options.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/scenario_files.hpp"
#include "scenario/scenario.hpp"

namespace qosbed::cli {

inline constexpr int exit_ok = 0;
inline constexpr int exit_failed = 1;
inline constexpr int exit_bad_input = 2;
inline constexpr int exit_internal_error = 3;  // a run stopped on an error of qosbed's own
// An interrupted `run` exits with 128 + the signal's number: 130 (SIGINT), 143 (SIGTERM).

// What a command says of itself: its usage text (the usage lines, a blank line, what it does) and
// its options. `--help`, `qosbed help COMMAND`, the man page and the bash completion all read
// this one description (cli/command_table.hpp).
struct CommandHelp {
  std::string_view usage;
  boost::program_options::options_description options;
};

// The -h/--help every command takes.
void add_help_option(boost::program_options::options_description& options);

struct Parsed {
  boost::program_options::variables_map values;
  std::vector<std::string> paths;
};

// Parses `args` against `options` plus positional PATHs. Returns the exit code when the command
// is done already (--help printed, or a bad option or no path reported), nullopt to go on.
std::optional<int> parse(const std::vector<std::string>& args,
                         boost::program_options::options_description options,
                         std::string_view usage, Parsed& parsed, std::ostream& out,
                         std::ostream& err);

// The trace `run` prints on standard output: --trace's json or text, else "text" with --verbose,
// else "" (none). Nullopt (reported on `err`) when --trace names another format.
std::optional<std::string> trace_format(const boost::program_options::variables_map& values,
                                        std::ostream& err);

// Expands the paths; nullopt (each problem reported) when one is missing or none is a scenario.
std::optional<FileList> files_of(const std::vector<std::string>& paths, std::ostream& err);

// Loads a file and prints its diagnostics; nullopt when it is not a valid scenario.
std::optional<scenario::Scenario> load(const std::string& file, std::ostream& err);

}  // namespace qosbed::cli
