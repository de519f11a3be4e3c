#include "runner/app_player.hpp"

#include <array>

#include "gqos/codec.hpp"
#include "gqos/constants.hpp"
#include "runner/qos_encoding.hpp"

namespace qosbed::runner {

using provider::Socket;

namespace {

// A buffer of "enough" bytes: more than any indication a scenario can script.
constexpr std::uint32_t enough_buffer = 64 * 1024;

const provider::Address any_address{"0.0.0.0", 0};

}  // namespace

// Turns what a socket's monitor reports into trace records.
class MonitorTrace final : public client::MonitorListener {
 public:
  MonitorTrace(std::string socket, const engine::Clock& clock, engine::TraceSink& sink)
      : socket_(std::move(socket)), clock_(clock), sink_(sink) {}

  void on_update(const client::Update& update) override {
    auto record = engine::record_at<engine::UpdateRecord>(head());
    record.direction = update.direction;
    record.status = update.status;
    record.extended_status1 = update.extended_status1;
    record.extended_status2 = update.extended_status2;
    record.flowspec = update.flowspec;
    sink_.record(engine::TraceRecord(std::move(record)));
  }
  void on_error(std::uint32_t error, std::string_view what) override {
    auto record = engine::record_at<engine::MonitorErrorRecord>(head());
    record.error = error;
    record.what = std::string(what);
    sink_.record(engine::TraceRecord(std::move(record)));
  }
  // A stop shows in the trace already: as the aborted completion, or after the error above.
  void on_stopped(client::StopReason) override {}

 private:
  engine::RecordHead head() const { return engine::RecordHead{clock_.now_us(), socket_}; }

