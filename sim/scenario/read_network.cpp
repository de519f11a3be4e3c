// `network:` (docs/scenario-language.md, Network scenarios): nodes, links, soft-state timing,
// sessions, senders and receivers, each referring to the others by name; then the `net:` verbs
// and the `expect: message` / `expect: state` kinds, which refer to the same names.
#include "scenario/read_network.hpp"

#include <algorithm>
#include <charconv>

#include "provider/ipv4.hpp"
#include "scenario/messages.hpp"
#include "scenario/read_qos.hpp"
#include "scenario/suggest.hpp"

namespace qosbed::scenario::detail {
namespace {

// Each in the order of the language's words for it (language::protocols(), ...).
constexpr std::uint8_t protocols[] = {17, 6};
constexpr std::uint32_t styles[] = {gqos::rsvp_style::wildcard, gqos::rsvp_style::fixed_filter,
                                    gqos::rsvp_style::shared_explicit};
constexpr bool presence[] = {true, false};

template <typename Named>
std::vector<std::string_view> names_of(const std::vector<Named>& items) {
  std::vector<std::string_view> names;
  for (const Named& item : items) names.push_back(item.name);
  return names;
}

// A name that must be one of `items`'; reported with a suggestion when it is not.
template <typename Named>
std::optional<std::size_t> name_ref(Context& context, const Value& value, std::string_view title,
                                    const std::vector<Named>& items) {
  auto name = text(context, value, std::string("a ") + std::string(title) + " name");
  if (!name) return std::nullopt;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (items[i].name == *name) return i;
  }
  const auto names = names_of(items);
  context.error(value.mark, msg::unknown(title, *name, closest(*name, names), names));
  return std::nullopt;
}

std::optional<std::uint32_t> ipv4(Context& context, const Value& value) {
  auto written = text(context, value, "a dotted IPv4 address such as 10.0.0.1");
  if (!written) return std::nullopt;
  auto address = provider::parse_ipv4(*written);
  if (!address) context.error(value.mark, msg::bad_ipv4(value.name, *written));
  return address;
}

std::optional<double> probability(Context& context, const Value& value) {
  auto written = text(context, value, "a probability from 0 to 1");
  if (!written) return std::nullopt;
  double loss = -1;
  const char* end = written->data() + written->size();
  auto [stop, ec] = std::from_chars(written->data(), end, loss);
  if (ec != std::errc{} || stop != end || !(loss >= 0.0 && loss <= 1.0)) {
    context.error(value.mark, msg::bad_probability(value.name, *written));
    return std::nullopt;
  }
  return loss;
}

std::optional<std::uint16_t> port(Context& context, const Value& value) {
  auto number = u32(context, value);
  if (!number) return std::nullopt;
  if (*number > 65535) {
    context.error(value.mark, msg::port_range(value.name, *number));
    return std::nullopt;
  }
  return static_cast<std::uint16_t>(*number);
}

// IPv4's smallest MTU (RFC 791) up to its largest datagram.
std::optional<std::uint32_t> link_mtu(Context& context, const Value& value) {
  auto number = u32(context, value);
  if (!number) return std::nullopt;
  if (*number < 68 || *number > 65535) {
    context.error(value.mark, msg::mtu_range(value.name, *number));
    return std::nullopt;
  }
  return number;
}

std::optional<gqos::FlowSpec> flowspec(Context& context, const Value& value) {
  auto fields = read_given_flowspec(context, value);
  if (!fields) return std::nullopt;
  return filled(*fields);
}

// A map of name to map, each checked and read by `read`.
template <typename Read>
void read_named(Context& context, const MapView& network, std::string_view key, Read read) {
  const Entry* entry = network.find(key);
  if (!entry) return;
  auto map = map_of(context, entry->value);
  if (!map) return;
  for (const Entry& item : map->entries()) {
    if (auto fields = map_of(context, item.value)) read(item, *fields);
  }
}

// The socket a sender or receiver's SP indicates to: declared, with a role that gets them.
std::string socket_of(Context& context, const MapView& map, std::span<const SocketSpec> sockets,
                      provider::Role role) {
  const Entry* entry = map.find("socket");
  if (!entry) return "";
  std::vector<std::string> ids;
  for (const SocketSpec& socket : sockets) ids.push_back(socket.id);
  auto id = socket_ref(context, entry->value, ids);
  if (!id) return "";
  const auto spec = std::find_if(sockets.begin(), sockets.end(),
                                 [&](const SocketSpec& socket) { return socket.id == *id; });
  if (spec->role != role && spec->role != provider::Role::both) {
    context.error(entry->value.mark,
                  msg::socket_role(*id, role == provider::Role::sender ? "sender" : "receiver"));
  }
  return *id;
}

// The socket an entry names, which drives it; null for a scripted entry.
const SocketSpec* driving(std::span<const SocketSpec> sockets, const std::string& id) {
  if (id.empty()) return nullptr;
  const auto it = std::find_if(sockets.begin(), sockets.end(),
                               [&](const SocketSpec& socket) { return socket.id == id; });
  return it == sockets.end() ? nullptr : &*it;
}

std::optional<std::size_t> host_ref(Context& context, const MapView& map,
                                    const NetworkSpec& network) {
  const Entry* entry = map.require("host");
  if (!entry) return std::nullopt;
  auto node = name_ref(context, entry->value, "node", network.nodes);
  if (node && network.nodes[*node].kind != NodeKind::host) {
    context.error(entry->value.mark, msg::not_a_host("host", network.nodes[*node].name));
    return std::nullopt;
  }
  return node;
}

void read_nodes(Context& context, const MapView& top, NetworkSpec& network) {
  read_named(context, top, "nodes", [&](const Entry& item, const MapView& map) {
    map.allow_only(language::node().keys);
    // In the order of NodeKind.
    const Entry* kinds[] = {map.find("host"), map.find("router"), map.find("non_rsvp_router")};
    const auto written = std::count_if(std::begin(kinds), std::end(kinds),
                                       [](const Entry* kind) { return kind != nullptr; });
    if (written != 1) {
      context.error(map.mark(), msg::node_needs_one_kind());
      return;
    }
    const auto kind = std::find_if(std::begin(kinds), std::end(kinds),
                                   [](const Entry* entry) { return entry != nullptr; });
    NetNode node;
    node.name = item.key;
    node.kind = static_cast<NodeKind>(kind - std::begin(kinds));
    node.address = ipv4(context, (*kind)->value).value_or(0);
    if (const Entry* user = map.find("user")) {
      if (node.kind != NodeKind::host) {
        context.error(user->key_mark, msg::user_on_router(node.name));
      } else {
        node.user = text(context, user->value, "a user name such as alice").value_or("");
      }
    }
    const auto taken = names_of(network.nodes);
    if (std::find(taken.begin(), taken.end(), node.name) != taken.end()) {
      context.error(item.key_mark, msg::duplicate_name("node", node.name));
    }
    network.nodes.push_back(std::move(node));
  });
}

void read_links(Context& context, const MapView& top, NetworkSpec& network) {
  const Entry* entry = top.require("links");
  if (!entry) return;
  auto items = list_of(context, entry->value, "a list of links");
  if (!items) return;
  for (Value& item : *items) {
    item.name = "link";
    auto map = map_of(context, item);
    if (!map) continue;
    map->allow_only(language::link().keys);
    NetLink link;
    const Entry* between = map->require("between");
    if (!between) continue;
    auto ends = list_of(context, between->value, "a list of two node names");
    if (!ends) continue;
    if (ends->size() != 2) {
      context.error(between->value.mark, msg::link_ends());
      continue;
    }
    auto a = name_ref(context, (*ends)[0], "node", network.nodes);
    auto b = name_ref(context, (*ends)[1], "node", network.nodes);
    if (!a || !b) continue;
    if (*a == *b) {
      context.error(between->value.mark, msg::self_link(network.nodes[*a].name));
      continue;
    }
    link.a = *a;
    link.b = *b;
    link.name = network.nodes[*a].name + "-" + network.nodes[*b].name;
    if (const Entry* name = map->find("name"))
      link.name = text(context, name->value, "a name").value_or(link.name);
    if (const Entry* bandwidth = map->require("bandwidth")) {
      link.bandwidth = u32(context, bandwidth->value).value_or(0);
    }
    if (const Entry* reservable = map->find("reservable")) {
      link.reservable = u32(context, reservable->value);
    }
    if (const Entry* delay = map->find("delay")) {
      link.delay_us = duration(context, delay->value).value_or(0);
    }
    if (const Entry* loss = map->find("loss")) {
      link.loss = probability(context, loss->value).value_or(0.0);
    }
    if (const Entry* up = map->find("up")) link.up = boolean(context, up->value).value_or(true);
    if (const Entry* mtu = map->find("mtu")) link.mtu = link_mtu(context, mtu->value);
    if (const Entry* c = map->find("c")) link.c = u32(context, c->value).value_or(0);
    if (const Entry* d = map->find("d")) link.d_us = duration(context, d->value).value_or(0);
    const auto taken = names_of(network.links);
    if (std::find(taken.begin(), taken.end(), link.name) != taken.end()) {
      context.error(map->mark(), msg::duplicate_name("link", link.name));
    }
    network.links.push_back(std::move(link));
  }
}

void read_sessions(Context& context, const MapView& top, NetworkSpec& network) {
  read_named(context, top, "sessions", [&](const Entry& item, const MapView& map) {
    map.allow_only(language::session().keys);
    NetSession session;
    session.name = item.key;
    if (const Entry* destination = map.require("destination")) {
      if (auto address = read_address(context, destination->value)) {
        session.destination = provider::parse_ipv4(address->host).value_or(0);
        session.port = address->port;
      }
    }
    if (const Entry* protocol = map.find("protocol")) {
      session.protocol =
          word(context, protocol->value, "protocol", language::protocols(), protocols).value_or(17);
    }
    network.sessions.push_back(std::move(session));
  });
}

// The keys every sender and receiver has: its name, host, session and driving socket. Returns
// whether the host was given, which the checks of a driven entry need.
template <typename Endpoint>
bool read_endpoint(Context& context, const Entry& item, const MapView& map,
                   const NetworkSpec& network, std::span<const SocketSpec> sockets,
                   provider::Role role, Endpoint& endpoint) {
  endpoint.name = item.key;
  const auto host = host_ref(context, map, network);
  endpoint.host = host.value_or(0);
  if (const Entry* session = map.require("session")) {
    endpoint.session = name_ref(context, session->value, "session", network.sessions).value_or(0);
  }
  endpoint.socket = socket_of(context, map, sockets, role);
  return host.has_value();
}

// Policy control runs where RSVP does: a node that does not run it has none.
void read_policies(Context& context, const MapView& top, NetworkSpec& network) {
  read_named(context, top, "policies", [&](const Entry& item, const MapView& map) {
    map.allow_only(language::policy().keys);
    const auto node = std::find_if(network.nodes.begin(), network.nodes.end(),
                                   [&](const NetNode& n) { return n.name == item.key; });
    if (node == network.nodes.end()) {
      const auto names = names_of(network.nodes);
      context.error(item.key_mark, msg::unknown("node", item.key, closest(item.key, names), names));
      return;
    }
    if (node->kind == NodeKind::non_rsvp_router) {
      context.error(item.key_mark, msg::policy_without_rsvp(item.key));
      return;
    }
    NetPolicy policy;
    policy.node = static_cast<std::size_t>(node - network.nodes.begin());
    if (const Entry* entry = map.find("max_rate")) policy.max_rate = u32(context, entry->value);
    if (const Entry* entry = map.find("max_sender_rate")) {
      policy.max_sender_rate = u32(context, entry->value);
    }
    if (const Entry* entry = map.find("users")) {
      if (auto items = list_of(context, entry->value, "a list of user names")) {
        for (const Value& name : *items) {
          if (auto user = text(context, name, "a user name such as alice")) {
            policy.users.push_back(std::move(*user));
          }
        }
        if (items->empty()) context.error(entry->value.mark, msg::policy_users_empty());
      }
    }
    if (!map.find("max_rate") && !map.find("max_sender_rate") && !map.find("users")) {
      context.error(map.mark(), msg::policy_needs_a_limit());
      return;
    }
    network.policies.push_back(policy);
  });
}

void read_senders(Context& context, const MapView& top, NetworkSpec& network,
                  std::span<const SocketSpec> sockets) {
  read_named(context, top, "senders", [&](const Entry& item, const MapView& map) {
    map.allow_only(language::sender().keys);
    NetSender sender;
    const bool has_host =
        read_endpoint(context, item, map, network, sockets, provider::Role::sender, sender);
    const SocketSpec* driver = driving(sockets, sender.socket);
    // Scripted, the entry is all there is of the sender; driven, its application says the rest.
    if (const Entry* entry = driver ? map.find("port") : map.require("port"))
      sender.port = port(context, entry->value).value_or(0);
    if (const Entry* tspec = driver ? map.find("tspec") : map.require("tspec")) {
      sender.tspec = flowspec(context, tspec->value).value_or(gqos::FlowSpec{});
    }
    if (const Entry* start = map.find("start")) {
      sender.start_us = duration(context, start->value).value_or(0);
    }
    if (driver) check_driven_sender(context, map, network, sender, *driver, has_host);
    network.senders.push_back(std::move(sender));
  });
}

// A step's FLOWSPEC that asks for no service (NOTRAFFIC, BESTEFFORT, NOCHANGE) ends or keeps
// its direction's QoS: nothing an entry writes can disagree with it.
void drop_no_service(std::optional<FlowSpecFields>& flowspec) {
  if (!flowspec || !flowspec->service_type) return;
  const std::uint32_t service = *flowspec->service_type & ~gqos::service_type::flags;
  if (service == gqos::service_type::no_traffic || service == gqos::service_type::best_effort ||
      service == gqos::service_type::no_change) {
    flowspec.reset();
  }
}

// The QOS a step passes of its own, and the call's name.
std::pair<const QosRequest*, std::string_view> own_qos(const Step& step) {
  const auto* app = std::get_if<AppAction>(&step.action);
  if (!app) return {nullptr, {}};
  if (const auto* connect = std::get_if<AppConnect>(app)) {
    return {connect->qos ? &*connect->qos : nullptr, "connect"};
  }
  if (const auto* set_qos = std::get_if<AppSetQos>(app)) {
    return {set_qos->qos ? &*set_qos->qos : nullptr, "set_qos"};
  }
  if (const auto* join = std::get_if<AppJoinLeaf>(app)) {
    return {join->qos ? &*join->qos : nullptr, "join_leaf"};
  }
  return {nullptr, {}};
}

void read_receivers(Context& context, const MapView& top, NetworkSpec& network,
                    std::span<const SocketSpec> sockets) {
  read_named(context, top, "receivers", [&](const Entry& item, const MapView& map) {
    map.allow_only(language::receiver().keys);
    NetReceiver receiver;
    const bool has_host =
        read_endpoint(context, item, map, network, sockets, provider::Role::receiver, receiver);
    const SocketSpec* driver = driving(sockets, receiver.socket);
    const Entry* style = map.find("style");
    if (style)
      receiver.style = word(context, style->value, "style", language::styles(), styles)
                           .value_or(gqos::rsvp_style::wildcard);
    if (const Entry* entry = driver ? map.find("flowspec") : map.require("flowspec")) {
      receiver.flowspec = flowspec(context, entry->value).value_or(gqos::FlowSpec{});
    }
    if (const Entry* confirm = map.find("confirm")) {
      receiver.confirm = boolean(context, confirm->value).value_or(false);
    }
    const Entry* senders = map.find("senders");
    if (senders) {
      if (auto items = list_of(context, senders->value, "a list of sender names")) {
        for (const Value& name : *items) {
          auto index = name_ref(context, name, "sender", network.senders);
          if (!index) continue;
          if (network.senders[*index].session != receiver.session) {
            context.error(
                name.mark,
                msg::sender_of_other_session(
                    network.senders[*index].name,
                    network.sessions.empty() ? "" : network.sessions[receiver.session].name));
          }
          receiver.senders.push_back(*index);
        }
      }
    }
    const bool wildcard = receiver.style == gqos::rsvp_style::wildcard;
    if (!driver && wildcard == (senders != nullptr)) {
      const auto named = std::find(std::begin(styles), std::end(styles), receiver.style);
      context.error(senders ? senders->key_mark : (style ? style->value.mark : map.mark()),
                    msg::senders_for_style(language::styles()[named - std::begin(styles)]));
    }
    if (const Entry* start = map.find("start")) {
      receiver.start_us = duration(context, start->value).value_or(0);
    }
    if (driver) {
      check_driven_receiver(context, map, network, receiver, *driver, has_host);
    }
    network.receivers.push_back(std::move(receiver));
  });
}

// ---- net: verbs ----------------------------------------------------------------------------

std::size_t link_of(Context& context, const MapView& step, const StepEnv& env) {
  const Entry* entry = step.require("link");
  if (!entry) return 0;
  return name_ref(context, entry->value, "link", env.network->links).value_or(0);
}

NetAction read_link_down(Context& context, const MapView& step, const StepEnv& env) {
  return NetLinkState{link_of(context, step, env), false};
}
NetAction read_link_up(Context& context, const MapView& step, const StepEnv& env) {
  return NetLinkState{link_of(context, step, env), true};
}
NetAction read_loss(Context& context, const MapView& step, const StepEnv& env) {
  NetLoss loss{link_of(context, step, env), 0.0};
  if (const Entry* entry = step.require("loss")) {
    loss.loss = probability(context, entry->value).value_or(0.0);
  }
  return loss;
}

std::size_t sender_of(Context& context, const MapView& step, const StepEnv& env) {
  const Entry* entry = step.require("sender");
  if (!entry) return 0;
  return name_ref(context, entry->value, "sender", env.network->senders).value_or(0);
}
std::size_t receiver_of(Context& context, const MapView& step, const StepEnv& env) {
  const Entry* entry = step.require("receiver");
  if (!entry) return 0;
  return name_ref(context, entry->value, "receiver", env.network->receivers).value_or(0);
}

// Only a scripted sender or receiver can be stopped by the network: a driven one stops when its
// application closes, shuts down or changes its QoS.
template <typename Endpoint>
void scripted_only(Context& context, const MapView& step, std::string_view key,
                   const Endpoint& endpoint) {
  if (endpoint.socket.empty()) return;
  context.error(step.find(key)->value.mark,
                msg::stopped_by_application(key, endpoint.name, endpoint.socket));
}

NetAction sender_stop(Context& context, const MapView& step, const StepEnv& env, bool tear_down) {
  const std::size_t sender = sender_of(context, step, env);
  if (sender < env.network->senders.size()) {
    scripted_only(context, step, "sender", env.network->senders[sender]);
  }
  return NetSenderStop{sender, tear_down};
}
NetAction receiver_stop(Context& context, const MapView& step, const StepEnv& env, bool tear_down) {
  const std::size_t receiver = receiver_of(context, step, env);
  if (receiver < env.network->receivers.size()) {
    scripted_only(context, step, "receiver", env.network->receivers[receiver]);
  }
  return NetReceiverStop{receiver, tear_down};
}

NetAction read_silence_sender(Context& context, const MapView& step, const StepEnv& env) {
  return sender_stop(context, step, env, false);
}
NetAction read_tear_down_sender(Context& context, const MapView& step, const StepEnv& env) {
  return sender_stop(context, step, env, true);
}
NetAction read_silence_receiver(Context& context, const MapView& step, const StepEnv& env) {
  return receiver_stop(context, step, env, false);
}
NetAction read_tear_down_receiver(Context& context, const MapView& step, const StepEnv& env) {
  return receiver_stop(context, step, env, true);
}

constexpr Verb<NetAction> verbs[] = {
    {"link_down", read_link_down},
    {"link_up", read_link_up},
    {"loss", read_loss},
    {"silence_sender", read_silence_sender},
    {"tear_down_sender", read_tear_down_sender},
    {"silence_receiver", read_silence_receiver},
    {"tear_down_receiver", read_tear_down_receiver},
};

template <typename T>
std::optional<Field<T>> marked(const std::optional<T>& value, const Entry& entry) {
  if (!value) return std::nullopt;
  return Field<T>{*value, entry.value.mark};
}

// A name resolved to the text the trace writes for it.
template <typename Named, typename Text>
std::optional<Field<std::string>> name_text(Context& context, const MapView& step,
                                            std::string_view key, std::string_view title,
                                            const std::vector<Named>& items, Text text_of) {
  const Entry* entry = step.find(key);
  if (!entry) return std::nullopt;
  auto index = name_ref(context, entry->value, title, items);
  if (!index) return std::nullopt;
  return Field<std::string>{text_of(items[*index]), entry->value.mark};
}

std::optional<Field<bool>> presence_field(Context& context, const MapView& step,
                                          std::string_view key) {
  const Entry* entry = step.find(key);
  if (!entry) return std::nullopt;
  return marked(word(context, entry->value, key, language::presences(), presence), *entry);
}

}  // namespace

