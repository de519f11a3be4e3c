// The Monitor: the query/completion logic a GQoS application needs to follow a socket's QoS, the
// way Windows applications do it (docs/behaviour.md, R1, R2, R5, R6, R8): keep one overlapped
// SIO_GET_QOS with a completion routine armed, grow the buffer and reissue on WSAENOBUFS, decode
// each completed QOS defensively, report the valid direction and re-arm. It is written against
// provider::Provider alone, so it runs unchanged on the emulator and on ws2_32.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "gqos/codec.hpp"
#include "gqos/constants.hpp"
#include "gqos/indication.hpp"
#include "gqos/layout.hpp"
#include "provider/provider.hpp"

namespace qosbed::client {

// A ProviderSpecific object that followed RSVP_STATUS_INFO (END_OF_LIST included if present);
// `body` is what came after its 8-byte header.
struct ExtraObject {
  std::uint32_t type;
  std::vector<std::byte> body;
};

// One direction of one completed SIO_GET_QOS.
struct Update {
  gqos::Direction
      direction;         // the valid FLOWSPEC's direction (ServiceType != SERVICETYPE_NOCHANGE)
  std::uint32_t status;  // RSVP_STATUS_INFO.StatusCode (0 if the provider sent none)
  std::uint32_t extended_status1, extended_status2;
  gqos::FlowSpec flowspec;  // the valid direction's FLOWSPEC
  std::vector<ExtraObject> objects;
};

// Both directions as the updates so far left them; a direction no update named is still
// "no change" with every field QOS_NOT_SPECIFIED.
struct View {
  gqos::FlowSpec sending = gqos::unspecified_flowspec(gqos::service_type::no_change);
  gqos::FlowSpec receiving = gqos::unspecified_flowspec(gqos::service_type::no_change);
  std::uint32_t last_status = 0;  // the status of the latest update
};

enum class StopReason {
  aborted,  // WSA_OPERATION_ABORTED: the socket was closed (R8)
  error,    // any other error
};

// Called from inside the application's alertable waits (completion routines), or from start().
// A listener may destroy the Monitor from any of these calls; the Monitor then does nothing more.
class MonitorListener {
 public:
  virtual ~MonitorListener() = default;
  virtual void on_update(const Update& update) = 0;
  // Reported once before on_stopped, with the Winsock error. A ProviderSpecific list that does not
  // decode is also reported here, as WSA_QOS_EPROVSPECBUF, without stopping: that indication was
  // consumed, and the Monitor re-arms for the next one.
  virtual void on_error(std::uint32_t error, std::string_view what) = 0;
  virtual void on_stopped(StopReason reason) = 0;
};

struct MonitorOptions {
  std::uint32_t initial_buffer = 0;  // 0 means sizeof QOS + RSVP_STATUS_INFO = 100
  // A required size above this (R5) is reported as an error and stops the Monitor, so a hostile
  // provider cannot make it allocate without bound.
  std::uint32_t max_buffer = 1 << 20;
};

// Keeps one overlapped SIO_GET_QOS armed on `socket` until the provider fails it. The Monitor
// never waits: the application must enter alertable waits (sleep_ex or wait_for_events with
// `alertable` true) for its completion routines to run.
//
// Lifetime: the buffer, the OVERLAPPED and the routine's state are shared with the completion
// routine handed to the provider, so they outlive the Monitor for as long as the provider keeps
// that routine. Destroying the Monitor while a request pends is therefore safe: the provider may
// still write into the buffer, and the routine, when it runs, does nothing (no listener call, no
// re-arm). The provider and the listener need only outlive the Monitor. Close the socket to end a
// request that is pending; closing it from inside on_update makes the re-arm fail with
// WSAENOTSOCK, which is reported as an error.
class Monitor {
 public:
  Monitor(provider::Provider& provider, provider::Socket socket, MonitorListener& listener,
          MonitorOptions options = {});
  ~Monitor();
  Monitor(const Monitor&) = delete;
  Monitor& operator=(const Monitor&) = delete;

  // Arms the first overlapped SIO_GET_QOS. False if that failed (already reported through
  // on_error and on_stopped), or if the Monitor was started before: it starts once.
  bool start();
  bool active() const;  // started and not stopped
  const View& view() const;
  std::uint32_t reissues() const;     // WSAENOBUFS reissues so far
  std::uint32_t buffer_size() const;  // current buffer size

 private:
  struct State;
  std::shared_ptr<State> state_;
};

}  // namespace qosbed::client
