/* A GQoS receiver written the Windows 2000 way, in C: it finds the RSVP service provider's UDP
 * entry with WSAEnumProtocols, binds, and asks for the reservation state with one overlapped
 * SIO_GET_QOS at a time and a completion routine, which runs in an alertable SleepEx. Its first
 * buffer holds only a QOS, so the provider answers WSAENOBUFS with the size it needs and the
 * receiver asks again with that much. It prints the ReceivingFlowspec and the RSVP_STATUS_INFO of
 * each update. Given a token rate, it first asks for a controlled-load reservation of that many
 * bytes per second with SIO_SET_QOS, which a network's RSVP SP turns into RESV messages.
 *
 *   receiver [UPDATES [ADDRESS [PORT [TOKEN_RATE]]]]
 *       binds ADDRESS:PORT (default 10.0.0.2:5000); exit 0 once UPDATES updates (default 2) were
 *       read, 1 after 5 idle seconds
 *
 * Built on Windows against the SDK (ws2_32), or anywhere against qosbed::win32 and run with
 * `qosbed run examples/receiver.yaml -- receiver`. */
#include <winsock2.h>
/* After <winsock2.h>, whose types they use. */
#include <qos.h>
#include <qossp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_IDLE_WAITS 5

/* A completion routine gets no context but its OVERLAPPED. */
static volatile int finished;
static DWORD completion_error;
static DWORD completion_bytes;

static void CALLBACK on_get_qos(DWORD dwError, DWORD cbTransferred, LPWSAOVERLAPPED lpOverlapped,
                                DWORD dwFlags) {
  (void)lpOverlapped;
  (void)dwFlags;
  completion_error = dwError;
  completion_bytes = cbTransferred;
  finished = 1;
}

/* The socket of the first entry for UDP with XP1_QOS_SUPPORTED, or a plain one without it. */
static SOCKET open_qos_socket(void) {
  int protocols[] = {IPPROTO_UDP, 0};
  DWORD length = 0;
  WSAPROTOCOL_INFO* entries;
  SOCKET s = INVALID_SOCKET;
  int count;
  int i;
  if (WSAEnumProtocols(protocols, NULL, &length) != SOCKET_ERROR ||
      WSAGetLastError() != WSAENOBUFS) {
    return INVALID_SOCKET;
  }
  entries = (WSAPROTOCOL_INFO*)malloc(length);
  count = WSAEnumProtocols(protocols, entries, &length);
  for (i = 0; i < count; ++i) {
    if (entries[i].dwServiceFlags1 & XP1_QOS_SUPPORTED) {
      printf("QoS entry: %s\n", entries[i].szProtocol);
      s = WSASocket(FROM_PROTOCOL_INFO, FROM_PROTOCOL_INFO, FROM_PROTOCOL_INFO, &entries[i], 0,
                    WSA_FLAG_OVERLAPPED);
      break;
    }
  }
  free(entries);
  if (s == INVALID_SOCKET) {
    printf("no QoS service provider for protocol %d\n", IPPROTO_UDP);
    s = WSASocket(AF_INET, SOCK_DGRAM, IPPROTO_UDP, NULL, 0, WSA_FLAG_OVERLAPPED);
  }
  return s;
}

/* Asks for a controlled-load reservation: the receiving FLOWSPEC, nothing to send. */
/* Every field a FLOWSPEC leaves to the provider. */
static void unspecified(FLOWSPEC* flow, SERVICETYPE service) {
  flow->TokenRate = QOS_NOT_SPECIFIED;
  flow->TokenBucketSize = QOS_NOT_SPECIFIED;
  flow->PeakBandwidth = QOS_NOT_SPECIFIED;
  flow->Latency = QOS_NOT_SPECIFIED;
  flow->DelayVariation = QOS_NOT_SPECIFIED;
  flow->ServiceType = service;
  flow->MaxSduSize = QOS_NOT_SPECIFIED;
  flow->MinimumPolicedSize = QOS_NOT_SPECIFIED;
}

