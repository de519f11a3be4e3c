// kernel32 over the channel: waits and sleeps (which pass virtual time and run completion
// routines), events, threads, clocks and the last error.
// <winsock2.h> brings <windows.h>: the SDK wants it that way round.
#include <winsock2.h>

#include "win32/client/hooked.hpp"
#include "win32/client/session.hpp"

using namespace qosbed::win32;
using namespace qosbed::win32::client;

namespace {

// Waits as the program asked; an alertable wait that returns WAIT_IO_COMPLETION first runs the
// routines it was handed, and then any that those made ready (a reissue that finished at once),
// as Windows does before the wait returns.
DWORD wait(const WireWait& wait) {
  Writer first = request(Call::wait);
  put(first, wait);
  Answer answer = send(first);
  DWORD result = answer.body.u32();
  while (!answer.head.routines.empty()) {
    run_routines(answer.head.routines);
    Writer next = request(Call::routines_done);
    put(next, wait);
    answer = send(next);
    result = answer.body.u32();
  }
  return result;
}

DWORD wait_for(WaitCall call, DWORD count, const HANDLE* handles, BOOL all, DWORD timeout,
               BOOL alertable) {
  WireWait request;
  request.call = call;
  request.timeout_ms = timeout;
  request.alertable = alertable != FALSE;
  request.wait_all = all != FALSE;
  if (handles) {
    for (DWORD i = 0; i < count; ++i) {
      request.handles.push_back(reinterpret_cast<std::uintptr_t>(handles[i]));
    }
  } else if (count > 0) {
    return fail(ERROR_INVALID_PARAMETER, WAIT_FAILED);
  }
  return wait(request);
}

BOOL handle_call(Call call, HANDLE handle) {
  Writer writer = request(call);
  writer.u64(reinterpret_cast<std::uintptr_t>(handle));
  return send(writer).body.u32() ? TRUE : FALSE;
}

HANDLE create_event(BOOL manual, BOOL initial) {
  Writer writer = request(Call::create_event);
  writer.u32(manual ? 1 : 0).u32(initial ? 1 : 0);
  return reinterpret_cast<HANDLE>(static_cast<std::uintptr_t>(send(writer).body.u64()));
}

}  // namespace

