// The program's side of the channel: one request per call, from the thread that holds the baton,
// and the reply applied as Windows would have applied it meanwhile (the results of overlapped
// requests copied into their buffers and OVERLAPPEDs) before the call returns. Completion routines
// a reply hands over are run by the alertable wait that asked (kernel.cpp). Every Win32 function
// of the library goes through here.
#pragma once

#include <winsock2.h>

#include <cstdint>
#include <string>
#include <vector>

#include "win32/protocol.hpp"

namespace qosbed::win32::client {

// A reply's body after its common part, which was applied already.
struct Answer {
  Answer(std::vector<std::byte> frame, Reader reader, ReplyHead head)
      : frame_(std::move(frame)), body(std::move(reader)), head(std::move(head)) {}
  std::vector<std::byte> frame_;  // the bytes `body` reads
  Reader body;
  ReplyHead head;
};

// A request under way for the calling thread: fill it, then send() it.
Writer request(Call call);
// Sends the request and waits for this thread's reply (the run may pass through other threads
// meanwhile). A broken channel or a malformed reply ends the process with a message.
Answer send(Writer& request);

// The program called something qosbed does not model: qosbed is told (it reports the call and
// fails the run), stderr says so, and the process ends.
[[noreturn]] void unsupported(const std::string& what);
// The program crashed (an unhandled exception under Wine): qosbed is told, stderr says so, and the
// process ends.
[[noreturn]] void crashed(std::uint32_t code, std::uint64_t address);
// The program's thread id as qosbed numbers them (the first thread to call is 1).
std::uint32_t current_thread();
std::int64_t now_us();

// The thread's last error (GetLastError, WSAGetLastError).
DWORD last_error();
void set_last_error(DWORD error);
// Sets the last error and returns `result`, for calls that fail on the program's side.
template <typename T>
T fail(DWORD error, T result) {
  set_last_error(error);
  return result;
}

// An overlapped request the program issued, until its routine ran or its result was read.
struct PendingRequest {
  void* buffer = nullptr;  // where the result's bytes go
  std::uint32_t size = 0;
  LPWSAOVERLAPPED overlapped = nullptr;
  LPWSAOVERLAPPED_COMPLETION_ROUTINE routine = nullptr;
};
// Registers the request under a new id, its OVERLAPPED marked pending (STATUS_PENDING).
std::uint64_t add_request(const PendingRequest& pending);
void forget_request(std::uint64_t id);
// The newest request issued with `overlapped`, 0 for none.
std::uint64_t request_of(LPWSAOVERLAPPED overlapped);
// Runs the routines a reply handed this thread, in order.
void run_routines(const std::vector<Routine>& routines);

// Copies `bytes` to `buffer` (at most `size`), turning a QOS's ProviderSpecific.buf offset back
// into an address inside `buffer`.
void copy_result(void* buffer, std::uint32_t size, std::span<const std::byte> bytes);
// The QOS and the ProviderSpecific bytes its buf points to, as one buffer with buf an offset
// (KB195274's flattening): what the channel carries.
std::vector<std::byte> flatten(const QOS& qos);

// The thread that will run `entry(argument)` once qosbed hands it the run; false when no thread
// could be started.
bool start_program_thread(std::uint32_t thread, LPTHREAD_START_ROUTINE entry, LPVOID argument);
// Ends the calling thread, handing the run on.
[[noreturn]] void exit_program_thread(DWORD code);

}  // namespace qosbed::win32::client