static int reserve(SOCKET s, ULONG token_rate) {
  QOS qos;
  DWORD returned = 0;
  memset(&qos, 0, sizeof qos);
  unspecified(&qos.SendingFlowspec, SERVICETYPE_NOTRAFFIC);
  unspecified(&qos.ReceivingFlowspec, SERVICETYPE_CONTROLLEDLOAD);
  qos.ReceivingFlowspec.TokenRate = token_rate;
  qos.ReceivingFlowspec.TokenBucketSize = 4096;
  return WSAIoctl(s, SIO_SET_QOS, &qos, sizeof qos, NULL, 0, &returned, NULL, NULL);
}

static void print_update(const char* buffer, DWORD bytes) {
  const QOS* qos = (const QOS*)buffer;
  const FLOWSPEC* flow = &qos->ReceivingFlowspec;
  printf("update bytes=%lu receiving service=%lu token_rate=%lu", (unsigned long)bytes,
         (unsigned long)flow->ServiceType, (unsigned long)flow->TokenRate);
  if (qos->ProviderSpecific.buf && qos->ProviderSpecific.len >= sizeof(RSVP_STATUS_INFO)) {
    const RSVP_STATUS_INFO* info = (const RSVP_STATUS_INFO*)qos->ProviderSpecific.buf;
    if (info->ObjectHdr.ObjectType == RSVP_OBJECT_STATUS_INFO) {
      printf(" status=%lu", (unsigned long)info->StatusCode);
    }
  }
  printf("\n");
}

int main(int argc, char** argv) {
  const int wanted = argc > 1 ? atoi(argv[1]) : 2;
  WSADATA data;
  SOCKET s;
  struct sockaddr_in local;
  WSAOVERLAPPED overlapped;
  DWORD size = sizeof(QOS); /* too small on purpose: the provider says how much it needs */
  char* buffer = (char*)malloc(size);
  int seen = 0;
  int idle = 0;

  if (WSAStartup(MAKEWORD(2, 2), &data) != 0) return 2;
  s = open_qos_socket();
  memset(&local, 0, sizeof local);
  local.sin_family = AF_INET;
  local.sin_port = htons((u_short)(argc > 3 ? atoi(argv[3]) : 5000));
  local.sin_addr.s_addr = inet_addr(argc > 2 ? argv[2] : "10.0.0.2");
  if (s == INVALID_SOCKET || bind(s, (struct sockaddr*)&local, sizeof local) == SOCKET_ERROR) {
    printf("bind failed %d\n", WSAGetLastError());
    return 1;
  }
  if (argc > 4 && reserve(s, (ULONG)strtoul(argv[4], NULL, 10)) == SOCKET_ERROR) {
    printf("SIO_SET_QOS failed %d\n", WSAGetLastError());
    return 1;
  }
  while (seen < wanted && idle < MAX_IDLE_WAITS) {
    DWORD returned = 0;
    memset(&overlapped, 0, sizeof overlapped);
    finished = 0;
    if (WSAIoctl(s, SIO_GET_QOS, NULL, 0, buffer, size, &returned, &overlapped, on_get_qos) ==
            SOCKET_ERROR &&
        WSAGetLastError() != WSA_IO_PENDING) {
      printf("SIO_GET_QOS failed %d\n", WSAGetLastError());
      break;
    }
    /* The routine runs only in an alertable wait, even for a query that finished at once. */
    while (!finished && idle < MAX_IDLE_WAITS) {
      if (SleepEx(1000, TRUE) != WAIT_IO_COMPLETION) ++idle;
    }
    if (!finished) break;
    if (completion_error == WSAENOBUFS) {
      memcpy(&size, buffer, sizeof size);
      printf("WSAENOBUFS required=%lu\n", (unsigned long)size);
      buffer = (char*)realloc(buffer, size);
      continue;
    }
    if (completion_error != 0) {
      printf("completion error %lu\n", (unsigned long)completion_error);
      break;
    }
    print_update(buffer, completion_bytes);
    ++seen;
    idle = 0;
  }
  closesocket(s);
  SleepEx(0, TRUE); /* closesocket aborts the query left pending; its routine runs here */
  free(buffer);
  WSACleanup();
  printf("%d of %d updates at %lu ms\n", seen, wanted, (unsigned long)GetTickCount());
  return seen == wanted ? 0 : 1;
}
