/* The Win32 calls of qosbed_win32, each against what Windows answers, in a program run by
 * `qosbed run tests/win32/programs/api.yaml -- api`: start-up, the protocol catalog, socket
 * creation and its errors, addresses and options, events and waits, the data model, a message
 * queue, a TCP accept with a condition function, and a QOS whose ProviderSpecific lies outside it.
 * Prints "ok: ..." for each check that holds and "FAIL: ..." for each that does not; exits with
 * the number of failures. */
#include <winsock2.h>
#include <ws2tcpip.h>
/* After <winsock2.h>, whose types they use. */
#include <qos.h>
#include <qossp.h>
#include <stdio.h>
#include <string.h>

static int failures;

#define CHECK(condition, what)                        \
  do {                                                \
    if (condition) {                                  \
      printf("ok: %s\n", what);                       \
    } else {                                          \
      printf("FAIL: %s (line %d)\n", what, __LINE__); \
      ++failures;                                     \
    }                                                 \
  } while (0)

static struct sockaddr_in address(const char* host, unsigned short port) {
  struct sockaddr_in in;
  memset(&in, 0, sizeof in);
  in.sin_family = AF_INET;
  in.sin_port = htons(port);
  in.sin_addr.s_addr = inet_addr(host);
  return in;
}

static void start_up(void) {
  WSADATA data;
  CHECK(WSAStartup(MAKEWORD(1, 1), &data) == WSAVERNOTSUPPORTED, "WSAStartup 1.1 is refused");
  CHECK(WSAStartup(MAKEWORD(2, 2), NULL) == WSAEFAULT, "WSAStartup without WSADATA: WSAEFAULT");
  CHECK(WSACleanup() == SOCKET_ERROR && WSAGetLastError() == WSANOTINITIALISED,
        "WSACleanup before WSAStartup: WSANOTINITIALISED");
  CHECK(WSAStartup(MAKEWORD(2, 2), &data) == 0 && data.wVersion == 0x0202, "WSAStartup 2.2");
  CHECK(GetTickCount() == 0, "the clock starts at 0");
}

static void catalog(void) {
  WSAPROTOCOL_INFOA entries[8];
  WSAPROTOCOL_INFOW wide[8];
  int tcp_only[] = {IPPROTO_TCP, 0};
  DWORD length = 0;
  int count;
  int qos_entries = 0;
  int i;
  CHECK(WSAEnumProtocolsA(NULL, NULL, &length) == SOCKET_ERROR && WSAGetLastError() == WSAENOBUFS &&
            length == 4 * sizeof(WSAPROTOCOL_INFOA),
        "WSAEnumProtocols without a buffer: WSAENOBUFS and the size of 4 entries");
  length = sizeof entries;
  count = WSAEnumProtocolsA(NULL, entries, &length);
  for (i = 0; i < count; ++i) {
    if (entries[i].dwServiceFlags1 & XP1_QOS_SUPPORTED) ++qos_entries;
  }
  CHECK(count == 4 && qos_entries == 2, "4 entries, 2 of them XP1_QOS_SUPPORTED");
  CHECK(strcmp(entries[3].szProtocol, "RSVP UDP Service Provider") == 0 &&
            entries[3].iSocketType == SOCK_DGRAM && entries[3].iProtocol == IPPROTO_UDP,
        "the RSVP UDP entry");
  length = sizeof entries;
  count = WSAEnumProtocolsA(tcp_only, entries, &length);
  CHECK(count == 2 && entries[0].iProtocol == IPPROTO_TCP && entries[1].iProtocol == IPPROTO_TCP,
        "filtered to TCP: 2 entries");
  length = sizeof wide;
  count = WSAEnumProtocolsW(NULL, wide, &length);
  CHECK(count == 4 && wide[2].szProtocol[0] == 'R' && wide[2].szProtocol[5] == 'T',
        "WSAEnumProtocolsW names the entries in 16-bit text");
}

