#include "win32/client/session.hpp"

#include <cstdio>
#include <cstring>
#include <map>

#include "gqos/layout.hpp"
#include "win32/client/platform.hpp"

namespace qosbed::win32::client {
namespace {

// Ends the process: the program cannot go on without qosbed. 3, so that it shows as a failure.
constexpr int exit_broken_channel = 3;

[[noreturn]] void broken(const std::string& why) {
  platform::tell("qosbed_win32: " + why);
  platform::end_process(exit_broken_channel);
}

thread_local std::uint32_t this_thread = 0;

// What the process shares. Only the thread holding the baton touches it, and handing the baton
// over orders the accesses, so it needs no lock. Before the first call there is one thread only
// (threads are started through CreateThread, which connects first), so connecting needs none
// either; a thread started some other way is refused at its first call.
struct Process {
  bool connected = false;
  std::int64_t now_us = 0;
  std::map<std::uint32_t, platform::Baton*> batons;
  std::map<std::uint64_t, PendingRequest> requests;
  std::map<LPWSAOVERLAPPED, std::uint64_t> newest;  // the newest request of each OVERLAPPED
  std::uint64_t next_request = 1;
};

Process& process() {
  static Process* shared = new Process;  // never destroyed: threads may outlive main's return
  return *shared;
}

std::vector<std::byte> read_frame(std::uint32_t* kind) {
  std::byte head_bytes[frame_head_bytes];
  if (!platform::read_exact(head_bytes, sizeof head_bytes)) broken("the channel to qosbed closed");
  const FrameHead head = read_head(head_bytes);
  if (head.size < frame_head_bytes - 4 || head.size > max_frame_bytes) {
    broken("a reply of " + std::to_string(head.size) + " bytes is not a frame");
  }
  if (head.thread != this_thread) {
    broken("a reply for thread " + std::to_string(head.thread) + " reached thread " +
           std::to_string(this_thread));
  }
  std::vector<std::byte> body(head.size - (frame_head_bytes - 4));
  if (!platform::read_exact(body.data(), body.size())) broken("the channel to qosbed closed");
  *kind = head.kind;
  return body;
}

// The common part of a reply: the clock, the error, and what finished meanwhile.
ReplyHead apply_head(Reader& reader) {
  ReplyHead head = get_reply_head(reader);
  if (!reader.ok()) broken("a malformed reply");
  Process& shared = process();
  shared.now_us = head.now_us;
  if (head.error != 0) platform::set_last_error(head.error);
  for (const Finished& finished : head.finished) {
    const auto it = shared.requests.find(finished.request);
    if (it == shared.requests.end()) continue;  // forgotten: its OVERLAPPED was reused
    PendingRequest& pending = it->second;
    copy_result(pending.buffer, pending.size, finished.data);
    pending.overlapped->Internal = finished.error;
    pending.overlapped->InternalHigh = finished.bytes;
  }
  return head;
}

void connect_to_qosbed() {
  std::string error;
  if (!platform::open_channel(error)) broken(error);
  this_thread = 1;
  process().batons[1] = platform::new_baton();
  Writer hello = request(Call::hello);
  hello.u32(protocol_magic).u32(protocol_version);
  Answer answer = send(hello);
  if (answer.body.u32() != 1 || !answer.body.whole()) broken("qosbed refused the program");
}

void ensure_connected() {
  if (process().connected) return;
  process().connected = true;
  connect_to_qosbed();
}

}  // namespace

Writer request(Call call) {
  if (call != Call::hello) ensure_connected();
  if (this_thread == 0) broken("a thread qosbed did not start called into qosbed_win32");
  return Writer(static_cast<std::uint32_t>(call), this_thread);
}

Answer send(Writer& request) {
  const std::vector<std::byte>& frame = request.frame();
  if (!platform::write_all(frame.data(), frame.size())) broken("the channel to qosbed closed");
  for (;;) {
    std::uint32_t kind = 0;
    std::vector<std::byte> body = read_frame(&kind);
    Reader reader(body);
    ReplyHead head = apply_head(reader);
    if (kind == static_cast<std::uint32_t>(Reply::result)) {
      return Answer(std::move(body), reader, std::move(head));
    }
    if (kind != static_cast<std::uint32_t>(Reply::switch_to)) broken("an unexpected reply");
    // Another thread runs until qosbed hands this one its reply.
    const std::uint32_t next = reader.u32();
    const auto baton = process().batons.find(next);
    if (!reader.whole() || baton == process().batons.end()) broken("a switch to no thread");
    platform::hand_over(baton->second);
    platform::take(process().batons.at(this_thread));
  }
}

void unsupported(const std::string& what) {
  platform::tell("qosbed_win32: " + what + " is not modelled by qosbed");
  Writer notice = request(Call::unsupported);
  notice.text(what);
  send(notice);
  platform::end_process(exit_broken_channel);
}

void crashed(std::uint32_t code, std::uint64_t address) {
  char text[80];
  std::snprintf(text, sizeof text, "the program crashed: exception 0x%08X at address 0x%llX",
                static_cast<unsigned>(code), static_cast<unsigned long long>(address));
  platform::tell(std::string("qosbed_win32: ") + text);
  // A thread qosbed did not start cannot speak on the channel; qosbed then sees the process end.
  if (this_thread != 0 && process().connected) {
    Writer notice = request(Call::crash);
    notice.u32(code).u64(address);
    const std::vector<std::byte>& frame = notice.frame();
    platform::write_all(frame.data(), frame.size());
  }
  platform::end_process(exit_broken_channel);
}

std::uint32_t current_thread() {
  ensure_connected();
  return this_thread;
}

std::int64_t now_us() {
  ensure_connected();
  return process().now_us;
}

DWORD last_error() {
  return platform::last_error();
}

void set_last_error(DWORD error) {
  platform::set_last_error(error);
}

std::uint64_t add_request(const PendingRequest& pending) {
  Process& shared = process();
  const std::uint64_t id = shared.next_request++;
  // An OVERLAPPED reused for a new request: the old request's result no longer reaches it.
  if (const auto old = shared.newest.find(pending.overlapped); old != shared.newest.end()) {
    shared.requests.erase(old->second);
  }
  shared.requests[id] = pending;
  shared.newest[pending.overlapped] = id;
  pending.overlapped->Internal = STATUS_PENDING;
  pending.overlapped->InternalHigh = 0;
  return id;
}

void forget_request(std::uint64_t id) {
  Process& shared = process();
  const auto it = shared.requests.find(id);
  if (it == shared.requests.end()) return;
  const auto newest = shared.newest.find(it->second.overlapped);
  if (newest != shared.newest.end() && newest->second == id) shared.newest.erase(newest);
  shared.requests.erase(it);
}

std::uint64_t request_of(LPWSAOVERLAPPED overlapped) {
  const auto it = process().newest.find(overlapped);
  return it == process().newest.end() ? 0 : it->second;
}

void run_routines(const std::vector<Routine>& routines) {
  for (const Routine& routine : routines) {
    const auto it = process().requests.find(routine.request);
    if (it == process().requests.end() || !it->second.routine) continue;
    const PendingRequest pending = it->second;
    forget_request(routine.request);
    pending.routine(routine.error, routine.bytes, pending.overlapped, 0);
  }
}

void copy_result(void* buffer, std::uint32_t size, std::span<const std::byte> bytes) {
  if (!buffer) return;
  const std::size_t kept = std::min<std::size_t>(size, bytes.size());
  auto* out = static_cast<std::byte*>(buffer);
  std::memcpy(out, bytes.data(), kept);
  if (kept < gqos::provider_specific_buf_offset + sizeof(std::uint64_t)) return;
  std::uint64_t offset = 0;
  std::memcpy(&offset, out + gqos::provider_specific_buf_offset, sizeof offset);
  const std::uint64_t address =
      offset == 0 || offset >= size ? 0 : reinterpret_cast<std::uintptr_t>(out) + offset;
  std::memcpy(out + gqos::provider_specific_buf_offset, &address, sizeof address);
}

std::vector<std::byte> flatten(const QOS& qos) {
  const std::size_t extra = qos.ProviderSpecific.buf ? qos.ProviderSpecific.len : 0;
  std::vector<std::byte> bytes(sizeof(QOS) + extra);
  QOS copy = qos;
  copy.ProviderSpecific.buf = extra ? reinterpret_cast<CHAR*>(sizeof(QOS)) : nullptr;
  std::memcpy(bytes.data(), &copy, sizeof copy);
  if (extra) std::memcpy(bytes.data() + sizeof(QOS), qos.ProviderSpecific.buf, extra);
  return bytes;
}

namespace {

struct ThreadStart {
  std::uint32_t thread;
  LPTHREAD_START_ROUTINE entry;
  LPVOID argument;
};

void run_program_thread(void* start) {
  const ThreadStart copy = *static_cast<ThreadStart*>(start);
  delete static_cast<ThreadStart*>(start);
  this_thread = copy.thread;
  platform::take(process().batons.at(copy.thread));
  std::uint32_t kind = 0;
  std::vector<std::byte> body = read_frame(&kind);
  Reader reader(body);
  apply_head(reader);
  if (kind != static_cast<std::uint32_t>(Reply::start)) broken("a new thread got no start");
  exit_program_thread(copy.entry(copy.argument));
}

}  // namespace

bool start_program_thread(std::uint32_t thread, LPTHREAD_START_ROUTINE entry, LPVOID argument) {
  process().batons[thread] = platform::new_baton();
  return platform::start_thread(run_program_thread, new ThreadStart{thread, entry, argument});
}

void exit_program_thread(DWORD code) {
  Writer exit = request(Call::exit_thread);
  exit.u32(code);
  const std::vector<std::byte>& frame = exit.frame();
  if (!platform::write_all(frame.data(), frame.size())) broken("the channel to qosbed closed");
  std::uint32_t kind = 0;
  std::vector<std::byte> body = read_frame(&kind);
  Reader reader(body);
  apply_head(reader);
  if (kind == static_cast<std::uint32_t>(Reply::result)) {
    // The last thread of the process: it ends with this thread's code, as on Windows.
    platform::end_process(static_cast<int>(code));
  }
  const std::uint32_t next = reader.u32();
  const auto baton = process().batons.find(next);
  if (kind != static_cast<std::uint32_t>(Reply::switch_to) || baton == process().batons.end()) {
    broken("an exiting thread was handed no successor");
  }
  platform::hand_over(baton->second);
  platform::end_thread();
}

}  // namespace qosbed::win32::client
