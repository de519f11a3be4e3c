// Runs the receiver example on real Winsock, opening its socket the classic way. Without a QoS
// service provider (every Windows since Vista, and Wine) there is no XP1_QOS_SUPPORTED entry; it
// says so and goes on with a plain overlapped UDP socket, whose query fails or completes with an
// error.
#include <cstdio>

#include "gqos_examples.h"

int main() {
  WSADATA data;
  if (WSAStartup(MAKEWORD(2, 2), &data) != 0) return 2;
  SOCKET s = open_qos_socket(IPPROTO_UDP, stdout);
  if (s == INVALID_SOCKET)
    s = WSASocket(AF_INET, SOCK_DGRAM, IPPROTO_UDP, nullptr, 0, WSA_FLAG_OVERLAPPED);
  if (s == INVALID_SOCKET) {
    std::printf("WSASocket failed %d\n", WSAGetLastError());
    WSACleanup();
    return 1;
  }
  sockaddr_in local{};
  local.sin_family = AF_INET;
  local.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const int result = run_receiver(s, &local, 1, 2, stdout);
  WSACleanup();
  return result;
}
