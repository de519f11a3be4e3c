// The qosbed command.
#include <csignal>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "cli/arguments.hpp"
#include "cli/commands.hpp"

namespace {

// Only records the signal: `run` stops at its next check and flushes. The default action is
// restored, so a second Ctrl-C ends a run that does not reach a check.
extern "C" void on_stop_signal(int signal) {
  qosbed::cli::interrupt_signal = signal;
  std::signal(signal, SIG_DFL);
}

}  // namespace

int main(int argc, char** argv) {
  std::signal(SIGINT, on_stop_signal);
  std::signal(SIGTERM, on_stop_signal);
  std::vector<std::string> args(argv + 1, argv + argc);
  try {
    const int code = qosbed::cli::main_command(args, std::cout, std::cerr);
    std::cout.flush();
    return code;
  } catch (const std::exception& error) {
    // Whatever was written so far still reaches its reader.
    std::cout.flush();
    std::cerr << "qosbed: internal error: " << error.what() << "\n";
    return qosbed::cli::exit_internal_error;
  }
}
