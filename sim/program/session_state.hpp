// The session's private state: a program thread, what it is blocked on, an overlapped request and
// a program socket. Shared by the session's source files only.
#pragma once

#include <deque>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "program/session.hpp"

namespace qosbed::program {

// SleepEx, WSAWaitForMultipleEvents, WaitFor*Objects(Ex).
struct WaitFor {
  win32::WireWait wait;
  std::optional<engine::TimeUs> deadline_us;
};
// GetMessage with an empty queue.
struct MessageFor {
  std::uint64_t window = 0;
  std::uint32_t min = 0;
  std::uint32_t max = 0;
};
// WSAGetOverlappedResult with fWait TRUE on a request still pending.
struct ResultOf {
  std::uint64_t socket = 0;
  std::uint64_t request = 0;
};
// A blocking recv or accept: nothing can arrive, so only closing the socket ends it.
struct DataOn {
  std::uint64_t socket = 0;
  std::string call;  // "recv", "accept"
};

struct Session::Blocked {
  std::variant<WaitFor, MessageFor, ResultOf, DataOn> on;
};

struct Session::ThreadState {
  std::uint32_t id = 0;
  std::uint64_t handle = 0;
  enum class State { running, blocked, ready, exited } state = State::ready;
  std::optional<Blocked> blocked;
  std::optional<Answer> answer;         // what it is told when it runs next (ready)
  std::deque<win32::Routine> routines;  // completion routines queued to it (APCs)
  std::deque<win32::WireMessage> messages;
  std::optional<std::int32_t> quit;  // PostQuitMessage's code, until GetMessage returns WM_QUIT
  engine::TimeUs wait_began_us = 0;  // when its last wait began
  std::uint32_t exit_code = 0;
};

struct Session::Request {
  std::uint64_t program_id = 0;  // the program's id for it
  std::uint32_t thread = 0;
  std::uint64_t socket = 0;
  win32::Notify notify = win32::Notify::none;
  std::vector<std::byte> buffer;
  provider::Overlapped overlapped;
  bool own = false;  // a data call: qosbed, not the provider, finishes it
};

struct Session::ProgramSocket {
  std::uint64_t handle = 0;
  provider::Protocol protocol = provider::Protocol::udp;
  std::size_t order = 0;  // 1 for the first socket the program opened
  provider::Socket provider = provider::invalid_socket;  // none until assigned
  std::string name;                                      // the scenario socket's id, or "#order"
  std::optional<std::size_t> scenario;  // index of the scenario socket it stands for
  std::optional<win32::WireAddress> local;
  std::optional<win32::WireAddress> peer;
  bool listening = false;
  bool peer_offered = false;  // the one connection a listening socket gets was taken or refused
  bool handed_over = false;   // its connection stands for its scenario socket now
  // WSAAsyncSelect: the provider event behind it, and where its messages go.
  provider::Event async_event = provider::invalid_event;
  std::uint64_t async_window = 0;
  std::uint32_t async_message = 0;
  std::uint32_t async_mask = 0;
};

// A QOS as the program sends it (ProviderSpecific.buf an offset into the bytes), with buf made
// an address into the copy returned, as the provider reads it.
std::vector<std::byte> qos_from_program(std::span<const std::byte> flat);

}  // namespace qosbed::program
