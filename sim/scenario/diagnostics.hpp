// A problem found in a scenario file, and the one way it is printed: `FILE:LINE:COL: error: ...`,
// the form editors and IDEs jump to.
#pragma once

#include <string>

#include "scenario/scenario.hpp"

namespace qosbed::scenario {

struct Diagnostic {
  Mark mark;  // 1-based line and column
  std::string message;

  friend bool operator==(const Diagnostic& a, const Diagnostic& b) {
    return a.mark.file == b.mark.file && a.mark.line == b.mark.line &&
           a.mark.column == b.mark.column && a.message == b.message;
  }
};

// "FILE:LINE:COL: error: MESSAGE".
std::string format(const Diagnostic& diagnostic);

}  // namespace qosbed::scenario
