// `qosbed explain`: a run told step by step in plain words, for teaching. Each trace record
// becomes what happened, the rule behind the provider's action (the rules R1-R10 and the
// DECISIONs D1-D20, D36 and D37 of docs/behaviour.md) and what the application should do next.
#pragma once

#include <string>
#include <vector>

#include "cli/explain_cause.hpp"
#include "cli/explain_decisions.hpp"
#include "cli/explain_requests.hpp"
#include "engine/trace.hpp"
#include "scenario/scenario.hpp"

namespace qosbed::cli {

struct Explanation {
  std::string what;  // "rx: SIO_GET_QOS (overlapped, completion routine) pends: WSA_IO_PENDING."
  // "The provider has no indication yet ... (R1)." Empty when nothing to add. It cites the rules
  // behind the provider's action as "(R5, D6)": `qosbed coverage` reads them back with
  // rules_cited() (cli/behaviour_rules.hpp).
  std::string why;
  std::string next;  // "Enter an alertable wait ..." Empty when nothing is expected of the app.
};

// Tells a run's records in order. It follows the overlapped requests, so that with several
// pending on a socket each finish and completion names the request it belongs to.
class Storyteller {
 public:
  Storyteller(const scenario::Scenario& scenario, const std::vector<engine::TraceRecord>& records)
      : scenario_(scenario),
        records_(records),
        requests_(records),
        calls_(scenario, records),
        decisions_(scenario, records, calls_) {}

  // Call for every record, in order.
  Explanation explain(std::size_t index);

 private:
  const scenario::Scenario& scenario_;
  const std::vector<engine::TraceRecord>& records_;
  RequestLedger requests_;
  CallBehind calls_;
  DecisionsAtWork decisions_;
};

}  // namespace qosbed::cli
