// The channel between a program linked with qosbed_win32 and the `qosbed run` serving it: binary
// frames, each a little-endian u32 size (the bytes after it), a u32 kind and the u32 thread it
// is from or for, then the body. The program sends one request per call (a Call); qosbed answers
// each with a Reply. Only one program thread runs at a time, so the frames never interleave; a
// reply may hand the run to another thread (switch_to), whose own reply follows it. Every reply
// body starts with the common part (ReplyHead): the virtual time, the error to set, the results
// of overlapped requests that finished (bytes to copy into which buffer, the OVERLAPPED's
// Internal and InternalHigh), and the completion routines the thread is to run now. The first
// request is Call::hello with protocol_magic and protocol_version; a version qosbed does not
// speak ends the run. docs/own-client.md, "The channel", describes it for other implementations.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace qosbed::win32 {

inline constexpr std::uint32_t protocol_magic = 0x31574251;  // "QBW1"
inline constexpr std::uint32_t protocol_version = 1;
// A frame larger than this is a framing error, on either side.
inline constexpr std::uint32_t max_frame_bytes = 16u << 20;

// qosbed's handles (events, threads, windows, sockets) are multiples of 4 from first_handle, below
// handle_end: values that no handle of Windows or Wine reaches (theirs stay below 2^26) and that
// survive a cast to 32 bits, so that a program under Wine, which holds Windows' own handles too,
// can pass either kind to the same call (CloseHandle, WaitForMultipleObjects).
inline constexpr std::uint64_t first_handle = 0x40000000;
inline constexpr std::uint64_t handle_end = 0x80000000;
inline constexpr bool is_qosbed_handle(std::uint64_t value) {
  return value >= first_handle && value < handle_end;
}

// The environment variable naming the channel's folder, which holds the two FIFOs.
inline constexpr const char* channel_variable = "QOSBED_CHANNEL";
inline constexpr const char* requests_name = "requests";    // program -> qosbed
inline constexpr const char* responses_name = "responses";  // qosbed -> program

enum class Call : std::uint32_t {
  hello = 1,            // u32 magic, u32 version -> u32 thread id of the caller
  unsupported,          // text what: the program called something qosbed does not model
  enum_protocols,       // -> u32 n, n x (u32 ip protocol, u32 service flags, text name)
  open_socket,          // u32 ip protocol -> u64 socket
  bind,                 // u64 s, Address -> i32
  connect,              // u64 s, Address, blob QOS (flattened; empty for none) -> i32
  listen,               // u64 s -> i32
  accept,               // u64 s, u32 non-blocking -> i32, Address peer, blob caller QOS
  accept_decision,      // u64 s, u32 CF_*, blob QOS -> i32, u64 accepted socket
  shutdown,             // u64 s, u32 how -> i32
  close_socket,         // u64 s -> i32
  socket_name,          // u64 s, u32 peer -> i32, Address
  ioctl,                // u64 s, u32 code, blob in, u32 out size, u32 byte count wanted, Overlapped
                        // -> i32, u32 bytes, blob out
  overlapped_result,    // u64 s, u64 request, u32 wait -> u32 ok, u32 bytes, u32 flags
  event_select,         // u64 s, u64 event, u32 mask -> i32
  async_select,         // u64 s, u64 window, u32 message, u32 mask -> i32
  enum_network_events,  // u64 s, u64 event -> i32, u32 events, 10 x u32 error codes
  create_event,         // u32 manual reset, u32 initially set -> u64 handle
  set_event,            // u64 handle -> u32 ok
  reset_event,          // u64 handle -> u32 ok
  close_handle,         // u64 handle -> u32 ok
  wait,                 // Wait -> u32 result
  routines_done,        // Wait (the one that returned WAIT_IO_COMPLETION) -> u32 result
  create_thread,        // -> u64 handle, u32 thread id
  exit_thread,          // u32 exit code -> (the run goes on in another thread)
  exit_code,            // u64 thread handle -> u32 ok, u32 exit code
  create_window,        // -> u64 window
  destroy_window,       // u64 window -> u32 ok
  post_message,         // u64 window, u32 thread id, Message -> u32 ok (window 0: to the thread)
  post_quit,            // i32 exit code -> u32 ok
  get_message,          // u64 window, u32 min, u32 max, u32 remove, u32 wait -> i32, Message
  send,                 // u64 s, u32 bytes, u32 with address, Address, Overlapped -> i32, u32 bytes
  receive,              // u64 s, u32 non-blocking, Overlapped -> i32, u32 bytes
  crash,                // u32 exception code, u64 address: the program crashed (under Wine, where
                        // its unhandled exception reaches the client); no reply, it ends
};
inline constexpr std::uint32_t last_call = static_cast<std::uint32_t>(Call::crash);