NetworkSpec read_network(Context& context, const Value& value,
                         std::span<const SocketSpec> sockets) {
  NetworkSpec network;
  auto map = map_of(context, value);
  if (!map) return network;
  map->allow_only(language::network().keys);
  if (const Entry* refresh = map->find("refresh")) {
    network.refresh_us = duration(context, refresh->value);
  }
  if (const Entry* k = map->find("k")) {
    if (auto number = u32(context, k->value)) {
      if (*number < 1 || *number > 1000) context.error(k->value.mark, msg::k_at_least_one());
      network.k = static_cast<int>(std::clamp<std::uint32_t>(*number, 1, 1000));
    }
  }
  if (const Entry* seed = map->find("seed")) network.seed = u32(context, seed->value).value_or(1);
  if (const Entry* end = map->find("end")) network.end_us = duration(context, end->value);
  if (const Entry* decisions = map->find("decisions")) {
    network.decisions = read_network_decisions(context, decisions->value);
  }
  if (map->require("nodes")) read_nodes(context, *map, network);
  read_links(context, *map, network);
  read_sessions(context, *map, network);
  read_senders(context, *map, network, sockets);
  read_receivers(context, *map, network, sockets);
  read_policies(context, *map, network);
  return network;
}

std::span<const Verb<NetAction>> net_verbs() {
  return verbs;
}

