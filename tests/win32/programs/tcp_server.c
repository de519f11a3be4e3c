/* A TCP server of the GQoS era, run by `qosbed run tests/win32/programs/tcp-server.yaml --
 * tcp_server`: it listens, accepts with WSAAccept, its condition function asking for a receiving
 * Controlled Load FLOWSPEC in lpSQOS, and waits with an overlapped SIO_GET_QOS for the client's
 * PATH. Accepted, its connection is in the client's RSVP session, so its RSVP SP sends a FF RESV
 * for the client once the PATH arrives (docs/behaviour.md D38); the scenario checks that RESV
 * on the routers while the server holds the connection for a second. Prints the status it
 * learnt; exits 0 when it learnt WSA_QOS_SENDERS, 1 when it learnt nothing within 5 s. */
#include <winsock2.h>
/* After <winsock2.h>, whose types they use. */
#include <qos.h>
#include <qossp.h>
#include <stdio.h>
#include <string.h>

static ULONG status_learnt;

static int CALLBACK condition(LPWSABUF caller_id, LPWSABUF caller_data, LPQOS sqos, LPQOS gqos,
                              LPWSABUF callee_id, LPWSABUF callee_data, GROUP* g,
                              DWORD_PTR callback_data) {
  (void)caller_id;
  (void)caller_data;
  (void)gqos;
  (void)callee_id;
  (void)callee_data;
  (void)g;
  (void)callback_data;
  if (!sqos) return CF_REJECT;
  sqos->SendingFlowspec.ServiceType = SERVICETYPE_NOTRAFFIC;
  sqos->ReceivingFlowspec.ServiceType = SERVICETYPE_CONTROLLEDLOAD;
  sqos->ReceivingFlowspec.TokenRate = 8000;
  return CF_ACCEPT;
}

static void CALLBACK learnt(DWORD error, DWORD bytes, LPWSAOVERLAPPED overlapped, DWORD flags) {
  const QOS* qos = (const QOS*)overlapped->hEvent; /* the buffer, as the request's context */
  (void)flags;
  if (error == 0 && bytes >= sizeof(QOS) + sizeof(RSVP_STATUS_INFO)) {
    status_learnt = ((const RSVP_STATUS_INFO*)qos->ProviderSpecific.buf)->StatusCode;
  }
}

int main(void) {
  WSADATA data;
  SOCKET listener;
  SOCKET connection;
  struct sockaddr_in local;
  struct sockaddr_in peer;
  int peer_length = sizeof peer;
  static char buffer[512];
  WSAOVERLAPPED overlapped;
  DWORD bytes = 0;
  DWORD waited = 0;

  if (WSAStartup(MAKEWORD(2, 2), &data) != 0) return 2;
  listener = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
  memset(&local, 0, sizeof local);
  local.sin_family = AF_INET;
  local.sin_port = htons(5000);
  local.sin_addr.s_addr = inet_addr("10.0.0.2");
  if (bind(listener, (struct sockaddr*)&local, sizeof local) != 0 || listen(listener, 5) != 0) {
    printf("bind or listen failed %d\n", WSAGetLastError());
    return 1;
  }
  connection = WSAAccept(listener, (struct sockaddr*)&peer, &peer_length, condition, 0);
  if (connection == INVALID_SOCKET) {
    printf("WSAAccept failed %d\n", WSAGetLastError());
    return 1;
  }
  printf("accepted %s:%u\n", inet_ntoa(peer.sin_addr), ntohs(peer.sin_port));
  memset(&overlapped, 0, sizeof overlapped);
  overlapped.hEvent = (WSAEVENT)buffer;
  if (WSAIoctl(connection, SIO_GET_QOS, NULL, 0, buffer, sizeof buffer, &bytes, &overlapped,
               learnt) == SOCKET_ERROR &&
      WSAGetLastError() != WSA_IO_PENDING) {
    printf("SIO_GET_QOS failed %d\n", WSAGetLastError());
    return 1;
  }
  while (status_learnt == 0 && waited < 5000) {
    SleepEx(100, TRUE);
    waited += 100;
  }
  printf("status %lu\n", (unsigned long)status_learnt);
  Sleep(1000); /* holds the connection, and so the reservation, while the scenario looks */
  closesocket(connection);
  closesocket(listener);
  WSACleanup();
  return status_learnt == WSA_QOS_SENDERS ? 0 : 1;
}
