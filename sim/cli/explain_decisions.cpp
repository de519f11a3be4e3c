#include "cli/explain_decisions.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include "gqos/constants.hpp"

namespace qosbed::cli {
namespace {

namespace service = gqos::service_type;

std::uint32_t service_of(const gqos::FlowSpec& flowspec) {
  return flowspec.service_type & ~service::flags;
}

// The calls after which a socket may be in a session it was not in before.
bool enters_sessions(const engine::CallRecord& call) {
  constexpr std::array<std::string_view, 5> calls = {"bind", "connect", "set_qos", "join_leaf",
                                                     "accept"};
  return call.result == 0 && std::find(calls.begin(), calls.end(), call.call) != calls.end();
}

// The statuses an RSVP error gives (PathErr to a sender, ResvErr to a receiver).
bool from_an_error(std::uint32_t status) {
  return status >= gqos::status::admission_failure && status <= gqos::status::generic_error;
}

std::optional<gqos::ReserveRequest> reserve_info_of(const engine::PassedQos& qos) {
  for (const engine::PassedObject& object : qos.objects) {
    if (object.reserve_info) return object.reserve_info;
  }
  return std::nullopt;
}

void add_sentence(std::string& text, std::string_view sentence) {
  if (!text.empty()) text += ' ';
  text += sentence;
}

// What `pick` finds in the last QOS `socket` passed, in a call that succeeded before `index`,
// that has it.
template <typename Pick>
auto last_passed(const std::vector<engine::TraceRecord>& records, const std::string& socket,
                 std::size_t index, Pick pick) -> decltype(pick(engine::PassedQos{})) {
  for (std::size_t i = index; i-- > 0;) {
    const auto* call = std::get_if<engine::CallRecord>(&records[i]);
    if (!call || call->socket != socket || call->result != 0 || !call->qos) continue;
    if (auto found = pick(*call->qos)) return found;
  }
  return std::nullopt;
}

}  // namespace

std::optional<gqos::FlowSpec> DecisionsAtWork::asked(const std::string& socket, std::size_t index,
                                                     bool sending) const {
  return last_passed(records_, socket, index,
                     [sending](const engine::PassedQos& qos) -> std::optional<gqos::FlowSpec> {
                       const std::optional<gqos::FlowSpec>& flowspec =
                           sending ? qos.sending : qos.receiving;
                       if (flowspec && service_of(*flowspec) != service::no_change) return flowspec;
                       return std::nullopt;
                     });
}

std::optional<gqos::ReserveRequest> DecisionsAtWork::reserve_info(const std::string& socket,
                                                                  std::size_t index) const {
  return last_passed(records_, socket, index, reserve_info_of);
}

std::string DecisionsAtWork::call(const engine::CallRecord& call, std::size_t index) const {
  const bool failed = call.result != 0;
  if (call.call == "SIO_CHK_QOS") {
    std::string text = "SIO_CHK_QOS takes a 4-byte selector and answers at once (D31).";
    if (!failed && scenario_.network) {
      text += " The answer comes from the network's state at this host (D30).";
    }
    return text;
  }
  if (failed || !scenario_.network) return {};
  std::string text;
  if (call.call == "connect" || call.call == "join_leaf") {
    const bool bound_before = std::any_of(
        records_.begin(), records_.begin() + index, [&](const engine::TraceRecord& record) {
          const auto* earlier = std::get_if<engine::CallRecord>(&record);
          return earlier && earlier->socket == call.socket && earlier->result == 0 &&
                 (earlier->call == "bind" || earlier->call == "connect" ||
                  earlier->call == "join_leaf");
        });
    if (!bound_before) {
      add_sentence(text,
                   "The socket was unbound, so it is bound to INADDR_ANY and the next ephemeral "
                   "port first, the port its SENDER_TEMPLATE carries (D32).");
    }
  }
  if (call.call == "join_leaf" && call.detail.find("sender_only") == std::string::npos) {
    add_sentence(text,
                 "Joined to receive, the host is a member of the group, and the socket's "
                 "receiving FLOWSPEC applies to every group it joined (D29).");
  }
  if (call.qos && call.qos->sending && call.qos->receiving && !reserve_info_of(*call.qos)) {
    const std::uint32_t sending = service_of(*call.qos->sending);
    const std::uint32_t receiving = service_of(*call.qos->receiving);
    if ((sending == service::no_traffic && receiving == service::no_change) ||
        (sending == service::no_change && receiving == service::no_traffic)) {
      add_sentence(text,
                   "NOTRAFFIC with NOCHANGE and no RSVP_RESERVE_INFO leaves the receiving "
                   "direction's ConfirmRequest as it was (D35).");
    }
  }
  return text;
}

bool DecisionsAtWork::told_on_entering(const engine::FdQosRecord& indication,
                                       std::size_t index) const {
  if (indication.status != gqos::status::senders && indication.status != gqos::status::receivers) {
    return false;
  }
  // The SP tells the socket once the call has returned, after what the call itself sent; a
  // message that reached a host gives the indication instead.
  for (std::size_t i = index; i-- > 0;) {
    const engine::TraceRecord& record = records_[i];
    if (engine::head_of(record).t_us != indication.t_us) return false;
    if (std::holds_alternative<engine::FdQosRecord>(record)) continue;
    if (const auto* m = std::get_if<engine::RsvpRecord>(&record)) {
      if (m->action == "sent") continue;
      return false;
    }
    const auto* call = std::get_if<engine::CallRecord>(&record);
    return call && call->socket == indication.socket && enters_sessions(*call);
  }
  return false;
}

std::string DecisionsAtWork::indication(const engine::FdQosRecord& indication,
                                        std::size_t index) const {
  if (!scenario_.network) return {};
  std::string text;
  if (told_on_entering(indication, index)) {
    add_sentence(text,
                 "The socket entered a session that already had this state, and is told it at once "
                 "(D25).");
  }
  const std::uint32_t status = indication.status;
  if (status == gqos::status::senders || status == gqos::status::no_senders) {
    const std::optional<gqos::FlowSpec> receiving = asked(indication.socket, index, false);
    if (receiving && (receiving->service_type & service::no_qos_signaling_flag) != 0) {
      add_sentence(text,
                   "With SERVICE_NO_QOS_SIGNALING the receiver still hears PATH, and sends no RESV "
                   "(D24).");
    }
  }
  if (status == gqos::status::no_senders) {
    add_sentence(text, "NO_SENDERS goes only to a socket told WSA_QOS_SENDERS since (D28).");
  } else if (status == gqos::status::no_receivers) {
    add_sentence(text, "NO_RECEIVERS goes only to a socket told WSA_QOS_RECEIVERS since (D28).");
  }
  if (status == gqos::status::bad_style) {
    add_sentence(
        text,
        "A socket whose style differs from the earliest socket's in the host's one request of "
        "the session is left out of it (D27).");
  }
  if (from_an_error(status) && (indication.sending || indication.receiving)) {
    add_sentence(text, "The FLOWSPEC that failed lies in this socket's direction (D20).");
  }
  return text;
}

std::string DecisionsAtWork::user_named(const engine::RsvpRecord& message) const {
  const auto& nodes = scenario_.network->nodes;
  const auto node = std::find_if(nodes.begin(), nodes.end(), [&](const scenario::NetNode& n) {
    return n.name == message.from;
  });
  if (node == nodes.end() || node->user.empty()) return {};
  return "Its host's user is " + node->user +
         ": the SP names them in an AUTH_USER policy element of its POLICY_DATA (D39).";
}

std::string DecisionsAtWork::message(const engine::RsvpRecord& message, std::size_t index) const {
  if (message.action != "sent" || !scenario_.network) return {};
  const bool path = message.message == "Path";
  if (!path && message.message != "Resv") return {};
  std::string text = user_named(message);
  const std::vector<std::string> sockets = calls_.sockets_of(message.from, message.session, path);
  if (sockets.empty()) return text;
  add_sentence(text, "Its entry names " + sockets.front() +
                         ": that socket's calls, not the entry's start and senders, decide what "
                         "it signals (D33).");
  if (path) {
    const std::optional<gqos::FlowSpec> sending = asked(sockets.front(), index, true);
    if (sending && sending->token_bucket_size == gqos::qos_not_specified) {
      text += " TokenBucketSize was not specified: b = M, the largest packet (D21).";
    }
    if (sending && sending->peak_bandwidth == gqos::qos_not_specified) {
      text += " PeakBandwidth was not specified: p = +infinity (D22).";
    }
    return text;
  }
  text +=
      " Its FLOWSPEC is the receiving FLOWSPEC with what it left unspecified taken from the "
      "sender's Tspec (D26).";
  for (const std::string& socket : sockets) {
    const std::optional<gqos::ReserveRequest> request = reserve_info(socket, index);
    if (request && request->num_flow_desc == 0 &&
        (request->style == gqos::rsvp_style::fixed_filter ||
         request->style == gqos::rsvp_style::shared_explicit)) {
      text += " " + socket +
              "'s RSVP_RESERVE_INFO names its style without flow descriptors: it reserves for "
              "every sender of the session (D27).";
      break;
    }
  }
  return text;
}

std::string DecisionsAtWork::cited(std::size_t index) const {
  const engine::TraceRecord& record = records_[index];
  if (const auto* call = std::get_if<engine::CallRecord>(&record)) return this->call(*call, index);
  if (const auto* fd_qos = std::get_if<engine::FdQosRecord>(&record)) {
    return indication(*fd_qos, index);
  }
  if (const auto* rsvp = std::get_if<engine::RsvpRecord>(&record)) return message(*rsvp, index);
  return {};
}

}  // namespace qosbed::cli
