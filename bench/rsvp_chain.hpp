// What the two RSVP network benchmarks share: the chain of hosts and routers every flow crosses,
// the flows' rate, the check that every reservation reached the sender, and the counters and
// figures each run reports.
#pragma once

#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "figures.hpp"
#include "rsvp/network.hpp"

namespace qosbed::bench {

inline constexpr rsvp::Address sender_address = 0x0A000101;    // 10.0.1.1
inline constexpr rsvp::Address receiver_address = 0x0A000201;  // 10.0.2.1
inline constexpr std::uint32_t token_rate = 1000;              // bytes/s, each flow

// sender - router 1 - ... - router hops-1 - receiver; links of 1 ms with room for every flow.
// The sender is node 0, the receiver node `hops`.
inline rsvp::Topology chain(int hops) {
  rsvp::Topology topology;
  const rsvp::LinkSpec spec{std::uint64_t{1} << 40, 1000, 0.0, std::nullopt};
  rsvp::NodeId previous = topology.add_host("sender", sender_address);
  for (int i = 1; i < hops; ++i) {
    const rsvp::NodeId router =
        topology.add_router("r" + std::to_string(i), 0x0A000300 + static_cast<rsvp::Address>(i));
    topology.add_link(previous, router, spec);
    previous = router;
  }
  topology.add_link(previous, topology.add_host("receiver", receiver_address), spec);
  return topology;
}

// Whether every flow's reservation reached the sender and stayed: the run did the protocol's work.
inline bool all_reserved(const rsvp::Network& network, int flows) {
  const auto first_link = network.interface_toward(0, 1);
  return first_link && network.reserved(*first_link) == std::uint64_t{token_rate} * flows;
}

// The last run's counters; at the target size, its figures under `name` + "_s" and
// `name` + "_bytes_per_flow".
inline void report_run(benchmark::State& state, std::string_view name, double seconds,
                       double bytes_per_flow, int flows, int periods, bool target_size) {
  state.counters["cpu_s"] = seconds;
  state.counters["bytes_per_flow"] = bytes_per_flow;
  state.counters["us_per_flow_period"] = 1e6 * seconds / flows / periods;
  if (target_size) {
    add_figure(std::string(name) + "_s", seconds);
    add_figure(std::string(name) + "_bytes_per_flow", bytes_per_flow);
  }
}

}  // namespace qosbed::bench
