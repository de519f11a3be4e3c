// The tables of language.hpp. Keys are in the order docs/scenario-language.md gives them, which
// is the order messages list them in.
#include "scenario/language.hpp"

#include <algorithm>
#include <array>
#include <iterator>
#include <stdexcept>
#include <string>
#include <utility>

#include "scenario/flowspec_keys.hpp"

namespace qosbed::scenario::language {
namespace {

using V = Value;
using Words = std::span<const std::string_view>;

constexpr std::string_view role_words[] = {"sender", "receiver", "both"};
constexpr std::string_view protocol_words[] = {"udp", "tcp"};
constexpr std::string_view profile_words[] = {"windows-2000", "windows-xp", "windows-2003",
                                              "no-qos-provider"};
constexpr std::string_view pending_words[] = {"queue", "coalesce", "drop"};
constexpr std::string_view mode_words[] = {"overlapped", "sync"};
constexpr std::string_view notify_words[] = {"routine", "event"};
constexpr std::string_view event_words[] = {"fd_qos", "fd_group_qos"};
constexpr std::string_view direction_words[] = {"sending", "receiving"};
constexpr std::string_view call_words[] = {"bind", "connect", "set_qos", "get_qos", "close"};
constexpr std::string_view style_words[] = {"WF", "FF", "SE"};
constexpr std::string_view presence_words[] = {"present", "absent"};
constexpr std::string_view message_words[] = {"Path",    "Resv",    "PathTear", "ResvTear",
                                              "PathErr", "ResvErr", "ResvConf"};
constexpr std::string_view action_words[] = {"sent", "received", "lost", "dropped"};
constexpr std::string_view no_address_words[] = {"none"};
constexpr std::string_view how_words[] = {"receive", "send", "both"};
// As provider::join_flag_names spells WSAJoinLeaf's JL_* flags.
constexpr std::string_view join_words[] = {"sender_only", "receiver_only", "both"};

constexpr Key word(std::string_view name, Words words, bool required = false,
                   std::string_view description = {}) {
  return Key(name, V::word, required, words, nullptr, description);
}
constexpr Key nested(std::string_view name, Value value, const Map& map, bool required = false) {
  return Key(name, value, required, {}, &map);
}

// ---- the FLOWSPEC, the QOS request, a socket ---------------------------------------------------

// The FLOWSPEC's keys (scenario/flowspec_keys.hpp): its ServiceType a name, the rest fields; a
// FLOWSPEC that is passed or delivered needs its ServiceType.
template <std::size_t... I>
constexpr std::array<Key, sizeof...(I)> flowspec_keys_of(bool given, std::index_sequence<I...>) {
  const auto key = [given](const FlowSpecKey& field) {
    const bool service = field.key == "service_type";
    return Key(field.key, service ? V::name : V::field, given && service);
  };
  return {key(flowspec_keys[I])...};
}
constexpr auto every_flowspec_field = std::make_index_sequence<std::size(flowspec_keys)>{};
constexpr auto written_flowspec_keys = flowspec_keys_of(false, every_flowspec_field);
constexpr auto given_flowspec_keys = flowspec_keys_of(true, every_flowspec_field);
constexpr Map flowspec_map{"flowspec", written_flowspec_keys};
constexpr Map given_flowspec_map{
    "given_flowspec", given_flowspec_keys,
    "a FLOWSPEC that is passed or delivered: it names its service_type"};

// ---- ProviderSpecific objects ------------------------------------------------------------------

constexpr Key guaranteed_keys[] = {
    {"c_total", V::field}, {"d_total", V::field}, {"c_sum", V::field}, {"d_sum", V::field}};
constexpr Map guaranteed_map{"guaranteed", guaranteed_keys};
constexpr Key adspec_keys[] = {
    {"hop_count", V::field},       {"path_bandwidth", V::field},
    {"minimum_latency", V::field}, {"path_mtu", V::field},
    {"break_bit", V::boolean},     nested("guaranteed", V::map, guaranteed_map),
};
constexpr Map adspec_map{"adspec", adspec_keys};
constexpr Key raw_keys[] = {{"type", V::name, true}, {"length", V::number}, {"hex", V::hex}};
constexpr Map raw_map{"raw", raw_keys};
constexpr Key object_keys[] = {
    nested("adspec", V::map, adspec_map),
    {"sd_mode", V::name},
    {"shaping_rate", V::number},
    nested("raw", V::map, raw_map),
};
constexpr Map object_map{"object", object_keys,
                         "a ProviderSpecific object: one kind, or end_of_list",
                         std::size(object_keys)};

constexpr Key qos_keys[] = {
    nested("sending", V::map, given_flowspec_map),
    nested("receiving", V::map, given_flowspec_map),
    {"style", V::name},
    {"confirm", V::boolean},
    nested("objects", V::objects, object_map),
};
constexpr Map qos_map{"qos", qos_keys};

constexpr Key socket_keys[] = {
    word("role", role_words, true), word("protocol", protocol_words), {"local", V::address},
    {"remote", V::address},         nested("qos", V::map, qos_map),
};
constexpr Map socket_map{"socket", socket_keys};

// ---- network: -----------------------------------------------------------------------------------

constexpr Key node_keys[] = {
    {"host", V::ipv4},
    {"router", V::ipv4},
    {"non_rsvp_router",
     V::ipv4,
     false,
     {},
     nullptr,
     "a router that does not run RSVP: it forwards RSVP messages untouched"},
    {"user",
     V::text,
     false,
     {},
     nullptr,
     "a host's user: an AUTH_USER policy element in every PATH and RESV it sends (D39)"},
};
constexpr Map node_map{
    "node", node_keys,
    "a host (which may name its user), a router or a router that does not run RSVP, with its "
    "IPv4 address",
    3};  // host, router or non_rsvp_router
constexpr Key link_keys[] = {
    {"between", V::pair_of_texts, true},
    {"name", V::text},
    {"bandwidth", V::number, true, {}, nullptr, "bytes/s each way"},
    {"reservable",
     V::number,
     false,
     {},
     nullptr,
     "bytes/s admission may hand out; default the bandwidth"},
    {"delay", V::duration},
    {"loss", V::probability},
    {"up", V::boolean},
    {"mtu", V::number, false, {}, nullptr, "bytes, 68 to 65535; default 1500"},
    {"c", V::number, false, {}, nullptr, "Guaranteed service's C error term, bytes (RFC 2212)"},
    {"d", V::duration, false, {}, nullptr, "Guaranteed service's D error term (RFC 2212)"},
};
constexpr Map link_map{"link", link_keys};
constexpr Key session_keys[] = {{"destination", V::address, true},
                                word("protocol", protocol_words)};
constexpr Map session_map{"session", session_keys};
// With `socket:` the application drives the entry: port and tspec come from its calls (written,
// they must agree), and start is its own; without, the entry is all of the sender.
constexpr Key sender_keys[] = {
    {"host", V::text, true},
    {"session", V::text, true},
    {"port", V::port, false, {}, nullptr, "required without 'socket'"},
    nested("tspec", V::map, given_flowspec_map),
    {"start", V::duration, false, {}, nullptr, "only without 'socket'"},
    {"socket", V::socket_id, false, {}, nullptr, "the application that drives it"},
};
constexpr Map sender_map{"sender", sender_keys};
constexpr Key receiver_keys[] = {
    {"host", V::text, true},
    {"session", V::text, true},
    word("style", style_words),
    nested("flowspec", V::map, given_flowspec_map),
    {"confirm", V::boolean},
    {"senders", V::texts, false, {}, nullptr, "only without 'socket'"},
    {"start", V::duration, false, {}, nullptr, "only without 'socket'"},
    {"socket", V::socket_id, false, {}, nullptr, "the application that drives it"},
};
constexpr Map receiver_map{"receiver", receiver_keys};
constexpr Key network_decision_keys[] = {
    {"bucket_size", V::number, false, {}, nullptr, "D21, default the Tspec's M"},
    {"peak_rate", V::number, false, {}, nullptr, "D22, default infinity"},
    {"explicit_teardown", V::boolean, false, {}, nullptr, "D23, default true"},
    {"unsignalled_receiver_hears_path", V::boolean, false, {}, nullptr, "D24, default true"},
    {"told_on_join", V::boolean, false, {}, nullptr, "D25, default true"},
    {"best_effort_limit", V::number, false, {}, nullptr, "D30, default none"},
};
constexpr Map network_decisions_map{
    "network_decisions", network_decision_keys,
    "how the hosts' RSVP SPs choose where the documentation is silent (docs/behaviour.md)"};
constexpr Key policy_keys[] = {
    {"max_rate",
     V::number,
     false,
     {},
     nullptr,
     "bytes/s: a request above it is refused with ResvErr policy control failure"},
    {"max_sender_rate",
     V::number,
     false,
     {},
     nullptr,
     "bytes/s: a sender whose Tspec asks more is refused with PathErr policy control failure"},
    {"users",
     V::texts,
     false,
     {},
     nullptr,
     "the identities admitted: a PATH or RESV whose POLICY_DATA names none is refused"},
};
constexpr Map policy_map{"policy", policy_keys, "a node's policy control"};
constexpr Key network_keys[] = {
    {"refresh", V::duration, false, {}, nullptr, "R, default 30s"},
    {"k", V::round_count, false, {}, nullptr, "K, default 3"},
    {"seed", V::number, false, {}, nullptr, "the generator's seed, default 1"},
    {"end",
     V::duration,
     false,
     {},
     nullptr,
     "when the network stops; default the last step's time"},
    nested("decisions", V::map, network_decisions_map),
    nested("nodes", V::named_maps, node_map, true),
    nested("links", V::maps, link_map, true),
    nested("sessions", V::named_maps, session_map),
    nested("senders", V::named_maps, sender_map),
    nested("receivers", V::named_maps, receiver_map),
    nested("policies", V::named_maps, policy_map),
};
constexpr Map network_map{
    "network", network_keys,
    "an RSVP network whose hosts' SPs give the indications (docs/scenario-language.md, Network "
    "scenarios)"};

// ---- the top level -----------------------------------------------------------------------------

constexpr Key decision_keys[] = {
    {"sender_not_connected", V::name, false, {}, nullptr, "R3 D2, default WSAENOTCONN"},
    {"receiver_not_bound", V::name, false, {}, nullptr, "R3 D2, default WSAEINVAL"},
    {"short_buffer", V::name, false, {}, nullptr, "R5 D7, default WSAEFAULT"},
    {"enobufs_keeps_indication", V::boolean, false, {}, nullptr, "R5 D5, default true"},
    {"nothing_queued", V::name, false, {}, nullptr, "R7 D8, default WSAEWOULDBLOCK"},
    {"unused_flowspec_fields", V::field, false, {}, nullptr, "R2 D9, default not_specified"},
    {"invalid_flowspec", V::name, false, {}, nullptr, "R10 D17 D34, default WSAEINVAL"},
    {"no_qos_provider_query",
     V::name,
     false,
     {},
     nullptr,
     "SIO_GET_QOS without QoS, default WSAENOPROTOOPT"},
};
constexpr Map decisions_map{
    "decisions", decision_keys,
    "choose otherwise where Windows' behaviour is undocumented (docs/behaviour.md)"};

constexpr Key top_keys[] = {
    {"scenario",
     V::slug,
     true,
     {},
     nullptr,
     "the scenario's name: lowercase letters, digits, single -"},
    {"description", V::text},
    word("profile", profile_words),
    word("pending", pending_words, false, "indications with no query pending (R9, D12)"),
    nested("decisions", V::map, decisions_map),
    {"admission_limit",
     V::number,
     false,
     {},
     nullptr,
     "a requested TokenRate above it fails with WSAEOPNOTSUPP (D17)"},
    nested("sockets", V::named_maps, socket_map, true),
    nested("network", V::map, network_map),
    {"steps", V::steps, true},
};
constexpr Map top_map{"scenario", top_keys};

// ---- app: --------------------------------------------------------------------------------------

constexpr Key connect_keys[] = {
    nested("qos", V::map, qos_map),
    word("remote", no_address_words, false, "none: WSAConnect with no address, a disconnect"),
};
constexpr Key set_qos_keys[] = {
    nested("qos", V::map, qos_map),
    word("mode", mode_words),
    {"destination", V::address, false, {}, nullptr, "a QOS_DESTADDR object"},
};
constexpr Key shutdown_keys[] = {word("how", how_words, true)};
constexpr Key join_leaf_keys[] = {
    {"group", V::address, true, {}, nullptr, "the multicast group: WSAJoinLeaf's name"},
    word("flags", join_words, true, "JL_SENDER_ONLY, JL_RECEIVER_ONLY or JL_BOTH"),
    nested("qos", V::map, qos_map),
};
constexpr Key accept_keys[] = {nested("qos", V::map, qos_map)};
constexpr Key check_qos_keys[] = {
    {"selector", V::name, true, {}, nullptr, "ALLOWED_TO_SEND_DATA, LINE_RATE, ..."}};
constexpr Key get_qos_keys[] = {
    word("mode", mode_words), word("notify", notify_words), {"buffer", V::buffer}};
constexpr Key wait_keys[] = {
    {"alertable", V::boolean}, {"timeout", V::timeout}, {"events", V::socket_ids}};
constexpr Key get_overlapped_result_keys[] = {{"wait", V::boolean}};
constexpr Key event_select_keys[] = {{"events", V::words, true, event_words}};
constexpr Key monitor_keys[] = {{"initial_buffer", V::bytes, true}};

constexpr Verb app_verbs[] = {
    {"bind", SocketUse::required, {}},
    {"connect", SocketUse::required, connect_keys},
    {"set_qos", SocketUse::required, set_qos_keys},
    {"get_qos", SocketUse::required, get_qos_keys},
    {"wait", SocketUse::none, wait_keys},
    {"get_overlapped_result", SocketUse::required, get_overlapped_result_keys},
    {"event_select", SocketUse::required, event_select_keys},
    {"enum_network_events", SocketUse::required, {}},
    {"close", SocketUse::required, {}},
    {"monitor", SocketUse::required, monitor_keys},
    {"shutdown", SocketUse::required, shutdown_keys},
    {"check_qos", SocketUse::required, check_qos_keys},
    {"join_leaf", SocketUse::required, join_leaf_keys},
    {"listen", SocketUse::required, {}},
    {"accept", SocketUse::required, accept_keys},
};

// ---- sp: ---------------------------------------------------------------------------------------

constexpr Key fd_qos_keys[] = {
    {"status", V::name, true},
    nested("sending", V::map, given_flowspec_map),
    nested("receiving", V::map, given_flowspec_map),
    {"extended_status", V::extended_status},
    nested("objects", V::objects, object_map),
};
constexpr std::string_view one_direction[] = {"sending", "receiving"};
constexpr Key fail_keys[] = {
    word("call", call_words), {"pending", V::always}, {"error", V::name, true}};
constexpr std::string_view call_or_pending[] = {"call", "pending"};

constexpr Verb sp_verbs[] = {
    {"fd_qos", SocketUse::required, fd_qos_keys, one_direction, false},
    {"fail", SocketUse::required, fail_keys, call_or_pending, true},
};

// ---- net: --------------------------------------------------------------------------------------

constexpr Key link_key[] = {{"link", V::text, true}};
constexpr Key loss_keys[] = {{"link", V::text, true}, {"loss", V::probability, true}};
constexpr Key sender_key[] = {{"sender", V::text, true}};
constexpr Key receiver_key[] = {{"receiver", V::text, true}};

constexpr Verb net_verbs[] = {
    {"link_down", SocketUse::none, link_key},
    {"link_up", SocketUse::none, link_key},
    {"loss", SocketUse::none, loss_keys},
    {"silence_sender", SocketUse::none, sender_key},
    {"tear_down_sender", SocketUse::none, sender_key},
    {"silence_receiver", SocketUse::none, receiver_key},
    {"tear_down_receiver", SocketUse::none, receiver_key},
};

// ---- expect: -----------------------------------------------------------------------------------

// A call's result and value, then what a query returned: a completion has the same keys but the
// first two.
constexpr Key call_keys[] = {
    {"result", V::integer},
    {"value", V::name, false, {}, nullptr, "the DWORD a check_qos returned"},
    {"error", V::name},
    {"bytes", V::number},
    {"required", V::number},
    {"status", V::name},
    nested("sending", V::map, flowspec_map),
    nested("receiving", V::map, flowspec_map),
    {"extended_status", V::extended_status},
    Key("adspec", V::map, false, {}, &adspec_map,
        "the RSVP_ADSPEC in ProviderSpecific; only the keys written are compared"),
};
constexpr Key expect_wait_keys[] = {{"result", V::name}};
constexpr Key update_keys[] = {
    word("direction", direction_words),
    {"status", V::name},
    {"extended_status", V::extended_status},
    nested("flowspec", V::map, flowspec_map),
    {"error", V::name},
};
constexpr Key network_events_keys[] = {{"events", V::words, false, event_words},
                                       {"status", V::name}};
constexpr Key nothing_keys[] = {{"until", V::duration, true}};
constexpr Key message_keys[] = {
    word("message", message_words),
    word("action", action_words),
    {"from", V::text},
    {"to", V::text},
    {"link", V::text},
    {"session", V::text},
    {"user", V::text},
    {"count", V::number},
    {"within", V::duration},
};
constexpr Key state_keys[] = {
    {"node", V::text, true},
    {"session", V::text},
    {"sender", V::text},
    {"toward", V::text},
    word("path_state", presence_words),
    word("resv_state", presence_words),
    word("blockade", presence_words),
    word("reservation", presence_words),
    {"reserved", V::number},
    Key("adspec", V::map, false, {}, &adspec_map,
        "the ADSPEC the sender's PATH brought to the node; only the keys written are compared"),
    {"delay_bound",
     V::duration,
     false,
     {},
     nullptr,
     "RFC 2212's end-to-end delay bound of the node's own Guaranteed request for the sender"},
};

constexpr Verb expect_kinds[] = {
    {"call", SocketUse::optional, call_keys},
    {"completion", SocketUse::required, std::span(call_keys).subspan(2)},
    {"wait", SocketUse::none, expect_wait_keys},
    {"update", SocketUse::required, update_keys},
    {"network_events", SocketUse::required, network_events_keys},
    {"nothing", SocketUse::optional, nothing_keys},
    {"message", SocketUse::none, message_keys},
    {"state", SocketUse::none, state_keys},
};

constexpr StepKind kinds[] = {
    {"app", "app verb", app_verbs},
    {"sp", "sp verb", sp_verbs},
    {"net", "net verb", net_verbs},
    {"expect", "expect kind", expect_kinds},
};

}  // namespace

const Map& top() {
  return top_map;
}
const Map& decisions() {
  return decisions_map;
}
const Map& socket() {
  return socket_map;
}
const Map& qos() {
  return qos_map;
}
const Map& flowspec() {
  return flowspec_map;
}
const Map& given_flowspec() {
  return given_flowspec_map;
}
const Map& object_kinds() {
  return object_map;
}
const Map& adspec() {
  return adspec_map;
}
const Map& guaranteed() {
  return guaranteed_map;
}
const Map& raw() {
  return raw_map;
}
const Map& network() {
  return network_map;
}
const Map& network_decisions() {
  return network_decisions_map;
}
const Map& node() {
  return node_map;
}
const Map& link() {
  return link_map;
}
const Map& session() {
  return session_map;
}
const Map& sender() {
  return sender_map;
}
const Map& receiver() {
  return receiver_map;
}
const Map& policy() {
  return policy_map;
}

std::span<const StepKind> step_kinds() {
  return kinds;
}

const StepKind& step_kind(std::string_view key) {
  for (const StepKind& kind : kinds) {
    if (kind.key == key) return kind;
  }
  throw std::invalid_argument("no step kind '" + std::string(key) + "'");
}

std::span<const std::string_view> roles() {
  return role_words;
}
std::span<const std::string_view> protocols() {
  return protocol_words;
}
std::span<const std::string_view> profiles() {
  return profile_words;
}
std::span<const std::string_view> pending_policies() {
  return pending_words;
}
std::span<const std::string_view> modes() {
  return mode_words;
}
std::span<const std::string_view> notifications() {
  return notify_words;
}
std::span<const std::string_view> network_events() {
  return event_words;
}
std::span<const std::string_view> directions() {
  return direction_words;
}
std::span<const std::string_view> failing_calls() {
  return call_words;
}
std::span<const std::string_view> styles() {
  return style_words;
}
std::span<const std::string_view> presences() {
  return presence_words;
}
std::span<const std::string_view> messages() {
  return message_words;
}
std::span<const std::string_view> actions() {
  return action_words;
}
std::span<const std::string_view> no_address() {
  return no_address_words;
}
std::span<const std::string_view> shutdown_hows() {
  return how_words;
}
std::span<const std::string_view> join_flags() {
  return join_words;
}

bool has_key(std::span<const Key> keys, std::string_view name) {
  return std::any_of(keys.begin(), keys.end(), [name](const Key& key) { return key.name == name; });
}

}  // namespace qosbed::scenario::language
