#include "runner/runner.hpp"

#include <algorithm>
#include <deque>
#include <limits>
#include <map>
#include <memory>
#include <stdexcept>
#include <variant>

#include "client/monitor.hpp"
#include "engine/event_queue.hpp"
#include "engine/tracing_provider.hpp"
#include "gqos/codec.hpp"
#include "gqos/constants.hpp"
#include "provider_stub/emulator.hpp"
#include "record/recording_provider.hpp"
#include "runner/expectations.hpp"
#include "runner/network_run.hpp"
#include "runner/qos_encoding.hpp"

namespace qosbed::runner {
namespace {

using engine::TraceKind;
using engine::TraceRecord;
using provider::Socket;

// A buffer of "enough" bytes: more than any indication a scenario can script.
constexpr std::uint32_t enough_buffer = 64 * 1024;

const provider::Address any_address{"0.0.0.0", 0};

std::string direction_name(client::Direction direction) {
  return direction == client::Direction::sending ? "sending" : "receiving";
}

// One request the application issued: its buffer and OVERLAPPED live as long as the run.
struct Request {
  std::vector<std::byte> buffer;
  provider::Overlapped overlapped;
};

// Turns what a socket's monitor reports into trace records.
class MonitorTrace final : public client::MonitorListener {
 public:
  MonitorTrace(std::string socket, const engine::EventQueue& clock, engine::TraceSink& sink)
      : socket_(std::move(socket)), clock_(clock), sink_(sink) {}

  void on_update(const client::Update& update) override {
    TraceRecord record = base(TraceKind::update);
    record.direction = direction_name(update.direction);
    record.status = update.status;
    record.extended_status1 = update.extended_status1;
    record.extended_status2 = update.extended_status2;
    if (update.direction == client::Direction::sending) {
      record.sending = update.flowspec;
    } else {
      record.receiving = update.flowspec;
    }
    sink_.record(record);
  }
  void on_error(std::uint32_t error, std::string_view what) override {
    TraceRecord record = base(TraceKind::monitor_error);
    record.error = error;
    record.detail = std::string(what);
    sink_.record(record);
  }
  // A stop shows in the trace already: as the aborted completion, or after the error above.
  void on_stopped(client::StopReason) override {}

 private:
  TraceRecord base(TraceKind kind) const {
    TraceRecord record;
    record.t_us = clock_.now_us();
    record.socket = socket_;
    record.kind = kind;
    return record;
  }

  std::string socket_;
  const engine::EventQueue& clock_;
  engine::TraceSink& sink_;
};

struct SocketRuntime {
  const scenario::SocketSpec* spec = nullptr;
  Socket handle = provider::invalid_socket;
  provider::Event event = provider::invalid_event;
  std::optional<std::uint32_t> learnt_required;  // from the last WSAENOBUFS on this socket
  std::deque<Request*> unread;                   // event-notified requests not yet read
  std::unique_ptr<MonitorTrace> monitor_trace;
  std::unique_ptr<client::Monitor> monitor;
};

class Player final : public provider_stub::EmulatorObserver {
 public:
  Player(const scenario::Scenario& scenario, const RunOptions& options)
      : scenario_(scenario),
        emulator_(queue_, scenario.emulator),
        recorder_(options.recording ? std::make_unique<record::RecordingProvider>(
                                          emulator_, [this] { return queue_.now_us(); })
                                    : nullptr),
        traced_(recorder_ ? static_cast<provider::Provider&>(*recorder_) : emulator_, queue_, tee_),
        recording_(options.recording),
        recording_name_(options.recording_name),
        checker_(log_.records()),
        interrupt_(options.interrupt) {
    tee_.add(log_);
    if (options.trace) tee_.add(*options.trace);
    emulator_.set_observer(this);
    if (recorder_) recorder_->set_emulator_options(scenario.emulator);
  }

  // Plays every step, or stops early (interrupt, internal error) with result_.stopped saying
  // where; everything traced until then has reached the sinks either way.
  RunResult play() {
    try {
      play_steps();
    } catch (const Interrupted&) {
      stop_at("interrupted");
    } catch (const std::exception& error) {
      stop_at(std::string("internal error: ") + error.what());
    }
    result_.end_us = queue_.now_us();
    if (recorder_) *recording_ = recorder_->scenario_yaml(recording_name_);
    return std::move(result_);
  }

