// The Provider: a Winsock-shaped interface to an RSVP service provider. Every call returns what
// its Winsock counterpart returns (0 or socket_error, a handle or invalid_socket, a WSA_WAIT_*
// value) and leaves the error code for last_error(), so application logic written against it
// reads like a Windows GQoS application and runs unchanged on the emulator (provider_stub/) or on
// ws2_32 itself. Buffers and OVERLAPPED blocks belong to the caller and must outlive the request,
// as on Windows.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "provider/completion_routine.hpp"

namespace qosbed::provider {

using Socket = std::uint64_t;
inline constexpr Socket invalid_socket = ~Socket{0};
inline constexpr int socket_error = -1;

using Event = std::uint64_t;  // WSAEVENT; manual-reset, as WSACreateEvent makes them
inline constexpr Event invalid_event = 0;

enum class Role { sender, receiver, both };
enum class Protocol { udp, tcp };
// shutdown's `how`: SD_RECEIVE 0, SD_SEND 1, SD_BOTH 2.
enum class Shutdown { receive = 0, send = 1, both = 2 };
// WSAJoinLeaf's dwFlags: JL_SENDER_ONLY 0x01, JL_RECEIVER_ONLY 0x02, JL_BOTH 0x04.
enum class JoinFlags { sender_only = 0x01, receiver_only = 0x02, both = 0x04 };

// As scenarios and traces spell them.
inline constexpr std::array<std::pair<Role, std::string_view>, 3> role_names{{
    {Role::sender, "sender"},
    {Role::receiver, "receiver"},
    {Role::both, "both"},
}};
inline constexpr std::array<std::pair<Protocol, std::string_view>, 2> protocol_names{{
    {Protocol::udp, "udp"},
    {Protocol::tcp, "tcp"},
}};
inline constexpr std::array<std::pair<Shutdown, std::string_view>, 3> shutdown_names{{
    {Shutdown::receive, "receive"},
    {Shutdown::send, "send"},
    {Shutdown::both, "both"},
}};
inline constexpr std::array<std::pair<JoinFlags, std::string_view>, 3> join_flag_names{{
    {JoinFlags::sender_only, "sender_only"},
    {JoinFlags::receiver_only, "receiver_only"},
    {JoinFlags::both, "both"},
}};

constexpr std::string_view name_of(Role role) {
  for (const auto& [entry, text] : role_names) {
    if (entry == role) return text;
  }
  return "?";
}

constexpr std::string_view name_of(Protocol protocol) {
  for (const auto& [entry, text] : protocol_names) {
    if (entry == protocol) return text;
  }
  return "?";
}

constexpr std::string_view name_of(Shutdown how) {
  for (const auto& [entry, text] : shutdown_names) {
    if (entry == how) return text;
  }
  return "?";
}

constexpr std::string_view name_of(JoinFlags flags) {
  for (const auto& [entry, text] : join_flag_names) {
    if (entry == flags) return text;
  }
  return "?";
}

struct Address {
  std::string host;  // dotted IPv4 text, e.g. "10.0.0.2"
  std::uint16_t port = 0;

  friend bool operator==(const Address&, const Address&) = default;
};

// WSAOVERLAPPED as far as an application sees it. The provider writes the result here when the
// request finishes; `event` is signalled then unless a completion routine was given.
struct Overlapped {
  std::uint32_t internal = 0;       // the request's error code once finished (Internal)
  std::uint32_t internal_high = 0;  // bytes transferred once finished (InternalHigh)
  Event event = invalid_event;
  void* user = nullptr;  // free for the application, like the unused Offset fields
};

// The bytes around a request's OVERLAPPED that a provider may load ahead of finishing the request:
// the emulator does, so that with thousands of sockets a completion routine finds what it reads
// in cache. Windows applications commonly keep their per-request state around the OVERLAPPED; an
// application that keeps it within these bounds gains (the Monitor asserts that it does).
inline constexpr std::size_t request_state_before_overlapped = 64;
inline constexpr std::size_t request_state_after_overlapped = 192;

// WSANETWORKEVENTS.
struct NetworkEvents {
  std::uint32_t network_events = 0;
  std::uint32_t error_codes[10] = {};  // indexed by FD_*_BIT; FD_QOS_BIT holds the WSA_QOS_* status
};

// One WSAPROTOCOL_INFO entry, as much as GQoS applications look at.
struct ProtocolInfo {
  Protocol protocol = Protocol::udp;
  std::uint32_t service_flags1 = 0;  // XP1_QOS_SUPPORTED when the entry can do QoS
  std::string name;
};

class Provider {
 public:
  virtual ~Provider() = default;

