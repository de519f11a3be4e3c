// Must NOT compile: the same check the layout test uses, against an RSVP_STATUS_INFO whose
// StatusCode sits one field too late. The test that builds this file passes only when the
// compiler rejects it for exactly that offset, which shows the layout checks can fail.
#include "sdk_layout.hpp"

namespace {

struct MisplacedStatusInfo {
  qosbed::gqos::ObjectHeader header;
  qosbed::gqos::Ulong extended_status1;
  qosbed::gqos::Ulong status_code;  // belongs at offset 8, not 12
  qosbed::gqos::Ulong extended_status2;
};

}  // namespace

QOSBED_SAME_FIELD(RSVP_STATUS_INFO, StatusCode, MisplacedStatusInfo, status_code);
