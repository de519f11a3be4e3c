// Sockets on the program's side, connecting and accepting: WSAConnect with its QoS, and
// WSAAccept, whose condition function runs here in the program with the caller's QoS.
#include "win32/client/sockets.hpp"

#include <cstring>

using namespace qosbed::win32;
using namespace qosbed::win32::client;

namespace qosbed::win32::client {

std::map<SOCKET, LocalSocket>& local_sockets() {
  static auto* sockets = new std::map<SOCKET, LocalSocket>;  // threads may outlive main
  return *sockets;
}

LocalSocket* find_local(SOCKET s) {
  const auto it = local_sockets().find(s);
  return it == local_sockets().end() ? nullptr : &it->second;
}

DWORD to_wire(const sockaddr* name, int namelen, WireAddress& out) {
  if (!name || namelen < static_cast<int>(sizeof(sockaddr_in))) return WSAEFAULT;
  if (name->sa_family != AF_INET) return WSAEAFNOSUPPORT;
  sockaddr_in in;
  std::memcpy(&in, name, sizeof in);
  out.ip = ntohl(in.sin_addr.S_un.S_addr);
  out.port = ntohs(in.sin_port);
  return 0;
}

DWORD from_wire(const WireAddress& address, sockaddr* name, int* namelen) {
  if (!name || !namelen || *namelen < static_cast<int>(sizeof(sockaddr_in))) return WSAEFAULT;
  sockaddr_in in;
  std::memset(&in, 0, sizeof in);
  in.sin_family = AF_INET;
  in.sin_port = htons(static_cast<u_short>(address.port));
  in.sin_addr.S_un.S_addr = htonl(address.ip);
  std::memcpy(name, &in, sizeof in);
  *namelen = sizeof in;
  return 0;
}

int socket_name(SOCKET s, bool peer, sockaddr* name, int* namelen) {
  if (!name || !namelen) return fail(WSAEFAULT, SOCKET_ERROR);
  Writer writer = request(Call::socket_name);
  writer.u64(s).u32(peer ? 1 : 0);
  Answer answer = send(writer);
  const int result = answer.body.i32();
  const WireAddress address = get_address(answer.body);
  if (result != 0) return result;
  if (const DWORD error = from_wire(address, name, namelen)) return fail(error, SOCKET_ERROR);
  return 0;
}

}  // namespace qosbed::win32::client

namespace {

// The caller's QOS a reply carries, as the condition function's lpSQOS: the QOS first, then
// its ProviderSpecific bytes, buf pointing at them.
struct CallerQos {
  explicit CallerQos(std::span<const std::byte> flat) : bytes(flat.begin(), flat.end()) {
    if (bytes.size() < sizeof(QOS)) return;
    copy_result(bytes.data(), static_cast<std::uint32_t>(bytes.size()), flat);
  }
  LPQOS get() {
    return bytes.size() < sizeof(QOS) ? nullptr : reinterpret_cast<LPQOS>(bytes.data());
  }
  std::vector<std::byte> bytes;
};

}  // namespace

extern "C" {

int WINAPI connect(SOCKET s, const struct sockaddr* name, int namelen) {
  return WSAConnect(s, name, namelen, nullptr, nullptr, nullptr, nullptr);
}

int WINAPI WSAConnect(SOCKET s, const struct sockaddr* name, int namelen, LPWSABUF lpCallerData,
                      LPWSABUF, LPQOS lpSQOS, LPQOS) {
  if (lpCallerData && lpCallerData->len > 0) return fail(WSAEOPNOTSUPP, SOCKET_ERROR);
  WireAddress address;
  if (const DWORD error = to_wire(name, namelen, address)) return fail(error, SOCKET_ERROR);
  Writer writer = request(Call::connect);
  writer.u64(s);
  put(writer, address);
  writer.blob(lpSQOS ? flatten(*lpSQOS) : std::vector<std::byte>());
  return send(writer).body.i32();
}

SOCKET WINAPI accept(SOCKET s, struct sockaddr* addr, int* addrlen) {
  return WSAAccept(s, addr, addrlen, nullptr, 0);
}

SOCKET WINAPI WSAAccept(SOCKET s, struct sockaddr* addr, LPINT addrlen,
                        LPCONDITIONPROC lpfnCondition, DWORD_PTR dwCallbackData) {
  if (addr && (!addrlen || *addrlen < static_cast<int>(sizeof(sockaddr_in)))) {
    return fail(WSAEFAULT, INVALID_SOCKET);
  }
  const LocalSocket* local = find_local(s);
  Writer offer = request(Call::accept);
  offer.u64(s).u32(local && local->nonblocking ? 1 : 0);
  Answer answer = send(offer);
  if (answer.body.i32() != 0) return INVALID_SOCKET;
  const WireAddress peer = get_address(answer.body);
  CallerQos caller_qos(answer.body.blob());
  sockaddr_in peer_address;
  int peer_length = sizeof peer_address;
  from_wire(peer, reinterpret_cast<sockaddr*>(&peer_address), &peer_length);

  int decision = CF_ACCEPT;
  if (lpfnCondition) {
    WSABUF caller_id{static_cast<ULONG>(sizeof peer_address),
                     reinterpret_cast<CHAR*>(&peer_address)};
    GROUP group = 0;
    decision = lpfnCondition(&caller_id, nullptr, caller_qos.get(), nullptr, nullptr, nullptr,
                             &group, dwCallbackData);
  }
  Writer reply = request(Call::accept_decision);
  reply.u64(s).u32(static_cast<std::uint32_t>(decision));
  reply.blob(caller_qos.get() ? flatten(*caller_qos.get()) : std::vector<std::byte>());
  Answer accepted = send(reply);
  if (accepted.body.i32() != 0) return INVALID_SOCKET;
  const SOCKET connection = accepted.body.u64();
  LocalSocket& connection_local = local_sockets()[connection];
  if (local) connection_local.info = local->info;
  if (addr) from_wire(peer, addr, addrlen);
  return connection;
}

}  // extern "C"
