// Which `sp: fd_qos` steps the application never observed, for `qosbed run --strict`: a scripted
// indication that nothing the application did ever reported is a step that tests nothing.
//
// An indication is observed when, on its socket and after it, the application is told its status
// by a completion it learnt of (its routine ran, or WSAGetOverlappedResult read it; a monitor's
// updates come from these), by a synchronous SIO_GET_QOS that returned it, or by
// WSAEnumNetworkEvents reporting FD_QOS with it. Each report observes the earliest indication on
// that socket with that status that no report of its kind has observed yet (reads and network
// events are counted apart: the FD_QOS event and the read that drains the indication are two
// reports of one indication). The provider's own choices are not the application's misses, so
// these count as observed: an indication withheld (the profile suppresses it, R10 leaves it
// unconfirmed, `pending: drop` drops it), replaced (`pending: coalesce`), discarded by `close`
// while queued (R8), or lost to WSAENOBUFS when `decisions: enobufs_keeps_indication` is false.
#pragma once

#include <cstddef>
#include <vector>

#include "engine/trace.hpp"
#include "runner/runner.hpp"
#include "scenario/scenario.hpp"

namespace qosbed::runner {

// An `sp: fd_qos` step as played: its index in Scenario::steps and the index of the `fd_qos`
// record its indication made.
struct PlayedIndication {
  std::size_t step = 0;
  std::size_t record = 0;
};

// One failure for each played indication the application never observed, at its step.
std::vector<Failure> unobserved_indications(const scenario::Scenario& scenario,
                                            const std::vector<PlayedIndication>& played,
                                            const std::vector<engine::TraceRecord>& records);

}  // namespace qosbed::runner
