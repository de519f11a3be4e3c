#include "record/session_recorder.hpp"

#include <algorithm>
#include <utility>

#include "gqos/codec.hpp"
#include "gqos/constants.hpp"
#include "record/recorded_values.hpp"
#include "scenario/flowspec_keys.hpp"
#include "scenario/writer.hpp"

namespace qosbed::record {
using namespace detail;

namespace {

// What the application read of a query's result, for `expect: call` or `expect: completion`.
struct Read {
  std::uint32_t error = 0;
  std::optional<std::uint32_t> required;
  std::optional<std::uint32_t> bytes;
  std::optional<gqos::FlowSpec> sending;
  std::optional<gqos::FlowSpec> receiving;
  std::optional<gqos::StatusInfo> status_info;

  template <typename Expect>
  Expect as() const {
    Expect expect;
    expect.error = field(error);
    if (required) expect.required = field(*required);
    if (bytes) expect.bytes = field(*bytes);
    if (sending) expect.sending = scenario::every_field(*sending);
    if (receiving) expect.receiving = scenario::every_field(*receiving);
    if (status_info) {
      expect.status = field(status_info->status_code);
      expect.extended_status1 = field(status_info->extended_status1);
      expect.extended_status2 = field(status_info->extended_status2);
    }
    return expect;
  }
};

// The indication behind a result read whole: its status and extended status, the FLOWSPEC it
// is about, and the objects after RSVP_STATUS_INFO, ObjectLength included.
gqos::Indication indication_of(const gqos::DecodedQos& qos) {
  gqos::Indication indication;
  indication.status = qos.status_info ? qos.status_info->status_code : gqos::status::generic_error;
  if (qos.status_info) {
    indication.extended_status1 = qos.status_info->extended_status1;
    indication.extended_status2 = qos.status_info->extended_status2;
  }
  // The one that carries values, else the one the status names (gqos::direction_of_status).
  const bool receiving = !is_unused(qos.receiving) ||
                         (is_unused(qos.sending) && gqos::direction_of_status(indication.status) ==
                                                        gqos::Direction::receiving);
  if (receiving) {
    indication.receiving = qos.receiving;
  } else {
    indication.sending = qos.sending;
  }
  bool status_skipped = false;
  for (const gqos::DecodedObject& object : qos.objects) {
    if (object.type == gqos::object_type::status_info && !status_skipped) {
      status_skipped = true;
      continue;
    }
    if (object.type == gqos::object_type::end_of_list) {
      indication.objects.push_back(gqos::make_end_of_list());
      continue;
    }
    indication.objects.push_back(gqos::ProviderObject{
        object.type, std::vector<std::byte>(object.body.begin(), object.body.end()),
        object.length});
  }
  return indication;
}

}  // namespace

// Each kind of record, and what the recording makes of it.
class SessionRecorder::Visitor {
 public:
  explicit Visitor(SessionRecorder& recorder) : recorder_(recorder) {}

  void operator()(const engine::CallRecord& record) { recorder_.call(record); }
  void operator()(const engine::CompletionRecord& record) { recorder_.completion(record); }
  void operator()(const engine::WaitRecord& record) { recorder_.wait(record); }
  void operator()(const engine::NetworkEventsRecord& record) {
    SocketState* socket = recorder_.socket_of(record.socket);
    if (!socket) return;
    const std::string& id = recorder_.id_of(*socket);
    recorder_.add(step_at(record.t_us, id, scenario::AppAction{scenario::AppEnumNetworkEvents{}}));
    scenario::ExpectNetworkEvents events;
    events.events = field(record.network_events);
    if (record.status) events.status = field(*record.status);
    recorder_.add(step_at(record.t_us, id, scenario::Expectation{events}));
    recorder_.since_last_call_ = recorder_.steps_.size();
  }
  // What the provider did on its own is recorded where the application observed it.
  void operator()(const engine::FdQosRecord&) {}
  void operator()(const engine::FinishedRecord&) {}
  // The Monitor's reports: the replayed Monitor makes them again from the same completions.
  void operator()(const engine::UpdateRecord&) {}
  void operator()(const engine::MonitorErrorRecord&) {}
  // A wait nothing can end stalls the replay the same way.
  void operator()(const engine::StalledRecord&) {}
  // The network is not recorded, only the indications it gave the application's sockets.
  void operator()(const engine::RsvpRecord&) {}

