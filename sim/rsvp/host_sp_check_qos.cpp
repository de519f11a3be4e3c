// SIO_CHK_QOS, answered from the network model (docs/behaviour.md D30). The selectors are
// qossp.h's; what each returns is only sketched there ("compares the socket's TokenRate with the
// SBM / best-effort bandwidth limits", "interface capacity", ...), so the model's reading of each
// is a decision.
#include <algorithm>

#include "gqos/constants.hpp"
#include "rsvp/host_sp.hpp"
#include "rsvp/sp_adapter.hpp"
#include "rsvp/sp_flowspec.hpp"

namespace qosbed::rsvp {

namespace {

namespace chk = gqos::chk_qos;

// Whether the host holds a reservation for the socket's sender in any of its sessions.
bool reserved(const NodeState& state, const SocketPlan& plan, Address address) {
  return std::any_of(plan.sending.begin(), plan.sending.end(), [&](const Session& session) {
    const auto* reported = state.reported.find(session);
    return reported && reserved_for(**reported, SenderId{address, plan.port});
  });
}

// The capacity of the host's link (the first, when it has several), kbit/s.
std::uint32_t line_rate(const Topology& topology, NodeId host) {
  const auto& links = topology.links_at(host);
  if (links.empty()) return chk::info_not_available;
  const std::uint64_t kbits = topology.link(links.front()).spec.bandwidth * 8 / 1000;
  return static_cast<std::uint32_t>(std::min<std::uint64_t>(kbits, chk::info_not_available - 1));
}

// A receiver: whether the path it hears crossed only RSVP hops (the ADSPEC's break bit clear).
// A sender: a reservation came back over its path. Neither yet: not known.
std::uint32_t end_to_end(const NodeState& state, const SocketPlan& plan, Address address) {
  for (const Session& session : plan.receiving) {
    std::optional<bool> broken;
    for_each_upstream_path(state, session, [&](const SenderId& sender, const PathState& path) {
      if (broken || (plan.peer && *plan.peer != sender)) return;
      broken = path.adspec.broken();
    });
    if (broken) return *broken ? 0 : 1;
  }
  return reserved(state, plan, address) ? 1 : chk::info_not_available;
}

}  // namespace

CheckQosAnswer HostSp::check_qos(NodeId host, const gqos::SocketQos& qos,
                                 std::uint32_t selector) const {
  const Address address = network_.topology().node(host).address;
  const SocketPlan plan = plan_of(qos, address, options_);
  const NodeState& state = network_.state(host);
  switch (selector) {
    case chk::allowed_to_send_data: {
      // W32:using-sio-chk-qos: by default the application may send as best effort before the
      // reservation is in place; a limit makes a larger TokenRate wait for it.
      const bool asks = asks_for_service(qos.sending.service_type, gqos::Direction::sending);
      const bool allowed = !asks || !options_.best_effort_limit ||
                           qos.sending.token_rate <= *options_.best_effort_limit ||
                           reserved(state, plan, address);
      return {0, allowed ? 1u : 0u};
    }
    case chk::able_to_recv_rsvp:  // every host of the model runs RSVP: a bound socket can
      return {0, qos.local ? 1u : 0u};
    case chk::line_rate:
      return {0, line_rate(network_.topology(), host)};
    case chk::local_traffic_control:
    case chk::local_qosability:
      return {0, 1};
    case chk::end_to_end_qosability:
      return {0, end_to_end(state, plan, address)};
    default:
      return {gqos::wsa::einval, 0};
  }
}

}  // namespace qosbed::rsvp
