// What the client keeps of each socket on the program's side (what the program opened it with,
// whether it is non-blocking), and the conversions between sockaddr_in and the channel's
// addresses, shared by the Winsock files of the client.
#pragma once

#include <winsock2.h>

#include <map>

#include "win32/client/session.hpp"

namespace qosbed::win32::client {

struct LocalSocket {
  WSAPROTOCOL_INFOA info;    // the catalog entry it was opened from (SO_PROTOCOL_INFO)
  bool nonblocking = false;  // FIONBIO, WSAEventSelect, WSAAsyncSelect
};
std::map<SOCKET, LocalSocket>& local_sockets();
LocalSocket* find_local(SOCKET s);

// 0, or the error of a sockaddr that is not an AF_INET sockaddr_in.
DWORD to_wire(const sockaddr* name, int namelen, WireAddress& out);
// Writes a sockaddr_in; 0, or WSAEFAULT when `name` cannot hold one.
DWORD from_wire(const WireAddress& address, sockaddr* name, int* namelen);

// getsockname (`peer` false) and getpeername.
int socket_name(SOCKET s, bool peer, sockaddr* name, int* namelen);

}  // namespace qosbed::win32::client
