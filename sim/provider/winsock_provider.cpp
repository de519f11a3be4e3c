#include "provider/winsock_provider.hpp"

#ifndef NOMINMAX
#define NOMINMAX
#endif
#ifndef WIN32_LEAN_AND_MEAN
#define WIN32_LEAN_AND_MEAN
#endif
#include <winsock2.h>
#include <ws2tcpip.h>

// After <winsock2.h>, whose types it uses.
#include <qos.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <utility>

#include "gqos/codec.hpp"
#include "gqos/constants.hpp"

namespace qosbed::provider {

static_assert(invalid_socket == static_cast<Socket>(INVALID_SOCKET));
static_assert(socket_error == SOCKET_ERROR);
static_assert(sizeof(Socket) >= sizeof(SOCKET) && sizeof(Event) >= sizeof(WSAEVENT));
static_assert(sizeof(NetworkEvents::error_codes) / sizeof(std::uint32_t) == FD_MAX_EVENTS);

// One overlapped WSAIoctl. Winsock writes into `overlapped`, so the Request stays at one address
// from the call until its completion is delivered.
struct WinsockProvider::Request {
  WSAOVERLAPPED overlapped{};
  WinsockProvider* owner;  // null once the provider is gone
  SOCKET socket;
  Overlapped* user;
  CompletionRoutine routine;  // empty: completion by event
  bool socket_closed = false;

