// One self-contained HTML page about one run: the scenario's name and description, its sequence
// diagram (inline SVG), the trace as a table and each expectation with its result. Inline CSS,
// no scripts, no external URL; every text escaped.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "engine/trace.hpp"
#include "report/counts.hpp"

namespace qosbed::report {

struct ExpectationResult {
  std::string where;                  // "FILE:LINE"
  std::string what;                   // "completion on rx"
  std::string written;                // the step as the scenario writes it: what was expected
  std::vector<std::string> failures;  // "FILE:LINE: expected ... vs actual ..."; none: it held
};

struct ReportPage {
  std::string name;
  std::string file;
  std::string description;
  std::string profile;
  std::string svg;  // the diagram's <svg> element
  const std::vector<engine::TraceRecord>* records = nullptr;
  std::vector<ExpectationResult> expectations;
  ExpectationCount counted;  // of `expectations`, as `qosbed run` counts them
  // Failures of no expectation (a step that could not be played) and where a run stopped.
  std::vector<std::string> other_problems;
};

// The table stops here, with a line saying how many records it leaves out.
inline constexpr std::size_t max_table_rows = 5000;

std::string to_html(const ReportPage& page);

}  // namespace qosbed::report
