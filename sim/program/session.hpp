// qosbed's side of one program's run: serves the calls of a program linked with qosbed_win32 on
// a Provider (the emulator under a TracingProvider, so its calls are traced as `app:` steps are),
// owns its threads, handles (events, threads, windows), message queues and overlapped requests,
// and decides which of its threads runs: one at a time, the running one until it blocks, then the
// oldest ready one; when none is ready it says so, and Turns (turns.hpp) moves the clock or lets
// another program run (docs/own-client.md, "Threads"). The session knows frames, not pipes or
// processes: program_run.cpp carries its frames over the channel.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/event_queue.hpp"
#include "engine/trace.hpp"
#include "engine/tracing_provider.hpp"
#include "program/objects.hpp"
#include "runner/expectations.hpp"
#include "scenario/scenario.hpp"
#include "win32/protocol.hpp"

namespace qosbed::program {

// A socket of the scenario, opened on the provider before the program starts; the program's
// sockets take them over as docs/own-client.md, "Sockets", says.
struct ScenarioSocket {
  const scenario::SocketSpec* spec = nullptr;
  provider::Socket handle = provider::invalid_socket;
};

// What one request from the program led to.
struct Outcome {
  std::vector<std::vector<std::byte>> frames;  // to write to the program, in order
  // Set when the run cannot go on: a malformed request, a call qosbed does not model. The frames
  // are then empty.
  std::optional<std::string> failure;
  // Every thread of the program waits: no frame goes out until something wakes one (resume).
  bool waiting = false;
};

class Session {
 public:
  // `traced` is what the program's calls go to; `untraced` the provider below it, which the
  // session asks whether an event is set and hands completion routines over through, unseen by
  // the trace. `sockets` are open already. `host`, when one program runs per host, names the
  // program's own sockets ("s#1"), which are "#1" otherwise.
  Session(engine::TracingProvider& traced, provider::Provider& untraced, engine::EventQueue& queue,
          engine::TraceSink& trace, std::vector<ScenarioSocket> sockets, std::string host = {});
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // Called when the program opens a socket of its own, one no scenario socket stands for.
  void on_own_socket(std::function<void(const std::string& id, provider::Protocol)> listener) {
    own_socket_ = std::move(listener);
  }

  // One frame from the program (its size field excluded).
  Outcome serve(const win32::FrameHead& head, std::span<const std::byte> body);
  // After the program waited (Outcome::waiting) and time or another program moved on: a thread
  // woken since runs, or the program still waits.
  Outcome resume() { return schedule(running_); }
  // The earliest timeout of a wait the program's threads are in.
  std::optional<engine::TimeUs> next_deadline() const;

  // The thread whose request comes next.
  std::uint32_t running() const { return running_; }
  bool connected() const { return running_ != 0; }
  // What each thread of the program is doing, one line each, for a report.
  std::vector<std::string> describe_threads() const;
  // The last call the program made on a socket (by its scenario id; empty: on any socket), for
  // `expect: call`.
  std::optional<runner::CallResult> last_call(const std::string& socket) const;

 private:
  struct Blocked;
  struct ThreadState;
  struct Request;
  struct ProgramSocket;

  // A request whose fields do not add up to its body.
  struct Malformed {};
  static void expect_whole(const win32::Reader& body);

  // A call's answer: the reply's error and its fields after the common part.
  struct Answer {
    std::uint32_t error = 0;
    win32::Fields fields;
    std::vector<win32::Routine> routines;
    win32::Reply kind = win32::Reply::result;
  };
  // What a handler did: answered, or blocked the calling thread.
  using Served = std::optional<Answer>;

  Served dispatch(win32::Call call, win32::Reader& body);
  Outcome schedule(std::uint32_t from);
  std::vector<std::byte> frame_for(std::uint32_t thread, Answer answer);
  std::vector<std::byte> switch_frame(std::uint32_t from, std::uint32_t to);
  Outcome fail(std::string why);

