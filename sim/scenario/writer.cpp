#include "scenario/writer.hpp"

#include <sstream>
#include <stdexcept>
#include <utility>
#include <variant>

#include "gqos/constants.hpp"
#include "gqos/names.hpp"

namespace qosbed::scenario {
namespace {

using gqos::NameGroup;

// A step's keys and values in the order they are written.
using Lines = std::vector<std::pair<std::string, std::string>>;

// Comments start in one column, so a file's notes read as one column beside its keys.
constexpr std::size_t note_column = 32;

std::string with_note(std::string line, std::string_view note) {
  if (note.empty()) return line + "\n";
  line.resize(std::max(line.size() + 1, note_column), ' ');
  return line + "# " + std::string(note) + "\n";
}

std::string named(NameGroup group, std::uint32_t value) {
  return gqos::name_or_number(group, value);
}
// An error as an application checks it: 0, or the error's name.
std::string error_text(std::uint32_t error) {
  return error == 0 ? std::string("0") : named(NameGroup::error, error);
}
std::string boolean_text(bool value) {
  return value ? "true" : "false";
}
std::string address_text(const provider::Address& address) {
  return address.host + ":" + std::to_string(address.port);
}
std::string extended_status_text(std::uint32_t first, std::uint32_t second) {
  return "[" + named(NameGroup::extended_status, first) + ", " +
         named(NameGroup::extended_status_value, second) + "]";
}

std::string_view role_text(provider::Role role) {
  switch (role) {
    case provider::Role::sender:
      return "sender";
    case provider::Role::receiver:
      return "receiver";
    case provider::Role::both:
      break;
  }
  return "both";
}

std::string events_text(std::uint32_t mask) {
  std::string text;
  if (mask & gqos::fd_qos) text += "fd_qos";
  if (mask & gqos::fd_group_qos) text += std::string(text.empty() ? "" : ", ") + "fd_group_qos";
  return "[" + text + "]";
}

// `style` and `confirm` stand for the RSVP_RESERVE_INFO the request sends with either.
Lines qos_lines(const QosRequest& qos) {
  Lines lines;
  if (qos.sending) lines.emplace_back("sending", flowspec_text(*qos.sending));
  if (qos.receiving) lines.emplace_back("receiving", flowspec_text(*qos.receiving));
  if (qos.style) lines.emplace_back("style", named(NameGroup::rsvp_style, *qos.style));
  if (qos.style || qos.confirm) lines.emplace_back("confirm", boolean_text(qos.confirm));
  if (!qos.objects.empty()) lines.emplace_back("objects", objects_text(qos.objects));
  return lines;
}

// On one line, as a step's `qos:`.
std::string qos_text(const QosRequest& qos) {
  std::string text;
  for (const auto& [key, value] : qos_lines(qos)) {
    text += (text.empty() ? "" : ", ") + key + ": " + value;
  }
  return text.empty() ? "{}" : "{ " + text + " }";
}

// The keys an expectation of a query's result names, in one order for calls and completions.
template <typename Expect>
void query_result(Lines& lines, const Expect& expect) {
  if (expect.error) lines.emplace_back("error", error_text(expect.error->value));
  if (expect.required) lines.emplace_back("required", std::to_string(expect.required->value));
  if (expect.bytes) lines.emplace_back("bytes", std::to_string(expect.bytes->value));
  if (expect.sending) lines.emplace_back("sending", flowspec_text(*expect.sending));
  if (expect.receiving) lines.emplace_back("receiving", flowspec_text(*expect.receiving));
  if (expect.status) lines.emplace_back("status", named(NameGroup::status, expect.status->value));
  if (expect.extended_status1 && expect.extended_status2) {
    lines.emplace_back("extended_status", extended_status_text(expect.extended_status1->value,
                                                               expect.extended_status2->value));
  }
}

// Each step's kind, verb and keys.
class StepLines {
 public:
  StepLines(const Step& step, bool after_sleep_ex) : step_(step), after_sleep_ex_(after_sleep_ex) {}

