// The DLL's start in a program Wine loads it into: when qosbed started the program, the kernel32
// and user32 calls the client models are pointed at it (hooks.hpp), and a crash is reported to
// qosbed rather than to Wine's debugger. A program started otherwise keeps Wine's calls, and its
// first Winsock call says how to run it.
#include "hooks.hpp"
#include "win32/client/platform.hpp"
#include "win32/client/session.hpp"

namespace {

LONG WINAPI on_unhandled_exception(EXCEPTION_POINTERS* exception) {
  const EXCEPTION_RECORD* record = exception->ExceptionRecord;
  qosbed::win32::client::crashed(static_cast<std::uint32_t>(record->ExceptionCode),
                                 reinterpret_cast<std::uintptr_t>(record->ExceptionAddress));
}

}  // namespace

extern "C" BOOL WINAPI DllMain(HINSTANCE module, DWORD reason, LPVOID) {
  if (reason != DLL_PROCESS_ATTACH) return TRUE;
  DisableThreadLibraryCalls(module);
  if (!qosbed::win32::client::platform::take_channel_variable()) return TRUE;
  qosbed::win32::dll::patch_imports(GetModuleHandleW(nullptr), qosbed::win32::dll::hooks());
  SetUnhandledExceptionFilter(on_unhandled_exception);
  return TRUE;
}
