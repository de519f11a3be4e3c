// Opening a QoS-capable socket the classic Windows way: WSAEnumProtocols for the protocol's
// entries, the first with XP1_QOS_SUPPORTED (the RSVP SP's), and WSASocket on that entry with
// WSA_FLAG_OVERLAPPED so SIO_GET_QOS can be overlapped.
#include <vector>

#include "gqos_examples.h"

SOCKET open_qos_socket(int protocol, std::FILE* out) {
  int protocols[] = {protocol, 0};
  DWORD length = 0;
  // The first call only learns the size the entries need.
  if (WSAEnumProtocols(protocols, nullptr, &length) != SOCKET_ERROR ||
      WSAGetLastError() != static_cast<int>(WSAENOBUFS)) {
    std::fprintf(out, "WSAEnumProtocols failed %d\n", WSAGetLastError());
    return INVALID_SOCKET;
  }
  std::vector<WSAPROTOCOL_INFO> entries(length / sizeof(WSAPROTOCOL_INFO));
  const int count = WSAEnumProtocols(protocols, entries.data(), &length);
  if (count == SOCKET_ERROR) {
    std::fprintf(out, "WSAEnumProtocols failed %d\n", WSAGetLastError());
    return INVALID_SOCKET;
  }
  for (int i = 0; i < count; ++i) {
    if (!(entries[i].dwServiceFlags1 & XP1_QOS_SUPPORTED)) continue;
    std::fprintf(out, "QoS entry: %s\n", entries[i].szProtocol);
    const SOCKET s = WSASocket(FROM_PROTOCOL_INFO, FROM_PROTOCOL_INFO, FROM_PROTOCOL_INFO,
                               &entries[i], 0, WSA_FLAG_OVERLAPPED);
    if (s == INVALID_SOCKET) std::fprintf(out, "WSASocket failed %d\n", WSAGetLastError());
    return s;
  }
  std::fprintf(out, "no QoS service provider for protocol %d\n", protocol);
  return INVALID_SOCKET;
}
