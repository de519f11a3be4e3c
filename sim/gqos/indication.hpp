// One FD_QOS indication as an RSVP SP states it: the status, at most one FLOWSPEC (R2), the
// extended status and the ProviderSpecific objects after RSVP_STATUS_INFO. A plain value shared
// by whoever produces indications (a scenario's `sp: fd_qos`, a host's SP in the RSVP network)
// and the emulator that delivers them.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "gqos/codec.hpp"
#include "gqos/layout.hpp"

namespace qosbed::gqos {

// The two directions of a QOS: SendingFlowspec and ReceivingFlowspec.
enum class Direction { sending, receiving };

// With neither FLOWSPEC set, the direction follows from the status (direction_of_status) and the
// emulator fills the FLOWSPEC as docs/behaviour.md says.
struct Indication {
  std::uint32_t status = 0;
  std::optional<FlowSpec> sending;
  std::optional<FlowSpec> receiving;
  std::uint32_t extended_status1 = 0;
  std::uint32_t extended_status2 = 0;
  std::vector<ProviderObject> objects;  // after RSVP_STATUS_INFO, in order
};

// The FLOWSPEC a status fills (R2, docs/behaviour.md D10): PATH-side statuses (SENDERS,
// NO_SENDERS, REQUEST_CONFIRMED and the reservation errors a receiver learns of) fill
// ReceivingFlowspec; RESV-side ones (RECEIVERS, NO_RECEIVERS and the rest) SendingFlowspec.
Direction direction_of_status(std::uint32_t status);

}  // namespace qosbed::gqos
