#include "provider_stub/socket_qos_state.hpp"

#include <algorithm>

#include "gqos/constants.hpp"
#include "provider/ipv4.hpp"

namespace qosbed::provider_stub {

namespace {

namespace service = gqos::service_type;

// A direction whose QoS ends (NOTRAFFIC, BESTEFFORT) forgets what it was sent to.
bool ends_qos(const gqos::FlowSpec& flowspec) {
  const std::uint32_t service = service::without_flags(flowspec.service_type);
  return service == service::no_traffic || service == service::best_effort;
}

constexpr std::uint16_t last_ephemeral_port = 5000;

}  // namespace

gqos::SocketQos* SocketQosState::changing(provider::Socket socket) {
  if (!observer_) return nullptr;
  const auto it = sockets_.find(socket);
  return it == sockets_.end() ? nullptr : &it->second;
}

const gqos::SocketQos* SocketQosState::find(provider::Socket socket) const {
  const auto it = sockets_.find(socket);
  return it == sockets_.end() ? nullptr : &it->second;
}

void SocketQosState::tell(provider::Socket socket, const gqos::SocketQos& qos) {
  observer_->on_socket_qos(socket, qos);
}

gqos::Endpoint SocketQosState::local_endpoint(const provider::Address& address) {
  gqos::Endpoint local{provider::parse_ipv4(address.host).value_or(0), address.port};
  if (local.port == 0) {
    local.port = next_ephemeral_port_;
    next_ephemeral_port_ =
        next_ephemeral_port_ == last_ephemeral_port ? 1025 : next_ephemeral_port_ + 1;
  }
  return local;
}

void SocketQosState::opened(provider::Socket socket, provider::Role role,
                            provider::Protocol protocol) {
  if (!observer_) return;
  gqos::SocketQos& qos = sockets_[socket];
  qos.protocol =
      protocol == provider::Protocol::tcp ? gqos::IpProtocol::tcp : gqos::IpProtocol::udp;
  qos.role = role == provider::Role::sender     ? gqos::SocketRole::sender
             : role == provider::Role::receiver ? gqos::SocketRole::receiver
                                                : gqos::SocketRole::both;
}

void SocketQosState::bound(provider::Socket socket, const provider::Address& local) {
  gqos::SocketQos* qos = changing(socket);
  if (!qos) return;
  qos->local = local_endpoint(local);
  tell(socket, *qos);
}

void SocketQosState::connected(provider::Socket socket, const provider::Address& remote,
                               const gqos::DecodedQos* passed, std::span<const std::byte> buffer) {
  gqos::SocketQos* qos = changing(socket);
  if (!qos) return;
  if (provider::is_no_address(remote)) {
    // W32:closing-the-qos-connection: WSAConnect with no address ends QoS both ways.
    qos->peer.reset();
    qos->disconnected = true;
  } else {
    qos->peer = gqos::Endpoint{provider::parse_ipv4(remote.host).value_or(0), remote.port};
    qos->disconnected = false;
    if (!qos->local) qos->local = local_endpoint({"0.0.0.0", 0});  // connect binds implicitly
  }
  if (passed) apply(*qos, *passed, buffer, false);
  tell(socket, *qos);
}

void SocketQosState::joined(provider::Socket socket, const provider::Address& group,
                            const gqos::DecodedQos* passed, std::span<const std::byte> buffer,
                            provider::JoinFlags flags) {
  gqos::SocketQos* qos = changing(socket);
  if (!qos) return;
  const gqos::Endpoint name{provider::parse_ipv4(group.host).value_or(0), group.port};
  auto join = std::find_if(qos->groups.begin(), qos->groups.end(),
                           [&](const gqos::GroupJoin& joined) { return joined.group == name; });
  if (join == qos->groups.end()) join = qos->groups.insert(qos->groups.end(), {name});
  // W32:using-wsajoinleaf-to-join-multicast-rsvp-sessions: the flags name "the direction in which
  // QOS service is requested".
  join->sending = flags != provider::JoinFlags::receiver_only;
  join->receiving = flags != provider::JoinFlags::sender_only;
  if (!qos->local) qos->local = local_endpoint({"0.0.0.0", 0});  // WSAJoinLeaf binds implicitly
  if (passed) apply(*qos, *passed, buffer, false);
  tell(socket, *qos);
}

void SocketQosState::qos_set(provider::Socket socket, const gqos::DecodedQos& passed,
                             std::span<const std::byte> buffer) {
  gqos::SocketQos* qos = changing(socket);
  if (!qos) return;
  apply(*qos, passed, buffer, true);
  tell(socket, *qos);
}

void SocketQosState::apply(gqos::SocketQos& state, const gqos::DecodedQos& qos,
                           std::span<const std::byte> buffer, bool destinations) {
  if (service::without_flags(qos.sending.service_type) != service::no_change) {
    state.sending = qos.sending;
    if (ends_qos(qos.sending)) state.destinations.clear();
  }
  const bool receiving_changes =
      service::without_flags(qos.receiving.service_type) != service::no_change;
  if (receiving_changes) state.receiving = qos.receiving;
  // RSVP_RESERVE_INFO is the receiving direction's: a call that leaves that direction NOCHANGE
  // without one keeps it, ConfirmRequest included (W32:servicetype-notraffic).
  const bool reserve_given =
      std::any_of(qos.objects.begin(), qos.objects.end(), [](const gqos::DecodedObject& object) {
        return gqos::read_reserve_info(object).has_value();
      });
  if (receiving_changes || reserve_given) {
    state.reserve.reset();
    ++state.receiving_calls;
  }
  const auto base = reinterpret_cast<std::uint64_t>(buffer.data());
  for (const gqos::DecodedObject& object : qos.objects) {
    if (const auto reserve = gqos::read_reserve_info(object)) {
      state.reserve = gqos::ReserveInfo{reserve->style, reserve->confirm_request != 0, {}};
    }
    const auto dest = destinations ? gqos::read_dest_addr(object, buffer, base) : std::nullopt;
    if (!dest) continue;
    const gqos::Endpoint to{dest->address, dest->port};
    if (std::find(state.destinations.begin(), state.destinations.end(), to) ==
        state.destinations.end()) {
      state.destinations.push_back(to);
    }
  }
  ++state.qos_calls;
}

void SocketQosState::shut_down(provider::Socket socket, provider::Shutdown how) {
  gqos::SocketQos* qos = changing(socket);
  if (!qos) return;
  if (how != provider::Shutdown::receive) qos->send_shut = true;
  if (how != provider::Shutdown::send) qos->receive_shut = true;
  tell(socket, *qos);
}

void SocketQosState::closed(provider::Socket socket) {
  gqos::SocketQos* qos = changing(socket);
  if (!qos) return;
  qos->closed = true;
  tell(socket, *qos);
  sockets_.erase(socket);
}

std::uint32_t SocketQosState::check_qos(provider::Socket socket, std::span<const std::byte> in,
                                        std::span<std::byte> out, std::uint32_t* bytes_returned) {
  if (in.size() < 4 || out.size() < 4 || !bytes_returned) return gqos::wsa::efault;
  const std::uint32_t selector = gqos::load_u32(in, 0);
  gqos::CheckQosAnswer answer;
  const gqos::SocketQos* qos = find(socket);
  if (observer_ && qos) {
    answer = observer_->check_qos(socket, *qos, selector);
  } else if (selector >= gqos::chk_qos::allowed_to_send_data &&
             selector <= gqos::chk_qos::end_to_end_qosability) {
    answer.value = gqos::chk_qos::info_not_available;  // D31: no network, nothing known
  } else {
    answer.error = gqos::wsa::einval;
  }
  if (answer.error) return answer.error;
  gqos::store_u32(out, 0, answer.value);
  *bytes_returned = 4;
  return gqos::wsa::no_error;
}

}  // namespace qosbed::provider_stub