  Lines operator()(const AppAction& app) { return std::visit(*this, app); }
  Lines operator()(const SpAction& sp) { return std::visit(*this, sp); }
  Lines operator()(const Expectation& expect) { return std::visit(*this, expect); }
  Lines operator()(const NetAction&) { return network(); }

  Lines operator()(const AppBind&) { return app("bind"); }
  Lines operator()(const AppConnect& connect) {
    Lines lines = app("connect");
    if (connect.qos) lines.emplace_back("qos", qos_text(*connect.qos));
    if (connect.no_address) lines.emplace_back("remote", "none");
    return lines;
  }
  Lines operator()(const AppSetQos& set) {
    Lines lines = app("set_qos");
    lines.emplace_back("mode", set.overlapped ? "overlapped" : "sync");
    if (set.qos) lines.emplace_back("qos", qos_text(*set.qos));
    if (set.destination) {
      lines.emplace_back("destination",
                         set.destination->host + ":" + std::to_string(set.destination->port));
    }
    return lines;
  }
  Lines operator()(const AppShutdown& shutdown) {
    Lines lines = app("shutdown");
    lines.emplace_back("how", std::string(provider::name_of(shutdown.how)));
    return lines;
  }
  Lines operator()(const AppJoinLeaf& join) {
    Lines lines = app("join_leaf");
    lines.emplace_back("group", join.group.host + ":" + std::to_string(join.group.port));
    lines.emplace_back("flags", std::string(provider::name_of(join.flags)));
    if (join.qos) lines.emplace_back("qos", qos_text(*join.qos));
    return lines;
  }
  Lines operator()(const AppListen&) { return app("listen"); }
  Lines operator()(const AppAccept& accept) {
    Lines lines = app("accept");
    if (accept.qos) lines.emplace_back("qos", qos_text(*accept.qos));
    return lines;
  }
  Lines operator()(const AppCheckQos& check) {
    Lines lines = app("check_qos");
    lines.emplace_back("selector", named(NameGroup::chk_qos_selector, check.selector));
    return lines;
  }
  Lines operator()(const AppGetQos& get) {
    Lines lines = app("get_qos");
    lines.emplace_back("mode", get.overlapped ? "overlapped" : "sync");
    if (get.overlapped) lines.emplace_back("notify", get.notify_event ? "event" : "routine");
    if (get.buffer_kind == BufferKind::bytes) {
      lines.emplace_back("buffer", std::to_string(get.buffer_bytes));
    } else if (get.buffer_kind == BufferKind::required) {
      lines.emplace_back("buffer", "required");
    }
    return lines;
  }
  Lines operator()(const AppWait& wait) {
    Lines lines = app("wait");
    lines.emplace_back("alertable", boolean_text(wait.alertable));
    lines.emplace_back("timeout", wait.timeout_us ? duration_text(*wait.timeout_us) : "infinite");
    if (!wait.events.empty()) {
      std::string ids;
      for (const std::string& id : wait.events) ids += (ids.empty() ? "" : ", ") + id;
      lines.emplace_back("events", "[" + ids + "]");
    }
    return lines;
  }
  Lines operator()(const AppGetOverlappedResult& get) {
    Lines lines = app("get_overlapped_result");
    lines.emplace_back("wait", boolean_text(get.wait));
    return lines;
  }
  Lines operator()(const AppEventSelect& select) {
    Lines lines = app("event_select");
    lines.emplace_back("events", events_text(select.network_events));
    return lines;
  }
  Lines operator()(const AppEnumNetworkEvents&) { return app("enum_network_events"); }
  Lines operator()(const AppClose&) { return app("close"); }
  Lines operator()(const AppMonitor& monitor) {
    Lines lines = app("monitor");
    lines.emplace_back("initial_buffer", std::to_string(monitor.initial_buffer));
    return lines;
  }

