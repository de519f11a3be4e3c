// A scenario as pure data: what the loader builds from YAML and the runner plays. Every step and
// every field an expectation compares keeps the place it was written (a Mark), so a failure can
// point at it. Times are already resolved to absolute virtual microseconds; names are already
// resolved to numbers. Nothing here has behaviour.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "gqos/codec.hpp"
#include "gqos/indication.hpp"
#include "gqos/layout.hpp"
#include "provider/call.hpp"
#include "provider/provider.hpp"
#include "scenario/network.hpp"
#include "scenario/sp_options.hpp"

namespace qosbed::scenario {

// A place in a scenario file; line and column are 1-based, as editors count.
struct Mark {
  std::string file;
  int line = 0;
  int column = 0;
};

// A FLOWSPEC as written: only the fields named are set. An `sp: fd_qos` fills the rest with
// QOS_NOT_SPECIFIED; an expectation compares only the fields set.
struct FlowSpecFields {
  std::optional<std::uint32_t> token_rate;
  std::optional<std::uint32_t> token_bucket_size;
  std::optional<std::uint32_t> peak_bandwidth;
  std::optional<std::uint32_t> latency;
  std::optional<std::uint32_t> delay_variation;
  std::optional<std::uint32_t> service_type;
  std::optional<std::uint32_t> max_sdu_size;
  std::optional<std::uint32_t> minimum_policed_size;
  Mark mark;
};

// An ADSPEC as written (`adspec:` maps): only the fields named are set; marked at the map. An
// `sp: fd_qos` object fills the rest with QOS_NOT_SPECIFIED; `expect: state` compares them.
struct AdspecFields {
  std::optional<std::uint32_t> hop_count;
  std::optional<std::uint32_t> path_bandwidth;
  std::optional<std::uint32_t> minimum_latency;
  std::optional<std::uint32_t> path_mtu;
  std::optional<bool> break_bit;
  bool guaranteed = false;  // a `guaranteed:` map was written
  std::optional<std::uint32_t> c_total;
  std::optional<std::uint32_t> d_total;
  std::optional<std::uint32_t> c_sum;
  std::optional<std::uint32_t> d_sum;
  Mark mark;
};

// What an application requests (socket `qos:`, `set_qos`, `connect`).
struct QosRequest {
  std::optional<FlowSpecFields> sending;
  std::optional<FlowSpecFields> receiving;
  std::optional<std::uint32_t>
      style;             // RSVP_RESERVE_INFO.Style; with `confirm`, the object is sent
  bool confirm = false;  // RSVP_RESERVE_INFO.ConfirmRequest
  // `objects:`: further ProviderSpecific objects, after that RSVP_RESERVE_INFO, as written (a
  // `raw:` one passes any object, malformed ones included).
  std::vector<gqos::ProviderObject> objects;
  Mark mark;
};

struct SocketSpec {
  std::string id;
  provider::Role role = provider::Role::receiver;
  provider::Protocol protocol = provider::Protocol::udp;
  std::optional<provider::Address> local;
  std::optional<provider::Address> remote;
  std::optional<QosRequest> qos;
  Mark mark;
};

// ---- app: what the application does -------------------------------------------------------

enum class BufferKind { enough, bytes, required };

struct AppBind {};
struct AppConnect {
  std::optional<QosRequest> qos;  // overrides the socket's `qos:` for this WSAConnect
  bool no_address = false;        // `remote: none`: WSAConnect with no address, a disconnect
};
struct AppSetQos {
  std::optional<QosRequest> qos;  // the socket's `qos:` when absent
  bool overlapped = false;
  // `destination:`: a QOS_DESTADDR object, an unconnected UDP sender's destination.
  std::optional<provider::Address> destination;
};
struct AppShutdown {
  provider::Shutdown how = provider::Shutdown::both;
};
// WSAJoinLeaf on the multicast group `group` with the socket's (or its own) QOS as lpSQOS.
struct AppJoinLeaf {
  provider::Address group;
  provider::JoinFlags flags = provider::JoinFlags::both;
  std::optional<QosRequest> qos;  // overrides the socket's `qos:` for this call
};
// listen on a bound TCP socket: the one connection its `remote:` makes is then accepted by
// `accept` (docs/behaviour.md D38).
struct AppListen {};
// WSAAccept of the connection from the socket's `remote:`, whose condition function leaves `qos`
// (the socket's `qos:` when absent) in lpSQOS and returns CF_ACCEPT; the socket id stands for the
// accepted connection from then on.
struct AppAccept {
  std::optional<QosRequest> qos;
};
// SIO_CHK_QOS: `expect: call` compares the DWORD it returned as `value`.
struct AppCheckQos {
  std::uint32_t selector = 0;
};
struct AppGetQos {
  bool overlapped = true;     // mode: overlapped | sync
  bool notify_event = false;  // notify: routine (false) | event (true)
  BufferKind buffer_kind = BufferKind::enough;
  std::uint32_t buffer_bytes = 0;  // with BufferKind::bytes
};
struct AppWait {
  bool alertable = false;
  std::optional<std::int64_t> timeout_us;  // nullopt: INFINITE
  std::vector<std::string> events;         // socket ids whose event to wait on; empty: SleepEx
};
struct AppGetOverlappedResult {
  bool wait = false;
};
struct AppEventSelect {
  std::uint32_t network_events = 0;  // FD_QOS
};
struct AppEnumNetworkEvents {};
struct AppClose {};
struct AppMonitor {
  std::uint32_t initial_buffer = 0;
};

using AppAction =
    std::variant<AppBind, AppConnect, AppSetQos, AppGetQos, AppWait, AppGetOverlappedResult,
                 AppEventSelect, AppEnumNetworkEvents, AppClose, AppMonitor, AppShutdown,
                 AppCheckQos, AppJoinLeaf, AppListen, AppAccept>;

// ---- sp: what the emulated provider does -------------------------------------------------

struct SpFdQos {
  gqos::Indication indication;
};
struct SpFail {
  std::optional<provider::Call> call;  // the next such call fails; nullopt with `pending`
  bool pending = false;                // finish the oldest pending SIO_GET_QOS instead
  std::uint32_t error = 0;
};

using SpAction = std::variant<SpFdQos, SpFail>;

// ---- expect: what must be observed ---------------------------------------------------------

// A compared value and where it was written.
template <typename T>
struct Field {
  T value{};
  Mark mark;
};

// What a request returned: its error and bytes, and for a SIO_GET_QOS the required size
// (WSAENOBUFS) or the QOS it holds. A completion shows it, and so does the call itself when it
// returned at once.
struct ExpectReturned {
  std::optional<Field<std::uint32_t>> error;
  std::optional<Field<std::uint32_t>> bytes;
  std::optional<Field<std::uint32_t>> required;
  std::optional<Field<std::uint32_t>> status;
  std::optional<Field<std::uint32_t>> extended_status1;
  std::optional<Field<std::uint32_t>> extended_status2;
  std::optional<FlowSpecFields> sending;
  std::optional<FlowSpecFields> receiving;
  std::optional<AdspecFields> adspec;  // the RSVP_ADSPEC in ProviderSpecific
};
// The synchronous result of the step before. A SIO_GET_QOS that returned data at once (a
// synchronous query, or an overlapped one that finished at once) also shows what it returned.
struct ExpectCall : ExpectReturned {
  std::optional<Field<std::int64_t>> result;
  std::optional<Field<std::uint32_t>> value;  // the DWORD a SIO_CHK_QOS wrote
};
struct ExpectCompletion : ExpectReturned {};
struct ExpectWait {
  std::optional<Field<std::uint32_t>> result;
};
struct ExpectUpdate {
  std::optional<Field<gqos::Direction>> direction;
  std::optional<Field<std::uint32_t>> status;
  std::optional<Field<std::uint32_t>> extended_status1;
  std::optional<Field<std::uint32_t>> extended_status2;
  std::optional<FlowSpecFields> flowspec;
  std::optional<Field<std::uint32_t>> error;  // the monitor reported an error and stopped
};
struct ExpectNetworkEvents {
  std::optional<Field<std::uint32_t>> events;  // WSANETWORKEVENTS.lNetworkEvents
  std::optional<Field<std::uint32_t>> status;  // iErrorCode[FD_QOS_BIT]
};
struct ExpectNothing {
  std::int64_t until_us = 0;
};

// Network scenarios: RSVP messages in the trace so far (kind rsvp). Each filter is compared with
// the trace record's text: node and link names as written, the session as the trace writes it.
struct ExpectMessage {
  std::optional<Field<std::string>> message;  // "Path", "Resv", ...
  std::optional<Field<std::string>> action;   // "sent", "received", "lost", "dropped"
  std::optional<Field<std::string>> from;
  std::optional<Field<std::string>> to;
  std::optional<Field<std::string>> link;
  std::optional<Field<std::size_t>> session;  // an index into NetworkSpec::sessions
  std::optional<Field<std::string>> user;     // one its POLICY_DATA names
  std::optional<Field<std::uint32_t>> count;  // exactly this many; unset: at least one
  std::optional<std::int64_t> within_us;      // only those in the last `within` before the step
};
// Network scenarios: what one node keeps now (indices into NetworkSpec).
struct ExpectState {
  std::size_t node = 0;
  std::optional<std::size_t> session;
  std::optional<std::size_t> sender;  // path_state: this sender's PSB; else any of the session
  std::optional<std::size_t> toward;  // reserved/reservation: the interface toward this neighbour
  std::optional<Field<bool>> path_state;
  std::optional<Field<bool>> resv_state;
  std::optional<Field<bool>> blockade;
  std::optional<Field<bool>> reservation;        // a reservation of the session installed
  std::optional<Field<std::uint64_t>> reserved;  // bytes/s reserved on the interface, all sessions
  std::optional<AdspecFields> adspec;            // the ADSPEC the sender's PATH brought
  // RFC 2212's end-to-end delay bound of the node's own Guaranteed request for the sender, in
  // whole microseconds (rounded)
  std::optional<Field<std::int64_t>> delay_bound_us;
};

using Expectation = std::variant<ExpectCall, ExpectCompletion, ExpectWait, ExpectUpdate,
                                 ExpectNetworkEvents, ExpectNothing, ExpectMessage, ExpectState>;

// ---- the timeline ---------------------------------------------------------------------------

struct Step {
  Mark mark;               // where the step starts (its `- ` item)
  std::int64_t at_us = 0;  // absolute virtual time, resolved from at/after/the step before
  std::string socket;      // empty when the step names none (a wait, an expect on waits)
  std::variant<AppAction, SpAction, Expectation, NetAction> action;
};

struct Scenario {
  std::string file;
  std::string name;  // `scenario:` slug
  std::string description;
  SpOptions sp;                        // profile, pending, decisions, admission_limit
  std::vector<SocketSpec> sockets;     // in file order
  std::vector<Step> steps;             // in file order; times never decrease
  std::optional<NetworkSpec> network;  // `network:`: the hosts' SPs give the indications
};

}  // namespace qosbed::scenario
