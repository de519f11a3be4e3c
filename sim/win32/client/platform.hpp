// What the client library needs from the operating system, kept apart so that the rest of it is
// the same wherever it is built: the channel to qosbed (two FIFOs named by QOSBED_CHANNEL), one
// baton per program thread (a thread runs only while it holds its baton), threads, the thread's
// last error, and ending the thread or the process. platform_posix.cpp implements it on Linux;
// platform_win32.cpp with Win32 calls, for the ws2_32.dll that runs an .exe under Wine.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace qosbed::win32::client::platform {

// Opens the channel named in the environment; false with `error` saying why.
bool open_channel(std::string& error);
#ifdef _WIN32
// Under Wine, at the DLL's start: keeps QOSBED_CHANNEL for open_channel and takes it out of the
// process's environment, so that the programs this one starts do not find it. False when it is
// not set: the program does not run under qosbed.
bool take_channel_variable();
#endif
// Whole transfers: false when the channel broke (qosbed is gone).
bool write_all(const void* data, std::size_t size);
bool read_exact(void* data, std::size_t size);

// A semaphore of the platform's, one per program thread.
struct Baton;
Baton* new_baton();
void hand_over(Baton* baton);  // lets the baton's thread run
void take(Baton* baton);       // waits until this thread's baton is handed over

// Starts a real thread running entry(argument); false when the system refused.
bool start_thread(void (*entry)(void*), void* argument);
[[noreturn]] void end_thread();
// Ends the process at once, with `code`: no exit handlers run.
[[noreturn]] void end_process(int code);

// The calling thread's last error (GetLastError, WSAGetLastError): the client's own on Linux,
// the thread's real one under Wine, which the rest of the process shares.
std::uint32_t last_error();
void set_last_error(std::uint32_t error);

// Writes a line to standard error, unbuffered, so it is there even if the process ends next.
void tell(const std::string& line);

}  // namespace qosbed::win32::client::platform