static void sockets(void) {
  WSAPROTOCOL_INFOA entries[8];
  WSAPROTOCOL_INFOA info;
  DWORD length = sizeof entries;
  int info_length = sizeof info;
  struct sockaddr_in name;
  int name_length = sizeof name;
  SOCKET s;
  u_long argument = 1;
  char data[16] = "data";
  CHECK(WSASocket(AF_INET6, SOCK_DGRAM, 0, NULL, 0, 0) == INVALID_SOCKET &&
            WSAGetLastError() == WSAEAFNOSUPPORT,
        "AF_INET6: WSAEAFNOSUPPORT");
  CHECK(WSASocket(AF_INET, SOCK_RAW, 0, NULL, 0, 0) == INVALID_SOCKET &&
            WSAGetLastError() == WSAESOCKTNOSUPPORT,
        "SOCK_RAW: WSAESOCKTNOSUPPORT");
  CHECK(socket(AF_INET, SOCK_DGRAM, IPPROTO_TCP) == INVALID_SOCKET &&
            WSAGetLastError() == WSAEPROTONOSUPPORT,
        "UDP with IPPROTO_TCP: WSAEPROTONOSUPPORT");
  WSAEnumProtocolsA(NULL, entries, &length);
  s = WSASocketA(FROM_PROTOCOL_INFO, FROM_PROTOCOL_INFO, FROM_PROTOCOL_INFO, &entries[3], 0,
                 WSA_FLAG_OVERLAPPED);
  CHECK(s != INVALID_SOCKET, "WSASocket from the RSVP UDP entry");
  CHECK(getsockopt(s, SOL_SOCKET, SO_PROTOCOL_INFOA, (char*)&info, &info_length) == 0 &&
            (info.dwServiceFlags1 & XP1_QOS_SUPPORTED),
        "SO_PROTOCOL_INFO of that socket has XP1_QOS_SUPPORTED");
  CHECK(getsockname(s, (struct sockaddr*)&name, &name_length) == SOCKET_ERROR &&
            WSAGetLastError() == WSAEINVAL,
        "getsockname before bind: WSAEINVAL");
  name = address("10.0.0.2", 5000);
  CHECK(bind(s, (struct sockaddr*)&name, sizeof name) == 0, "bind 10.0.0.2:5000");
  memset(&name, 0, sizeof name);
  CHECK(getsockname(s, (struct sockaddr*)&name, &name_length) == 0 &&
            name.sin_port == htons(5000) && strcmp(inet_ntoa(name.sin_addr), "10.0.0.2") == 0,
        "getsockname after bind: 10.0.0.2:5000");
  CHECK(getpeername(s, (struct sockaddr*)&name, &name_length) == SOCKET_ERROR &&
            WSAGetLastError() == WSAENOTCONN,
        "getpeername unconnected: WSAENOTCONN");
  CHECK(send(s, data, 4, 0) == SOCKET_ERROR && WSAGetLastError() == WSAENOTCONN,
        "send unconnected: WSAENOTCONN");
  name = address("10.0.0.9", 7);
  CHECK(sendto(s, data, 4, 0, (struct sockaddr*)&name, sizeof name) == 4,
        "sendto: every byte, sent nowhere");
  CHECK(connect(s, (struct sockaddr*)&name, sizeof name) == 0 && send(s, data, 4, 0) == 4 &&
            shutdown(s, SD_SEND) == 0,
        "connected: send, and shutdown");
  CHECK(ioctlsocket(s, FIONBIO, &argument) == 0 && recv(s, data, sizeof data, 0) == SOCKET_ERROR &&
            WSAGetLastError() == WSAEWOULDBLOCK,
        "a non-blocking recv: WSAEWOULDBLOCK");
  CHECK(ioctlsocket(s, FIONREAD, &argument) == 0 && argument == 0, "FIONREAD: 0 bytes");
  CHECK(closesocket(s) == 0, "closesocket");
  CHECK(closesocket(s) == SOCKET_ERROR && WSAGetLastError() == WSAENOTSOCK,
        "closesocket again: WSAENOTSOCK");
}

static DWORD aborted_error;
static void CALLBACK on_receive(DWORD error, DWORD bytes, LPWSAOVERLAPPED overlapped, DWORD flags) {
  (void)bytes;
  (void)overlapped;
  (void)flags;
  aborted_error = error;
}