  // EmulatorObserver.
  void on_indication(Socket socket, const provider_stub::Indication& indication,
                     provider_stub::Delivery delivery) override {
    TraceRecord record = base(socket, TraceKind::fd_qos);
    record.detail = std::string(provider_stub::name_of(delivery));
    record.status = indication.status;
    if (indication.sending) record.sending = indication.sending;
    if (indication.receiving) record.receiving = indication.receiving;
    tee_.record(record);
  }
  void on_request_finished(Socket socket, std::uint32_t error, std::uint32_t bytes) override {
    TraceRecord record = base(socket, TraceKind::finished);
    record.error = error;
    record.bytes = bytes;
    tee_.record(record);
  }
  void on_stalled() override {
    TraceRecord record;
    record.t_us = queue_.now_us();
    record.kind = TraceKind::stalled;
    record.detail = "an infinite wait that nothing scheduled could end";
    tee_.record(record);
  }

 private:
  struct Interrupted {};

  void play_steps() {
    open_sockets();
    start_network();
    schedule_provider_steps();
    for (std::size_t i = 0; i < scenario_.steps.size(); ++i) {
      const scenario::Step& step = scenario_.steps[i];
      if (std::holds_alternative<scenario::SpAction>(step.action) ||
          std::holds_alternative<scenario::NetAction>(step.action)) {
        continue;
      }
      current_ = i;
      advance_to(step.at_us, i);
      if (const auto* app = std::get_if<scenario::AppAction>(&step.action)) {
        play_app(step, *app);
      } else {
        const std::size_t failures_before = result_.failures.size();
        expect(step, i, std::get<scenario::Expectation>(step.action));
        result_.expectations.push_back(
            {i, {result_.failures.begin() + failures_before, result_.failures.end()}});
      }
      nothing_since_ = log_.records().size();
    }
    // The provider's remaining steps still happen, so the trace shows them.
    current_ = scenario_.steps.size();
    if (network_) {
      advance_to(std::max(network_->end_us(), queue_.now_us()), scenario_.steps.size());
      network_->stop();
    }
    advance_to(std::numeric_limits<engine::TimeUs>::max(), scenario_.steps.size());
  }

  void check_interrupt() const {
    if (interrupt_ && *interrupt_) throw Interrupted{};
  }

  void stop_at(std::string reason) {
    Stop stop;
    stop.step = current_ + 1;
    stop.mark = current_ < scenario_.steps.size() ? scenario_.steps[current_].mark
                                                  : scenario::Mark{scenario_.file, 0, 0};
    stop.t_us = queue_.now_us();
    stop.reason = std::move(reason);
    result_.stopped = std::move(stop);
  }

  TraceRecord base(Socket socket, TraceKind kind) const {
    TraceRecord record;
    record.t_us = queue_.now_us();
    record.socket = traced_.socket_name(socket);
    record.kind = kind;
    return record;
  }

  void open_sockets() {
    for (const scenario::SocketSpec& spec : scenario_.sockets) {
      SocketRuntime& runtime = sockets_[spec.id];
      runtime.spec = &spec;
      // Opened untraced, as before the application's first step; a recorder must know of it.
      if (recorder_) {
        runtime.handle = recorder_->open(spec.role, spec.protocol);
        recorder_->name_socket(runtime.handle, spec.id);
      } else {
        runtime.handle = emulator_.open(spec.role, spec.protocol);
      }
      traced_.name_socket(runtime.handle, spec.id);
    }
  }

  // A network scenario's hosts' SPs indicate to the sockets the network section names.
  void start_network() {
    if (!scenario_.network) return;
    network_ = std::make_unique<NetworkRun>(
        queue_, *scenario_.network, tee_,
        [this](const std::string& socket, const provider_stub::Indication& indication) {
          emulator_.indicate(sockets_.at(socket).handle, indication);
        });
    network_->start();
  }

  void schedule_provider_steps() {
    for (std::size_t i = 0; i < scenario_.steps.size(); ++i) {
      const scenario::Step& step = scenario_.steps[i];
      if (const auto* net = std::get_if<scenario::NetAction>(&step.action)) {
        provider_step_of_[queue_.schedule_at(step.at_us, [this, net] { network_->play(*net); })] =
            i;
        continue;
      }
      const auto* sp = std::get_if<scenario::SpAction>(&step.action);
      if (!sp) continue;
      const engine::EventId id =
          queue_.schedule_at(step.at_us, [this, &step, sp] { play_sp(step, *sp); });
      provider_step_of_[id] = i;
    }
  }

  bool monitor_running() const {
    for (const auto& [id, runtime] : sockets_) {
      if (runtime.monitor && runtime.monitor->active()) return true;
    }
    return false;
  }

