// The client's platform layer in the ws2_32.dll that runs an .exe under Wine: the FIFOs opened
// as Windows files through the drive Wine maps their folder to, batons as semaphores, threads as
// Win32 threads, the thread's real last error. mingw-w64's GCC 12 uses the win32 thread model,
// so the standard library's threads and mutexes are not there to use.
#include <winsock2.h>
// After <winsock2.h>, which the SDK wants first.
#include <windows.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "win32/client/platform.hpp"
#include "win32/protocol.hpp"

namespace qosbed::win32::client::platform {
namespace {

// The channel's folder as qosbed named it (a Unix path), taken at the DLL's start.
std::string channel_folder;
HANDLE requests = INVALID_HANDLE_VALUE;
HANDLE responses = INVALID_HANDLE_VALUE;

struct Start {
  void (*entry)(void*);
  void* argument;
};

DWORD WINAPI run_thread(LPVOID start) {
  const Start copy = *static_cast<Start*>(start);
  delete static_cast<Start*>(start);
  copy.entry(copy.argument);
  return 0;
}

// Wine's own name for a Unix path (Z:\tmp\..., or \\?\unix\... where no drive maps it).
// Elsewhere, the value is taken as a Windows path already.
std::wstring windows_path(const std::string& path) {
  using ToDos = WCHAR*(CDECL*)(const char*);
  const auto to_dos = reinterpret_cast<ToDos>(reinterpret_cast<void*>(
      GetProcAddress(GetModuleHandleW(L"kernel32.dll"), "wine_get_dos_file_name")));
  if (to_dos) {
    if (WCHAR* dos = to_dos(path.c_str())) {
      std::wstring out(dos);
      HeapFree(GetProcessHeap(), 0, dos);
      return out;
    }
  }
  const int length = MultiByteToWideChar(CP_UTF8, 0, path.c_str(), -1, nullptr, 0);
  std::wstring out(length > 0 ? length - 1 : 0, L'\0');
  if (length > 1) MultiByteToWideChar(CP_UTF8, 0, path.c_str(), -1, out.data(), length);
  return out;
}

HANDLE open_fifo(const std::wstring& folder, const char* name, DWORD access) {
  std::wstring path = folder + L"\\";
  for (const char* c = name; *c; ++c) path += static_cast<wchar_t>(*c);
  return CreateFileW(path.c_str(), access, FILE_SHARE_READ | FILE_SHARE_WRITE, nullptr,
                     OPEN_EXISTING, 0, nullptr);
}

}  // namespace

bool take_channel_variable() {
  const DWORD size = GetEnvironmentVariableA(channel_variable, nullptr, 0);
  if (size == 0) return false;
  std::string value(size, '\0');
  value.resize(GetEnvironmentVariableA(channel_variable, value.data(), size));
  SetEnvironmentVariableA(channel_variable, nullptr);
  channel_folder = value;
  return !channel_folder.empty();
}

bool open_channel(std::string& error) {
  if (channel_folder.empty()) {
    error = std::string(channel_variable) +
            " is not set: run the program with `qosbed run SCENARIO.yaml -- PROGRAM`";
    return false;
  }
  const std::wstring folder = windows_path(channel_folder);
  // qosbed holds both FIFOs open already, so neither open blocks.
  requests = open_fifo(folder, requests_name, GENERIC_WRITE);
  responses = open_fifo(folder, responses_name, GENERIC_READ);
  if (requests == INVALID_HANDLE_VALUE || responses == INVALID_HANDLE_VALUE) {
    error = "cannot open the channel in " + channel_folder + ": Windows error " +
            std::to_string(GetLastError());
    return false;
  }
  // The C runtime of Windows has no line buffering: unbuffered, so that what the program printed
  // is out when qosbed has to stop it, and in order with qosbed's own output. This is the
  // program's stream too when it uses msvcrt.dll, as mingw-w64's programs do.
  std::setvbuf(stdout, nullptr, _IONBF, 0);
  return true;
}

bool write_all(const void* data, std::size_t size) {
  const auto* bytes = static_cast<const char*>(data);
  while (size > 0) {
    DWORD written = 0;
    const auto chunk = static_cast<DWORD>(std::min<std::size_t>(size, max_frame_bytes));
    if (!WriteFile(requests, bytes, chunk, &written, nullptr) || written == 0) return false;
    bytes += written;
    size -= written;
  }
  return true;
}

bool read_exact(void* data, std::size_t size) {
  auto* bytes = static_cast<char*>(data);
  while (size > 0) {
    DWORD got = 0;
    const auto chunk = static_cast<DWORD>(std::min<std::size_t>(size, max_frame_bytes));
    if (!ReadFile(responses, bytes, chunk, &got, nullptr) || got == 0) return false;
    bytes += got;
    size -= got;
  }
  return true;
}

struct Baton {
  HANDLE semaphore;
};

Baton* new_baton() {
  return new Baton{CreateSemaphoreW(nullptr, 0, 1, nullptr)};
}
void hand_over(Baton* baton) {
  ReleaseSemaphore(baton->semaphore, 1, nullptr);
}
void take(Baton* baton) {
  WaitForSingleObject(baton->semaphore, INFINITE);
}

bool start_thread(void (*entry)(void*), void* argument) {
  auto* start = new Start{entry, argument};
  const HANDLE thread = CreateThread(nullptr, 0, run_thread, start, 0, nullptr);
  if (!thread) {
    delete start;
    return false;
  }
  CloseHandle(thread);
  return true;
}

void end_thread() {
  ExitThread(0);
}

void end_process(int code) {
  TerminateProcess(GetCurrentProcess(), static_cast<UINT>(code));
  ExitProcess(static_cast<UINT>(code));  // not reached: TerminateProcess ends the caller too
}

std::uint32_t last_error() {
  return GetLastError();
}

void set_last_error(std::uint32_t error) {
  SetLastError(error);
}

void tell(const std::string& line) {
  const std::string text = line + "\n";
  DWORD written = 0;
  WriteFile(GetStdHandle(STD_ERROR_HANDLE), text.data(), static_cast<DWORD>(text.size()), &written,
            nullptr);
}

}  // namespace qosbed::win32::client::platform