static void events_and_waits(void) {
  HANDLE automatic = CreateEvent(NULL, FALSE, FALSE, NULL);
  HANDLE manual = CreateEvent(NULL, TRUE, TRUE, NULL);
  HANDLE both[2];
  WSAOVERLAPPED overlapped;
  WSABUF buffer;
  char bytes[16];
  DWORD received = 0;
  DWORD flags = 0;
  SOCKET s = socket(AF_INET, SOCK_DGRAM, 0);
  struct sockaddr_in elsewhere = address("10.0.0.9", 9); /* in no scenario socket: its own */
  bind(s, (struct sockaddr*)&elsewhere, sizeof elsewhere);
  both[0] = automatic;
  both[1] = manual;
  CHECK(WaitForMultipleObjects(0, both, FALSE, 0) == WAIT_FAILED &&
            GetLastError() == ERROR_INVALID_PARAMETER,
        "a wait on no handle: WAIT_FAILED, ERROR_INVALID_PARAMETER");
  CHECK(WaitForSingleObject((HANDLE)(UINT_PTR)0x7770, 0) == WAIT_FAILED &&
            GetLastError() == ERROR_INVALID_HANDLE,
        "a wait on no object: WAIT_FAILED, ERROR_INVALID_HANDLE");
  CHECK(WaitForMultipleObjects(2, both, FALSE, 0) == WAIT_OBJECT_0 + 1,
        "the manual-reset event created set answers");
  CHECK(SetEvent(automatic) && WaitForSingleObject(automatic, 0) == WAIT_OBJECT_0 &&
            WaitForSingleObject(automatic, 0) == WAIT_TIMEOUT,
        "an auto-reset event resets when a wait takes it");
  CHECK(WaitForSingleObject(manual, 0) == WAIT_OBJECT_0 &&
            WaitForSingleObject(manual, 0) == WAIT_OBJECT_0,
        "a manual-reset event stays set");
  CHECK(ResetEvent(manual) && WaitForMultipleObjects(2, both, TRUE, 250) == WAIT_TIMEOUT &&
            GetTickCount() == 250,
        "a wait for all that times out after 250 ms of virtual time");
  CHECK(CloseHandle(automatic) && CloseHandle(manual) && !CloseHandle(manual) &&
            GetLastError() == ERROR_INVALID_HANDLE,
        "CloseHandle, and again: ERROR_INVALID_HANDLE");

  memset(&overlapped, 0, sizeof overlapped);
  buffer.len = sizeof bytes;
  buffer.buf = bytes;
  CHECK(WSARecv(s, &buffer, 1, &received, &flags, &overlapped, on_receive) == SOCKET_ERROR &&
            WSAGetLastError() == WSA_IO_PENDING && !HasOverlappedIoCompleted(&overlapped),
        "an overlapped WSARecv pends: nothing arrives");
  closesocket(s);
  CHECK(SleepEx(0, TRUE) == WAIT_IO_COMPLETION && aborted_error == WSA_OPERATION_ABORTED,
        "closesocket aborts it; its routine runs in the next alertable wait");
}

static void messages(void) {
  MSG msg;
  CHECK(!PeekMessage(&msg, NULL, 0, 0, PM_REMOVE), "an empty queue");
  CHECK(PostThreadMessage(GetCurrentThreadId(), WM_APP, 7, 8) &&
            PeekMessage(&msg, NULL, 0, 0, PM_NOREMOVE) && msg.message == WM_APP &&
            msg.wParam == 7 && msg.lParam == 8 && PeekMessage(&msg, NULL, 0, 0, PM_REMOVE),
        "PostThreadMessage, then PeekMessage without and with PM_REMOVE");
  CHECK(!PostThreadMessage(99, WM_APP, 0, 0) && GetLastError() == ERROR_INVALID_THREAD_ID,
        "PostThreadMessage to no thread: ERROR_INVALID_THREAD_ID");
  PostQuitMessage(5);
  CHECK(GetMessage(&msg, NULL, 0, 0) == 0 && msg.message == WM_QUIT && msg.wParam == 5,
        "PostQuitMessage: GetMessage returns 0 with WM_QUIT");
}

static int condition_calls;
static ULONG offered_rate;
static int CALLBACK condition(LPWSABUF caller_id, LPWSABUF caller_data, LPQOS sqos, LPQOS gqos,
                              LPWSABUF callee_id, LPWSABUF callee_data, GROUP* g,
                              DWORD_PTR callback_data) {
  const struct sockaddr_in* caller = (const struct sockaddr_in*)caller_id->buf;
  (void)caller_data;
  (void)gqos;
  (void)callee_id;
  (void)callee_data;
  (void)g;
  ++condition_calls;
  if (sqos) offered_rate = sqos->ReceivingFlowspec.TokenRate;
  return callback_data == 42 && caller->sin_port == htons(7000) ? CF_ACCEPT : CF_REJECT;
}

