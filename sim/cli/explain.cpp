#include "cli/explain.hpp"

#include "cli/explain_rsvp.hpp"
#include "gqos/constants.hpp"
#include "gqos/names.hpp"

namespace qosbed::cli {
namespace {

using engine::TraceRecord;
namespace wsa = gqos::wsa;

std::string error_name(std::uint32_t error) {
  if (auto name = gqos::name_of(gqos::NameGroup::error, error)) return std::string(*name);
  return std::to_string(error);
}

std::string status_name(std::uint32_t status) {
  if (auto name = gqos::name_of(gqos::NameGroup::status, status)) return std::string(*name);
  return "status " + std::to_string(status);
}

std::string mode_words(const std::string& detail) {
  if (detail == "sync") return "synchronous";
  if (detail == "overlapped routine") return "overlapped, with a completion routine";
  if (detail == "overlapped event") return "overlapped, with an event";
  return detail;
}

provider::Role role_of(const scenario::Scenario& scenario, const std::string& socket) {
  for (const scenario::SocketSpec& spec : scenario.sockets) {
    if (spec.id == socket) return spec.role;
  }
  return provider::Role::receiver;
}

// "the SIO_GET_QOS of item 2", "the SIO_GET_QOS of items 2 and 3".
std::string names_of(const std::vector<TracedRequest>& requests) {
  if (requests.size() == 1) return name_of(requests.front());
  std::string items;
  for (std::size_t i = 0; i < requests.size(); ++i) {
    if (i > 0) items += i + 1 == requests.size() ? " and " : ", ";
    items += std::to_string(requests[i].item);
  }
  return "the SIO_GET_QOS of items " + items;
}

const std::string reissue =
    "Reissue SIO_GET_QOS with a buffer of the required size (the first 4 bytes of the buffer).";
const std::string read_result =
    "Read RSVP_STATUS_INFO first in ProviderSpecific (R4) and the one valid FLOWSPEC (R2), "
    "then issue SIO_GET_QOS again to hear of the next change.";

Explanation get_qos_call(const engine::CallRecord& r, const scenario::Scenario& scenario) {
  const std::string what = r.socket + ": SIO_GET_QOS (" + mode_words(r.detail) + ", buffer " +
                           std::to_string(r.buffer_size.value_or(0)) + " bytes)";
  const bool overlapped = r.detail != "sync";
  if (r.result == 0) {
    if (overlapped) {
      return {what + " finishes at once with " + std::to_string(r.bytes.value_or(0)) + " bytes.",
              "An indication was already queued, so the request took it at once; its completion "
              "is still delivered (R6, D4).",
              "Enter an alertable wait (or wait on the event) to learn of the completion."};
    }
    return {
        what + " returns a queued indication, " + std::to_string(r.bytes.value_or(0)) + " bytes.",
        "A synchronous query returns what is queued at once.",
        read_result + " To drain the queue, call again until WSAEWOULDBLOCK (R7, D8)."};
  }
  const std::uint32_t error = r.error.value_or(0);
  const std::string fails = what + " fails with " + error_name(error) + ".";
  switch (error) {
    case wsa::io_pending:
      return {what + " pends: WSA_IO_PENDING.",
              "Nothing is queued, so the request waits for the next FD_QOS indication (R1).",
              r.detail == "overlapped event"
                  ? "Wait on its event (WSAWaitForMultipleEvents), then read the result with "
                    "WSAGetOverlappedResult (R6)."
                  : "Enter an alertable wait (SleepEx or WSAWaitForMultipleEvents with "
                    "bAlertable TRUE): a completion routine runs only there (R6)."};
    case wsa::enobufs:
      return {fails + " It needs " + std::to_string(r.required.value_or(0)) + " bytes.",
              "The queued indication does not fit: the call fails at once, the required size is "
              "in the buffer and the indication stays queued (R5, D6).",
              reissue};
    case wsa::ewouldblock:
      return {fails, "Nothing is queued: a synchronous query never waits (R7, D8).",
              "The queue is drained: wait for the next FD_QOS network event."};
    case wsa::efault:
      return {fails, "The buffer is under 4 bytes, too small even for the required size (R5, D7).",
              "Pass a buffer of at least 100 bytes (QOS 80 + RSVP_STATUS_INFO 20)."};
    case wsa::enotconn:
      return {fails, "A sender may ask only once connected (R3, D2).", "Connect the socket first."};
    case wsa::einval:
      return {fails,
              role_of(scenario, r.socket) == provider::Role::receiver
                  ? "A receiver may ask only once bound (R3, D2)."
                  : "The socket must be bound or connected before it asks (R3, D2, D3).",
              "Bind (or connect) the socket first."};
    case wsa::eopnotsupp:
      return {fails, "There is no QoS service provider on this system (profile no-qos-provider).",
              "Stop asking: run without QoS."};
    case wsa::enoprotoopt:
      return {fails,
              "There is no QoS service provider on this system (profile no-qos-provider): "
              "SIO_GET_QOS fails at once, overlapped or not (D18).",
              "Stop asking: run without QoS."};
    case wsa::enotsock:
      return {fails, "The socket is closed or was never opened (D1).", ""};
    default:
      return {fails, "", ""};
  }
}

Explanation call(const engine::CallRecord& r, const scenario::Scenario& scenario) {
  if (r.call == "get_qos") return get_qos_call(r, scenario);
  const std::string who = r.socket.empty() ? "" : r.socket + ": ";
  const bool failed = r.result != 0 && r.error;
  const std::string what = who + r.call +
                           (r.detail.empty() ? "" : " (" + mode_words(r.detail) + ")") +
                           (failed ? " fails with " + error_name(*r.error) + "."
                                   : " returns " + std::to_string(r.result) + ".");
  if (r.call == "bind" && !failed) {
    return {what, "A bound socket may ask for its QoS state (R3).",
            role_of(scenario, r.socket) == provider::Role::sender
                ? "Connect: a sender asks once connected (R3)."
                : "Issue an overlapped SIO_GET_QOS to hear of PATH messages."};
  }
  if (r.call == "connect" && !failed) {
    return {what,
            "A connected socket may ask for its QoS state (R3); a QOS given with WSAConnect "
            "requests a reservation (R10).",
            "Issue an overlapped SIO_GET_QOS to hear of RESV messages."};
  }
  if (r.call == "listen" && !failed) {
    return {what,
            "The socket waits for the one connection its scenario socket's remote: makes; "
            "listening, it is in no RSVP session and hears nothing (D38).",
            "Accept the connection: the accepted socket may ask for its QoS."};
  }
  if (r.call == "accept" && !failed) {
    return {what,
            "The accepted connection is the socket from now on, connected to its peer with the "
            "QOS the condition function left in lpSQOS, requested as WSAConnect's is (R10, D38).",
            "Issue an overlapped SIO_GET_QOS to hear of the peer's PATH and RESV messages."};
  }
  if (r.call == "join_leaf" && !failed) {
    return {what,
            "The socket joined a multicast group in the directions its flags name; a QOS given "
            "with WSAJoinLeaf requests a reservation as WSAConnect's does (R10, D36).",
            "Issue an overlapped SIO_GET_QOS to hear of PATH and RESV messages of the group."};
  }
  if (r.call == "join_leaf" && failed && *r.error == wsa::eaddrnotavail) {
    return {what, "Only a class D address is a multicast group to join (D36).",
            "Join a group in 224.0.0.0/4."};
  }
  if (r.call == "join_leaf" && failed && *r.error == wsa::eopnotsupp) {
    return {what,
            "Only a UDP socket is multipoint (D36), and a TokenRate above what admission control "
            "allows is refused as for WSAConnect (R10, D17).",
            "Join with a UDP socket, or ask for less."};
  }
  if ((r.call == "set_qos" || r.call == "connect" || r.call == "join_leaf") && failed) {
    if (*r.error == wsa::einval) {
      return {what, "The QOS asks for a service without a valid FLOWSPEC (R10, D17, D34).",
              "Fix the FLOWSPEC: a TokenRate other than 0, a known service type."};
    }
    if (*r.error == wsa::eopnotsupp) {
      return {what, "The TokenRate is above what admission control allows (R10, D17).",
              "Ask for less, or carry on with best effort."};
    }
    if (*r.error == gqos::status::eobjlength || *r.error == gqos::status::efilterstyle ||
        *r.error == gqos::status::eflowcount) {
      return {what,
              "The RSVP_RESERVE_INFO asks what the SP cannot honour: an ObjectLength short of "
              "the structure, a style the socket may not use (SE on TCP or a connected socket, "
              "an unknown Style), or flow descriptors the style forbids or the buffer lacks "
              "(D37).",
              "Send a whole RSVP_RESERVE_INFO whose style suits the socket."};
    }
  }
  if (r.call == "set_qos" && !failed) {
    return {what, "The provider accepted the QOS and starts RSVP signalling (R10).",
            "Keep an SIO_GET_QOS pending to hear whether the reservation is made."};
  }
  if (r.call == "close") {
    return {what,
            "Closing finishes every pending query with WSA_OPERATION_ABORTED and drops "
            "queued indications (R8).",
            "Expect each pending request's completion with WSA_OPERATION_ABORTED; do not reissue."};
  }
  if (r.call == "event_select") {
    return {what,
            "FD_QOS is edge-triggered: recorded once per indication until the next "
            "SIO_GET_QOS (R7, D13, D19).",
            "Wait on the event, then drain with SIO_GET_QOS."};
  }
  if (r.call == "enum_network_events") {
    return {what, "Reading the network events clears them and resets the event (R7).",
            "Drain the queue with synchronous SIO_GET_QOS until WSAEWOULDBLOCK (R7, D8)."};
  }
  if (r.call == "get_overlapped_result") {
    return {what, "Without a routine, the OVERLAPPED's event tells the result is there (R6).", ""};
  }
  return {what, failed && r.error == wsa::enotsock ? "The socket is closed (D1)." : "", ""};
}

// `finished`: the pending requests the indication finishes, in order (D5).
Explanation fd_qos(const engine::FdQosRecord& r, std::vector<TracedRequest> finished) {
  const std::string what =
      r.socket + ": the RSVP SP has " + status_name(r.status) + " (" + r.delivery + ").";
  const std::string content =
      " with one direction valid (R2, D9, D10) and RSVP_STATUS_INFO first in ProviderSpecific "
      "(R4, D11).";
  if (r.delivery == "completed" && !finished.empty()) {
    const TracedRequest taker = finished.back();
    finished.pop_back();
    const std::string why =
        finished.empty()
            ? "It finishes the oldest pending query, " + name_of(taker) + " (R1)," + content
            : (finished.size() == 1 ? "The oldest pending query is too small for it ("
                                    : "The oldest pending queries are too small for it (") +
                  names_of(finished) +
                  (finished.size() == 1 ? "): it finishes with WSAENOBUFS (R5, D5). "
                                        : "): each finishes with WSAENOBUFS in turn (R5, D5). ") +
                  "The next one, " + name_of(taker) + ", takes it (R1)," + content;
    return {what, why, "The application learns of it in its next alertable wait (R6)."};
  }
  if (r.delivery == "enobufs") {
    return {what,
            finished.size() > 1
                ? "Every pending request's buffer is too small (" + names_of(finished) +
                      "): each finishes with WSAENOBUFS and the required size, in turn, and "
                      "the indication stays queued (R5, D5)."
                : "The pending request's buffer is too small" +
                      (finished.empty() ? "" : " (" + name_of(finished.front()) + ")") +
                      ": it finishes with WSAENOBUFS and the required size, and the indication "
                      "stays queued (R5, D5).",
            "When the completion reports WSAENOBUFS, reissue SIO_GET_QOS with a buffer of the "
            "required size."};
  }
  if (r.delivery == "queued") {
    return {what, "No query is pending, so the indication is queued in order (R9, D12).",
            "Issue SIO_GET_QOS: it finishes at once with this indication (D4)."};
  }
  if (r.delivery == "coalesced") {
    return {what,
            "No query is pending and the policy is coalesce: it replaces the queued one (R9, "
            "D12).",
            "Issue SIO_GET_QOS to read the latest state."};
  }
  if (r.delivery == "dropped") {
    return {what,
            "No query is pending and the policy is drop (or the socket is closed): it is "
            "lost (R9, D12).",
            "Keep a query pending at all times so no indication is missed."};
  }
  if (r.delivery == "suppressed") {
    return {what,
            "This profile has no RSVP signalling: no indication ever reaches the "
            "application (windows-xp, windows-2003, no-qos-provider).",
            "Do not wait forever for a completion: use a timeout."};
  }
  if (r.delivery == "unconfirmed") {
    return {what, "REQUEST_CONFIRMED reaches only a socket that asked for confirmation (R10).", ""};
  }
  return {what, "", ""};
}

// `request`: the request whose result the application learns, when the ledger knows it.
Explanation completion(const engine::CompletionRecord& r,
                       const std::optional<TracedRequest>& request) {
  const std::uint32_t error = r.error;
  const bool routine = r.source == engine::CompletionSource::routine;
  const std::string whose = request               ? name_of(*request)
                            : r.call == "set_qos" ? "the SIO_SET_QOS"
                                                  : "the request";
  const std::string how = routine ? "the completion routine of " + whose + " runs"
                                  : "GetOverlappedResult reads the result of " + whose;
  const std::string what =
      r.socket + ": " + how + ": " + error_name(error) + ", " + std::to_string(r.bytes) + " bytes" +
      (r.read.status_info ? ", " + status_name(r.read.status_info->status_code) : "") + ".";
  const std::string why = routine ? "Routines run only inside an alertable wait (R6, D14)."
                                  : "The request's event was signalled (R6).";
  // A set request has no output: its completion says only that the QOS was taken, not that a
  // reservation exists, so none of a query's reading or reissuing applies.
  if (r.call == "set_qos") {
    return {what, why + " An overlapped SIO_SET_QOS finishes at once and has no output (R10).",
            error == wsa::no_error
                ? "Keep an SIO_GET_QOS pending: FD_QOS reports whether the reservation is made."
                : ""};
  }
  switch (error) {
    case wsa::no_error:
      return {what, why, read_result};
    case wsa::enobufs:
      if (request && request->indication_taken_by) {
        const std::string taker =
            "the SIO_GET_QOS of item " + std::to_string(*request->indication_taken_by);
        return {what,
                why + " The buffer was too small: " + taker +
                    ", pending after it, took the indication (R5, D5).",
                "Read the indication in the completion of " + taker +
                    "; reissue only to keep a query pending."};
      }
      return {what, why + " The buffer was too small: the indication is still queued (R5, D5).",
              reissue};
    case wsa::operation_aborted:
      return {what, why + " The socket was closed while the request pended (R8).",
              "Do not reissue: the socket is gone."};
    case wsa::eopnotsupp:
      return {what, why + " There is no QoS provider (D18).", "Stop asking: run without QoS."};
    default:
      return {what, why, ""};
  }
}

Explanation wait(const engine::WaitRecord& r) {
  const bool alertable = r.alertable;
  const std::string timeout =
      r.timeout_ms == wsa::infinite ? "INFINITE" : std::to_string(r.timeout_ms) + " ms";
  const std::uint32_t result = r.result;
  const std::string what = "The application waits (" + r.call + ", " +
                           (alertable ? "alertable" : "not alertable") + ", " + timeout +
                           "): " + engine::wait_result_text(r.call, result) + ".";
  if (result == wsa::wait_io_completion) {
    return {what, "Completion routines ran inside the alertable wait (R6, D14).", ""};
  }
  if ((r.call == "sleep_ex" && result == 0) || result == wsa::wait_timeout) {
    return {what,
            alertable ? "Nothing completed before the timeout."
                      : "Nothing completed; a wait that is not alertable never runs completion "
                        "routines (R6).",
            alertable ? "" : "Wait with bAlertable TRUE."};
  }
  if (r.call == "wait_for_events" && result < wsa::maximum_wait_events) {
    return {what, "A signalled event wins over queued routines (D15).",
            "Handle the event: WSAEnumNetworkEvents or GetOverlappedResult."};
  }
  return {what, "", ""};
}

// `request`: the one it finishes; none when it finishes inside the call that issues it, which is
// told next, as item `next_item`.
Explanation finished(const engine::FinishedRecord& r, const std::optional<TracedRequest>& request,
                     std::size_t next_item) {
  const std::string ioctl = r.call == "set_qos" ? "SIO_SET_QOS" : "SIO_GET_QOS";
  const std::string which =
      request ? name_of(*request)
              : "the " + ioctl + " being issued (item " + std::to_string(next_item) + ")";
  const std::string issuing = request ? ""
                              : r.call == "set_qos"
                                  ? "An overlapped SIO_SET_QOS finishes at once (R10). "
                                  : "It finds an indication queued (D4). ";
  const std::string learns =
      !request ? "it learns in an alertable wait (R6) or from the OVERLAPPED's event."
      : request->routine
          ? "its completion routine runs in the next alertable wait (R6)."
          : "the request's event is signalled, and WSAGetOverlappedResult reads the result (R6).";
  const std::string why = issuing + "The application does not know yet: " + learns;
  return {r.socket + ": the provider finishes " + which + " with " + error_name(r.error) + ", " +
              std::to_string(r.bytes) + " bytes.",
          why, ""};
}

// Tells one record, knowing the requests it is about.
class Teller {
 public:
  Teller(const scenario::Scenario& scenario, std::vector<TracedRequest> finished_by,
         std::optional<TracedRequest> request, std::size_t next_item)
      : scenario_(scenario),
        finished_by_(std::move(finished_by)),
        request_(std::move(request)),
        next_item_(next_item) {}

