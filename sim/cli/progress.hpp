// The progress of `qosbed run` over several scenarios, on stderr. On a terminal that takes cursor
// control (cli/terminal.hpp): one line, "[3/10] 1 failed  FILE", redrawn after each scenario,
// never wider than the terminal (the middle of a long path gives way), erased at the end.
// Elsewhere (a file, a pipe, TERM=dumb): one line per scenario, "[3/10] FAILED  FILE". The results
// are coloured as --color says.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>

#include "cli/terminal.hpp"
#include "report/reporter.hpp"

namespace qosbed::cli {

class Progress {
 public:
  // `stderr_stream`: `err` is the process's own stderr, which may be a terminal; a captured
  // stream never is.
  void configure(bool stderr_stream, ColorChoice color);
  void start(std::size_t scenario_count);
  // Erases the redrawn line, before a run's own output is printed.
  void clear(std::ostream& err);
  void finished(const std::string& file, report::ScenarioOutcome::Result result, std::ostream& err);

 private:
  bool shown_ = false;  // more than one scenario
  bool redrawn_ = false;
  bool drawn_ = false;  // the redrawn line is on the terminal now
  bool color_ = false;
  std::size_t count_ = 0;
  std::size_t done_ = 0;
  std::size_t failed_ = 0;
};

}  // namespace qosbed::cli
