// The names of the kernel32 and user32 functions the client models. Linked into a Linux program,
// the library defines them under their own names. In the ws2_32.dll that runs an .exe under Wine
// they cannot have those names, which are the real kernel32's and user32's (the DLL calls the real
// ones itself): there each is qosbed_NAME, declared here with the SDK's own type so that its
// signature cannot drift, and reaches the program through its import table (dll/hooks.cpp).
#pragma once

#ifdef _WIN32

#include <windows.h>
#include <winsock2.h>

#define QOSBED_HOOKED(name) qosbed_##name

// Those that take no handle, or only qosbed's.
#define QOSBED_HOOKED_KERNEL32(X) \
  X(SleepEx)                      \
  X(Sleep)                        \
  X(GetTickCount)                 \
  X(GetTickCount64)               \
  X(QueryPerformanceCounter)      \
  X(QueryPerformanceFrequency)    \
  X(CreateEventA)                 \
  X(CreateEventW)                 \
  X(CreateThread)                 \
  X(ExitThread)                   \
  X(GetCurrentThreadId)
// Those that take handles, which under Wine may be Windows' own (dll/hooks.cpp tells them apart).
#define QOSBED_HOOKED_HANDLE_CALLS(X) \
  X(SetEvent)                         \
  X(ResetEvent)                       \
  X(CloseHandle)                      \
  X(WaitForSingleObject)              \
  X(WaitForSingleObjectEx)            \
  X(WaitForMultipleObjects)           \
  X(WaitForMultipleObjectsEx)         \
  X(GetExitCodeThread)
#define QOSBED_HOOKED_USER32(X) \
  X(RegisterClassA)             \
  X(RegisterClassW)             \
  X(RegisterClassExA)           \
  X(RegisterClassExW)           \
  X(CreateWindowExA)            \
  X(CreateWindowExW)            \
  X(DestroyWindow)              \
  X(DefWindowProcA)             \
  X(DefWindowProcW)             \
  X(SetWindowLongPtrA)          \
  X(SetWindowLongPtrW)          \
  X(GetWindowLongPtrA)          \
  X(GetWindowLongPtrW)          \
  X(GetMessageA)                \
  X(GetMessageW)                \
  X(PeekMessageA)               \
  X(PeekMessageW)               \
  X(TranslateMessage)           \
  X(DispatchMessageA)           \
  X(DispatchMessageW)           \
  X(PostMessageA)               \
  X(PostMessageW)               \
  X(PostThreadMessageA)         \
  X(PostThreadMessageW)         \
  X(PostQuitMessage)

#define QOSBED_DECLARE_HOOKED(name) decltype(::name) qosbed_##name;
extern "C" {
QOSBED_HOOKED_KERNEL32(QOSBED_DECLARE_HOOKED)
QOSBED_HOOKED_HANDLE_CALLS(QOSBED_DECLARE_HOOKED)
QOSBED_HOOKED_USER32(QOSBED_DECLARE_HOOKED)
}
#undef QOSBED_DECLARE_HOOKED

#else

#define QOSBED_HOOKED(name) name

#endif
