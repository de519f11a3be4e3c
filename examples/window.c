/* A GQoS receiver with a window, written the Windows 2000 way, in C: WSAAsyncSelect(FD_QOS) posts
 * a message to a message-only window, whose procedure drains the queued indications with
 * synchronous SIO_GET_QOS calls until one fails; the program's thread spends its life in a
 * GetMessage / DispatchMessage loop, which PostQuitMessage ends.
 *
 *   window [UPDATES]   exit 0 once UPDATES updates (default 2) were read; the loop ends then
 *
 * Built on Windows against the SDK (ws2_32, user32), or anywhere against qosbed::win32 and run
 * with `qosbed run examples/window.yaml -- window`. */
#include <winsock2.h>
/* After <winsock2.h>, whose types they use. */
#include <qos.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WM_QOS_NOTIFY (WM_USER + 1)

static int wanted = 2;
static int seen;

static void drain(SOCKET s) {
  char buffer[1024];
  DWORD bytes = 0;
  while (WSAIoctl(s, SIO_GET_QOS, NULL, 0, buffer, sizeof buffer, &bytes, NULL, NULL) == 0) {
    const QOS* qos = (const QOS*)buffer;
    printf("update bytes=%lu receiving service=%lu token_rate=%lu\n", (unsigned long)bytes,
           (unsigned long)qos->ReceivingFlowspec.ServiceType,
           (unsigned long)qos->ReceivingFlowspec.TokenRate);
    ++seen;
  }
  printf("drained, SIO_GET_QOS: %d\n", WSAGetLastError());
}

static LRESULT CALLBACK window_procedure(HWND hwnd, UINT message, WPARAM wParam, LPARAM lParam) {
  switch (message) {
    case WM_CREATE:
      printf("window created\n");
      return 0;
    case WM_QOS_NOTIFY:
      printf("FD_QOS message at %lu ms: event=%d status=%d\n", (unsigned long)GetTickCount(),
             WSAGETSELECTEVENT(lParam), WSAGETSELECTERROR(lParam));
      if (WSAGETSELECTEVENT(lParam) == FD_QOS) drain((SOCKET)wParam);
      if (seen >= wanted) PostQuitMessage(0);
      return 0;
    case WM_DESTROY:
      printf("window destroyed\n");
      return 0;
    default:
      return DefWindowProc(hwnd, message, wParam, lParam);
  }
}

int main(int argc, char** argv) {
  WSADATA data;
  WNDCLASS window_class;
  HWND hwnd;
  MSG msg;
  SOCKET s;
  struct sockaddr_in local;

  if (argc > 1) wanted = atoi(argv[1]);
  if (WSAStartup(MAKEWORD(2, 2), &data) != 0) return 2;
  memset(&window_class, 0, sizeof window_class);
  window_class.lpfnWndProc = window_procedure;
  window_class.hInstance = GetModuleHandle(NULL);
  window_class.lpszClassName = TEXT("GQoSNotify");
  if (!RegisterClass(&window_class)) return 1;
  hwnd = CreateWindowEx(0, TEXT("GQoSNotify"), TEXT("GQoS"), 0, 0, 0, 0, 0, HWND_MESSAGE, NULL,
                        window_class.hInstance, NULL);
  if (!hwnd) return 1;

  s = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
  memset(&local, 0, sizeof local);
  local.sin_family = AF_INET;
  local.sin_port = htons(5000);
  if (bind(s, (struct sockaddr*)&local, sizeof local) == SOCKET_ERROR ||
      WSAAsyncSelect(s, hwnd, WM_QOS_NOTIFY, FD_QOS) == SOCKET_ERROR) {
    printf("bind or WSAAsyncSelect failed %d\n", WSAGetLastError());
    return 1;
  }
  while (GetMessage(&msg, NULL, 0, 0) > 0) {
    TranslateMessage(&msg);
    DispatchMessage(&msg);
  }
  printf("message loop ended with %d at %lu ms\n", (int)msg.wParam, (unsigned long)GetTickCount());
  DestroyWindow(hwnd);
  closesocket(s);
  WSACleanup();
  return seen >= wanted ? 0 : 1;
}
