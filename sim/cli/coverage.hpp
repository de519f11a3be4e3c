// What a suite of scenarios exercises, for `qosbed coverage`: the behaviour rules of
// docs/behaviour.md that `qosbed explain` attributes the events of their runs to, the statuses
// indicated to a socket, the errors calls and completions report, and the notification modes
// through which the application learnt of a result. Each item lists the scenarios that exercise
// it, so what none of them touches shows as an empty list.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "engine/trace.hpp"
#include "scenario/scenario.hpp"

namespace qosbed::cli {

struct CoverageItem {
  std::string name;                    // "R5", "WSA_QOS_SENDERS", "WSAENOBUFS", "routine"
  std::string title;                   // rules and modes: what it is; empty for the others
  std::optional<std::uint32_t> value;  // statuses and errors
  std::vector<std::string> scenarios;  // the files whose runs exercise it, each once
};

class Coverage {
 public:
  // Every rule, status (WSA_QOS_*), error (the Winsock names but NO_ERROR) and mode, none
  // exercised yet.
  Coverage();

  // Counts the run of `scenario` (from `file`) whose trace is `records`. A rule counts when
  // explain() cites it for one of the records; a status when an FD_QOS indication with it reaches
  // a socket (any delivery but suppressed and unconfirmed: those never reach it, D13); an error
  // when a call or a completion reports it; a mode when the application learns of a result
  // through it. A status or error missing from the SDK's names is added under its number.
  void add(const std::string& file, const scenario::Scenario& scenario,
           const std::vector<engine::TraceRecord>& records);

  const std::vector<std::string>& scenarios() const { return scenarios_; }
  const std::vector<CoverageItem>& rules() const { return rules_; }
  const std::vector<CoverageItem>& statuses() const { return statuses_; }
  const std::vector<CoverageItem>& errors() const { return errors_; }
  const std::vector<CoverageItem>& modes() const { return modes_; }

 private:
  std::vector<std::string> scenarios_;
  std::vector<CoverageItem> rules_;
  std::vector<CoverageItem> statuses_;
  std::vector<CoverageItem> errors_;
  std::vector<CoverageItem> modes_;
};

}  // namespace qosbed::cli