extern "C" {

DWORD WINAPI QOSBED_HOOKED(SleepEx)(DWORD dwMilliseconds, BOOL bAlertable) {
  return wait_for(WaitCall::sleep_ex, 0, nullptr, FALSE, dwMilliseconds, bAlertable);
}
void WINAPI QOSBED_HOOKED(Sleep)(DWORD dwMilliseconds) {
  QOSBED_HOOKED(SleepEx)(dwMilliseconds, FALSE);
}

DWORD WINAPI QOSBED_HOOKED(GetTickCount)(void) {
  return static_cast<DWORD>(now_us() / 1000);
}
ULONGLONG WINAPI QOSBED_HOOKED(GetTickCount64)(void) {
  return static_cast<ULONGLONG>(now_us() / 1000);
}
BOOL WINAPI QOSBED_HOOKED(QueryPerformanceCounter)(LARGE_INTEGER* lpPerformanceCount) {
  if (!lpPerformanceCount) return fail(ERROR_INVALID_PARAMETER, FALSE);
  lpPerformanceCount->QuadPart = now_us() * 10;
  return TRUE;
}
BOOL WINAPI QOSBED_HOOKED(QueryPerformanceFrequency)(LARGE_INTEGER* lpFrequency) {
  if (!lpFrequency) return fail(ERROR_INVALID_PARAMETER, FALSE);
  lpFrequency->QuadPart = 10000000;
  return TRUE;
}

HANDLE WINAPI QOSBED_HOOKED(CreateEventA)(LPSECURITY_ATTRIBUTES, BOOL bManualReset,
                                          BOOL bInitialState, LPCSTR lpName) {
  if (lpName) unsupported("CreateEventA with a name");
  return create_event(bManualReset, bInitialState);
}
HANDLE WINAPI QOSBED_HOOKED(CreateEventW)(LPSECURITY_ATTRIBUTES, BOOL bManualReset,
                                          BOOL bInitialState, LPCWSTR lpName) {
  if (lpName) unsupported("CreateEventW with a name");
  return create_event(bManualReset, bInitialState);
}
BOOL WINAPI QOSBED_HOOKED(SetEvent)(HANDLE hEvent) {
  return handle_call(Call::set_event, hEvent);
}
BOOL WINAPI QOSBED_HOOKED(ResetEvent)(HANDLE hEvent) {
  return handle_call(Call::reset_event, hEvent);
}
BOOL WINAPI QOSBED_HOOKED(CloseHandle)(HANDLE hObject) {
  return handle_call(Call::close_handle, hObject);
}

DWORD WINAPI QOSBED_HOOKED(WaitForSingleObject)(HANDLE hHandle, DWORD dwMilliseconds) {
  return wait_for(WaitCall::wait_for_objects, 1, &hHandle, FALSE, dwMilliseconds, FALSE);
}
DWORD WINAPI QOSBED_HOOKED(WaitForSingleObjectEx)(HANDLE hHandle, DWORD dwMilliseconds,
                                                  BOOL bAlertable) {
  return wait_for(WaitCall::wait_for_objects, 1, &hHandle, FALSE, dwMilliseconds, bAlertable);
}
DWORD WINAPI QOSBED_HOOKED(WaitForMultipleObjects)(DWORD nCount, const HANDLE* lpHandles,
                                                   BOOL bWaitAll, DWORD dwMilliseconds) {
  return wait_for(WaitCall::wait_for_objects, nCount, lpHandles, bWaitAll, dwMilliseconds, FALSE);
}
DWORD WINAPI QOSBED_HOOKED(WaitForMultipleObjectsEx)(DWORD nCount, const HANDLE* lpHandles,
                                                     BOOL bWaitAll, DWORD dwMilliseconds,
                                                     BOOL bAlertable) {
  return wait_for(WaitCall::wait_for_objects, nCount, lpHandles, bWaitAll, dwMilliseconds,
                  bAlertable);
}

WSAEVENT WINAPI WSACreateEvent(void) {
  return create_event(TRUE, FALSE);
}
BOOL WINAPI WSACloseEvent(WSAEVENT hEvent) {
  return handle_call(Call::close_handle, hEvent);
}
BOOL WINAPI WSASetEvent(WSAEVENT hEvent) {
  return handle_call(Call::set_event, hEvent);
}
BOOL WINAPI WSAResetEvent(WSAEVENT hEvent) {
  return handle_call(Call::reset_event, hEvent);
}
DWORD WINAPI WSAWaitForMultipleEvents(DWORD cEvents, const WSAEVENT* lphEvents, BOOL fWaitAll,
                                      DWORD dwTimeout, BOOL fAlertable) {
  return wait_for(WaitCall::wait_for_events, cEvents, lphEvents, fWaitAll, dwTimeout, fAlertable);
}

HANDLE WINAPI QOSBED_HOOKED(CreateThread)(LPSECURITY_ATTRIBUTES, SIZE_T,
                                          LPTHREAD_START_ROUTINE lpStartAddress, LPVOID lpParameter,
                                          DWORD dwCreationFlags, LPDWORD lpThreadId) {
  if (dwCreationFlags & CREATE_SUSPENDED) unsupported("CreateThread with CREATE_SUSPENDED");
  if (!lpStartAddress) return fail(ERROR_INVALID_PARAMETER, static_cast<HANDLE>(nullptr));
  Writer writer = request(Call::create_thread);
  Answer answer = send(writer);
  const std::uint64_t handle = answer.body.u64();
  const std::uint32_t thread = answer.body.u32();
  if (!start_program_thread(thread, lpStartAddress, lpParameter)) {
    unsupported("CreateThread beyond the threads the system would start");
  }
  if (lpThreadId) *lpThreadId = thread;
  return reinterpret_cast<HANDLE>(static_cast<std::uintptr_t>(handle));
}
void WINAPI QOSBED_HOOKED(ExitThread)(DWORD dwExitCode) {
  exit_program_thread(dwExitCode);
}
BOOL WINAPI QOSBED_HOOKED(GetExitCodeThread)(HANDLE hThread, LPDWORD lpExitCode) {
  Writer writer = request(Call::exit_code);
  writer.u64(reinterpret_cast<std::uintptr_t>(hThread));
  Answer answer = send(writer);
  const bool ok = answer.body.u32() != 0;
  const DWORD code = answer.body.u32();
  if (ok && lpExitCode) *lpExitCode = code;
  return ok ? TRUE : FALSE;
}
DWORD WINAPI QOSBED_HOOKED(GetCurrentThreadId)(void) {
  return current_thread();
}

// Linked into a Linux program, the library is all of kernel32 the program has. Under Wine these
// are Wine's own: the last error is the thread's real one (platform_win32.cpp), the module
// handles and the pseudo-handle real ones.
#ifndef _WIN32
DWORD WINAPI GetLastError(void) {
  return last_error();
}
void WINAPI SetLastError(DWORD dwErrCode) {
  set_last_error(dwErrCode);
}
HANDLE WINAPI GetCurrentThread(void) {
  return reinterpret_cast<HANDLE>(static_cast<LONG_PTR>(-2));  // the pseudo-handle, as Windows
}

HMODULE WINAPI GetModuleHandleA(LPCSTR lpModuleName) {
  if (lpModuleName) unsupported("GetModuleHandleA with a module name");
  return reinterpret_cast<HMODULE>(static_cast<std::uintptr_t>(0x400000));  // the program's image
}
HMODULE WINAPI GetModuleHandleW(LPCWSTR lpModuleName) {
  if (lpModuleName) unsupported("GetModuleHandleW with a module name");
  return reinterpret_cast<HMODULE>(static_cast<std::uintptr_t>(0x400000));
}
#endif

}  // extern "C"
