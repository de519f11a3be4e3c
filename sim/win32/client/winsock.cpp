// Winsock start-up, the protocol catalog, sockets and their addresses and options, over the
// channel. Byte order and dotted-quad text are computed here.
#include <winsock2.h>
#include <ws2tcpip.h>

#include <cstdio>
#include <cstring>
#include <string>

#include "win32/client/sockets.hpp"

using namespace qosbed::win32;
using namespace qosbed::win32::client;

namespace {

int startups = 0;  // WSAStartup calls not yet matched by WSACleanup

struct CatalogEntry {
  int protocol = 0;  // IPPROTO_UDP or IPPROTO_TCP
  DWORD service_flags = 0;
  std::string name;
};

std::vector<CatalogEntry> catalog() {
  Writer writer = request(Call::enum_protocols);
  Answer answer = send(writer);
  std::vector<CatalogEntry> entries(answer.body.u32());
  for (CatalogEntry& entry : entries) {
    entry.protocol = static_cast<int>(answer.body.u32());
    entry.service_flags = answer.body.u32();
    entry.name = answer.body.text();
  }
  return entries;
}

// The catalog entry as WSAPROTOCOL_INFOA: the provider's flags over those every MSAFD entry has.
WSAPROTOCOL_INFOA info_of(const CatalogEntry& entry, DWORD catalog_id) {
  const bool udp = entry.protocol == IPPROTO_UDP;
  WSAPROTOCOL_INFOA info;
  std::memset(&info, 0, sizeof info);
  info.dwServiceFlags1 = entry.service_flags | XP1_IFS_HANDLES |
                         (udp ? XP1_CONNECTIONLESS | XP1_MESSAGE_ORIENTED | XP1_SUPPORT_BROADCAST |
                                    XP1_SUPPORT_MULTIPOINT
                              : XP1_GUARANTEED_DELIVERY | XP1_GUARANTEED_ORDER |
                                    XP1_GRACEFUL_CLOSE | XP1_EXPEDITED_DATA);
  info.dwProviderFlags = PFL_MATCHES_PROTOCOL_ZERO;
  info.dwCatalogEntryId = catalog_id;
  info.ProtocolChain.ChainLen = BASE_PROTOCOL;
  info.iVersion = 2;
  info.iAddressFamily = AF_INET;
  info.iMaxSockAddr = info.iMinSockAddr = static_cast<int>(sizeof(sockaddr_in));
  info.iSocketType = udp ? SOCK_DGRAM : SOCK_STREAM;
  info.iProtocol = entry.protocol;
  info.iNetworkByteOrder = BIGENDIAN;
  info.dwMessageSize = udp ? 65467 : 0;  // the largest UDP datagram; 0 for a stream
  const std::size_t length = std::min<std::size_t>(entry.name.size(), WSAPROTOCOL_LEN);
  std::memcpy(info.szProtocol, entry.name.data(), length);
  return info;
}

WSAPROTOCOL_INFOW widen(const WSAPROTOCOL_INFOA& narrow) {
  WSAPROTOCOL_INFOW wide;
  std::memset(&wide, 0, sizeof wide);
  std::memcpy(&wide, &narrow, offsetof(WSAPROTOCOL_INFOA, szProtocol));
  for (int i = 0; i <= WSAPROTOCOL_LEN && narrow.szProtocol[i]; ++i) {
    wide.szProtocol[i] = static_cast<unsigned char>(narrow.szProtocol[i]);
  }
  return wide;
}

// WSAEnumProtocols for either form: the entries whose protocol is in the zero-terminated list.
template <typename Info, typename Convert>
int enum_protocols(LPINT protocols, Info* buffer, LPDWORD length, Convert convert) {
  if (!length) return fail(WSAEFAULT, SOCKET_ERROR);
  std::vector<Info> entries;
  DWORD catalog_id = 0;
  for (const CatalogEntry& entry : catalog()) {
    ++catalog_id;  // numbered as the catalog numbers them, filtered or not
    bool wanted = !protocols;
    for (const int* p = protocols; p && *p != 0; ++p) wanted = wanted || *p == entry.protocol;
    if (wanted) entries.push_back(convert(info_of(entry, catalog_id)));
  }
  const auto needed = static_cast<DWORD>(entries.size() * sizeof(Info));
  if (!buffer || *length < needed) {
    *length = needed;
    return fail(WSAENOBUFS, SOCKET_ERROR);
  }
  std::copy(entries.begin(), entries.end(), buffer);
  return static_cast<int>(entries.size());
}

// The plain (not QoS) catalog entry of a protocol: what socket() opens.
WSAPROTOCOL_INFOA base_entry(int protocol) {
  DWORD catalog_id = 0;
  for (const CatalogEntry& entry : catalog()) {
    ++catalog_id;
    if (entry.protocol == protocol && !(entry.service_flags & XP1_QOS_SUPPORTED)) {
      return info_of(entry, catalog_id);
    }
  }
  return info_of(CatalogEntry{protocol, 0, ""}, 0);
}

SOCKET open_socket(int af, int type, int protocol, const WSAPROTOCOL_INFOA* info) {
  if (info) {
    if (af == FROM_PROTOCOL_INFO) af = info->iAddressFamily;
    if (type == FROM_PROTOCOL_INFO) type = info->iSocketType;
    if (protocol == FROM_PROTOCOL_INFO) protocol = info->iProtocol;
  }
  if (af != AF_INET) return fail(WSAEAFNOSUPPORT, INVALID_SOCKET);
  if (type != SOCK_DGRAM && type != SOCK_STREAM) return fail(WSAESOCKTNOSUPPORT, INVALID_SOCKET);
  const int expected = type == SOCK_DGRAM ? IPPROTO_UDP : IPPROTO_TCP;
  if (protocol != 0 && protocol != expected) return fail(WSAEPROTONOSUPPORT, INVALID_SOCKET);
  Writer writer = request(Call::open_socket);
  writer.u32(static_cast<std::uint32_t>(expected));
  const SOCKET s = send(writer).body.u64();
  LocalSocket& local = local_sockets()[s];
  local.info = info ? *info : base_entry(expected);
  return s;
}

int address_call(Call call, SOCKET s, const sockaddr* name, int namelen) {
  WireAddress address;
  if (const DWORD error = to_wire(name, namelen, address)) return fail(error, SOCKET_ERROR);
  Writer writer = request(call);
  writer.u64(s);
  put(writer, address);
  return send(writer).body.i32();
}

// Options that shape only the data path, which qosbed does not model.
bool accepted_option(int level, int name) {
  if (level == SOL_SOCKET) {
    return name == SO_REUSEADDR || name == SO_SNDBUF || name == SO_RCVBUF || name == SO_KEEPALIVE ||
           name == SO_BROADCAST || name == SO_LINGER;
  }
  if (level == IPPROTO_IP) {
    return name == IP_TOS || name == IP_TTL || name == IP_MULTICAST_IF ||
           name == IP_MULTICAST_TTL || name == IP_MULTICAST_LOOP || name == IP_DONTFRAGMENT;
  }
  return level == IPPROTO_TCP && name == TCP_NODELAY;
}

template <typename T>
int put_option(char* optval, int* optlen, const T& value) {
  if (!optval || !optlen || *optlen < static_cast<int>(sizeof value)) {
    return fail(WSAEFAULT, SOCKET_ERROR);
  }
  std::memcpy(optval, &value, sizeof value);
  *optlen = sizeof value;
  return 0;
}

}  // namespace