  Lines operator()(const SpFdQos& fd_qos) {
    const gqos::Indication& i = fd_qos.indication;
    Lines lines = kind("sp", "fd_qos");
    lines.emplace_back("status", named(NameGroup::status, i.status));
    lines.emplace_back("extended_status",
                       extended_status_text(i.extended_status1, i.extended_status2));
    if (i.sending) lines.emplace_back("sending", flowspec_text(*i.sending));
    if (i.receiving) lines.emplace_back("receiving", flowspec_text(*i.receiving));
    if (!i.objects.empty()) lines.emplace_back("objects", objects_text(i.objects));
    return lines;
  }
  Lines operator()(const SpFail& fail) {
    Lines lines = kind("sp", "fail");
    if (fail.call) lines.emplace_back("call", std::string(provider::name_of(*fail.call)));
    if (fail.pending) lines.emplace_back("pending", "true");
    lines.emplace_back("error", error_text(fail.error));
    return lines;
  }

  Lines operator()(const ExpectCall& call) {
    Lines lines = kind("expect", "call");
    if (call.result) lines.emplace_back("result", std::to_string(call.result->value));
    if (call.value) {
      lines.emplace_back("value", call.value->value == gqos::chk_qos::info_not_available
                                      ? "INFO_NOT_AVAILABLE"
                                      : std::to_string(call.value->value));
    }
    query_result(lines, call);
    return lines;
  }
  Lines operator()(const ExpectCompletion& completion) {
    Lines lines = kind("expect", "completion");
    query_result(lines, completion);
    return lines;
  }
  Lines operator()(const ExpectWait& wait) {
    Lines lines = kind("expect", "wait");
    if (wait.result) {
      // SleepEx's 0 says its time ran out, which no WSA_WAIT_* name means.
      const std::uint32_t result = wait.result->value;
      lines.emplace_back("result", result == 0 && after_sleep_ex_
                                       ? std::string("0")
                                       : named(NameGroup::wait_result, result));
    }
    return lines;
  }
  Lines operator()(const ExpectUpdate& update) {
    Lines lines = kind("expect", "update");
    if (update.direction) {
      const bool sending = update.direction->value == gqos::Direction::sending;
      lines.emplace_back("direction", sending ? "sending" : "receiving");
    }
    if (update.status) lines.emplace_back("status", named(NameGroup::status, update.status->value));
    if (update.extended_status1 && update.extended_status2) {
      lines.emplace_back("extended_status", extended_status_text(update.extended_status1->value,
                                                                 update.extended_status2->value));
    }
    if (update.flowspec) lines.emplace_back("flowspec", flowspec_text(*update.flowspec));
    if (update.error) lines.emplace_back("error", error_text(update.error->value));
    return lines;
  }
  Lines operator()(const ExpectNetworkEvents& events) {
    Lines lines = kind("expect", "network_events");
    if (events.events) lines.emplace_back("events", events_text(events.events->value));
    if (events.status) lines.emplace_back("status", named(NameGroup::status, events.status->value));
    return lines;
  }
  Lines operator()(const ExpectNothing& nothing) {
    Lines lines = kind("expect", "nothing");
    lines.emplace_back("until", duration_text(nothing.until_us));
    return lines;
  }
  Lines operator()(const ExpectMessage&) { return network(); }
  Lines operator()(const ExpectState&) { return network(); }

 private:
  // The kind and verb, then the step's socket when it names one.
  Lines kind(std::string_view key, std::string_view verb) const {
    Lines lines{{std::string(key), std::string(verb)}};
    if (!step_.socket.empty()) lines.emplace_back("socket", step_.socket);
    return lines;
  }
  Lines app(std::string_view verb) const { return kind("app", verb); }
  [[noreturn]] static Lines network() {
    throw std::invalid_argument("the steps of a network scenario have no writer yet");
  }

