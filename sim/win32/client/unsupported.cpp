// Calls the headers declare because Windows 2000 GQoS clients name them, but that qosbed does not
// model: each ends the program, naming itself, and fails the run (never a silent error code).
#include <mswsock.h>
#include <winsock2.h>

#include "win32/client/session.hpp"

using qosbed::win32::client::unsupported;

extern "C" {

SOCKET WINAPI WSAJoinLeaf(SOCKET, const struct sockaddr*, int, LPWSABUF, LPWSABUF, LPQOS, LPQOS,
                          DWORD) {
  unsupported("WSAJoinLeaf");
}
BOOL WINAPI WSAGetQOSByName(SOCKET, LPWSABUF, LPQOS) {
  unsupported("WSAGetQOSByName");
}
BOOL WINAPI AcceptEx(SOCKET, SOCKET, PVOID, DWORD, DWORD, DWORD, LPDWORD, LPOVERLAPPED) {
  unsupported("AcceptEx");
}
BOOL WINAPI TransmitFile(SOCKET, HANDLE, DWORD, DWORD, LPOVERLAPPED, LPTRANSMIT_FILE_BUFFERS,
                         DWORD) {
  unsupported("TransmitFile");
}

}  // extern "C"