  // While a monitor runs, the application thread spends its idle time in an alertable wait, so
  // completion routines run as soon as their requests finish.
  void idle() {
    if (monitor_running() && emulator_.queued_completions() > 0) emulator_.sleep_ex(0, true);
  }

  // Moves the application thread to `t_us`, just before step `index`: everything scheduled
  // earlier happens, and so do provider steps at the same time that come before it in the file.
  void advance_to(engine::TimeUs t_us, std::size_t index) {
    check_interrupt();
    idle();
    while (auto due = queue_.next_due()) {
      check_interrupt();
      if (due->at_us > t_us) break;
      if (due->at_us == t_us) {
        auto step = provider_step_of_.find(due->id);
        if (step != provider_step_of_.end() && step->second > index) break;
      }
      queue_.run_next();
      idle();
    }
    if (t_us != std::numeric_limits<engine::TimeUs>::max()) queue_.advance_to(t_us);
  }

  void play_sp(const scenario::Step& step, const scenario::SpAction& action) {
    const Socket socket = sockets_.at(step.socket).handle;
    std::visit(
        [&](const auto& sp) {
          using T = std::decay_t<decltype(sp)>;
          if constexpr (std::is_same_v<T, scenario::SpFdQos>) {
            emulator_.indicate(socket, sp.indication);
          } else if (sp.pending) {
            if (!emulator_.fail_pending(socket, sp.error)) {
              fail(step, "sp: fail pending found no pending SIO_GET_QOS on " + step.socket);
            }
          } else {
            emulator_.fail_next_call(socket, *sp.call, sp.error);
            if (recorder_)
              recorder_->record_injected_failure(socket, provider_stub::name_of(*sp.call),
                                                 sp.error);
          }
        },
        action);
  }

  void remember_call(const scenario::Step& step, std::string call, std::int64_t result,
                     std::optional<std::uint32_t> bytes = std::nullopt) {
    // get_overlapped_result reports failure as FALSE (0), the socket calls as SOCKET_ERROR.
    const bool failed =
        call == "get_overlapped_result" ? result == 0 : result == provider::socket_error;
    CallResult last;
    last.socket = step.socket;
    last.call = std::move(call);
    last.result = result;
    last.error = failed ? traced_.last_error() : 0;
    last.bytes = bytes;
    last_call_ = std::move(last);
  }

  // A query that returned data at once: what the application can read from its buffer now.
  void remember_returned_data(std::span<const std::byte> buffer, std::uint32_t bytes,
                              std::uint32_t error) {
    CallResult& call = *last_call_;
    if (error == gqos::wsa::enobufs && buffer.size() >= 4)
      call.required = gqos::load_u32(buffer, 0);
    if (bytes < sizeof(gqos::Qos) || bytes > buffer.size()) return;
    const gqos::DecodeResult decoded = gqos::decode(buffer.first(bytes));
    call.sending = decoded.qos.sending;
    call.receiving = decoded.qos.receiving;
    if (const auto& info = decoded.qos.status_info) {
      call.status = info->status_code;
      call.extended_status1 = info->extended_status1;
      call.extended_status2 = info->extended_status2;
    }
  }

  const scenario::QosRequest* request_for(const SocketRuntime& runtime,
                                          const std::optional<scenario::QosRequest>& own) {
    if (own) return &*own;
    return runtime.spec->qos ? &*runtime.spec->qos : nullptr;
  }

  provider::Event event_of(SocketRuntime& runtime) {
    if (runtime.event == provider::invalid_event) runtime.event = traced_.create_event();
    return runtime.event;
  }

  Request& new_request(std::uint32_t buffer_bytes) {
    requests_.push_back(std::make_unique<Request>());
    requests_.back()->buffer.resize(buffer_bytes);
    return *requests_.back();
  }

