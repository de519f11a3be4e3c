// What the emulated SP tells whoever traces a run: the fate of each indication, each request it
// finishes, and a wait that nothing can end.
#pragma once

#include <cstdint>
#include <string_view>

#include "gqos/indication.hpp"
#include "provider/provider.hpp"

namespace qosbed::provider_stub {

using provider::Socket;

// What became of an indication.
enum class IndicationOutcome {
  completed,    // finished the oldest pending SIO_GET_QOS
  enobufs,      // the pending request's buffer was too small; the indication stays queued
  queued,       // nothing pending: kept for the next query (R9 queue, and coalesce)
  coalesced,    // nothing pending: replaced the queued one (R9 coalesce)
  dropped,      // nothing pending: discarded (R9 drop)
  suppressed,   // the profile has no RSVP signalling (windows-xp, windows-2003, no-qos-provider)
  unconfirmed,  // REQUEST_CONFIRMED to a socket that did not ask for confirmation (R10)
};
std::string_view name_of(IndicationOutcome outcome);

// Told of what the provider does on its own, so a run can trace it.
class EmulatorObserver {
 public:
  virtual ~EmulatorObserver() = default;
  virtual void on_indication(Socket socket, const gqos::Indication& indication,
                             IndicationOutcome outcome) = 0;
  // A request finished; its completion is queued for the next alertable wait (routine) or its
  // event is signalled. The application has not seen it yet. `overlapped` is the request's own,
  // which tells an observer which request it was.
  virtual void on_request_finished(Socket socket, const provider::Overlapped* overlapped,
                                   std::uint32_t error, std::uint32_t bytes) = 0;
  // A wait with no deadline found nothing scheduled that could ever end it.
  virtual void on_stalled() = 0;
};

}  // namespace qosbed::provider_stub
