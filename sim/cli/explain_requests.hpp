// The overlapped requests of a run as `qosbed explain` follows them through its trace, so that
// each finish and each completion it tells names the request it belongs to. It follows the
// emulator's order (docs/behaviour.md): a socket's pending queries finish oldest first (R1, D5,
// R8), a request that finishes inside its own call (D4, an overlapped SIO_SET_QOS) is the one
// being issued, and routines run in the order their requests finished (D14).
#pragma once

#include <cstddef>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/trace.hpp"

namespace qosbed::cli {

struct TracedRequest {
  std::size_t item = 0;  // the explained record (1-based) of the call that issued it
  std::string call;      // "get_qos", "set_qos"
  std::uint32_t buffer = 0;
  bool routine = true;  // notified by a completion routine, else by its event
  // A query that finished with WSAENOBUFS: the item of the request that took the indication
  // after it, if one did (D5); otherwise the indication stayed queued.
  std::optional<std::size_t> indication_taken_by;
};

// "the SIO_GET_QOS of 2": the request named by the explained item that issued it.
std::string name_of(const TracedRequest& request);

class RequestLedger {
 public:
  explicit RequestLedger(const std::vector<engine::TraceRecord>& records) : records_(records) {}

  // Follows record `index` (every record, in order) and returns the request it is about: the
  // one a call issued, the one a `finished` record finishes (none while it is still being
  // issued), the one a completion tells the application of.
  std::optional<TracedRequest> follow(std::size_t index);

  // For an `fd_qos` record, before it is followed: the pending requests its indication finishes,
  // in order (those too small with WSAENOBUFS, then the one that takes it).
  std::vector<TracedRequest> finished_by(std::size_t index) const;

 private:
  struct Finished {
    std::uint32_t error = 0;
    std::uint32_t bytes = 0;
  };
  struct SocketRequests {
    std::deque<TracedRequest> pending;  // queries waiting for an indication, oldest first
    std::deque<TracedRequest> unseen;   // finished, not yet learnt by the application
    std::optional<Finished> finishing;  // finished inside the call being issued
  };

  std::size_t finishes_after(std::size_t index) const;
  std::optional<TracedRequest> take_unseen(SocketRequests& socket,
                                           const engine::CompletionRecord& r);

  const std::vector<engine::TraceRecord>& records_;
  std::map<std::string, SocketRequests> sockets_;
};

}  // namespace qosbed::cli