  void play_app(const scenario::Step& step, const scenario::AppAction& action) {
    SocketRuntime* runtime = step.socket.empty() ? nullptr : &sockets_.at(step.socket);
    std::visit(
        [&](const auto& app) {
          using T = std::decay_t<decltype(app)>;
          if constexpr (std::is_same_v<T, scenario::AppBind>) {
            const auto& local = runtime->spec->local;
            remember_call(step, "bind", traced_.bind(runtime->handle, local.value_or(any_address)));
          } else if constexpr (std::is_same_v<T, scenario::AppConnect>) {
            std::vector<std::byte> qos;
            if (const auto* request = request_for(*runtime, app.qos))
              qos = encode_request(*request);
            const auto& remote = runtime->spec->remote;
            remember_call(step, "connect",
                          traced_.connect(runtime->handle, remote.value_or(any_address), qos));
          } else if constexpr (std::is_same_v<T, scenario::AppSetQos>) {
            set_qos(step, *runtime, app);
          } else if constexpr (std::is_same_v<T, scenario::AppGetQos>) {
            get_qos(step, *runtime, app);
          } else if constexpr (std::is_same_v<T, scenario::AppWait>) {
            wait(app);
          } else if constexpr (std::is_same_v<T, scenario::AppGetOverlappedResult>) {
            get_overlapped_result(step, *runtime, app);
          } else if constexpr (std::is_same_v<T, scenario::AppEventSelect>) {
            remember_call(
                step, "event_select",
                traced_.event_select(runtime->handle, event_of(*runtime), app.network_events));
          } else if constexpr (std::is_same_v<T, scenario::AppEnumNetworkEvents>) {
            provider::NetworkEvents events;
            remember_call(
                step, "enum_network_events",
                traced_.enum_network_events(runtime->handle, event_of(*runtime), &events));
          } else if constexpr (std::is_same_v<T, scenario::AppClose>) {
            remember_call(step, "close", traced_.close(runtime->handle));
          } else if constexpr (std::is_same_v<T, scenario::AppMonitor>) {
            start_monitor(*runtime, app);
          }
        },
        action);
  }

  void set_qos(const scenario::Step& step, SocketRuntime& runtime, const scenario::AppSetQos& app) {
    const auto* request = request_for(runtime, app.qos);
    const std::vector<std::byte> qos =
        request ? encode_request(*request) : encode_request(scenario::QosRequest{});
    std::uint32_t bytes = 0;
    provider::Overlapped* overlapped = nullptr;
    provider::CompletionRoutine routine;
    if (app.overlapped) {
      overlapped = &new_request(0).overlapped;
      routine = [](std::uint32_t, std::uint32_t, provider::Overlapped*, std::uint32_t) {};
    }
    const int result = traced_.ioctl(runtime.handle, gqos::ioctl::set_qos, qos, {}, &bytes,
                                     overlapped, std::move(routine));
    remember_call(step, "set_qos", result, bytes);
  }

  void get_qos(const scenario::Step& step, SocketRuntime& runtime, const scenario::AppGetQos& app) {
    std::uint32_t size = enough_buffer;
    if (app.buffer_kind == scenario::BufferKind::bytes) size = app.buffer_bytes;
    if (app.buffer_kind == scenario::BufferKind::required) {
      if (!runtime.learnt_required) {
        return fail(step, "buffer: required, but no WSAENOBUFS has told " + step.socket +
                              " a required size yet");
      }
      size = *runtime.learnt_required;
    }
    Request& request = new_request(size);
    std::uint32_t bytes = 0;
    provider::Overlapped* overlapped = nullptr;
    provider::CompletionRoutine routine;
    if (app.overlapped) {
      overlapped = &request.overlapped;
      if (app.notify_event) {
        request.overlapped.event = event_of(runtime);
      } else {
        routine = [&runtime, &request](std::uint32_t error, std::uint32_t transferred,
                                       provider::Overlapped*, std::uint32_t) {
          if (error == gqos::wsa::enobufs && transferred >= 4) {
            runtime.learnt_required = gqos::load_u32(request.buffer, 0);
          }
        };
      }
    }
    const int result = traced_.ioctl(runtime.handle, gqos::ioctl::get_qos, {}, request.buffer,
                                     &bytes, overlapped, std::move(routine));
    const std::uint32_t error = result == provider::socket_error ? traced_.last_error() : 0;
    if (error == gqos::wsa::enobufs && request.buffer.size() >= 4) {
      runtime.learnt_required = gqos::load_u32(request.buffer, 0);
    }
    const bool pending = result == 0 || error == gqos::wsa::io_pending;
    if (app.overlapped && app.notify_event && pending) runtime.unread.push_back(&request);
    remember_call(step, "get_qos", result,
                  result == 0 || error == gqos::wsa::enobufs ? std::optional(bytes) : std::nullopt);
    remember_returned_data(request.buffer, result == 0 ? bytes : 0, error);
  }

