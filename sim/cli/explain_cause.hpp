// Which application call is behind an RSVP message that a host's RSVP SP sent, for `qosbed
// explain`: a message of a driven sender or receiver (a `senders:`/`receivers:` entry naming a
// `socket:`) goes out because of the last call on that socket that changed its QoS.
//
// The trace tells the three ways apart by what lies between that call and the message:
// - at once: nothing but the call's own records; the call started, changed or ended signalling;
// - in answer: a message reached the same host at the same time first (a Path, after which the
//   RESV that the receiving socket asked for can go out);
// - a refresh: time has passed; the SP repeats what the call asked for.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "engine/trace.hpp"
#include "scenario/scenario.hpp"

namespace qosbed::cli {

class CallBehind {
 public:
  CallBehind(const scenario::Scenario& scenario, const std::vector<engine::TraceRecord>& records)
      : scenario_(scenario), records_(records) {}

  // "Because of ..." for the message record at `index`, or empty when no application call is
  // behind it (a scripted entry, a router, an error or a confirmation).
  std::string because(std::size_t index) const;

  // The sockets of the driven entries on `host` in `session` that send (Path, PathTear) or
  // receive (Resv, ResvTear).
  std::vector<std::string> sockets_of(const std::string& host, const std::string& session,
                                      bool sending) const;

 private:
  const scenario::Scenario& scenario_;
  const std::vector<engine::TraceRecord>& records_;
};

}  // namespace qosbed::cli