Expectation read_expect_message(Context& context, const MapView& step, const StepEnv& env) {
  ExpectMessage expect;
  if (!env.network) {
    context.error(step.mark(), msg::needs_network("expect: message"));
    return expect;
  }
  const NetworkSpec& network = *env.network;
  if (const Entry* entry = step.find("message")) {
    const auto names = language::messages();
    if (auto index = choice_index(context, entry->value, "message", names)) {
      expect.message = Field<std::string>{std::string(names[*index]), entry->value.mark};
    }
  }
  if (const Entry* entry = step.find("action")) {
    const auto actions = language::actions();
    if (auto index = choice_index(context, entry->value, "action", actions)) {
      expect.action = Field<std::string>{std::string(actions[*index]), entry->value.mark};
    }
  }
  auto node_name = [](const NetNode& node) { return node.name; };
  expect.from = name_text(context, step, "from", "node", network.nodes, node_name);
  expect.to = name_text(context, step, "to", "node", network.nodes, node_name);
  expect.link = name_text(context, step, "link", "link", network.links,
                          [](const NetLink& link) { return link.name; });
  if (const Entry* entry = step.find("session")) {
    expect.session = marked(name_ref(context, entry->value, "session", network.sessions), *entry);
  }
  if (const Entry* entry = step.find("user")) {
    expect.user = marked(text(context, entry->value, "a user name such as alice"), *entry);
  }
  if (const Entry* entry = step.find("count"))
    expect.count = marked(u32(context, entry->value), *entry);
  if (const Entry* entry = step.find("within")) expect.within_us = duration(context, entry->value);
  return expect;
}

