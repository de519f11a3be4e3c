// The kernel32 and user32 calls of an .exe that the ws2_32.dll takes over under Wine: Wine's
// kernel32 and user32 cannot be replaced, so the DLL points the program's own imports of them at
// the client (docs/own-client.md, "Under Wine, as an .exe").
#pragma once

#include <winsock2.h>
// After <winsock2.h>, which the SDK wants first.
#include <windows.h>

#include <span>

namespace qosbed::win32::dll {

// A function a module imports by name from `library`, and what its calls go to instead.
struct Hook {
  const char* library;
  const char* function;
  void* replacement;
};

// The calls of kernel32 and user32 that would wait, or deliver messages, outside the model: each
// ends the program, naming itself (unmodelled.cpp defines qosbed_unmodelled_NAME for each).
#define QOSBED_UNMODELLED_KERNEL32(X) \
  X(SignalObjectAndWait)              \
  X(QueueUserAPC)                     \
  X(CreateWaitableTimerA)             \
  X(CreateWaitableTimerW)             \
  X(SetWaitableTimer)                 \
  X(RegisterWaitForSingleObject)      \
  X(CreateTimerQueueTimer)
#define QOSBED_UNMODELLED_USER32(X) \
  X(MsgWaitForMultipleObjects)      \
  X(MsgWaitForMultipleObjectsEx)    \
  X(WaitMessage)                    \
  X(SetTimer)                       \
  X(KillTimer)                      \
  X(SendMessageA)                   \
  X(SendMessageW)

// Every call the DLL takes over: the modelled ones, and those that would wait or deliver
// messages outside the model, which end the program naming themselves.
std::span<const Hook> hooks();

// Points each of `module`'s imports that `hooks` names at its replacement. Only that module's
// import table changes: calls through GetProcAddress, or from other DLLs, still reach Wine.
void patch_imports(HMODULE module, std::span<const Hook> hooks);

}  // namespace qosbed::win32::dll
