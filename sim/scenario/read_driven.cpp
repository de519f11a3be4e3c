// A network sender or receiver that names a socket is driven by that socket's application: its
// session, port, Tspec, style, flowspec and confirmation come from the application's calls, and
// when it starts is the application's to decide. What the entry still writes must agree with what
// the socket's own declaration (`local:`, `remote:`, `qos:`) already fixes; a disagreement names
// both places.
#include <algorithm>

#include "provider/ipv4.hpp"
#include "scenario/flowspec_keys.hpp"
#include "scenario/messages.hpp"
#include "scenario/read_network.hpp"
#include "scenario/read_qos.hpp"

namespace qosbed::scenario::detail {
namespace {

std::string address_text(std::uint32_t address, std::uint16_t port) {
  return std::to_string(address >> 24) + "." + std::to_string((address >> 16) & 0xFF) + "." +
         std::to_string((address >> 8) & 0xFF) + "." + std::to_string(address & 0xFF) + ":" +
         std::to_string(port);
}

std::uint8_t protocol_number(provider::Protocol protocol) {
  return protocol == provider::Protocol::tcp ? 6 : 17;
}

// The entry's keys that its application decides, and so may not be written against it.
void refuse(Context& context, const MapView& map, std::string_view key, std::string_view kind,
            const SocketSpec& socket) {
  if (const Entry* entry = map.find(key)) {
    context.error(entry->key_mark, msg::decided_by_application(key, kind, socket.id));
  }
}

void check_host(Context& context, const MapView& map, const NetworkSpec& network, std::size_t host,
                const SocketSpec& socket) {
  if (!socket.local || network.nodes.empty()) return;
  // Bound to another node's address; INADDR_ANY and a group's address are on any host.
  const std::uint32_t bound = provider::parse_ipv4(socket.local->host).value_or(0);
  const bool elsewhere = std::any_of(network.nodes.begin(), network.nodes.end(),
                                     [&](const NetNode& node) { return node.address == bound; });
  if (!elsewhere || bound == network.nodes[host].address) return;
  if (const Entry* entry = map.find("host")) {
    context.error(entry->value.mark,
                  msg::driven_conflict("'host' " + network.nodes[host].name,
                                       "socket '" + socket.id + "', bound to " + socket.local->host,
                                       socket.mark));
  }
}

void check_protocol(Context& context, const MapView& map, const NetSession& session,
                    const SocketSpec& socket) {
  if (session.protocol == protocol_number(socket.protocol)) return;
  if (const Entry* entry = map.find("session")) {
    context.error(
        entry->value.mark,
        msg::driven_conflict("session '" + session.name + "'",
                             "socket '" + socket.id + "', a " +
                                 std::string(provider::name_of(socket.protocol)) + " socket",
                             socket.mark));
  }
}

// Each field written in both FLOWSPECs must be the same.
void check_flowspec(Context& context, const MapView& map, std::string_view key,
                    const std::optional<FlowSpecFields>& asked, std::string_view asked_as,
                    std::string_view who) {
  const Entry* entry = map.find(key);
  if (!entry || !asked) return;
  const auto written = read_given_flowspec(context, entry->value);
  if (!written) return;
  for (const FlowSpecKey& field : flowspec_keys) {
    const auto& mine = (*written).*field.written;
    const auto& theirs = (*asked).*field.written;
    if (!mine || !theirs || *mine == *theirs) continue;
    context.error(written->mark, msg::driven_conflict(
                                     "'" + std::string(key) + "' " + std::string(field.key) + " " +
                                         std::to_string(*mine),
                                     std::string(who) + ", whose " + std::string(asked_as) + " " +
                                         std::string(field.key) + " is " + std::to_string(*theirs),
                                     asked->mark));
    return;
  }
}

// RSVP_RESERVE_INFO.Style's values by the names `style:` takes in a network entry.
std::optional<std::uint32_t> style_named(std::string_view name) {
  if (name == "WF") return gqos::rsvp_style::wildcard;
  if (name == "FF") return gqos::rsvp_style::fixed_filter;
  if (name == "SE") return gqos::rsvp_style::shared_explicit;
  return std::nullopt;
}

std::string_view style_name(std::uint32_t style) {
  switch (style) {
    case gqos::rsvp_style::fixed_filter:
      return "FF";
    case gqos::rsvp_style::shared_explicit:
      return "SE";
    default:
      return "WF";
  }
}

}  // namespace

void check_driven_sender(Context& context, const MapView& map, const NetworkSpec& network,
                         NetSender& sender, const SocketSpec& socket, bool host_known) {
  refuse(context, map, "start", "sender", socket);
  if (host_known) check_host(context, map, network, sender.host, socket);
  const std::uint16_t bound = socket.local ? socket.local->port : 0;
  if (const Entry* entry = map.find("port")) {
    if (bound == 0) {
      context.error(entry->value.mark, msg::port_without_bind("sender", socket.id, socket.mark));
    } else if (bound != sender.port) {
      context.error(
          entry->value.mark,
          msg::driven_conflict("'port' " + std::to_string(sender.port),
                               "socket '" + socket.id + "', bound to port " + std::to_string(bound),
                               socket.mark));
    }
  } else {
    sender.port = bound;  // unknown (0) when the socket is bound implicitly
  }
  if (network.sessions.empty()) return;
  const NetSession& session = network.sessions[sender.session];
  check_protocol(context, map, session, socket);
  if (socket.remote) {
    const auto peer = provider::parse_ipv4(socket.remote->host).value_or(0);
    if ((peer != session.destination || socket.remote->port != session.port) &&
        map.find("session")) {
      context.error(map.find("session")->value.mark,
                    msg::driven_conflict("session '" + session.name + "' (" +
                                             address_text(session.destination, session.port) + ")",
                                         "socket '" + socket.id + "', connected to " +
                                             address_text(peer, socket.remote->port),
                                         socket.mark));
    }
  }
  if (socket.qos) check_driven_sender_qos(context, map, *socket.qos, "socket '" + socket.id + "'");
}

void check_driven_sender_qos(Context& context, const MapView& map, const QosRequest& qos,
                             std::string_view who) {
  check_flowspec(context, map, "tspec", qos.sending, "sending", who);
}

void check_driven_receiver(Context& context, const MapView& map, const NetworkSpec& network,
                           const NetReceiver& receiver, const SocketSpec& socket, bool host_known) {
  refuse(context, map, "start", "receiver", socket);
  refuse(context, map, "senders", "receiver", socket);
  if (host_known) check_host(context, map, network, receiver.host, socket);
  if (!network.sessions.empty()) {
    const NetSession& session = network.sessions[receiver.session];
    check_protocol(context, map, session, socket);
    const bool unicast =
        std::any_of(network.nodes.begin(), network.nodes.end(),
                    [&](const NetNode& n) { return n.address == session.destination; });
    if (socket.local && unicast && socket.local->port != session.port && map.find("session")) {
      context.error(map.find("session")->value.mark,
                    msg::driven_conflict("session '" + session.name + "' (" +
                                             address_text(session.destination, session.port) + ")",
                                         "socket '" + socket.id + "', bound to port " +
                                             std::to_string(socket.local->port),
                                         socket.mark));
    }
  }
  if (socket.qos) {
    check_driven_receiver_qos(context, map, socket, *socket.qos, "socket '" + socket.id + "'");
  }
}

void check_driven_receiver_qos(Context& context, const MapView& map, const SocketSpec& socket,
                               const QosRequest& qos, std::string_view who) {
  if (const Entry* entry = map.find("style")) {
    // The socket's style: RSVP_RESERVE_INFO's, else its type's default
    // (W32:default-rsvp-filter-style-settings).
    const bool ff_default = socket.protocol == provider::Protocol::tcp || socket.remote;
    const std::uint32_t asked =
        qos.style && *qos.style != gqos::rsvp_style::default_style
            ? *qos.style
            : (ff_default ? gqos::rsvp_style::fixed_filter : gqos::rsvp_style::wildcard);
    const auto written =
        entry->value.node.IsScalar() ? style_named(entry->value.node.Scalar()) : std::nullopt;
    if (written && *written != asked) {
      context.error(entry->value.mark,
                    msg::driven_conflict("'style' " + entry->value.node.Scalar(),
                                         std::string(who) + ", whose reservation is " +
                                             std::string(style_name(asked)),
                                         qos.mark));
    }
  }
  if (const Entry* entry = map.find("confirm")) {
    if (entry->value.node.IsScalar() && (entry->value.node.Scalar() == "true") != qos.confirm) {
      context.error(entry->value.mark,
                    msg::driven_conflict("'confirm' " + entry->value.node.Scalar(),
                                         std::string(who) + ", whose ConfirmRequest is " +
                                             (qos.confirm ? "true" : "false"),
                                         qos.mark));
    }
  }
  check_flowspec(context, map, "flowspec", qos.receiving, "receiving", who);
}

}  // namespace qosbed::scenario::detail
