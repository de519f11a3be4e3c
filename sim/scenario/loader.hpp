// Reads a scenario file (docs/scenario-language.md) into a Scenario, or says everything that is
// wrong with it. The loader is the only place that knows the YAML shape: it resolves names to
// numbers and times to absolute microseconds, checks every value, and keeps each node's mark, so
// the runner gets pure data it can trust and `qosbed validate` gets every problem at once.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scenario/diagnostics.hpp"
#include "scenario/scenario.hpp"

namespace qosbed::scenario {

struct LoadResult {
  std::optional<Scenario> scenario;     // set exactly when diagnostics is empty
  std::vector<Diagnostic> diagnostics;  // every problem, in file order
};

// `file_name` is what marks and Scenario::file carry; load_file uses `path` as given.
LoadResult load_file(const std::string& path);
LoadResult load_text(std::string_view text, const std::string& file_name);

}  // namespace qosbed::scenario