inline std::string_view name_of(Call call) {
  constexpr std::string_view names[] = {"hello",
                                        "unsupported",
                                        "enum_protocols",
                                        "open_socket",
                                        "bind",
                                        "connect",
                                        "listen",
                                        "accept",
                                        "accept_decision",
                                        "shutdown",
                                        "close_socket",
                                        "socket_name",
                                        "ioctl",
                                        "overlapped_result",
                                        "event_select",
                                        "async_select",
                                        "enum_network_events",
                                        "create_event",
                                        "set_event",
                                        "reset_event",
                                        "close_handle",
                                        "wait",
                                        "routines_done",
                                        "create_thread",
                                        "exit_thread",
                                        "exit_code",
                                        "create_window",
                                        "destroy_window",
                                        "post_message",
                                        "post_quit",
                                        "get_message",
                                        "send",
                                        "receive",
                                        "crash"};
  static_assert(std::size(names) == last_call);
  const auto index = static_cast<std::uint32_t>(call);
  return index >= 1 && index <= last_call ? names[index - 1] : std::string_view("unknown");
}

enum class Reply : std::uint32_t {
  result = 1,     // the answer to the thread's request, or to its wait
  switch_to = 2,  // u32 thread: hand the run to that thread, whose own reply comes next
  start = 3,      // a new thread begins: run its start routine
};

// How an overlapped request is to be told of its end.
enum class Notify : std::uint32_t { none = 0, event = 1, routine = 2 };

enum class WaitCall : std::uint32_t { sleep_ex = 0, wait_for_events = 1, wait_for_objects = 2 };

// ---- encoding -------------------------------------------------------------------------------

// Fields appended one after the other: a frame's body, or a part of one.
class Fields {
 public:
  Fields& u32(std::uint32_t value) { return raw(&value, sizeof value); }
  Fields& i32(std::int32_t value) { return raw(&value, sizeof value); }
  Fields& u64(std::uint64_t value) { return raw(&value, sizeof value); }
  Fields& i64(std::int64_t value) { return raw(&value, sizeof value); }
  Fields& blob(std::span<const std::byte> bytes) {
    u32(static_cast<std::uint32_t>(bytes.size()));
    return append(bytes);
  }
  Fields& text(std::string_view text) { return blob(std::as_bytes(std::span(text))); }
  Fields& append(std::span<const std::byte> bytes) {
    if (bytes.empty()) return *this;
    // Grown and copied rather than vector::insert, which GCC 12 at -O3 misreads as an overflow
    // of an empty vector (-Wstringop-overflow).
    const std::size_t at = bytes_.size();
    bytes_.resize(at + bytes.size());
    std::memcpy(bytes_.data() + at, bytes.data(), bytes.size());
    return *this;
  }
  const std::vector<std::byte>& bytes() const { return bytes_; }

 protected:
  Fields& raw(const void* data, std::size_t size) {
    const auto* begin = static_cast<const std::byte*>(data);
    return append({begin, size});
  }
  std::vector<std::byte> bytes_;
};

