// The qosbed commands. Each takes its own arguments (without the command name), prints to the
// given streams and returns the process exit code: 0 success, 1 a scenario's expectation failed,
// 2 bad input (an invalid scenario, a wrong flag, a missing file).
#pragma once

#include <csignal>
#include <ostream>
#include <string>
#include <vector>

#include "cli/arguments.hpp"

namespace qosbed::cli {

// Set to the signal's number by the qosbed command's SIGINT/SIGTERM handler (sim/main.cpp).
// `run` checks it between steps and stops cleanly: the trace and every report so far are
// flushed, and it says where it stopped.
extern volatile std::sig_atomic_t interrupt_signal;

// Each command's usage text and options, which it parses with (cli/command_table.hpp).
CommandHelp run_help();
CommandHelp validate_help();
CommandHelp list_help();
CommandHelp explain_help();
CommandHelp new_help();
CommandHelp schema_help();
CommandHelp diagram_help();
CommandHelp report_help();
CommandHelp compile_help();
CommandHelp coverage_help();

int run_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
// `run ARGS -- COMMAND`: one scenario against the user's program COMMAND (not on Windows).
int program_run_command(const std::vector<std::string>& args,
                        const std::vector<std::string>& command, std::ostream& out,
                        std::ostream& err);
int validate_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int list_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int explain_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int new_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int schema_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int diagram_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int report_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int compile_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int coverage_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// The whole command line: `qosbed [--help | --version | help [COMMAND] | COMMAND ARGS...]`.
int main_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace qosbed::cli