static void accepting(void) {
  SOCKET listener = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
  struct sockaddr_in local = address("10.0.0.2", 6000);
  struct sockaddr_in peer;
  int peer_length = sizeof peer;
  SOCKET connection;
  char buffer[512];
  DWORD bytes = 0;
  CHECK(listen(listener, 5) == SOCKET_ERROR && WSAGetLastError() == WSAEINVAL,
        "listen before bind: WSAEINVAL");
  CHECK(shutdown(listener, SD_BOTH) == SOCKET_ERROR && WSAGetLastError() == WSAENOTCONN,
        "shutdown of an unconnected TCP socket: WSAENOTCONN");
  CHECK(bind(listener, (struct sockaddr*)&local, sizeof local) == 0 && listen(listener, 5) == 0,
        "bind and listen");
  connection = WSAAccept(listener, (struct sockaddr*)&peer, &peer_length, condition, 42);
  CHECK(connection != INVALID_SOCKET && condition_calls == 1 && offered_rate == 8000 &&
            peer.sin_port == htons(7000),
        "WSAAccept: the condition function sees the caller and its QOS, and accepts");
  CHECK(WSAIoctl(connection, SIO_GET_QOS, NULL, 0, buffer, sizeof buffer, &bytes, NULL, NULL) ==
                SOCKET_ERROR &&
            WSAGetLastError() == WSAEWOULDBLOCK,
        "the accepted socket stands for the scenario's: nothing queued yet");
  SleepEx(100, FALSE); /* past the scenario's PATH message at 300 ms */
  CHECK(
      WSAIoctl(connection, SIO_GET_QOS, NULL, 0, buffer, sizeof buffer, &bytes, NULL, NULL) == 0 &&
          ((const RSVP_STATUS_INFO*)((const QOS*)buffer)->ProviderSpecific.buf)->StatusCode ==
              WSA_QOS_SENDERS,
      "the scenario's PATH message reaches the accepted socket");
  closesocket(connection);
  closesocket(listener);
}

/* KB195274: a QOS whose ProviderSpecific.buf points elsewhere, here an RSVP_RESERVE_INFO asking
 * for confirmation; qosbed_win32 flattens it, and the confirmation reaching the receiver shows
 * the emulated provider read it. */
static void provider_specific(void) {
  SOCKET s = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
  struct sockaddr_in local = address("10.0.0.3", 5001);
  RSVP_RESERVE_INFO reserve;
  QOS qos;
  char buffer[512];
  DWORD bytes = 0;
  memset(&reserve, 0, sizeof reserve);
  reserve.ObjectHdr.ObjectType = RSVP_OBJECT_RESERVE_INFO;
  reserve.ObjectHdr.ObjectLength = sizeof reserve;
  reserve.Style = RSVP_DEFAULT_STYLE;
  reserve.ConfirmRequest = 1;
  memset(&qos, 0xff, sizeof qos);
  qos.SendingFlowspec.ServiceType = SERVICETYPE_NOCHANGE;
  qos.ReceivingFlowspec.ServiceType = SERVICETYPE_CONTROLLEDLOAD;
  qos.ReceivingFlowspec.TokenRate = 8000;
  qos.ProviderSpecific.len = sizeof reserve;
  qos.ProviderSpecific.buf = (char*)&reserve;
  bind(s, (struct sockaddr*)&local, sizeof local);
  CHECK(WSAIoctl(s, SIO_SET_QOS, &qos, sizeof qos, NULL, 0, &bytes, NULL, NULL) == 0,
        "SIO_SET_QOS with an RSVP_RESERVE_INFO outside the QOS");
  SleepEx(100, FALSE); /* past the confirmation at 400 ms */
  CHECK(WSAIoctl(s, SIO_GET_QOS, NULL, 0, buffer, sizeof buffer, &bytes, NULL, NULL) == 0 &&
            ((const RSVP_STATUS_INFO*)((const QOS*)buffer)->ProviderSpecific.buf)->StatusCode ==
                WSA_QOS_REQUEST_CONFIRMED,
        "WSA_QOS_REQUEST_CONFIRMED reaches it, as it asked for confirmation");
  closesocket(s);
}

int main(void) {
  start_up();
  catalog();
  sockets();
  events_and_waits();
  messages();
  accepting();
  provider_specific();
  CHECK(WSACleanup() == 0, "WSACleanup");
  printf("%d failed\n", failures);
  return failures;
}