  // sockets.cpp
  Served open_socket(win32::Reader& body);
  Served bind(win32::Reader& body);
  Served connect(win32::Reader& body);
  Served listen(win32::Reader& body);
  Served accept(win32::Reader& body);
  Served accept_decision(win32::Reader& body);
  Served shutdown(win32::Reader& body);
  Served close_socket(win32::Reader& body);
  Served socket_name(win32::Reader& body);
  Served send(win32::Reader& body);
  Served receive(win32::Reader& body);
  ProgramSocket* find_socket(std::uint64_t handle);
  // The name of the program's `order`-th socket while it stands for no scenario socket.
  std::string own_name(std::size_t order) const { return host_ + "#" + std::to_string(order); }
  // Decides which scenario socket `socket` stands for, if it stands for none yet.
  void assign(ProgramSocket& socket, const win32::WireAddress* bound,
              const win32::WireAddress* connected);
  void trace_call(const ProgramSocket& socket, std::string call, int result, std::uint32_t error);
  // For `expect: call`: the call's result, and what a SIO_GET_QOS returned at once.
  void remember(const ProgramSocket& socket, std::string call, std::int64_t result,
                std::uint32_t error, std::optional<std::uint32_t> bytes = std::nullopt);
  void remember_data(const ProgramSocket& socket, std::span<const std::byte> buffer,
                     std::uint32_t bytes, std::uint32_t error);
  // A call that returned 0, and one that returned SOCKET_ERROR with `error`: what else the call
  // gives back follows in the fields.
  static Answer succeeded();
  Answer socket_error(std::uint32_t error);
  // A send or recv that failed with `error`: SOCKET_ERROR, and no bytes moved.
  Answer data_error(std::uint32_t error);

  // requests.cpp
  Served ioctl(win32::Reader& body);
  Served overlapped_result(win32::Reader& body);
  Served event_select(win32::Reader& body);
  Served async_select(win32::Reader& body);
  Served enum_network_events(win32::Reader& body);
  Request& new_request(const win32::WireOverlapped& wire, const ProgramSocket& socket,
                       std::uint32_t buffer_bytes);
  void finish_own(Request& request, std::uint32_t error, std::uint32_t bytes);
  std::vector<win32::Finished> collect_finished();
  // Completion routines the provider has finished move to their threads' queues.
  void hand_over_routines();
  void post_async_selects();

  // threads.cpp
  Served wait(win32::Reader& body);
  // Traces the wait `thread` began when it called `wait`, returning `result` now.
  void trace_wait(const ThreadState& thread, const win32::WireWait& wait, std::uint32_t result);
  Served routines_done(win32::Reader& body);
  Served create_event(win32::Reader& body);
  Served event_call(win32::Call call, win32::Reader& body);
  Served create_thread(win32::Reader& body);
  Served exit_thread(win32::Reader& body);
  Served exit_code(win32::Reader& body);
  Served create_window(win32::Reader& body);
  Served destroy_window(win32::Reader& body);
  Served post_message(win32::Reader& body);
  Served post_quit(win32::Reader& body);
  Served get_message(win32::Reader& body);
  Served block(Blocked blocked);
  // The answer to a blocked thread's wait, when it can be given now.
  std::optional<Answer> try_wake(ThreadState& thread);
  void wake_ready();
  bool any_alertable_waiter() const;
  bool signalled(std::uint64_t handle) const;
  std::string describe(const ThreadState& thread) const;

  engine::TracingProvider& traced_;
  provider::Provider& untraced_;
  engine::EventQueue& queue_;
  engine::TraceSink& trace_;
  std::vector<ScenarioSocket> scenario_sockets_;
  std::vector<bool> taken_;  // per scenario socket: a program socket stands for it
  std::string host_;
  std::function<void(const std::string&, provider::Protocol)> own_socket_;

  Handles handles_;
  std::map<std::uint32_t, std::unique_ptr<ThreadState>> threads_;
  std::deque<std::uint32_t> ready_;
  std::uint32_t running_ = 0;
  std::uint32_t next_thread_ = 1;
  std::map<std::uint64_t, std::unique_ptr<ProgramSocket>> sockets_;
  std::size_t sockets_opened_ = 0;
  // Kept for the whole run: the trace holds on to their OVERLAPPED and buffer addresses.
  std::deque<Request> requests_;
  std::map<std::uint64_t, Request*> by_program_id_;
  std::vector<Request*> unreported_;
  std::map<std::string, runner::CallResult> last_calls_;
  std::string last_socket_;  // where the program's last call went
};

}  // namespace qosbed::program
