// Flows x hops x refresh periods on sim/rsvp's Network. Each flow is one session from a
// sender host to a receiver host across a chain of `hops` links (hops - 1 routers): the sender
// starts PATH and the receiver asks for a WF reservation at time 0, and the network runs for
// `periods` refresh periods R of virtual time (default R = 30 s), refreshing and forwarding as it
// does in a scenario. Target: 50,000 flows x 5 hops x 10 periods in 10 s or less.
//
// Memory per flow: the heap in use (heap_in_use.hpp: chunks and mapped blocks, malloc's overhead
// included) after the run, less the heap in use before the network was built, divided by the
// flows. It is everything the run still holds for a flow: path and reservation state at every
// node, installed reservations, timers and messages in flight.
#include <benchmark/benchmark.h>

#include "cpu_clock.hpp"
#include "engine/event_queue.hpp"
#include "gqos/constants.hpp"
#include "heap_in_use.hpp"
#include "rsvp/network.hpp"
#include "rsvp_chain.hpp"

namespace qosbed::bench {
namespace {

using namespace qosbed::rsvp;

gqos::FlowSpec flow_spec() {
  return gqos::FlowSpec{token_rate,
                        2048,
                        2 * token_rate,
                        gqos::qos_not_specified,
                        gqos::qos_not_specified,
                        gqos::service_type::controlled_load,
                        1500,
                        64};
}

void BM_rsvp_network(benchmark::State& state) {
  const auto flows = static_cast<int>(state.range(0));
  const auto hops = static_cast<int>(state.range(1));
  const auto periods = static_cast<int>(state.range(2));
  const bool target_size = flows == 50'000 && hops == 5 && periods == 10;
  double seconds = 0;
  double bytes_per_flow = 0;
  for (auto _ : state) {
    const std::size_t heap_before = heap_in_use();
    const double start = cpu_seconds();
    engine::EventQueue queue;
    Network network(queue, chain(hops));
    const NodeId sender = 0;
    const NodeId receiver = static_cast<NodeId>(hops);
    const gqos::FlowSpec spec = flow_spec();
    for (int flow = 0; flow < flows; ++flow) {
      const Session session{receiver_address, static_cast<std::uint16_t>(flow + 1), 17};
      network.start_sender(sender, session, 5000, spec);
      network.reserve(receiver, session, ReservationRequest{Style::wf, {{spec, {}}}, false});
    }
    queue.run_until(periods * network.options().times.refresh_us);
    seconds = cpu_seconds() - start;
    bytes_per_flow = static_cast<double>(heap_in_use() - heap_before) / flows;

    if (!all_reserved(network, flows)) {
      state.SkipWithError("not every reservation reached the sender");
      return;
    }
    state.SetIterationTime(seconds);
  }
  report_run(state, "rsvp_network", seconds, bytes_per_flow, flows, periods, target_size);
}
// One iteration is a whole simulation; its CPU time is reported (UseManualTime). The target
// size runs three times, for its median; the other sizes show how the cost grows.
BENCHMARK(BM_rsvp_network)
    ->ArgNames({"flows", "hops", "periods"})
    ->Args({1'000, 5, 10})
    ->Args({10'000, 5, 10})
    ->Args({10'000, 2, 10})
    ->Args({10'000, 10, 10})
    ->Iterations(1)
    ->UseManualTime()
    ->Unit(benchmark::kSecond);
BENCHMARK(BM_rsvp_network)
    ->ArgNames({"flows", "hops", "periods"})
    ->Args({50'000, 5, 10})
    ->Iterations(1)
    ->Repetitions(3)
    ->UseManualTime()
    ->Unit(benchmark::kSecond);

}  // namespace
}  // namespace qosbed::bench