Expectation read_expect_state(Context& context, const MapView& step, const StepEnv& env) {
  ExpectState expect;
  if (!env.network) {
    context.error(step.mark(), msg::needs_network("expect: state"));
    return expect;
  }
  const NetworkSpec& network = *env.network;
  if (const Entry* entry = step.require("node")) {
    expect.node = name_ref(context, entry->value, "node", network.nodes).value_or(0);
  }
  if (const Entry* entry = step.find("session")) {
    expect.session = name_ref(context, entry->value, "session", network.sessions);
  }
  if (const Entry* entry = step.find("sender")) {
    expect.sender = name_ref(context, entry->value, "sender", network.senders);
    if (expect.sender) expect.session = network.senders[*expect.sender].session;
  }
  if (const Entry* entry = step.find("toward")) {
    expect.toward = name_ref(context, entry->value, "node", network.nodes);
  }
  expect.path_state = presence_field(context, step, "path_state");
  expect.resv_state = presence_field(context, step, "resv_state");
  expect.blockade = presence_field(context, step, "blockade");
  expect.reservation = presence_field(context, step, "reservation");
  if (const Entry* entry = step.find("reserved")) {
    if (auto bytes = u32(context, entry->value)) {
      expect.reserved = Field<std::uint64_t>{*bytes, entry->value.mark};
    }
  }
  if (const Entry* entry = step.find("adspec"))
    expect.adspec = read_adspec_fields(context, entry->value);
  if (const Entry* entry = step.find("delay_bound")) {
    expect.delay_bound_us = marked(duration(context, entry->value), *entry);
  }
  auto require = [&](std::string_view key, bool needed, std::string_view what, bool has) {
    const Entry* entry = step.find(key);
    if (entry && needed && !has) context.error(entry->key_mark, msg::state_needs(key, what));
  };
  const bool sessioned = step.find("session") || step.find("sender");
  require("path_state", true, "'session' or 'sender'", sessioned);
  require("resv_state", true, "'session'", step.find("session") != nullptr);
  require("blockade", true, "'session'", step.find("session") != nullptr);
  require("reservation", true, "'session' and 'toward'",
          step.find("session") != nullptr && step.find("toward") != nullptr);
  require("reserved", true, "'toward'", step.find("toward") != nullptr);
  require("adspec", true, "'session' or 'sender'", sessioned);
  require("delay_bound", true, "'session' or 'sender'", sessioned);
  if (!step.find("path_state") && !step.find("resv_state") && !step.find("blockade") &&
      !step.find("reservation") && !step.find("reserved") && !step.find("adspec") &&
      !step.find("delay_bound")) {
    context.error(step.mark(), msg::no_state_check());
  }
  return expect;
}

