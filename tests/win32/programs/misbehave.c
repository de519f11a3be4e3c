/* A GQoS program that goes wrong in one of the ways `qosbed run -- PROGRAM` must report, chosen
 * by its argument; each report names the cause (tests/win32/win32.cmake checks the words):
 *
 *   unsupported      calls WSAJoinLeaf, which qosbed does not model
 *   crash            dereferences a null pointer after its first call (SIGSEGV)
 *   exit             waits 100 ms, then exits with code 3
 *   deadlock         two threads, each waiting for an event only the other one sets
 *   busy             after its first call, computes for ever without calling qosbed again
 *   recv             waits in a blocking recv, where nothing ever arrives
 *   never-alertable  asks with a completion routine, then only ever sleeps non-alertably, so the
 *                    routine never runs; exits 0 */
#include <winsock2.h>
/* After <winsock2.h>, whose types they use. */
#include <qos.h>
#include <stdio.h>
#include <string.h>

static HANDLE main_done;
static HANDLE worker_done;

static DWORD WINAPI worker(LPVOID unused) {
  (void)unused;
  WaitForSingleObject(main_done, INFINITE); /* set by main once worker_done is: never */
  SetEvent(worker_done);
  return 0;
}

static void CALLBACK never_runs(DWORD error, DWORD bytes, LPWSAOVERLAPPED overlapped, DWORD flags) {
  (void)error;
  (void)bytes;
  (void)overlapped;
  (void)flags;
  printf("the routine ran\n");
}

static SOCKET bound_receiver(void) {
  struct sockaddr_in local;
  SOCKET s = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
  memset(&local, 0, sizeof local);
  local.sin_family = AF_INET;
  local.sin_port = htons(5000);
  bind(s, (struct sockaddr*)&local, sizeof local);
  return s;
}

int main(int argc, char** argv) {
  const char* mode = argc > 1 ? argv[1] : "";
  WSADATA data;
  if (WSAStartup(MAKEWORD(2, 2), &data) != 0) return 2;
  if (strcmp(mode, "unsupported") == 0) {
    SOCKET s = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    struct sockaddr_in group;
    memset(&group, 0, sizeof group);
    group.sin_family = AF_INET;
    WSAJoinLeaf(s, (struct sockaddr*)&group, sizeof group, NULL, NULL, NULL, NULL, 0);
    printf("WSAJoinLeaf returned\n");
    return 0;
  }
  if (strcmp(mode, "crash") == 0) {
    volatile int* nowhere = NULL;
    Sleep(10);
    *nowhere = 1;
    return 0;
  }
  if (strcmp(mode, "exit") == 0) {
    Sleep(100);
    return 3;
  }
  if (strcmp(mode, "deadlock") == 0) {
    main_done = CreateEvent(NULL, TRUE, FALSE, NULL);
    worker_done = CreateEvent(NULL, TRUE, FALSE, NULL);
    CreateThread(NULL, 0, worker, NULL, 0, NULL);
    WaitForSingleObject(worker_done, INFINITE);
    SetEvent(main_done);
    printf("no deadlock\n");
    return 0;
  }
  if (strcmp(mode, "busy") == 0) {
    volatile unsigned long spins = 0;
    Sleep(10);
    for (;;) ++spins;
  }
  if (strcmp(mode, "recv") == 0) {
    char buffer[64];
    SOCKET s = bound_receiver();
    recv(s, buffer, sizeof buffer, 0);
    printf("recv returned\n");
    return 0;
  }
  if (strcmp(mode, "never-alertable") == 0) {
    SOCKET s = bound_receiver();
    char buffer[512];
    WSAOVERLAPPED overlapped;
    int i;
    memset(&overlapped, 0, sizeof overlapped);
    WSAIoctl(s, SIO_GET_QOS, NULL, 0, buffer, sizeof buffer, NULL, &overlapped, never_runs);
    for (i = 0; i < 3; ++i) Sleep(1000);
    printf("slept 3 s at %lu ms, Internal=%lu\n", (unsigned long)GetTickCount(),
           (unsigned long)overlapped.Internal);
    return 0;
  }
  printf("unknown mode '%s'\n", mode);
  return 2;
}
