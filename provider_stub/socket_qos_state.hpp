// What each socket of the emulator has asked of the RSVP SP, as the plain gqos::SocketQos
// (sim/gqos/socket_qos.hpp), kept beside the emulator's Winsock-level state and told to a
// QosObserver after every call that changed it: bind, connect (with or without a QOS, or with no
// address), WSAJoinLeaf, SIO_SET_QOS, shutdown, close. The emulator keeps deciding what a call
// returns; this records only what a call it accepted changed. Whoever runs the RSVP network (the
// runner's NetworkRun) is the observer, and answers SIO_CHK_QOS, which needs the network's state.
#pragma once

#include <cstdint>
#include <span>
#include <unordered_map>

#include "gqos/codec.hpp"
#include "gqos/socket_qos.hpp"
#include "provider/provider.hpp"

namespace qosbed::provider_stub {

class QosObserver {
 public:
  virtual ~QosObserver() = default;
  // After a call that changed the socket's QoS state; `qos.closed` on its last.
  virtual void on_socket_qos(provider::Socket socket, const gqos::SocketQos& qos) = 0;
  // SIO_CHK_QOS with `selector`, for a socket in state `qos`.
  virtual gqos::CheckQosAnswer check_qos(provider::Socket socket, const gqos::SocketQos& qos,
                                         std::uint32_t selector) = 0;
};

class SocketQosState {
 public:
  // Nothing is kept while no observer is set: an emulator without a network pays nothing. Set it
  // before the sockets open.
  void set_observer(QosObserver* observer) { observer_ = observer; }

  void opened(provider::Socket socket, provider::Role role, provider::Protocol protocol);
  void bound(provider::Socket socket, const provider::Address& local);
  // `qos`: lpSQOS when the call passed one, decoded from `buffer`.
  void connected(provider::Socket socket, const provider::Address& remote,
                 const gqos::DecodedQos* qos, std::span<const std::byte> buffer);
  // WSAJoinLeaf: `qos` its lpSQOS when it passed one.
  void joined(provider::Socket socket, const provider::Address& group, const gqos::DecodedQos* qos,
              std::span<const std::byte> buffer, provider::JoinFlags flags);
  void qos_set(provider::Socket socket, const gqos::DecodedQos& qos,
               std::span<const std::byte> buffer);
  void shut_down(provider::Socket socket, provider::Shutdown how);
  void closed(provider::Socket socket);

  // SIO_CHK_QOS (D31): a 4-byte selector in `in`, the 4-byte answer in `out`. Returns 0 or the
  // Winsock error.
  std::uint32_t check_qos(provider::Socket socket, std::span<const std::byte> in,
                          std::span<std::byte> out, std::uint32_t* bytes_returned);

  const gqos::SocketQos* find(provider::Socket socket) const;

 private:
  gqos::SocketQos* changing(provider::Socket socket);
  void tell(provider::Socket socket, const gqos::SocketQos& qos);
  gqos::Endpoint local_endpoint(const provider::Address& address);
  void apply(gqos::SocketQos& state, const gqos::DecodedQos& qos, std::span<const std::byte> buffer,
             bool destinations);

  QosObserver* observer_ = nullptr;
  std::unordered_map<provider::Socket, gqos::SocketQos> sockets_;
  // D32: Windows 2000 hands out ephemeral ports from 1025 up (MaxUserPort 5000).
  std::uint16_t next_ephemeral_port_ = 1025;
};

}  // namespace qosbed::provider_stub