  std::string socket_;
  const engine::Clock& clock_;
  engine::TraceSink& sink_;
};

AppPlayer::AppPlayer(engine::TracingProvider& traced, record::SessionRecorder* recorder,
                     const engine::Clock& clock, engine::TraceSink& sink,
                     std::vector<Failure>& failures)
    : traced_(traced), recorder_(recorder), clock_(clock), sink_(sink), failures_(failures) {}

AppPlayer::~AppPlayer() = default;

const scenario::SocketSpec* AppPlayer::open_sockets(
    const std::vector<scenario::SocketSpec>& sockets, provider::Provider& untraced) {
  for (const scenario::SocketSpec& spec : sockets) {
    const Socket handle = untraced.open(spec.role, spec.protocol);
    if (handle == provider::invalid_socket) return &spec;
    SocketRuntime& runtime = sockets_[spec.id];
    runtime.spec = &spec;
    runtime.handle = handle;
    if (recorder_) recorder_->add_socket(spec.id, spec.role, spec.protocol);
    traced_.name_socket(handle, spec.id);
  }
  return nullptr;
}

Socket AppPlayer::handle(const std::string& socket_id) const {
  return sockets_.at(socket_id).handle;
}

bool AppPlayer::monitor_running() const {
  for (const auto& [id, runtime] : sockets_) {
    if (runtime.monitor && runtime.monitor->active()) return true;
  }
  return false;
}

void AppPlayer::not_played(const scenario::Step& step, std::string call, std::string message) {
  failures_.push_back(Failure{step.mark, std::move(message)});
  CallResult none;
  none.socket = step.socket;
  none.call = std::move(call);
  none.not_played = step.mark;
  last_call_ = std::move(none);
}

void AppPlayer::remember_call(const scenario::Step& step, std::string call, std::int64_t result,
                              std::optional<std::uint32_t> bytes) {
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

namespace {

const scenario::QosRequest* request_for(const scenario::SocketSpec& spec,
                                        const std::optional<scenario::QosRequest>& own) {
  if (own) return &*own;
  return spec.qos ? &*spec.qos : nullptr;
}

}  // namespace

provider::Event AppPlayer::event_of(SocketRuntime& runtime) {
  if (runtime.event == provider::invalid_event) runtime.event = traced_.create_event();
  return runtime.event;
}

AppPlayer::Request& AppPlayer::new_request(std::uint32_t buffer_bytes) {
  requests_.push_back(std::make_unique<Request>());
  requests_.back()->buffer.resize(buffer_bytes);
  return *requests_.back();
}

void AppPlayer::play(const scenario::Step& step, const scenario::AppAction& action) {
  SocketRuntime* runtime = step.socket.empty() ? nullptr : &sockets_.at(step.socket);
  std::visit(
      [&](const auto& app) {
        using T = std::decay_t<decltype(app)>;
        if constexpr (std::is_same_v<T, scenario::AppBind>) {
          const auto& local = runtime->spec->local;
          remember_call(step, "bind", traced_.bind(runtime->handle, local.value_or(any_address)));
        } else if constexpr (std::is_same_v<T, scenario::AppConnect>) {
          std::vector<std::byte> qos;
          if (const auto* request = request_for(*runtime->spec, app.qos))
            qos = encode_request(*request);
          const auto& remote = runtime->spec->remote;
          const provider::Address& to = app.no_address ? any_address : remote.value_or(any_address);
          remember_call(step, "connect", traced_.connect(runtime->handle, to, qos));
        } else if constexpr (std::is_same_v<T, scenario::AppJoinLeaf>) {
          std::vector<std::byte> qos;
          if (const auto* request = request_for(*runtime->spec, app.qos))
            qos = encode_request(*request);
          remember_call(step, "join_leaf",
                        traced_.join_leaf(runtime->handle, app.group, qos, app.flags));
        } else if constexpr (std::is_same_v<T, scenario::AppListen>) {
          remember_call(step, "listen", traced_.listen(runtime->handle));
        } else if constexpr (std::is_same_v<T, scenario::AppAccept>) {
          std::vector<std::byte> qos;
          if (const auto* request = request_for(*runtime->spec, app.qos))
            qos = encode_request(*request);
          remember_call(step, "accept",
                        traced_.accept(runtime->handle, *runtime->spec->remote, qos));
        } else if constexpr (std::is_same_v<T, scenario::AppShutdown>) {
          remember_call(step, "shutdown", traced_.shutdown(runtime->handle, app.how));
        } else if constexpr (std::is_same_v<T, scenario::AppCheckQos>) {
          check_qos(step, *runtime, app);
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
          remember_call(step, "enum_network_events",
                        traced_.enum_network_events(runtime->handle, event_of(*runtime), &events));
        } else if constexpr (std::is_same_v<T, scenario::AppClose>) {
          remember_call(step, "close", traced_.close(runtime->handle));
        } else if constexpr (std::is_same_v<T, scenario::AppMonitor>) {
          start_monitor(*runtime, app);
        }
      },
      action);
}

void AppPlayer::set_qos(const scenario::Step& step, SocketRuntime& runtime,
                        const scenario::AppSetQos& app) {
  const auto* request = request_for(*runtime.spec, app.qos);
  const std::vector<std::byte> qos =
      encode_request(request ? *request : scenario::QosRequest{}, app.destination);
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

void AppPlayer::check_qos(const scenario::Step& step, SocketRuntime& runtime,
                          const scenario::AppCheckQos& app) {
  std::array<std::byte, 4> in{};
  std::array<std::byte, 4> out{};
  gqos::store_u32(in, 0, app.selector);
  std::uint32_t bytes = 0;
  const int result =
      traced_.ioctl(runtime.handle, gqos::ioctl::chk_qos, in, out, &bytes, nullptr, {});
  remember_call(step, "check_qos", result, bytes);
  if (result == 0) last_call_->value = gqos::load_u32(out, 0);
}

void AppPlayer::get_qos(const scenario::Step& step, SocketRuntime& runtime,
                        const scenario::AppGetQos& app) {
  std::uint32_t size = enough_buffer;
  if (app.buffer_kind == scenario::BufferKind::bytes) size = app.buffer_bytes;
  if (app.buffer_kind == scenario::BufferKind::required) {
    if (!runtime.learnt_required) {
      return not_played(
          step, "get_qos",
          "buffer: required, but no WSAENOBUFS has told " + step.socket + " a required size yet");
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
        const auto required = gqos::required_size_in(error, request.buffer);
        if (required && transferred >= 4) runtime.learnt_required = required;
      };
    }
  }
  const int result = traced_.ioctl(runtime.handle, gqos::ioctl::get_qos, {}, request.buffer, &bytes,
                                   overlapped, std::move(routine));
  const std::uint32_t error = result == provider::socket_error ? traced_.last_error() : 0;
  if (auto required = gqos::required_size_in(error, request.buffer)) {
    runtime.learnt_required = required;
  }
  const bool pending = result == 0 || error == gqos::wsa::io_pending;
  if (app.overlapped && app.notify_event && pending) runtime.unread.push_back(&request);
  remember_call(step, "get_qos", result,
                result == 0 || error == gqos::wsa::enobufs ? std::optional(bytes) : std::nullopt);
  last_call_->remember_returned_data(request.buffer, result == 0 ? bytes : 0, error);
}

void AppPlayer::wait(const scenario::AppWait& app) {
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

void AppPlayer::get_overlapped_result(const scenario::Step& step, SocketRuntime& runtime,
                                      const scenario::AppGetOverlappedResult& app) {
  if (runtime.unread.empty()) {
    return not_played(
        step, "get_overlapped_result",
        "get_overlapped_result: " + step.socket + " has no event-notified request left to read");
  }
  Request& request = *runtime.unread.front();
  std::uint32_t bytes = 0;
  std::uint32_t flags = 0;
  const bool done =
      traced_.get_overlapped_result(runtime.handle, &request.overlapped, &bytes, app.wait, &flags);
  const std::uint32_t error = done ? 0 : traced_.last_error();
  remember_call(step, "get_overlapped_result", done ? 1 : 0, bytes);
  if (!done && error == gqos::wsa::io_incomplete) return;
  if (auto required = gqos::required_size_in(error, request.buffer)) {
    runtime.learnt_required = required;
  }
  runtime.unread.pop_front();
  // A manual-reset event: the application resets it once it has read what signalled it.
  traced_.reset_event(runtime.event);
}

void AppPlayer::start_monitor(SocketRuntime& runtime, const scenario::AppMonitor& app) {
  runtime.monitor_trace = std::make_unique<MonitorTrace>(runtime.spec->id, clock_, sink_);
  client::MonitorOptions options;
  options.initial_buffer = app.initial_buffer;
  runtime.monitor =
      std::make_unique<client::Monitor>(traced_, runtime.handle, *runtime.monitor_trace, options);
  if (recorder_) recorder_->monitor_started(runtime.spec->id, app.initial_buffer);
  runtime.monitor->start();
}

}  // namespace qosbed::runner
