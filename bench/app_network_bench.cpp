// Application-driven flows on sim/rsvp: the same chain as network_bench.cpp, but each flow is
// two sockets' QoS state handed to the hosts' RSVP SP (rsvp::HostSp), as the emulator hands it
// after each Winsock call: a UDP sender connected to the receiver's port with a controlled-load
// sending FLOWSPEC, and a UDP receiver bound to that port with a receiving one. The SP turns them
// into PATH and a WF RESV, and every indication it gives (WSA_QOS_SENDERS at the receiver,
// WSA_QOS_RECEIVERS at the sender) is counted. Target: 50,000 flows x 5 hops x 10 periods in 10 s
// or less and 2 KB of heap per flow or less, the SP's per-socket records included.
#include <benchmark/benchmark.h>

#include "cpu_clock.hpp"
#include "engine/event_queue.hpp"
#include "gqos/constants.hpp"
#include "gqos/socket_qos.hpp"
#include "heap_in_use.hpp"
#include "rsvp/host_sp.hpp"
#include "rsvp/network.hpp"
#include "rsvp_chain.hpp"

namespace qosbed::bench {
namespace {

using namespace qosbed::rsvp;

gqos::FlowSpec controlled_load() {
  gqos::FlowSpec flowspec = gqos::unspecified_flowspec(gqos::service_type::controlled_load);
  flowspec.token_rate = token_rate;
  flowspec.token_bucket_size = 2048;
  return flowspec;
}

void BM_app_driven_flows(benchmark::State& state) {
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
    std::uint64_t senders_told = 0;
    std::uint64_t receivers_told = 0;
    HostSp sp(network, [&](NodeId, gqos::SocketId, const gqos::Indication& indication) {
      senders_told += indication.status == gqos::status::receivers;
      receivers_told += indication.status == gqos::status::senders;
    });
    const NodeId sender = 0;
    const NodeId receiver = static_cast<NodeId>(hops);
    gqos::SocketQos sending;
    sending.sending = controlled_load();
    sending.qos_calls = 1;
    gqos::SocketQos receiving;
    receiving.receiving = controlled_load();
    receiving.qos_calls = 1;
    receiving.receiving_calls = 1;
    for (int flow = 0; flow < flows; ++flow) {
      const auto port = static_cast<std::uint16_t>(flow + 1);
      receiving.local = gqos::Endpoint{receiver_address, port};
      sp.socket_changed(receiver, 2 * static_cast<gqos::SocketId>(flow) + 2, receiving);
      sending.local = gqos::Endpoint{sender_address, 5000};
      sending.peer = gqos::Endpoint{receiver_address, port};
      sp.socket_changed(sender, 2 * static_cast<gqos::SocketId>(flow) + 1, sending);
    }
    queue.run_until(periods * network.options().times.refresh_us);
    seconds = cpu_seconds() - start;
    bytes_per_flow = static_cast<double>(heap_in_use() - heap_before) / flows;

    // Every flow's reservation reached the sender, and each socket was told once.
    if (!all_reserved(network, flows) || senders_told != static_cast<std::uint64_t>(flows) ||
        receivers_told != static_cast<std::uint64_t>(flows)) {
      state.SkipWithError("not every flow was reserved and told once");
      return;
    }
    state.SetIterationTime(seconds);
  }
  report_run(state, "app_driven_network", seconds, bytes_per_flow, flows, periods, target_size);
}
// One iteration is a whole simulation; its CPU time is reported (UseManualTime).
BENCHMARK(BM_app_driven_flows)
    ->ArgNames({"flows", "hops", "periods"})
    ->Args({1'000, 5, 10})
    ->Args({10'000, 5, 10})
    ->Iterations(1)
    ->UseManualTime()
    ->Unit(benchmark::kSecond);
BENCHMARK(BM_app_driven_flows)
    ->ArgNames({"flows", "hops", "periods"})
    ->Args({50'000, 5, 10})
    ->Iterations(1)
    ->Repetitions(3)
    ->UseManualTime()
    ->Unit(benchmark::kSecond);

}  // namespace
}  // namespace qosbed::bench