extern "C" {

u_short WINAPI htons(u_short hostshort) {
  return static_cast<u_short>((hostshort << 8) | (hostshort >> 8));
}
u_short WINAPI ntohs(u_short netshort) {
  return htons(netshort);
}
u_long WINAPI htonl(u_long hostlong) {
  return ((hostlong & 0xffu) << 24) | ((hostlong & 0xff00u) << 8) | ((hostlong >> 8) & 0xff00u) |
         (hostlong >> 24);
}
u_long WINAPI ntohl(u_long netlong) {
  return htonl(netlong);
}
u_long WINAPI inet_addr(const char* cp) {
  if (!cp) return INADDR_NONE;
  unsigned parts[4];
  char rest = 0;
  if (std::sscanf(cp, "%u.%u.%u.%u%c", &parts[0], &parts[1], &parts[2], &parts[3], &rest) != 4) {
    return INADDR_NONE;
  }
  u_long host = 0;
  for (const unsigned part : parts) {
    if (part > 255) return INADDR_NONE;
    host = (host << 8) | part;
  }
  return htonl(host);
}
char* WINAPI inet_ntoa(struct in_addr in) {
  thread_local char text[16];
  // u_long is unsigned int in qosbed's headers and unsigned long in the SDK's, 32 bits in both.
  const auto host = static_cast<unsigned>(ntohl(in.S_un.S_addr));
  std::snprintf(text, sizeof text, "%u.%u.%u.%u", (host >> 24) & 0xff, (host >> 16) & 0xff,
                (host >> 8) & 0xff, host & 0xff);
  return text;
}

int WINAPI WSAStartup(WORD wVersionRequested, LPWSADATA lpWSAData) {
  // WSAStartup returns its error rather than setting the last error.
  if (!lpWSAData) return WSAEFAULT;
  if (LOBYTE(wVersionRequested) < 2) return WSAVERNOTSUPPORTED;
  std::memset(lpWSAData, 0, sizeof *lpWSAData);
  lpWSAData->wVersion = MAKEWORD(2, 2);
  lpWSAData->wHighVersion = MAKEWORD(2, 2);
  std::strcpy(lpWSAData->szDescription, "qosbed Winsock 2.2");
  std::strcpy(lpWSAData->szSystemStatus, "Running");
  ++startups;
  return 0;
}
int WINAPI WSACleanup(void) {
  if (startups == 0) return fail(WSANOTINITIALISED, SOCKET_ERROR);
  --startups;
  return 0;
}
int WINAPI WSAGetLastError(void) {
  return static_cast<int>(last_error());
}
void WINAPI WSASetLastError(int iError) {
  set_last_error(static_cast<DWORD>(iError));
}

int WINAPI WSAEnumProtocolsA(LPINT lpiProtocols, LPWSAPROTOCOL_INFOA lpProtocolBuffer,
                             LPDWORD lpdwBufferLength) {
  return enum_protocols(lpiProtocols, lpProtocolBuffer, lpdwBufferLength,
                        [](const WSAPROTOCOL_INFOA& info) { return info; });
}
int WINAPI WSAEnumProtocolsW(LPINT lpiProtocols, LPWSAPROTOCOL_INFOW lpProtocolBuffer,
                             LPDWORD lpdwBufferLength) {
  return enum_protocols(lpiProtocols, lpProtocolBuffer, lpdwBufferLength, widen);
}

SOCKET WINAPI socket(int af, int type, int protocol) {
  return open_socket(af, type, protocol, nullptr);
}
SOCKET WINAPI WSASocketA(int af, int type, int protocol, LPWSAPROTOCOL_INFOA lpProtocolInfo, GROUP,
                         DWORD) {
  return open_socket(af, type, protocol, lpProtocolInfo);
}
SOCKET WINAPI WSASocketW(int af, int type, int protocol, LPWSAPROTOCOL_INFOW lpProtocolInfo, GROUP,
                         DWORD) {
  if (!lpProtocolInfo) return open_socket(af, type, protocol, nullptr);
  WSAPROTOCOL_INFOA narrow;
  std::memset(&narrow, 0, sizeof narrow);
  std::memcpy(&narrow, lpProtocolInfo, offsetof(WSAPROTOCOL_INFOW, szProtocol));
  for (int i = 0; i <= WSAPROTOCOL_LEN && lpProtocolInfo->szProtocol[i]; ++i) {
    narrow.szProtocol[i] = static_cast<char>(lpProtocolInfo->szProtocol[i]);
  }
  return open_socket(af, type, protocol, &narrow);
}

int WINAPI bind(SOCKET s, const struct sockaddr* name, int namelen) {
  return address_call(Call::bind, s, name, namelen);
}
int WINAPI listen(SOCKET s, int) {
  Writer writer = request(Call::listen);
  writer.u64(s);
  return send(writer).body.i32();
}
int WINAPI shutdown(SOCKET s, int how) {
  Writer writer = request(Call::shutdown);
  writer.u64(s).u32(static_cast<std::uint32_t>(how));
  return send(writer).body.i32();
}
int WINAPI closesocket(SOCKET s) {
  Writer writer = request(Call::close_socket);
  writer.u64(s);
  const int result = send(writer).body.i32();
  if (result == 0) local_sockets().erase(s);
  return result;
}

int WINAPI getsockname(SOCKET s, struct sockaddr* name, int* namelen) {
  return socket_name(s, false, name, namelen);
}
int WINAPI getpeername(SOCKET s, struct sockaddr* name, int* namelen) {
  return socket_name(s, true, name, namelen);
}

int WINAPI setsockopt(SOCKET s, int level, int optname, const char* optval, int) {
  if (!find_local(s)) return fail(WSAENOTSOCK, SOCKET_ERROR);
  if (!accepted_option(level, optname)) {
    unsupported("setsockopt(level " + std::to_string(level) + ", option " +
                std::to_string(optname) + ")");
  }
  if (!optval) return fail(WSAEFAULT, SOCKET_ERROR);
  return 0;
}

int WINAPI getsockopt(SOCKET s, int level, int optname, char* optval, int* optlen) {
  const LocalSocket* local = find_local(s);
  if (!local) return fail(WSAENOTSOCK, SOCKET_ERROR);
  if (level == SOL_SOCKET) {
    switch (optname) {
      case SO_TYPE:
        return put_option(optval, optlen, local->info.iSocketType);
      case SO_PROTOCOL_INFOA:
        return put_option(optval, optlen, local->info);
      case SO_PROTOCOL_INFOW:
        return put_option(optval, optlen, widen(local->info));
      case SO_MAX_MSG_SIZE:
        return put_option(optval, optlen, static_cast<int>(local->info.dwMessageSize));
      case SO_SNDBUF:
      case SO_RCVBUF:
        return put_option(optval, optlen, 8192);  // Windows 2000's default
      case SO_ERROR:
        return put_option(optval, optlen, 0);
      default:
        break;
    }
  }
  unsupported("getsockopt(level " + std::to_string(level) + ", option " + std::to_string(optname) +
              ")");
}

int WINAPI ioctlsocket(SOCKET s, LONG cmd, u_long* argp) {
  LocalSocket* local = find_local(s);
  if (!local) return fail(WSAENOTSOCK, SOCKET_ERROR);
  if (!argp) return fail(WSAEFAULT, SOCKET_ERROR);
  if (static_cast<u_long>(cmd) == FIONBIO) {
    local->nonblocking = *argp != 0;
    return 0;
  }
  if (static_cast<u_long>(cmd) == FIONREAD) {
    *argp = 0;  // nothing is ever received
    return 0;
  }
  unsupported("ioctlsocket command " + std::to_string(static_cast<u_long>(cmd)));
}

}  // extern "C"