  void wait(const scenario::AppWait& app) {
    const std::uint32_t timeout_ms =
        app.timeout_us ? static_cast<std::uint32_t>(*app.timeout_us / 1000) : gqos::wsa::infinite;
    if (app.events.empty()) {
      traced_.sleep_ex(timeout_ms, app.alertable);
      return;
    }
    std::vector<provider::Event> events;
    for (const std::string& id : app.events) events.push_back(event_of(sockets_.at(id)));
    traced_.wait_for_events(events, false, timeout_ms, app.alertable);
  }

  void get_overlapped_result(const scenario::Step& step, SocketRuntime& runtime,
                             const scenario::AppGetOverlappedResult& app) {
    if (runtime.unread.empty()) {
      return fail(step, "get_overlapped_result: " + step.socket +
                            " has no event-notified request left to read");
    }
    Request& request = *runtime.unread.front();
    std::uint32_t bytes = 0;
    std::uint32_t flags = 0;
    const bool done = traced_.get_overlapped_result(runtime.handle, &request.overlapped, &bytes,
                                                    app.wait, &flags);
    const std::uint32_t error = done ? 0 : traced_.last_error();
    remember_call(step, "get_overlapped_result", done ? 1 : 0, bytes);
    if (!done && error == gqos::wsa::io_incomplete) return;
    if (error == gqos::wsa::enobufs) runtime.learnt_required = gqos::load_u32(request.buffer, 0);
    runtime.unread.pop_front();
    // A manual-reset event: the application resets it once it has read what signalled it.
    traced_.reset_event(runtime.event);
  }

  void start_monitor(SocketRuntime& runtime, const scenario::AppMonitor& app) {
    runtime.monitor_trace = std::make_unique<MonitorTrace>(runtime.spec->id, queue_,
                                                           static_cast<engine::TraceSink&>(tee_));
    client::MonitorOptions options;
    options.initial_buffer = app.initial_buffer;
    runtime.monitor =
        std::make_unique<client::Monitor>(traced_, runtime.handle, *runtime.monitor_trace, options);
    if (recorder_) recorder_->record_monitor(runtime.handle, app.initial_buffer);
    runtime.monitor->start();
  }

  void expect(const scenario::Step& step, std::size_t index,
              const scenario::Expectation& expectation) {
    if (const auto* nothing = std::get_if<scenario::ExpectNothing>(&expectation)) {
      advance_to(nothing->until_us, index);
    }
    ++result_.expectations_checked;
    if (const auto* message = std::get_if<scenario::ExpectMessage>(&expectation)) {
      return network_->check(step, *message, log_.records(), queue_.now_us(), result_.failures);
    }
    if (const auto* state = std::get_if<scenario::ExpectState>(&expectation)) {
      return network_->check(step, *state, result_.failures);
    }
    checker_.check(step, expectation, last_call_, nothing_since_, queue_.now_us(),
                   result_.failures);
  }

  void fail(const scenario::Step& step, std::string message) {
    result_.failures.push_back(Failure{step.mark, std::move(message)});
  }

  const scenario::Scenario& scenario_;
  engine::EventQueue queue_;
  provider_stub::Emulator emulator_;
  engine::TraceLog log_;
  engine::TraceTee tee_;
  std::unique_ptr<record::RecordingProvider> recorder_;
  engine::TracingProvider traced_;
  std::string* recording_;
  std::string recording_name_;
  ExpectationChecker checker_;
  std::map<std::string, SocketRuntime> sockets_;
  std::map<engine::EventId, std::size_t> provider_step_of_;
  std::vector<std::unique_ptr<Request>> requests_;
  std::unique_ptr<NetworkRun> network_;  // set for a scenario with `network:`
  std::optional<CallResult> last_call_;
  std::size_t nothing_since_ = 0;
  RunResult result_;
  const volatile std::sig_atomic_t* interrupt_;
  std::size_t current_ = 0;  // the step being played, for Stop
};

}  // namespace

std::string format(const Failure& failure) {
  return failure.mark.file + ":" + std::to_string(failure.mark.line) + ": " + failure.message;
}

std::string format(const Stop& stop, std::size_t step_count) {
  std::string where = stop.mark.file;
  if (stop.mark.line > 0) where += ":" + std::to_string(stop.mark.line);
  const std::string step =
      stop.step <= step_count
          ? "step " + std::to_string(stop.step) + " of " + std::to_string(step_count)
          : "the end, after step " + std::to_string(step_count);
  return where + ": stopped at " + step + ", t=" + std::to_string(stop.t_us) +
         " us: " + stop.reason;
}

RunResult run(const scenario::Scenario& scenario, const RunOptions& options) {
  Player player(scenario, options);
  return player.play();
}

}  // namespace qosbed::runner