  Explanation operator()(const engine::CallRecord& r) const { return call(r, scenario_); }
  Explanation operator()(const engine::CompletionRecord& r) const {
    return completion(r, request_);
  }
  Explanation operator()(const engine::FinishedRecord& r) const {
    return finished(r, request_, next_item_);
  }
  Explanation operator()(const engine::WaitRecord& r) const { return wait(r); }
  Explanation operator()(const engine::FdQosRecord& r) const {
    Explanation explanation = fd_qos(r, finished_by_);
    // In a network scenario the indication has an RSVP event behind it.
    if (scenario_.network) {
      const std::string basis = rfc_basis_of(r.status);
      if (!basis.empty()) explanation.why += (explanation.why.empty() ? "" : " ") + basis;
    }
    return explanation;
  }
  Explanation operator()(const engine::NetworkEventsRecord& r) const {
    return {r.socket + ": WSAEnumNetworkEvents reports FD_QOS.",
            "FD_QOS is edge-triggered: it is recorded again only after the next SIO_GET_QOS (R7).",
            "Drain with synchronous SIO_GET_QOS until WSAEWOULDBLOCK (R7, D8)."};
  }
  Explanation operator()(const engine::UpdateRecord& r) const {
    const std::string direction = r.direction == gqos::Direction::sending ? "sending" : "receiving";
    return {r.socket + ": the monitor reports an update of the " + direction + " direction, " +
                status_name(r.status) + ".",
            "", ""};
  }
  Explanation operator()(const engine::MonitorErrorRecord& r) const {
    return {r.socket + ": the monitor stops: " + r.what + ".", "", ""};
  }
  Explanation operator()(const engine::StalledRecord&) const {
    return {"The wait could never end: nothing scheduled would satisfy it.",
            "On Windows this wait would hang; the emulator ends it with WSA_WAIT_TIMEOUT (D16).",
            "Never wait forever for an RSVP event: use a timeout, or check the profile."};
  }
  Explanation operator()(const engine::RsvpRecord& r) const { return explain_rsvp(r); }

 private:
  const scenario::Scenario& scenario_;
  std::vector<TracedRequest> finished_by_;
  std::optional<TracedRequest> request_;
  std::size_t next_item_;
};

}  // namespace

Explanation Storyteller::explain(std::size_t index) {
  const TraceRecord& record = records_[index];
  // What the record finishes is known before it is followed; whom it concerns, after.
  std::vector<TracedRequest> finished_by;
  if (std::holds_alternative<engine::FdQosRecord>(record)) {
    finished_by = requests_.finished_by(index);
  }
  std::optional<TracedRequest> request = requests_.follow(index);
  Explanation explanation =
      std::visit(Teller(scenario_, std::move(finished_by), std::move(request), index + 2), record);
  // A message a host's RSVP SP sent for an application: the call behind it comes first.
  if (std::string because = calls_.because(index); !because.empty()) {
    explanation.why = because + " " + explanation.why;
  }
  if (std::string cited = decisions_.cited(index); !cited.empty()) {
    explanation.why += (explanation.why.empty() ? "" : " ") + cited;
  }
  return explanation;
}

}  // namespace qosbed::cli
