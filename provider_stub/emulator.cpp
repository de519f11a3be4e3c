// The calls that need both parts: the SP knows the socket, the Winsock delivery model acts.
#include "provider_stub/emulator.hpp"

namespace qosbed::provider_stub {

using provider::socket_error;
namespace wsa = gqos::wsa;

bool Emulator::get_overlapped_result(Socket socket, provider::Overlapped* overlapped,
                                     std::uint32_t* bytes, bool wait, std::uint32_t* flags) {
  if (!sp_.is_open(socket)) {
    last_error_ = wsa::enotsock;
    return false;
  }
  return delivery_.get_overlapped_result(
      overlapped, bytes, wait, flags,
      [this, socket, overlapped] { return sp_.pends(socket, overlapped); });
}

int Emulator::event_select(Socket socket, provider::Event event, std::uint32_t network_events) {
  if (!sp_.is_open(socket)) {
    last_error_ = wsa::enotsock;
    return socket_error;
  }
  if (delivery_.event_select(socket, event, network_events) != 0) return socket_error;
  sp_.report_unread(socket);  // D19
  return 0;
}

int Emulator::enum_network_events(Socket socket, provider::Event event_to_reset,
                                  provider::NetworkEvents* out) {
  if (!sp_.is_open(socket)) {
    last_error_ = wsa::enotsock;
    return socket_error;
  }
  return delivery_.enum_network_events(socket, event_to_reset, out);
}

int Emulator::close(Socket socket) {
  if (sp_.close(socket) != 0) return socket_error;
  delivery_.forget(socket);
  return 0;
}

}  // namespace qosbed::provider_stub
