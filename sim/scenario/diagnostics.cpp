#include "scenario/diagnostics.hpp"

namespace qosbed::scenario {

std::string format(const Diagnostic& diagnostic) {
  return diagnostic.mark.file + ":" + std::to_string(diagnostic.mark.line) + ":" +
         std::to_string(diagnostic.mark.column) + ": error: " + diagnostic.message;
}

}  // namespace qosbed::scenario
