// The recording's steps from the application's calls, completions and waits, and where the
// indications each read go (docs/recording.md).
#include <algorithm>

#include "gqos/constants.hpp"
#include "provider/ipv4.hpp"
#include "record/recorded_values.hpp"
#include "record/session_recorder.hpp"

namespace qosbed::record {
using namespace detail;

void SessionRecorder::call(const engine::CallRecord& call) {
  SocketState* socket = socket_of(call.socket);
  if (!socket) return;
  const std::string& id = id_of(*socket);
  scenario::SocketSpec& spec = recording_.sockets[socket->spec];
  auto app = [&](scenario::AppAction action) {
    return add(step_at(call.began_us, id, std::move(action)));
  };
  if (call.call == "bind") {
    spec.local = address_of(call.detail);
    app(scenario::AppBind{});
  } else if (call.call == "connect") {
    const auto remote = address_of(call.detail);
    const bool no_address = remote && provider::is_no_address(*remote);
    if (!no_address) spec.remote = remote;
    app(scenario::AppConnect{qos_request(call.qos), no_address});
  } else if (call.call == "set_qos") {
    app(scenario::AppSetQos{qos_request(call.qos), call.detail != "sync",
                            destination_of(call.qos)});
  } else if (call.call == "get_qos") {
    get_qos(call, *socket);
    // A Monitor's query is made in its completion routine, inside whatever the application is
    // doing: it is not one of the application's calls.
    if (!socket->monitored) since_last_call_ = steps_.size();
    return;
  } else if (call.call == "get_overlapped_result") {
    const std::size_t step = app(scenario::AppGetOverlappedResult{call.wait.value_or(false)});
    result_read_ = ResultRead{call.socket, call.t_us, call.result, call.error, step};
    return;
  } else if (call.call == "event_select") {
    app(scenario::AppEventSelect{call.asked_events.value_or(0)});
  } else if (call.call == "enum_network_events") {
    app(scenario::AppEnumNetworkEvents{});
  } else if (call.call == "join_leaf") {
    // The detail is "GROUP FLAGS", as the tracing provider writes it.
    const std::size_t space = call.detail.find(' ');
    const auto group = address_of(call.detail.substr(0, space));
    for (const auto& [flags, name] : provider::join_flag_names) {
      if (group && space != std::string::npos && name == call.detail.substr(space + 1)) {
        app(scenario::AppJoinLeaf{*group, flags, qos_request(call.qos)});
      }
    }
  } else if (call.call == "listen") {
    app(scenario::AppListen{});
  } else if (call.call == "accept") {
    const auto peer = address_of(call.detail);
    if (!peer) return;
    spec.remote = peer;
    app(scenario::AppAccept{qos_request(call.qos)});
  } else if (call.call == "shutdown") {
    for (const auto& [how, name] : provider::shutdown_names) {
      if (name == call.detail) app(scenario::AppShutdown{how});
    }
  } else if (call.selector) {  // SIO_CHK_QOS
    app(scenario::AppCheckQos{*call.selector});
    expect_call(call.t_us, call.result, call.error, call.value);
    since_last_call_ = steps_.size();
    return;
  } else if (call.call == "close") {
    socket->closed = true;
    app(scenario::AppClose{});
  } else {
    return;  // a call the scenario language has no verb for
  }
  expect_call(call.t_us, call.result, call.error);
  since_last_call_ = steps_.size();
}

void SessionRecorder::get_qos(const engine::CallRecord& call, SocketState& socket) {
  const bool overlapped = call.detail != "sync";
  const bool notify_event = call.detail == "overlapped event";
  std::optional<std::size_t> app_step;
  if (!socket.monitored) {
    app_step = add(step_at(
        call.began_us, id_of(socket),
        scenario::AppAction{scenario::AppGetQos{
            overlapped, notify_event, scenario::BufferKind::bytes, call.buffer_size.value_or(0)}}));
  }
  const std::uint32_t error = call.error.value_or(0);
  const std::uint32_t bytes = call.bytes.value_or(0);
  const bool read_at_once = call.result == 0 && bytes >= sizeof(gqos::Qos);
  if (overlapped && (call.result == 0 || error == gqos::wsa::io_pending)) {
    (notify_event ? socket.event_queries : socket.routine_queries).push_back(read_at_once);
  }
  if (read_at_once || error == gqos::wsa::enobufs) {
    // A Monitor's query that finished at once is told by its completion routine.
    const std::vector<std::byte> none;
    observe(call.t_us, socket, error, bytes, call.buffer ? *call.buffer : none, call.required,
            app_step, socket.monitored ? Expect::nothing : Expect::call);
  } else if (!socket.monitored) {
    expect_call(call.t_us, call.result, call.error);
  }
}

void SessionRecorder::completion(const engine::CompletionRecord& completion) {
  SocketState* socket = socket_of(completion.socket);
  if (!socket || completion.source != engine::CompletionSource::routine) return;
  if (completion.call == "set_qos") {
    // An overlapped SIO_SET_QOS completes too; its routine runs among the queries' routines,
    // so the replay must expect it in its place.
    add(step_at(completion.t_us, id_of(*socket),
                completion_result(completion.error, completion.bytes)));
    return;
  }
  if (completion.call != "get_qos") return;
  bool read_at_once = false;
  if (!socket->routine_queries.empty()) {
    read_at_once = socket->routine_queries.front();
    socket->routine_queries.pop_front();
  }
  if (read_at_once) {
    add(step_at(completion.t_us, id_of(*socket),
                completion_result(completion.error, completion.bytes)));
    return;
  }
  observe(completion.t_us, *socket, completion.error, completion.bytes, completion.buffer,
          completion.required, std::nullopt, Expect::completion, true);
}

void SessionRecorder::result_read(const engine::CompletionRecord* completion) {
  const ResultRead read = *std::exchange(result_read_, std::nullopt);
  SocketState& socket = *socket_of(read.socket);
  if (completion && completion->call == "get_qos") {
    bool read_at_once = false;
    if (!socket.event_queries.empty()) {
      read_at_once = socket.event_queries.front();
      socket.event_queries.pop_front();
    }
    if (read_at_once) {
      add(step_at(completion->t_us, id_of(socket),
                  completion_result(completion->error, completion->bytes)));
    } else {
      observe(completion->t_us, socket, completion->error, completion->bytes, completion->buffer,
              completion->required, read.app_step, Expect::completion);
    }
  } else {
    // A result not read (WSA_IO_INCOMPLETE), or a set request's: the call's own.
    expect_call(read.t_us, read.result, read.error);
  }
  since_last_call_ = steps_.size();
}

void SessionRecorder::wait(const engine::WaitRecord& wait) {
  // What came since the application's last call either came before the wait began, or in it:
  // a routine that ran as it began read an indication that had arrived before it, so that
  // indication's step goes before the wait; the rest follow the wait, in order.
  std::vector<Entry> since(steps_.begin() + static_cast<std::ptrdiff_t>(since_last_call_),
                           steps_.end());
  steps_.resize(since_last_call_);
  const auto before_wait = [&wait](const Entry& entry) {
    return entry.step.at_us < wait.began_us ||
           (entry.step.at_us == wait.began_us && entry.read_by_routine);
  };
  const auto in_wait = std::stable_partition(since.begin(), since.end(), before_wait);
  steps_.insert(steps_.end(), since.begin(), in_wait);
  scenario::AppWait app;
  app.alertable = wait.alertable;
  if (wait.timeout_ms != gqos::wsa::infinite) {
    app.timeout_us = std::int64_t{wait.timeout_ms} * 1000;
  }
  for (const std::string& socket : wait.events) {
    // An event of the application's own has no scenario spelling.
    if (const SocketState* state = socket_of(socket)) app.events.push_back(id_of(*state));
  }
  add(step_at(wait.began_us, "", scenario::AppAction{app}));
  steps_.insert(steps_.end(), in_wait, since.end());
  add(step_at(wait.t_us, "", scenario::Expectation{scenario::ExpectWait{field(wait.result)}}));
  since_last_call_ = steps_.size();
}

}  // namespace qosbed::record
