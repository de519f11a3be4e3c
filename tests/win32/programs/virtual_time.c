/* A 60 s session in 5 s steps, as a GQoS program of the era idles: six SleepEx(5000) and six
 * WaitForSingleObject(event, 5000) that time out, while the scenario's indications arrive. The
 * clocks must have moved by exactly 60 s of virtual time: GetTickCount by 60000 ms and
 * QueryPerformanceCounter by 60 s at its frequency. Prints both and exits 0 when they agree.
 * `qosbed run` plays it in a fraction of a second of wall-clock time (bench/program_bench.cmake
 * measures how much). */
#include <stdio.h>
#include <windows.h>
#include <winsock2.h>

int main(void) {
  WSADATA data;
  HANDLE never_set;
  LARGE_INTEGER frequency;
  LARGE_INTEGER counter_before;
  LARGE_INTEGER counter_after;
  DWORD ticks_before;
  DWORD ticks_after;
  int timeouts = 0;
  int i;
  if (WSAStartup(MAKEWORD(2, 2), &data) != 0) return 2;
  never_set = CreateEvent(NULL, TRUE, FALSE, NULL);
  QueryPerformanceFrequency(&frequency);
  ticks_before = GetTickCount();
  QueryPerformanceCounter(&counter_before);
  for (i = 0; i < 6; ++i) {
    if (SleepEx(5000, TRUE) == 0) ++timeouts;
    if (WaitForSingleObject(never_set, 5000) == WAIT_TIMEOUT) ++timeouts;
  }
  ticks_after = GetTickCount();
  QueryPerformanceCounter(&counter_after);
  printf("GetTickCount advanced %lu ms\n", (unsigned long)(ticks_after - ticks_before));
  printf("QueryPerformanceCounter advanced %lld ticks at %lld per second\n",
         (long long)(counter_after.QuadPart - counter_before.QuadPart),
         (long long)frequency.QuadPart);
  printf("%d of 12 waits timed out\n", timeouts);
  return ticks_after - ticks_before == 60000 &&
                 counter_after.QuadPart - counter_before.QuadPart == 60 * frequency.QuadPart &&
                 timeouts == 12
             ? 0
             : 1;
}
