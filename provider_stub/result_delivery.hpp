// Where the SP's results go: the seam between the SP's rules (SpRules), which decide what
// happens to a socket, and the Winsock delivery model (WinsockDelivery), which decides how the
// application learns of it. A test of the rules alone records these calls instead.
#pragma once

#include <cstdint>

#include "provider/provider.hpp"

namespace qosbed::provider_stub {

class ResultDelivery {
 public:
  // An overlapped request on `socket` finished with `error` and `bytes`: its OVERLAPPED takes the
  // result, and its routine runs in the thread's next alertable wait, or else its event is
  // signalled (as WPUCompleteOverlappedRequest does for a Windows SP).
  virtual void complete(provider::Socket socket, provider::Overlapped& overlapped,
                        provider::CompletionRoutine&& routine, std::uint32_t error,
                        std::uint32_t bytes) = 0;
  // The socket's QoS changed, with this WSA_QOS_* status: FD_QOS for WSAEventSelect (R7).
  virtual void qos_changed(provider::Socket socket, std::uint32_t status) = 0;
  // An SIO_GET_QOS was called on the socket, whatever its outcome: FD_QOS is re-enabled (R7).
  virtual void qos_queried(provider::Socket socket) = 0;

 protected:
  ~ResultDelivery() = default;
};

}  // namespace qosbed::provider_stub