void check_driven_steps(Context& context, const Value& network, const Scenario& scenario) {
  if (context.failed()) return;
  auto top = map_of(context, network);
  if (!top) return;
  const auto each = [&](std::string_view key, auto check) {
    read_named(context, *top, key, [&](const Entry&, const MapView& map) {
      const Entry* named = map.find("socket");
      if (!named || !named->value.node.IsScalar()) return;
      const SocketSpec* socket = driving(scenario.sockets, named->value.node.Scalar());
      if (!socket) return;
      for (const Step& step : scenario.steps) {
        if (step.socket != socket->id) continue;
        const auto [qos, call] = own_qos(step);
        if (!qos) continue;
        QosRequest asking = *qos;
        drop_no_service(asking.sending);
        drop_no_service(asking.receiving);
        check(map, *socket, asking, "the " + std::string(call) + " of socket '" + socket->id + "'");
      }
    });
  };
  each("senders",
       [&](const MapView& map, const SocketSpec&, const QosRequest& qos, const std::string& who) {
         if (qos.sending) check_driven_sender_qos(context, map, qos, who);
       });
  // A QOS that asks nothing of the receiving direction and carries no RSVP_RESERVE_INFO keeps
  // its style and ConfirmRequest as they were (D35).
  each("receivers", [&](const MapView& map, const SocketSpec& socket, const QosRequest& qos,
                        const std::string& who) {
    if (qos.receiving || qos.style || qos.confirm) {
      check_driven_receiver_qos(context, map, socket, qos, who);
    }
  });
}

}  // namespace qosbed::scenario::detail
