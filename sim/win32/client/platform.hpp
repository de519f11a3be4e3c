// What the client library needs from the operating system, kept apart so that the rest of it is
// the same wherever it is built: the channel to qosbed (two FIFOs named by QOSBED_CHANNEL), one
// baton per program thread (a thread runs only while it holds its baton), threads, and ending
// the thread or the process. platform_posix.cpp implements it on Linux; a Windows build (the
// ws2_32.dll that runs an .exe under Wine) implements the same with Win32 calls.
#pragma once

#include <cstddef>
#include <string>

namespace qosbed::win32::client::platform {

// Opens the channel named in the environment; false with `error` saying why.
bool open_channel(std::string& error);
// Whole transfers: false when the channel broke (qosbed is gone).
bool write_all(const void* data, std::size_t size);
bool read_exact(void* data, std::size_t size);

class Baton;
Baton* new_baton();
void hand_over(Baton* baton);  // lets the baton's thread run
void take(Baton* baton);       // waits until this thread's baton is handed over

// Starts a real thread running entry(argument); false when the system refused.
bool start_thread(void (*entry)(void*), void* argument);
[[noreturn]] void end_thread();
[[noreturn]] void end_process(int code);

// Writes a line to standard error, unbuffered, so it is there even if the process ends next.
void tell(const std::string& line);

}  // namespace qosbed::win32::client::platform