  // LPWSAOVERLAPPED_COMPLETION_ROUTINE. With a completion routine Winsock leaves hEvent to the
  // application, so it carries the Request. Runs inside the thread's alertable waits.
  static void CALLBACK on_completion(DWORD error, DWORD bytes, LPWSAOVERLAPPED overlapped,
                                     DWORD flags) {
    auto* request = static_cast<Request*>(overlapped->hEvent);
    if (!request->owner) {
      delete request;  // released by the destructor
      return;
    }
    auto& requests = request->owner->requests_;
    auto found = requests.find(request->user);
    std::unique_ptr<Request> owned = std::move(found->second);
    // Out of the map before the routine runs: it may reissue with the same OVERLAPPED.
    requests.erase(found);
    owned->user->internal = error;
    owned->user->internal_high = bytes;
    owned->routine(error, bytes, owned->user, flags);
  }
};

namespace {

SOCKET to_native(Socket socket) {
  return static_cast<SOCKET>(socket);
}
// Socket and Event are both 64-bit integers, hence distinct names.
WSAEVENT to_native_event(Event event) {
  return reinterpret_cast<WSAEVENT>(event);
}
Event from_native_event(WSAEVENT event) {
  return reinterpret_cast<std::uintptr_t>(event);
}

int native_protocol(Protocol protocol) {
  return protocol == Protocol::tcp ? IPPROTO_TCP : IPPROTO_UDP;
}

int native_type(Protocol protocol) {
  return protocol == Protocol::tcp ? SOCK_STREAM : SOCK_DGRAM;
}

// The IPv4 address; an empty host means any.
bool to_sockaddr(const Address& address, sockaddr_in* out) {
  *out = {};
  out->sin_family = AF_INET;
  out->sin_port = htons(address.port);
  if (address.host.empty()) {
    out->sin_addr.s_addr = htonl(INADDR_ANY);
    return true;
  }
  return inet_pton(AF_INET, address.host.c_str(), &out->sin_addr) == 1;
}

std::string narrow(const wchar_t* text) {
  int size = WideCharToMultiByte(CP_UTF8, 0, text, -1, nullptr, 0, nullptr, nullptr);
  if (size <= 1) return {};
  std::string out(static_cast<std::size_t>(size), '\0');
  WideCharToMultiByte(CP_UTF8, 0, text, -1, out.data(), size, nullptr, nullptr);
  out.pop_back();  // the terminating NUL
  return out;
}

// Every WSAPROTOCOL_INFOW entry; empty with `error` set when enumeration failed.
std::vector<WSAPROTOCOL_INFOW> protocol_entries(std::uint32_t* error) {
  DWORD length = 0;
  *error = 0;
  if (WSAEnumProtocolsW(nullptr, nullptr, &length) != SOCKET_ERROR || length == 0) return {};
  if (WSAGetLastError() != WSAENOBUFS) {
    *error = static_cast<std::uint32_t>(WSAGetLastError());
    return {};
  }
  std::vector<WSAPROTOCOL_INFOW> entries(length / sizeof(WSAPROTOCOL_INFOW) + 1);
  length = static_cast<DWORD>(entries.size() * sizeof(WSAPROTOCOL_INFOW));
  int count = WSAEnumProtocolsW(nullptr, entries.data(), &length);
  if (count == SOCKET_ERROR) {
    *error = static_cast<std::uint32_t>(WSAGetLastError());
    return {};
  }
  entries.resize(static_cast<std::size_t>(count));
  return entries;
}

bool is_ipv4(const WSAPROTOCOL_INFOW& entry, Protocol protocol) {
  return entry.iAddressFamily == AF_INET && entry.iProtocol == native_protocol(protocol);
}

}  // namespace

WinsockProvider::WinsockProvider(WinsockOptions options) : options_(options) {
  WSADATA data;
  startup_error_ = static_cast<std::uint32_t>(WSAStartup(MAKEWORD(2, 2), &data));
}

WinsockProvider::~WinsockProvider() {
  for (Socket socket : sockets_) closesocket(to_native(socket));
  for (auto& [user, request] : requests_) {
    // A routine's completion may still be queued for this thread: the trampoline frees it then.
    // An event's request whose abort has not landed yet is left allocated, as Winsock may still
    // write into it.
    bool done = HasOverlappedIoCompleted(&request->overlapped);
    if (request->routine || !done) {
      request->owner = nullptr;
      static_cast<void>(request.release());
    }
  }
  if (startup_error_ == 0) WSACleanup();
}

int WinsockProvider::fail(std::uint32_t error) {
  last_error_ = error;
  return socket_error;
}

int WinsockProvider::fail_with_last_winsock_error() {
  return fail(static_cast<std::uint32_t>(WSAGetLastError()));
}

bool WinsockProvider::ready() {
  if (startup_error_ == 0) return true;
  fail(startup_error_);
  return false;
}

std::vector<ProtocolInfo> WinsockProvider::enum_protocols() {
  if (!ready()) return {};
  std::uint32_t error = 0;
  std::vector<ProtocolInfo> out;
  for (const auto& entry : protocol_entries(&error)) {
    if (entry.iProtocol != IPPROTO_UDP && entry.iProtocol != IPPROTO_TCP) continue;
    out.push_back({entry.iProtocol == IPPROTO_TCP ? Protocol::tcp : Protocol::udp,
                   static_cast<std::uint32_t>(entry.dwServiceFlags1), narrow(entry.szProtocol)});
  }
  if (error != 0) fail(error);
  return out;
}

Socket WinsockProvider::open(Role, Protocol protocol) {
  // The role only says what the application means to do; Winsock learns it from bind/connect.
  if (!ready()) return invalid_socket;
  std::uint32_t error = 0;
  auto entries = protocol_entries(&error);
  if (error != 0) {
    fail(error);
    return invalid_socket;
  }
  auto qos_entry = std::find_if(entries.begin(), entries.end(), [&](const auto& entry) {
    return is_ipv4(entry, protocol) && (entry.dwServiceFlags1 & XP1_QOS_SUPPORTED) != 0;
  });
  SOCKET socket = INVALID_SOCKET;
  if (qos_entry != entries.end()) {
    socket = WSASocketW(FROM_PROTOCOL_INFO, FROM_PROTOCOL_INFO, FROM_PROTOCOL_INFO, &*qos_entry, 0,
                        WSA_FLAG_OVERLAPPED);
  } else if (options_.allow_plain_socket) {
    socket = WSASocketW(AF_INET, native_type(protocol), native_protocol(protocol), nullptr, 0,
                        WSA_FLAG_OVERLAPPED);
  } else {
    fail(error_no_qos_provider);
    return invalid_socket;
  }
  if (socket == INVALID_SOCKET) {
    fail_with_last_winsock_error();
    return invalid_socket;
  }
  sockets_.insert(socket);
  return socket;
}

int WinsockProvider::bind(Socket socket, const Address& local) {
  if (!ready()) return socket_error;
  sockaddr_in address;
  if (!to_sockaddr(local, &address)) return fail(WSAEINVAL);
  if (::bind(to_native(socket), reinterpret_cast<const sockaddr*>(&address), sizeof address) ==
      SOCKET_ERROR) {
    return fail_with_last_winsock_error();
  }
  return 0;
}

namespace {

// lpSQOS of WSAConnect and WSAJoinLeaf from the encoded `sending_qos` (empty: null). Winsock
// follows ProviderSpecific.buf, so it must point into the bytes given; a malformed object list
// inside them is left for the service provider to judge. False when Winsock could not read it.
bool lp_sqos_of(std::span<const std::byte> sending_qos, QOS& qos, QOS*& lp_sqos) {
  if (sending_qos.empty()) return true;
  const auto decoded = gqos::decode(sending_qos);
  using gqos::DecodeError;
  if (decoded.error == DecodeError::qos_truncated ||
      decoded.error == DecodeError::len_past_buffer ||
      decoded.error == DecodeError::buf_outside_buffer) {
    return false;
  }
  std::memcpy(&qos, sending_qos.data(), sizeof qos);
  lp_sqos = &qos;
  return true;
}

}  // namespace

int WinsockProvider::connect(Socket socket, const Address& remote,
                             std::span<const std::byte> sending_qos) {
  if (!ready()) return socket_error;
  sockaddr_in address;
  if (!to_sockaddr(remote, &address)) return fail(WSAEINVAL);
  QOS qos;
  QOS* lp_sqos = nullptr;
  if (!lp_sqos_of(sending_qos, qos, lp_sqos)) return fail(WSAEFAULT);
  if (WSAConnect(to_native(socket), reinterpret_cast<const sockaddr*>(&address), sizeof address,
                 nullptr, nullptr, lp_sqos, nullptr) == SOCKET_ERROR) {
    return fail_with_last_winsock_error();
  }
  return 0;
}

int WinsockProvider::join_leaf(Socket socket, const Address& group,
                               std::span<const std::byte> sending_qos, JoinFlags flags) {
  if (!ready()) return socket_error;
  sockaddr_in address;
  if (!to_sockaddr(group, &address)) return fail(WSAEINVAL);
  QOS qos;
  QOS* lp_sqos = nullptr;
  if (!lp_sqos_of(sending_qos, qos, lp_sqos)) return fail(WSAEFAULT);
  // JoinFlags' values are JL_SENDER_ONLY, JL_RECEIVER_ONLY and JL_BOTH. ws2_32 accepts only a
  // socket opened with the multipoint flags, which open() does not set (they would make the RSVP
  // SP treat a unicast socket as multicast), so it answers with its own error here.
  if (WSAJoinLeaf(to_native(socket), reinterpret_cast<const sockaddr*>(&address), sizeof address,
                  nullptr, nullptr, lp_sqos, nullptr,
                  static_cast<DWORD>(flags)) == INVALID_SOCKET) {
    return fail_with_last_winsock_error();
  }
  return 0;
}

int WinsockProvider::shutdown(Socket socket, Shutdown how) {
  if (!ready()) return socket_error;
  // SD_RECEIVE, SD_SEND and SD_BOTH are Shutdown's values.
  if (::shutdown(to_native(socket), static_cast<int>(how)) == SOCKET_ERROR) {
    return fail_with_last_winsock_error();
  }
  return 0;
}

int WinsockProvider::ioctl(Socket socket, std::uint32_t code, std::span<const std::byte> in,
                           std::span<std::byte> out, std::uint32_t* bytes_returned,
                           Overlapped* overlapped, CompletionRoutine routine) {
  if (!ready()) return socket_error;
  auto* in_data = const_cast<std::byte*>(in.data());  // WSAIoctl's lpvInBuffer is not const
  auto in_size = static_cast<DWORD>(in.size());
  auto out_size = static_cast<DWORD>(out.size());
  DWORD bytes = 0;
  if (!overlapped) {
    if (WSAIoctl(to_native(socket), code, in_data, in_size, out.data(), out_size, &bytes, nullptr,
                 nullptr) == SOCKET_ERROR) {
      return fail_with_last_winsock_error();
    }
    if (bytes_returned) *bytes_returned = bytes;
    return 0;
  }

  if (auto old = requests_.find(overlapped); old != requests_.end()) {
    // An event's request finished but never collected: its OVERLAPPED may be reused. One still in
    // flight may not, as on Windows, where Winsock would write into it twice.
    if (old->second->routine || !HasOverlappedIoCompleted(&old->second->overlapped)) {
      return fail(WSAEINVAL);
    }
    requests_.erase(old);
  }
  auto request = std::make_unique<Request>();
  request->owner = this;
  request->socket = to_native(socket);
  request->user = overlapped;
  request->routine = std::move(routine);
  overlapped->internal = WSA_IO_PENDING;
  overlapped->internal_high = 0;
  LPWSAOVERLAPPED_COMPLETION_ROUTINE native_routine = nullptr;
  if (request->routine) {
    request->overlapped.hEvent = request.get();
    native_routine = &Request::on_completion;
  } else {
    request->overlapped.hEvent = to_native_event(overlapped->event);
  }
  int result = WSAIoctl(to_native(socket), code, in_data, in_size, out.data(), out_size, &bytes,
                        &request->overlapped, native_routine);
  if (result == SOCKET_ERROR && WSAGetLastError() != WSA_IO_PENDING) {
    // Failed at once: no completion will come, so the request ends here.
    overlapped->internal = static_cast<std::uint32_t>(WSAGetLastError());
    return fail_with_last_winsock_error();
  }
  int error = result == SOCKET_ERROR ? WSA_IO_PENDING : 0;
  // Finished at once or pending, a completion will be delivered (routine or event).
  requests_.emplace(overlapped, std::move(request));
  if (error != 0) return fail(static_cast<std::uint32_t>(error));
  if (bytes_returned) *bytes_returned = bytes;
  return 0;
}

bool WinsockProvider::get_overlapped_result(Socket socket, Overlapped* overlapped,
                                            std::uint32_t* bytes, bool wait, std::uint32_t* flags) {
  if (!ready()) return false;
  auto found = requests_.find(overlapped);
  if (found == requests_.end()) {
    // Delivered already (through the routine, or collected before): report what it left.
    if (overlapped->internal == WSA_IO_PENDING) {
      fail(WSA_INVALID_PARAMETER);
      return false;
    }
    if (flags) *flags = 0;
    if (overlapped->internal != 0) {
      fail(overlapped->internal);
      return false;
    }
    if (bytes) *bytes = overlapped->internal_high;  // only on success, as Winsock does
    return true;
  }
  Request& request = *found->second;
  DWORD transferred = 0;
  DWORD native_flags = 0;
  std::uint32_t error = 0;
  if (request.socket_closed) {
    // The handle is gone, so WSAGetOverlappedResult cannot be asked; closesocket aborted it.
    if (!HasOverlappedIoCompleted(&request.overlapped)) {
      // A routine's hEvent is the Request, not an event: only an event's request can be waited on.
      if (!wait || request.routine) {
        fail(WSA_IO_INCOMPLETE);
        return false;
      }
      WaitForSingleObject(request.overlapped.hEvent, INFINITE);
    }
    error = WSA_OPERATION_ABORTED;
  } else if (!WSAGetOverlappedResult(to_native(socket), &request.overlapped, &transferred,
                                     wait && !request.routine, &native_flags)) {
    error = static_cast<std::uint32_t>(WSAGetLastError());
    if (error == WSA_IO_INCOMPLETE) {
      fail(error);
      return false;
    }
  }
  overlapped->internal = error;
  overlapped->internal_high = transferred;
  if (bytes && error == 0) *bytes = transferred;  // Winsock leaves lpcbTransfer alone on failure
  if (flags) *flags = native_flags;
  // An event's completion is delivered by this call; a routine's still runs in an alertable wait.
  if (!request.routine) requests_.erase(found);
  if (error != 0) {
    fail(error);
    return false;
  }
  return true;
}

Event WinsockProvider::create_event() {
  if (!ready()) return invalid_event;
  WSAEVENT event = WSACreateEvent();
  if (event == WSA_INVALID_EVENT) fail_with_last_winsock_error();
  return from_native_event(event);
}

bool WinsockProvider::set_event(Event event) {
  if (!ready()) return false;
  if (WSASetEvent(to_native_event(event))) return true;
  fail_with_last_winsock_error();
  return false;
}

bool WinsockProvider::reset_event(Event event) {
  if (!ready()) return false;
  if (WSAResetEvent(to_native_event(event))) return true;
  fail_with_last_winsock_error();
  return false;
}

bool WinsockProvider::close_event(Event event) {
  if (!ready()) return false;
  if (WSACloseEvent(to_native_event(event))) return true;
  fail_with_last_winsock_error();
  return false;
}

int WinsockProvider::event_select(Socket socket, Event event, std::uint32_t network_events) {
  if (!ready()) return socket_error;
  if (WSAEventSelect(to_native(socket), to_native_event(event),
                     static_cast<long>(network_events)) == SOCKET_ERROR) {
    return fail_with_last_winsock_error();
  }
  return 0;
}

int WinsockProvider::enum_network_events(Socket socket, Event event_to_reset, NetworkEvents* out) {
  if (!ready()) return socket_error;
  WSANETWORKEVENTS events{};
  if (WSAEnumNetworkEvents(to_native(socket), to_native_event(event_to_reset), &events) ==
      SOCKET_ERROR) {
    return fail_with_last_winsock_error();
  }
  out->network_events = static_cast<std::uint32_t>(events.lNetworkEvents);
  for (int bit = 0; bit < FD_MAX_EVENTS; ++bit) {
    out->error_codes[bit] = static_cast<std::uint32_t>(events.iErrorCode[bit]);
  }
  return 0;
}

std::uint32_t WinsockProvider::wait_for_events(std::span<const Event> events, bool wait_all,
                                               std::uint32_t timeout_ms, bool alertable) {
  if (!ready()) return WSA_WAIT_FAILED;
  if (events.empty() || events.size() > WSA_MAXIMUM_WAIT_EVENTS) {
    fail(WSA_INVALID_PARAMETER);
    return WSA_WAIT_FAILED;
  }
  std::vector<WSAEVENT> handles;
  for (Event event : events) handles.push_back(to_native_event(event));
  DWORD result = WSAWaitForMultipleEvents(static_cast<DWORD>(handles.size()), handles.data(),
                                          wait_all, timeout_ms, alertable);
  if (result == WSA_WAIT_FAILED) fail_with_last_winsock_error();
  return result;
}

std::uint32_t WinsockProvider::sleep_ex(std::uint32_t timeout_ms, bool alertable) {
  return SleepEx(timeout_ms, alertable);
}

int WinsockProvider::close(Socket socket) {
  if (!ready()) return socket_error;
  if (closesocket(to_native(socket)) == SOCKET_ERROR) return fail_with_last_winsock_error();
  sockets_.erase(socket);
  for (auto& [user, request] : requests_) {
    if (request->socket == to_native(socket)) request->socket_closed = true;
  }
  return 0;
}

}  // namespace qosbed::provider