  // WSAEnumProtocols.
  virtual std::vector<ProtocolInfo> enum_protocols() = 0;

  // WSASocket(..., WSA_FLAG_OVERLAPPED) on the entry for `protocol`; the role says which
  // directions the application means to use, as GQoS applications decide by whether they connect
  // (send) or bind (receive).
  virtual Socket open(Role role, Protocol protocol) = 0;
  virtual int bind(Socket socket, const Address& local) = 0;
  // WSAConnect; `sending_qos` is lpSQOS as an encoded QOS buffer, empty for none. An all-zero
  // address (0.0.0.0:0) is "no address": it disconnects a UDP socket.
  virtual int connect(Socket socket, const Address& remote,
                      std::span<const std::byte> sending_qos) = 0;
  // shutdown.
  virtual int shutdown(Socket socket, Shutdown how) = 0;
  // WSAJoinLeaf on a UDP socket: joins the multicast group `group` (WSAJoinLeaf's `name`) in the
  // directions `flags` names, with `sending_qos` as lpSQOS (empty for none; lpGQOS is reserved
  // and null). For IP multicast, a non-rooted control plane, the descriptor WSAJoinLeaf returns
  // is `socket` itself, so this returns 0 or socket_error as WSAConnect does.
  virtual int join_leaf(Socket socket, const Address& group, std::span<const std::byte> sending_qos,
                        JoinFlags flags) = 0;

  // WSAIoctl. SIO_GET_QOS and SIO_SET_QOS are what GQoS uses, and SIO_CHK_QOS (a DWORD selector
  // in, a DWORD out) asks the RSVP SP what it can do. With `overlapped` null the call is
  // synchronous; otherwise it returns 0 when the request finished at once (the completion is
  // still delivered, as Winsock does) or socket_error with WSA_IO_PENDING.
  virtual int ioctl(Socket socket, std::uint32_t code, std::span<const std::byte> in,
                    std::span<std::byte> out, std::uint32_t* bytes_returned, Overlapped* overlapped,
                    CompletionRoutine routine) = 0;

  // WSAGetOverlappedResult: true with `bytes` when the request succeeded, false with
  // last_error() its error (WSA_IO_INCOMPLETE while it is still pending and `wait` is false).
  virtual bool get_overlapped_result(Socket socket, Overlapped* overlapped, std::uint32_t* bytes,
                                     bool wait, std::uint32_t* flags) = 0;

  // WSACreateEvent, WSASetEvent, WSAResetEvent, WSACloseEvent.
  virtual Event create_event() = 0;
  virtual bool set_event(Event event) = 0;
  virtual bool reset_event(Event event) = 0;
  virtual bool close_event(Event event) = 0;

  // WSAEventSelect and WSAEnumNetworkEvents.
  virtual int event_select(Socket socket, Event event, std::uint32_t network_events) = 0;
  virtual int enum_network_events(Socket socket, Event event_to_reset, NetworkEvents* out) = 0;

  // WSAWaitForMultipleEvents: WSA_WAIT_EVENT_0 + i, WSA_WAIT_IO_COMPLETION, WSA_WAIT_TIMEOUT or
  // WSA_WAIT_FAILED. Completion routines run only inside alertable waits.
  virtual std::uint32_t wait_for_events(std::span<const Event> events, bool wait_all,
                                        std::uint32_t timeout_ms, bool alertable) = 0;
  // SleepEx: 0 when the time ran out, WSA_WAIT_IO_COMPLETION when completion routines ran.
  virtual std::uint32_t sleep_ex(std::uint32_t timeout_ms, bool alertable) = 0;

  // closesocket: requests still pending finish with WSA_OPERATION_ABORTED and 0 bytes.
  virtual int close(Socket socket) = 0;

  // WSAGetLastError.
  virtual std::uint32_t last_error() const = 0;
};

}  // namespace qosbed::provider