// One frame: its head, then the fields appended.
class Writer : public Fields {
 public:
  Writer(std::uint32_t kind, std::uint32_t thread) {
    u32(0);  // the size, filled by frame()
    u32(kind);
    u32(thread);
  }
  // The whole frame, its size filled in.
  const std::vector<std::byte>& frame() {
    const auto size = static_cast<std::uint32_t>(bytes_.size() - 4);
    std::memcpy(bytes_.data(), &size, sizeof size);
    return bytes_;
  }
};

// Reads a frame's body. Reading past the end yields zeros and marks the reader failed, so a
// decoder reads every field and checks ok() once.
class Reader {
 public:
  explicit Reader(std::span<const std::byte> body) : body_(body) {}
  std::uint32_t u32() { return value<std::uint32_t>(); }
  std::int32_t i32() { return value<std::int32_t>(); }
  std::uint64_t u64() { return value<std::uint64_t>(); }
  std::int64_t i64() { return value<std::int64_t>(); }
  std::span<const std::byte> blob() {
    const std::uint32_t size = u32();
    if (failed_ || size > body_.size() - at_) {
      failed_ = true;
      return {};
    }
    const auto bytes = body_.subspan(at_, size);
    at_ += size;
    return bytes;
  }
  std::string text() {
    const auto bytes = blob();
    return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
  }
  bool ok() const { return !failed_; }
  // Every byte read, none missing: a well-formed body.
  bool whole() const { return !failed_ && at_ == body_.size(); }

 private:
  template <typename T>
  T value() {
    T out{};
    if (failed_ || sizeof out > body_.size() - at_) {
      failed_ = true;
      return out;
    }
    std::memcpy(&out, body_.data() + at_, sizeof out);
    at_ += sizeof out;
    return out;
  }
  std::span<const std::byte> body_;
  std::size_t at_ = 0;
  bool failed_ = false;
};

// A frame's header, as read off the channel.
struct FrameHead {
  std::uint32_t size = 0;  // of what follows the size field: kind, thread and body
  std::uint32_t kind = 0;
  std::uint32_t thread = 0;
};
inline constexpr std::size_t frame_head_bytes = 12;
inline FrameHead read_head(const std::byte* bytes) {
  FrameHead head;
  std::memcpy(&head.size, bytes, 4);
  std::memcpy(&head.kind, bytes + 4, 4);
  std::memcpy(&head.thread, bytes + 8, 4);
  return head;
}

// An IPv4 address and port, in host byte order.
struct WireAddress {
  std::uint32_t ip = 0;
  std::uint32_t port = 0;
};
inline void put(Fields& writer, const WireAddress& address) {
  writer.u32(address.ip).u32(address.port);
}
inline WireAddress get_address(Reader& reader) {
  WireAddress address;
  address.ip = reader.u32();
  address.port = reader.u32();
  return address;
}

// An overlapped request: the program's own id for it (0: the call is synchronous), how it is told
// of its end, and the event of its OVERLAPPED.
struct WireOverlapped {
  std::uint64_t request = 0;
  Notify notify = Notify::none;
  std::uint64_t event = 0;
};
inline void put(Fields& writer, const WireOverlapped& overlapped) {
  writer.u64(overlapped.request).u32(static_cast<std::uint32_t>(overlapped.notify));
  writer.u64(overlapped.event);
}
inline WireOverlapped get_overlapped(Reader& reader) {
  WireOverlapped overlapped;
  overlapped.request = reader.u64();
  overlapped.notify = static_cast<Notify>(reader.u32());
  overlapped.event = reader.u64();
  return overlapped;
}

