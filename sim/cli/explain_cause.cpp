#include "cli/explain_cause.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <string_view>

#include "rsvp/session.hpp"

namespace qosbed::cli {
namespace {

// The calls that change what a socket asks of the RSVP SP (gqos::SocketQos).
bool changes_qos(const engine::CallRecord& call) {
  constexpr std::array<std::string_view, 6> calls = {"connect",  "set_qos", "close",
                                                     "shutdown", "accept",  "join_leaf"};
  return call.result == 0 && std::find(calls.begin(), calls.end(), call.call) != calls.end();
}

// The messages a host's RSVP SP repeats while its sockets keep their QoS.
bool sending_or_reserving(const std::string& message) {
  return message == "Path" || message == "Resv";
}

std::string item(std::size_t index) {
  return "item " + std::to_string(index + 1);
}

// Why the call's effect is that message, with the source that says so.
std::string_view consequence(const std::string& message) {
  if (message == "Path") {
    return "the RSVP SP sends PATH as soon as a socket knows its peer and has a sending FLOWSPEC "
           "that asks for service, and again at once when that FLOWSPEC changes "
           "(W32:sending-applications)";
  }
  if (message == "Resv") {
    return "the RSVP SP turns a receiving FLOWSPEC into a RESV as soon as matching path state "
           "exists, in the socket's default style or RSVP_RESERVE_INFO's "
           "(W32:default-rsvp-filter-style-settings)";
  }
  if (message == "PathTear" || message == "ResvTear") {
    return "QoS that ends (closesocket, shutdown, connect with no address, NOTRAFFIC or "
           "BESTEFFORT) is torn down at once, not left to time out "
           "(W32:closing-the-qos-connection) (D23)";
  }
  return {};
}

}  // namespace

std::vector<std::string> CallBehind::sockets_of(const std::string& host, const std::string& session,
                                                bool sending) const {
  std::vector<std::string> sockets;
  const scenario::NetworkSpec& network = *scenario_.network;
  const auto add = [&](const auto& entries) {
    for (const auto& entry : entries) {
      const scenario::NetSession& of = network.sessions[entry.session];
      if (entry.socket.empty() || network.nodes[entry.host].name != host) continue;
      if (rsvp::to_string(rsvp::Session{of.destination, of.port, of.protocol}) != session) {
        continue;
      }
      sockets.push_back(entry.socket);
    }
  };
  if (sending) {
    add(network.senders);
  } else {
    add(network.receivers);
  }
  return sockets;
}

std::string CallBehind::because(std::size_t index) const {
  const auto* message = std::get_if<engine::RsvpRecord>(&records_[index]);
  if (!scenario_.network || !message || message->action != "sent") return {};
  const std::string_view effect = consequence(message->message);
  if (effect.empty()) return {};
  const bool sending = message->message == "Path" || message->message == "PathTear";
  const std::vector<std::string> sockets = sockets_of(message->from, message->session, sending);
  if (sockets.empty()) return {};

  // Walking back: the first message that reached this host at this time, then the call.
  std::optional<std::size_t> arrival;
  for (std::size_t i = index; i-- > 0;) {
    const engine::TraceRecord& record = records_[i];
    if (const auto* m = std::get_if<engine::RsvpRecord>(&record)) {
      if (!arrival && message->message == "Resv" && m->message == "Path" &&
          m->action == "received" && m->to == message->from && m->t_us == message->t_us) {
        arrival = i;
      }
      continue;
    }
    const auto* call = std::get_if<engine::CallRecord>(&record);
    if (!call || !changes_qos(*call)) continue;
    if (std::find(sockets.begin(), sockets.end(), call->socket) == sockets.end()) continue;
    const std::string who = call->socket + "'s " + call->call + " (" + item(i) + ")";
    if (arrival) {
      return "The " + std::get<engine::RsvpRecord>(records_[*arrival]).message + " of " +
             item(*arrival) + " reached this host, where " + who +
             " asked for it: " + std::string(effect) + ".";
    }
    if (call->t_us == message->t_us) return "Because of " + who + ": " + std::string(effect) + ".";
    // A teardown later than the call has another cause: state that left or timed out.
    if (!sending_or_reserving(message->message)) return {};
    return "A refresh: the RSVP SP repeats it about every R for as long as " + call->socket +
           " keeps its QoS (last changed by its " + call->call + ", " + item(i) +
           "; RFC 2205 section 3.1.3).";
  }
  return {};
}

}  // namespace qosbed::cli
