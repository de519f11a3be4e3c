// Which of the network's host-SP decisions (docs/behaviour.md D20-D39) a trace record shows at
// work, as sentences citing them: `qosbed explain` adds them to its story, and `qosbed coverage`
// counts a decision as exercised from them. Each is cited only where the trace itself shows it:
// the QOS a call passed, the records around an indication, the message a host sent.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "cli/explain_cause.hpp"
#include "engine/trace.hpp"
#include "scenario/scenario.hpp"

namespace qosbed::cli {

class DecisionsAtWork {
 public:
  DecisionsAtWork(const scenario::Scenario& scenario,
                  const std::vector<engine::TraceRecord>& records, const CallBehind& calls)
      : scenario_(scenario), records_(records), calls_(calls) {}

  // The sentences for the record at `index`, or empty.
  std::string cited(std::size_t index) const;

 private:
  std::string call(const engine::CallRecord& call, std::size_t index) const;
  std::string indication(const engine::FdQosRecord& indication, std::size_t index) const;
  std::string message(const engine::RsvpRecord& message, std::size_t index) const;
  // A Path or Resv its host sent: the user the host names (D39), or empty.
  std::string user_named(const engine::RsvpRecord& message) const;
  // The indication came from a call of its socket that put it in a session (D25), not from a
  // message that reached its host.
  bool told_on_entering(const engine::FdQosRecord& indication, std::size_t index) const;

  // What `socket` asked for in one direction by its calls before `index`: the last FLOWSPEC of
  // that direction that was not NOCHANGE.
  std::optional<gqos::FlowSpec> asked(const std::string& socket, std::size_t index,
                                      bool sending) const;
  // The last RSVP_RESERVE_INFO `socket` passed before `index`.
  std::optional<gqos::ReserveRequest> reserve_info(const std::string& socket,
                                                   std::size_t index) const;

  const scenario::Scenario& scenario_;
  const std::vector<engine::TraceRecord>& records_;
  const CallBehind& calls_;
};

}  // namespace qosbed::cli
