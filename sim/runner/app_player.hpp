// The application's side of a run: its sockets, the requests it issued with their buffers and
// OVERLAPPED blocks, the Monitors it started, and each `app:` step performed as the application
// thread would, through a traced Provider. The virtual-time runner (runner.cpp) and the live
// runner (live_run.cpp) both drive their application through it; they differ in where time and
// the provider's events come from.
#pragma once

#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "client/monitor.hpp"
#include "engine/clock.hpp"
#include "engine/tracing_provider.hpp"
#include "record/session_recorder.hpp"
#include "runner/expectations.hpp"
#include "runner/runner.hpp"
#include "scenario/scenario.hpp"

namespace qosbed::runner {

class MonitorTrace;

class AppPlayer {
 public:
  // `traced` is what the application calls; `recorder`, when set, records the session (it is
  // told what the trace does not say: the sockets opened, the Monitors started). Steps that
  // cannot be played are added to `failures`.
  AppPlayer(engine::TracingProvider& traced, record::SessionRecorder* recorder,
            const engine::Clock& clock, engine::TraceSink& sink, std::vector<Failure>& failures);
  ~AppPlayer();

  // Opens the scenario's sockets through `untraced` (the provider under the trace: nothing the
  // application does before its first step is traced). Returns the spec of the first socket the
  // provider refused to open, with nothing opened after it; null when all are open.
  const scenario::SocketSpec* open_sockets(const std::vector<scenario::SocketSpec>& sockets,
                                           provider::Provider& untraced);
  provider::Socket handle(const std::string& socket_id) const;

  void play(const scenario::Step& step, const scenario::AppAction& action);

  // Whether a Monitor still keeps a query outstanding: the application thread then spends its
  // idle time in an alertable wait, so completion routines run as soon as requests finish.
  bool monitor_running() const;

  // The last call an `app:` step made, for `expect: call`.
  const std::optional<CallResult>& last_call() const { return last_call_; }

 private:
  // One request the application issued: its buffer and OVERLAPPED live as long as the run.
  struct Request {
    std::vector<std::byte> buffer;
    provider::Overlapped overlapped;
  };
  struct SocketRuntime {
    const scenario::SocketSpec* spec = nullptr;
    provider::Socket handle = provider::invalid_socket;
    provider::Event event = provider::invalid_event;
    std::optional<std::uint32_t> learnt_required;  // from the last WSAENOBUFS on this socket
    std::deque<Request*> unread;                   // event-notified requests not yet read
    std::unique_ptr<MonitorTrace> monitor_trace;
    std::unique_ptr<client::Monitor> monitor;
  };

  void set_qos(const scenario::Step& step, SocketRuntime& runtime, const scenario::AppSetQos& app);
  void get_qos(const scenario::Step& step, SocketRuntime& runtime, const scenario::AppGetQos& app);
  void check_qos(const scenario::Step& step, SocketRuntime& runtime,
                 const scenario::AppCheckQos& app);
  void wait(const scenario::AppWait& app);
  void get_overlapped_result(const scenario::Step& step, SocketRuntime& runtime,
                             const scenario::AppGetOverlappedResult& app);
  void start_monitor(SocketRuntime& runtime, const scenario::AppMonitor& app);

  void remember_call(const scenario::Step& step, std::string call, std::int64_t result,
                     std::optional<std::uint32_t> bytes = std::nullopt);
  provider::Event event_of(SocketRuntime& runtime);
  Request& new_request(std::uint32_t buffer_bytes);
  // A step that cannot be played makes no call: an `expect: call` after it says so.
  void not_played(const scenario::Step& step, std::string call, std::string message);

  engine::TracingProvider& traced_;
  record::SessionRecorder* recorder_;
  const engine::Clock& clock_;
  engine::TraceSink& sink_;
  std::vector<Failure>& failures_;
  std::map<std::string, SocketRuntime> sockets_;
  std::vector<std::unique_ptr<Request>> requests_;
  std::optional<CallResult> last_call_;
};

}  // namespace qosbed::runner