// A wait: SleepEx (no handles), WSAWaitForMultipleEvents or WaitFor*Objects(Ex).
struct WireWait {
  WaitCall call = WaitCall::sleep_ex;
  std::uint32_t timeout_ms = 0;
  bool alertable = false;
  bool wait_all = false;
  std::vector<std::uint64_t> handles;
};
inline void put(Fields& writer, const WireWait& wait) {
  writer.u32(static_cast<std::uint32_t>(wait.call)).u32(wait.timeout_ms);
  writer.u32(wait.alertable ? 1 : 0).u32(wait.wait_all ? 1 : 0);
  writer.u32(static_cast<std::uint32_t>(wait.handles.size()));
  for (const std::uint64_t handle : wait.handles) writer.u64(handle);
}
inline WireWait get_wait(Reader& reader) {
  WireWait wait;
  wait.call = static_cast<WaitCall>(reader.u32());
  wait.timeout_ms = reader.u32();
  wait.alertable = reader.u32() != 0;
  wait.wait_all = reader.u32() != 0;
  const std::uint32_t count = reader.u32();
  for (std::uint32_t i = 0; i < count && reader.ok(); ++i) wait.handles.push_back(reader.u64());
  return wait;
}

struct WireMessage {
  std::uint64_t window = 0;
  std::uint32_t message = 0;
  std::uint64_t wparam = 0;
  std::int64_t lparam = 0;
  std::uint32_t time_ms = 0;
};
inline void put(Fields& writer, const WireMessage& message) {
  writer.u64(message.window).u32(message.message).u64(message.wparam).i64(message.lparam);
  writer.u32(message.time_ms);
}
inline WireMessage get_message(Reader& reader) {
  WireMessage message;
  message.window = reader.u64();
  message.message = reader.u32();
  message.wparam = reader.u64();
  message.lparam = reader.i64();
  message.time_ms = reader.u32();
  return message;
}

// What finished: the request's id, the OVERLAPPED's Internal and InternalHigh, and the bytes to
// copy to the start of its buffer. A QOS among them has ProviderSpecific.buf (offset 72) as an
// offset from the buffer's start, which the program turns back into an address in its buffer.
struct Finished {
  std::uint64_t request = 0;
  std::uint32_t error = 0;
  std::uint32_t bytes = 0;
  std::vector<std::byte> data;
};
// A completion routine to run now, in the thread's alertable wait.
struct Routine {
  std::uint64_t request = 0;
  std::uint32_t error = 0;
  std::uint32_t bytes = 0;
};

// The common part of every reply body.
struct ReplyHead {
  std::int64_t now_us = 0;
  std::uint32_t error = 0;  // the thread's last error is set to this unless 0
  std::vector<Finished> finished;
  std::vector<Routine> routines;
};
inline void put(Fields& writer, const ReplyHead& head) {
  writer.i64(head.now_us).u32(head.error);
  writer.u32(static_cast<std::uint32_t>(head.finished.size()));
  for (const Finished& f : head.finished)
    writer.u64(f.request).u32(f.error).u32(f.bytes).blob(f.data);
  writer.u32(static_cast<std::uint32_t>(head.routines.size()));
  for (const Routine& r : head.routines) writer.u64(r.request).u32(r.error).u32(r.bytes);
}
inline ReplyHead get_reply_head(Reader& reader) {
  ReplyHead head;
  head.now_us = reader.i64();
  head.error = reader.u32();
  const std::uint32_t finished = reader.u32();
  for (std::uint32_t i = 0; i < finished && reader.ok(); ++i) {
    Finished f;
    f.request = reader.u64();
    f.error = reader.u32();
    f.bytes = reader.u32();
    const auto data = reader.blob();
    f.data.assign(data.begin(), data.end());
    head.finished.push_back(std::move(f));
  }
  const std::uint32_t routines = reader.u32();
  for (std::uint32_t i = 0; i < routines && reader.ok(); ++i) {
    Routine r;
    r.request = reader.u64();
    r.error = reader.u32();
    r.bytes = reader.u32();
    head.routines.push_back(r);
  }
  return head;
}

}  // namespace qosbed::win32