  const Step& step_;
  bool after_sleep_ex_;
};

}  // namespace

void ScenarioWriter::comment(std::string_view text) {
  std::istringstream lines{std::string(text)};
  for (std::string line; std::getline(lines, line);) text_ += "# " + line + "\n";
}

void ScenarioWriter::name(std::string_view slug) {
  text_ += "scenario: " + std::string(slug) + "\n";
}

void ScenarioWriter::description(std::string_view text) {
  if (text.empty()) return;
  std::istringstream words{std::string(text)};
  text_ += "description: >\n";
  std::string line;
  for (std::string word; words >> word;) {
    if (!line.empty() && line.size() + word.size() > 88) {
      text_ += "  " + line + "\n";
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
  }
  text_ += "  " + line + "\n";
}

void ScenarioWriter::provider(const SpOptions& options, std::string_view profile_note) {
  text_ += with_note("profile: " + std::string(name_of(options.profile)), profile_note);
  if (options.pending != PendingPolicy::queue) {
    text_ += "pending: " + std::string(name_of(options.pending)) + "\n";
  }
  if (options.admission_limit) {
    text_ += "admission_limit: " + std::to_string(*options.admission_limit) + "\n";
  }
  // A decision the scenario chose is written as it chose it; the rest stay docs/behaviour.md's.
  const Decisions& d = options.decisions;
  std::string decisions;
  const auto error = [&](std::string_view key, const std::optional<std::uint32_t>& value) {
    if (value) decisions += "  " + std::string(key) + ": " + error_text(*value) + "\n";
  };
  error("sender_not_connected", d.sender_not_connected);
  error("receiver_not_bound", d.receiver_not_bound);
  error("short_buffer", d.short_buffer);
  if (d.enobufs_keeps_indication) {
    decisions += "  enobufs_keeps_indication: " + boolean_text(*d.enobufs_keeps_indication) + "\n";
  }
  error("nothing_queued", d.nothing_queued);
  if (d.unused_flowspec_fields) {
    decisions += "  unused_flowspec_fields: " + field_text(*d.unused_flowspec_fields) + "\n";
  }
  error("invalid_flowspec", d.invalid_flowspec);
  error("no_qos_provider_query", d.no_qos_provider_query);
  if (!decisions.empty()) text_ += "decisions:\n" + decisions;
}

void ScenarioWriter::sockets(const std::vector<SocketSpec>& sockets) {
  text_ += "sockets:\n";
  for (const SocketSpec& socket : sockets) {
    text_ += "  " + socket.id + ":\n";
    text_ += "    role: " + std::string(role_text(socket.role)) + "\n";
    text_ += std::string("    protocol: ") +
             (socket.protocol == provider::Protocol::tcp ? "tcp" : "udp") + "\n";
    if (socket.local) text_ += "    local: " + address_text(*socket.local) + "\n";
    if (socket.remote) text_ += "    remote: " + address_text(*socket.remote) + "\n";
    if (socket.qos) {
      const Lines qos = qos_lines(*socket.qos);
      text_ += qos.empty() ? "    qos: {}\n" : "    qos:\n";
      for (const auto& [key, value] : qos) text_ += "      " + key + ": " + value + "\n";
    }
  }
}

void ScenarioWriter::steps() {
  text_ += "steps:\n";
}

void ScenarioWriter::step(const Step& step, const StepNotes& notes) {
  const Lines lines = std::visit(StepLines(step, after_sleep_ex_), step.action);
  if (const auto* app = std::get_if<AppAction>(&step.action)) {
    if (const auto* wait = std::get_if<AppWait>(app)) after_sleep_ex_ = wait->events.empty();
  }
  if (!notes.before.empty()) step_comment(notes.before);
  std::string_view item = "  - ";
  if (notes.timed) {
    text_ += with_note(std::string(item) + "at: " + duration_text(step.at_us), notes.on_time);
    item = "    ";
  }
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string line =
        std::string(i == 0 ? item : "    ") + lines[i].first + ": " + lines[i].second;
    text_ += with_note(line, i == 0 ? notes.on_kind : std::string_view());
  }
}

void ScenarioWriter::step_comment(std::string_view text) {
  text_ += "  # " + std::string(text) + "\n";
}

std::string to_yaml(const Scenario& scenario) {
  ScenarioWriter writer;
  writer.name(scenario.name);
  writer.description(scenario.description);
  writer.provider(scenario.sp);
  writer.sockets(scenario.sockets);
  writer.steps();
  for (const Step& step : scenario.steps) writer.step(step);
  return writer.text();
}

}  // namespace qosbed::scenario
