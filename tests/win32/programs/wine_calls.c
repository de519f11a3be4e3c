/* Built for Windows only, and run under Wine (tests/win32/wine.cmake): what is particular to an
 * .exe, whose process holds Windows' own handles beside qosbed's, and whose kernel32 and user32
 * are Wine's. Its argument chooses:
 *
 *   handles     a mutex of its own (Wine's) and a qosbed event, each waited on and closed: every
 *               call goes where its handle belongs, and a 1 s Sleep passes in virtual time;
 *               exits 0
 *   mixed-wait  waits on the event and the mutex at once, which cannot be had: the run fails
 *   timer       SetTimer, which qosbed does not model: the run fails, naming it */
#include <winsock2.h>
/* After <winsock2.h>, which the SDK wants first. */
#include <stdio.h>
#include <string.h>
#include <windows.h>

int main(int argc, char** argv) {
  const char* mode = argc > 1 ? argv[1] : "";
  WSADATA data;
  HANDLE mutex;
  HANDLE event;
  HANDLE both[2];
  DWORD mutex_wait;
  DWORD event_wait;
  if (WSAStartup(MAKEWORD(2, 2), &data) != 0) return 2;
  mutex = CreateMutexW(NULL, FALSE, NULL);
  event = CreateEventW(NULL, TRUE, TRUE, NULL);
  if (strcmp(mode, "handles") == 0) {
    mutex_wait = WaitForSingleObject(mutex, 0);
    ReleaseMutex(mutex);
    event_wait = WaitForSingleObject(event, INFINITE);
    Sleep(1000);
    printf("mutex wait %lu, event wait %lu, at %lu ms\n", (unsigned long)mutex_wait,
           (unsigned long)event_wait, (unsigned long)GetTickCount());
    printf("closed %d %d\n", CloseHandle(mutex), CloseHandle(event));
    return 0;
  }
  if (strcmp(mode, "mixed-wait") == 0) {
    both[0] = event;
    both[1] = mutex;
    WaitForMultipleObjects(2, both, FALSE, INFINITE);
    printf("the wait returned\n");
    return 0;
  }
  if (strcmp(mode, "timer") == 0) {
    SetTimer(NULL, 0, 1000, NULL);
    printf("SetTimer returned\n");
    return 0;
  }
  printf("unknown mode '%s'\n", mode);
  return 2;
}
