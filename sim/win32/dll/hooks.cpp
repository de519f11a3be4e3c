// The calls the DLL takes over, and where each goes. Those that take handles go where their
// handles belong: under Wine a program holds Windows' own handles beside qosbed's (a mutex of its
// C++ runtime, a file), and qosbed's are told apart by their values (win32::is_qosbed_handle).
#include "hooks.hpp"

#include <cstdint>
#include <string>

#include "win32/client/hooked.hpp"
#include "win32/client/session.hpp"
#include "win32/protocol.hpp"

#define QOSBED_DECLARE_UNMODELLED(name) void qosbed_unmodelled_##name();
extern "C" {
QOSBED_UNMODELLED_KERNEL32(QOSBED_DECLARE_UNMODELLED)
QOSBED_UNMODELLED_USER32(QOSBED_DECLARE_UNMODELLED)
}
#undef QOSBED_DECLARE_UNMODELLED

namespace qosbed::win32::dll {
namespace {

bool ours(HANDLE handle) {
  return is_qosbed_handle(reinterpret_cast<std::uintptr_t>(handle));
}

// True when every handle of a wait is qosbed's, false when every one is Windows'; a wait on both
// at once cannot be had, and ends the program.
bool all_ours(const char* function, DWORD count, const HANDLE* handles) {
  if (count == 0 || !handles) return true;  // the client reports the bad parameter
  DWORD mine = 0;
  for (DWORD i = 0; i < count; ++i) mine += ours(handles[i]) ? 1 : 0;
  if (mine != 0 && mine != count) {
    client::unsupported(std::string(function) +
                        " on qosbed's objects and Windows' own handles at once");
  }
  return mine == count;
}

BOOL WINAPI either_SetEvent(HANDLE hEvent) {
  return ours(hEvent) ? qosbed_SetEvent(hEvent) : SetEvent(hEvent);
}
BOOL WINAPI either_ResetEvent(HANDLE hEvent) {
  return ours(hEvent) ? qosbed_ResetEvent(hEvent) : ResetEvent(hEvent);
}
BOOL WINAPI either_CloseHandle(HANDLE hObject) {
  return ours(hObject) ? qosbed_CloseHandle(hObject) : CloseHandle(hObject);
}
BOOL WINAPI either_GetExitCodeThread(HANDLE hThread, LPDWORD lpExitCode) {
  return ours(hThread) ? qosbed_GetExitCodeThread(hThread, lpExitCode)
                       : GetExitCodeThread(hThread, lpExitCode);
}
DWORD WINAPI either_WaitForSingleObject(HANDLE hHandle, DWORD dwMilliseconds) {
  return ours(hHandle) ? qosbed_WaitForSingleObject(hHandle, dwMilliseconds)
                       : WaitForSingleObject(hHandle, dwMilliseconds);
}
DWORD WINAPI either_WaitForSingleObjectEx(HANDLE hHandle, DWORD dwMilliseconds, BOOL bAlertable) {
  return ours(hHandle) ? qosbed_WaitForSingleObjectEx(hHandle, dwMilliseconds, bAlertable)
                       : WaitForSingleObjectEx(hHandle, dwMilliseconds, bAlertable);
}
DWORD WINAPI either_WaitForMultipleObjects(DWORD nCount, const HANDLE* lpHandles, BOOL bWaitAll,
                                           DWORD dwMilliseconds) {
  return all_ours("WaitForMultipleObjects", nCount, lpHandles)
             ? qosbed_WaitForMultipleObjects(nCount, lpHandles, bWaitAll, dwMilliseconds)
             : WaitForMultipleObjects(nCount, lpHandles, bWaitAll, dwMilliseconds);
}
DWORD WINAPI either_WaitForMultipleObjectsEx(DWORD nCount, const HANDLE* lpHandles, BOOL bWaitAll,
                                             DWORD dwMilliseconds, BOOL bAlertable) {
  return all_ours("WaitForMultipleObjectsEx", nCount, lpHandles)
             ? qosbed_WaitForMultipleObjectsEx(nCount, lpHandles, bWaitAll, dwMilliseconds,
                                               bAlertable)
             : WaitForMultipleObjectsEx(nCount, lpHandles, bWaitAll, dwMilliseconds, bAlertable);
}

// A replacement, checked to have the type the SDK gives the function it replaces.
template <typename Function>
void* replacement(Function* function) {
  return reinterpret_cast<void*>(function);
}

#define QOSBED_KERNEL32_HOOK(name) \
  Hook{"kernel32.dll", #name, replacement<decltype(::name)>(qosbed_##name)},
#define QOSBED_HANDLE_HOOK(name) \
  Hook{"kernel32.dll", #name, replacement<decltype(::name)>(either_##name)},
#define QOSBED_USER32_HOOK(name) \
  Hook{"user32.dll", #name, replacement<decltype(::name)>(qosbed_##name)},
#define QOSBED_UNMODELLED_KERNEL32_HOOK(name) \
  Hook{"kernel32.dll", #name, reinterpret_cast<void*>(qosbed_unmodelled_##name)},
#define QOSBED_UNMODELLED_USER32_HOOK(name) \
  Hook{"user32.dll", #name, reinterpret_cast<void*>(qosbed_unmodelled_##name)},

}  // namespace

std::span<const Hook> hooks() {
  static const Hook all[] = {
      QOSBED_HOOKED_KERNEL32(QOSBED_KERNEL32_HOOK)                 //
      QOSBED_HOOKED_HANDLE_CALLS(QOSBED_HANDLE_HOOK)               //
      QOSBED_HOOKED_USER32(QOSBED_USER32_HOOK)                     //
      QOSBED_UNMODELLED_KERNEL32(QOSBED_UNMODELLED_KERNEL32_HOOK)  //
      QOSBED_UNMODELLED_USER32(QOSBED_UNMODELLED_USER32_HOOK)      //
  };
  return all;
}

}  // namespace qosbed::win32::dll