 private:
  SessionRecorder& recorder_;
};

void SessionRecorder::record(const engine::TraceRecord& record) {
  if (result_read_) {
    // WSAGetOverlappedResult's record is followed at once by the completion it read, if any.
    const auto* completion = std::get_if<engine::CompletionRecord>(&record);
    const bool read = completion &&
                      completion->source == engine::CompletionSource::get_overlapped_result &&
                      completion->socket == result_read_->socket;
    result_read(read ? completion : nullptr);
    if (read) return;
  }
  std::visit(Visitor(*this), record);
}

void SessionRecorder::add_socket(const std::string& id, provider::Role role,
                                 provider::Protocol protocol) {
  if (sockets_.contains(id)) return;
  auto taken = [this](const std::string& candidate) {
    return std::any_of(recording_.sockets.begin(), recording_.sockets.end(),
                       [&](const scenario::SocketSpec& spec) { return spec.id == candidate; });
  };
  std::string recorded = id;
  for (std::size_t n = recording_.sockets.size() + 1; !is_socket_id(recorded) || taken(recorded);
       ++n) {
    recorded = "s" + std::to_string(n);
  }
  scenario::SocketSpec spec;
  spec.id = recorded;
  spec.role = role;
  spec.protocol = protocol;
  recording_.sockets.push_back(std::move(spec));
  sockets_[id].spec = recording_.sockets.size() - 1;
}

void SessionRecorder::monitor_started(const std::string& socket, std::uint32_t initial_buffer) {
  SocketState* state = socket_of(socket);
  if (!state) return;
  state->monitored = true;
  add(step_at(clock_.now_us(), id_of(*state),
              scenario::AppAction{scenario::AppMonitor{initial_buffer}}));
  since_last_call_ = steps_.size();
}

void SessionRecorder::failure_injected(const std::string& socket, provider::Call call,
                                       std::uint32_t error) {
  SocketState* state = socket_of(socket);
  if (!state) return;
  add(step_at(clock_.now_us(), id_of(*state),
              scenario::SpAction{scenario::SpFail{call, false, error}}));
}

void SessionRecorder::provider_of(const scenario::Scenario& played) {
  recording_.sp = played.sp;
  provider_known_ = true;
}

std::string SessionRecorder::scenario_yaml(const std::string& name) {
  if (result_read_) result_read(nullptr);
  scenario::ScenarioWriter writer;
  writer.name(name);
  writer.description(
      "A session recorded by qosbed: the application's calls, the indications it observed, and "
      "what it saw.");
  if (provider_known_) writer.provider(recording_.sp);
  writer.sockets(recording_.sockets);
  writer.steps();
  engine::TimeUs previous_us = 0;
  for (Entry& entry : steps_) {
    // Steps are in the order the application made its calls. Only the waits of a program's
    // other threads, begun before the calls written ahead of them, could start earlier.
    entry.step.at_us = std::max(entry.step.at_us, previous_us);
    previous_us = entry.step.at_us;
    writer.step(entry.step);
  }
  return writer.text();
}

SessionRecorder::SocketState* SessionRecorder::socket_of(const std::string& id) {
  const auto found = sockets_.find(id);
  return found == sockets_.end() ? nullptr : &found->second;
}

const std::string& SessionRecorder::id_of(const SocketState& state) const {
  return recording_.sockets[state.spec].id;
}

std::size_t SessionRecorder::add(scenario::Step step, bool read_by_routine) {
  steps_.push_back(Entry{std::move(step), read_by_routine, next_id_++});
  return steps_.back().id;
}

std::size_t SessionRecorder::insert_before(std::size_t id, scenario::Step step) {
  const std::size_t index = index_of(id);
  steps_.insert(steps_.begin() + static_cast<std::ptrdiff_t>(index),
                Entry{std::move(step), false, next_id_++});
  if (since_last_call_ > index) ++since_last_call_;
  return steps_[index].id;
}

// Steps referred to are recent ones: looked for from the end.
std::size_t SessionRecorder::index_of(std::size_t id) const {
  for (std::size_t i = steps_.size(); i-- > 0;) {
    if (steps_[i].id == id) return i;
  }
  return steps_.size();
}

void SessionRecorder::expect_call(engine::TimeUs t_us, std::int64_t result,
                                  std::optional<std::uint32_t> error,
                                  std::optional<std::uint32_t> value) {
  scenario::ExpectCall call;
  call.result = field(result);
  if (error) call.error = field(*error);
  if (value) call.value = field(*value);
  add(step_at(t_us, "", scenario::Expectation{call}));
}

void SessionRecorder::observe(engine::TimeUs t_us, SocketState& socket, std::uint32_t error,
                              std::uint32_t bytes, std::span<const std::byte> buffer,
                              std::optional<std::uint32_t> required,
                              std::optional<std::size_t> before, Expect expect, bool by_routine) {
  const std::string& id = id_of(socket);
  // A call that blocked (WSAGetOverlappedResult with fWait) saw the indication arrive while it
  // waited: the `sp:` goes after it, at the time it returned.
  const bool in_place = before && steps_[index_of(*before)].step.at_us == t_us;
  const auto place = [&](Action action) {
    scenario::Step step = step_at(t_us, id, std::move(action));
    return in_place ? insert_before(*before, std::move(step)) : add(std::move(step), by_routine);
  };
  const auto place_indication = [&](gqos::Indication indication) {
    scenario::SpAction sp{scenario::SpFdQos{std::move(indication)}};
    if (!socket.unread_indication) return place(std::move(sp));
    const std::size_t unread = *std::exchange(socket.unread_indication, std::nullopt);
    steps_[index_of(unread)].step.action = std::move(sp);
    return unread;
  };
  Read read;
  read.error = error;
  if (error == gqos::wsa::enobufs) {
    read.required = required;
    if (!socket.unread_indication) {
      // Its content is learnt only when a later query reads it; until then any status will do.
      gqos::Indication unknown;
      unknown.status = gqos::status::generic_error;
      const std::size_t step = place_indication(std::move(unknown));
      // An emulator that decided otherwise (D5, kept by default) discarded it: no later query
      // reads it.
      if (!provider_known_ || recording_.sp.decisions.enobufs_keeps_indication.value_or(true)) {
        socket.unread_indication = step;
      }
    }
  } else if (error == 0 && bytes >= sizeof(gqos::Qos) && bytes <= buffer.size()) {
    const gqos::DecodeResult decoded = gqos::decode(buffer.first(bytes), 0);
    read.bytes = bytes;
    read.sending = decoded.qos.sending;
    read.receiving = decoded.qos.receiving;
    read.status_info = decoded.qos.status_info;
    place_indication(indication_of(decoded.qos));
  } else if (error != 0 && !(error == gqos::wsa::operation_aborted && socket.closed) &&
             expect == Expect::completion) {
    // The provider ended a pending query with an error of its own.
    place(scenario::SpAction{scenario::SpFail{std::nullopt, true, error}});
  }
  if (expect == Expect::call) {
    auto call = read.as<scenario::ExpectCall>();
    call.result = field<std::int64_t>(error ? -1 : 0);
    add(step_at(t_us, id, scenario::Expectation{std::move(call)}));
  } else if (expect == Expect::completion) {
    add(step_at(t_us, id, scenario::Expectation{read.as<scenario::ExpectCompletion>()}));
  }
}

}  // namespace qosbed::record
