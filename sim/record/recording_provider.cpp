#include "record/recording_provider.hpp"

#include <algorithm>
#include <cstdio>
#include <memory>
#include <sstream>
#include <utility>

#include "gqos/constants.hpp"
#include "gqos/indication.hpp"
#include "gqos/names.hpp"
#include "gqos/scenario_text.hpp"
#include "record/emulator_keys.hpp"

namespace qosbed::record {
namespace {

std::string text(const provider::Address& address) {
  return address.host + ":" + std::to_string(address.port);
}

std::string_view role_name(provider::Role role) {
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

// Every field written, so the replay compares (or sends) exactly the recorded bytes.
std::string flowspec(const gqos::FlowSpec& f) {
  return gqos::scenario_flowspec(f);
}

// Values by their SDK names where they have one, as a person writes a scenario.
std::string named(gqos::NameGroup group, std::uint32_t value) {
  return gqos::name_or_number(group, value);
}
// An error as the application checks it: 0, or the error's name.
std::string error_name(std::uint32_t error) {
  return error == 0 ? std::string("0") : named(gqos::NameGroup::error, error);
}
std::string extended_status(const gqos::StatusInfo& info) {
  return "[" + named(gqos::NameGroup::extended_status, info.extended_status1) + ", " +
         named(gqos::NameGroup::extended_status, info.extended_status2) + "]";
}
std::string timeout(std::uint32_t timeout_ms) {
  return timeout_ms == gqos::wsa::infinite
             ? std::string("infinite")
             : gqos::scenario_duration(std::int64_t{timeout_ms} * 1000);
}

std::string key(std::string_view name, const std::string& value) {
  return "    " + std::string(name) + ": " + value + "\n";
}
std::string key(std::string_view name, std::uint64_t value) {
  return key(name, std::to_string(value));
}

std::string hex(std::span<const std::byte> bytes) {
  std::string out;
  char digits[3];
  for (std::byte b : bytes) {
    std::snprintf(digits, sizeof digits, "%02x", static_cast<unsigned>(b));
    out += digits;
  }
  return out;
}

// A QOS an application passed (WSAConnect, SIO_SET_QOS) as a `qos:` request. Of the
// ProviderSpecific objects only RSVP_RESERVE_INFO has a scenario spelling.
std::string qos_request(std::span<const std::byte> bytes) {
  const gqos::DecodeResult decoded = gqos::decode(bytes);
  std::string out = "{ sending: " + flowspec(decoded.qos.sending) +
                    ", receiving: " + flowspec(decoded.qos.receiving);
  for (const gqos::DecodedObject& object : decoded.qos.objects) {
    if (object.type != gqos::object_type::reserve_info || object.body.size() < 8) continue;
    out += ", style: " + named(gqos::NameGroup::rsvp_style, gqos::load_u32(object.body, 0));
    out += std::string(", confirm: ") + (gqos::load_u32(object.body, 4) ? "true" : "false");
  }
  return out + " }";
}

bool is_unused(const gqos::FlowSpec& f) {
  return f == gqos::unspecified_flowspec(f.service_type) ||
         f == gqos::unspecified_flowspec(gqos::qos_not_specified);
}

std::string network_event_list(std::uint32_t mask) {
  std::string out = "[";
  if (mask & gqos::fd_qos) out += "fd_qos";
  if (mask & gqos::fd_group_qos) out += std::string(out.size() > 1 ? ", " : "") + "fd_group_qos";
  return out + "]";
}

}  // namespace

RecordingProvider::RecordingProvider(provider::Provider& inner,
                                     std::function<std::int64_t()> now_us)
    : inner_(inner), now_us_(std::move(now_us)) {}

std::string RecordingProvider::socket_id(provider::Socket socket) const {
  const auto found = sockets_.find(socket);
  return found == sockets_.end() ? std::string() : found->second.id;
}

void RecordingProvider::name_socket(provider::Socket socket, std::string id) {
  const auto found = sockets_.find(socket);
  if (found != sockets_.end()) found->second.id = std::move(id);
}

std::string RecordingProvider::event_socket(provider::Event event) const {
  const auto found = event_sockets_.find(event);
  return found == event_sockets_.end() ? std::string() : socket_id(found->second);
}

std::size_t RecordingProvider::add(std::string body) {
  steps_.push_back(Step{now_us_(), std::move(body)});
  return steps_.size() - 1;
}

std::size_t RecordingProvider::insert_before(std::size_t index, std::string body) {
  steps_.insert(steps_.begin() + static_cast<std::ptrdiff_t>(index),
                Step{steps_[index].t_us, std::move(body)});
  for (auto& [handle, record] : sockets_) {
    if (record.unread_indication && *record.unread_indication >= index) ++*record.unread_indication;
  }
  if (wait_step_ && *wait_step_ >= index) ++*wait_step_;
  return index;
}

void RecordingProvider::expect_call(int result, std::optional<std::uint32_t> bytes) {
  std::string body = "    expect: call\n" + key("result", std::to_string(result));
  if (result == provider::socket_error) body += key("error", error_name(inner_.last_error()));
  if (bytes) body += key("bytes", *bytes);
  add(std::move(body));
}

void RecordingProvider::observe_result(provider::Socket socket, std::uint32_t error,
                                       std::uint32_t bytes, std::span<const std::byte> out,
                                       std::optional<std::size_t> before,
                                       const std::string& expect_kind) {
  SocketRecord& record = sockets_.at(socket);
  // A call that blocked (WSAGetOverlappedResult with fWait) saw the indication arrive while it
  // waited: the `sp:` goes after it, at the time it returned.
  const bool in_place = before && steps_[*before].t_us == now_us_();
  const std::size_t before_step = in_place ? *before : steps_.size();
  // The indication's step: before `before_step`, or last.
  const auto place = [&](std::string body) {
    return in_place ? insert_before(before_step, std::move(body)) : add(std::move(body));
  };
  std::string expect = "    expect: " + expect_kind + "\n" + key("socket", record.id);
  if (expect_kind == "call") expect += key("result", error ? "-1" : "0");
  expect += key("error", error_name(error));
  auto place_sp = [&](std::string body) {
    body = "    sp: fd_qos\n" + key("socket", record.id) + body;
    if (record.unread_indication) {
      steps_[*record.unread_indication].body = std::move(body);
      record.unread_indication.reset();
    } else {
      place(std::move(body));
    }
  };
  if (error == gqos::wsa::enobufs) {
    if (out.size() >= 4) expect += key("required", gqos::load_u32(out, 0));
    if (!record.unread_indication) {
      // Its content is learnt only when a later query reads it; until then any status will do.
      std::string body = "    sp: fd_qos\n" + key("socket", record.id) +
                         key("status", named(gqos::NameGroup::status, gqos::status::generic_error));
      const std::size_t step = place(std::move(body));
      // An emulator that decided otherwise (D5) discarded it: no later query reads it.
      if (!emulator_options_ || emulator_options_->decisions.enobufs_keeps_indication)
        record.unread_indication = step;
    }
  } else if (error == 0 && bytes >= sizeof(gqos::Qos) && bytes <= out.size()) {
    const gqos::DecodeResult decoded = gqos::decode(out.first(bytes));
    const gqos::DecodedQos& qos = decoded.qos;
    expect += key("bytes", bytes);
    expect += key("sending", flowspec(qos.sending)) + key("receiving", flowspec(qos.receiving));
    std::string sp;
    const std::uint32_t status =
        qos.status_info ? qos.status_info->status_code : gqos::status::generic_error;
    sp += key("status", named(gqos::NameGroup::status, status));
    if (qos.status_info) {
      expect += key("status", named(gqos::NameGroup::status, status));
      const std::string extended = extended_status(*qos.status_info);
      expect += key("extended_status", extended);
      sp += key("extended_status", extended);
    }
    // The FLOWSPEC the indication is about: the one that carries values, else the one the
    // status names (gqos::direction_of_status).
    const bool receiving =
        !is_unused(qos.receiving) ||
        (is_unused(qos.sending) && gqos::direction_of_status(status) == gqos::Direction::receiving);
    sp += receiving ? key("receiving", flowspec(qos.receiving))
                    : key("sending", flowspec(qos.sending));
    std::string objects;
    bool status_skipped = false;
    for (const gqos::DecodedObject& object : qos.objects) {
      if (object.type == gqos::object_type::status_info && !status_skipped) {
        status_skipped = true;
        continue;
      }
      if (!objects.empty()) objects += ", ";
      objects += object.type == gqos::object_type::end_of_list
                     ? std::string("end_of_list")
                     : "{ raw: { type: " + named(gqos::NameGroup::object_type, object.type) +
                           ", length: " + std::to_string(object.length) + ", hex: \"" +
                           hex(object.body) + "\" } }";
    }
    if (!objects.empty()) sp += key("objects", "[" + objects + "]");
    place_sp(std::move(sp));
  } else if (error != 0 && !(error == gqos::wsa::operation_aborted && record.closed) &&
             expect_kind == "completion") {
    // The provider ended a pending query with an error of its own.
    std::string body = "    sp: fail\n" + key("socket", record.id) + key("pending", "true") +
                       key("error", error_name(error));
    place(std::move(body));
  }
  if (!expect_kind.empty()) add(std::move(expect));
}

void RecordingProvider::record_monitor(provider::Socket socket, std::uint32_t initial_buffer) {
  SocketRecord& record = sockets_.at(socket);
  record.monitored = true;
  add("    app: monitor\n" + key("socket", record.id) + key("initial_buffer", initial_buffer));
}

void RecordingProvider::record_injected_failure(provider::Socket socket, std::string_view call,
                                                std::uint32_t error) {
  const auto found = sockets_.find(socket);
  if (found == sockets_.end()) return;
  add("    sp: fail\n" + key("socket", found->second.id) + key("call", std::string(call)) +
      key("error", error_name(error)));
}

std::vector<provider::ProtocolInfo> RecordingProvider::enum_protocols() {
  return inner_.enum_protocols();
}

provider::Socket RecordingProvider::open(provider::Role role, provider::Protocol protocol) {
  const provider::Socket socket = inner_.open(role, protocol);
  if (socket == provider::invalid_socket) return socket;
  SocketRecord record;
  record.id = "s" + std::to_string(socket_order_.size() + 1);
  record.role = role;
  record.protocol = protocol;
  sockets_[socket] = std::move(record);
  socket_order_.push_back(socket);
  return socket;
}

int RecordingProvider::bind(provider::Socket socket, const provider::Address& local) {
  SocketRecord& record = sockets_.at(socket);
  record.local = local;
  add("    app: bind\n" + key("socket", record.id));
  const int result = inner_.bind(socket, local);
  expect_call(result);
  return result;
}

int RecordingProvider::connect(provider::Socket socket, const provider::Address& remote,
                               std::span<const std::byte> sending_qos) {
  SocketRecord& record = sockets_.at(socket);
  record.remote = remote;
  std::string body = "    app: connect\n" + key("socket", record.id);
  if (sending_qos.size() >= sizeof(gqos::Qos)) body += key("qos", qos_request(sending_qos));
  add(std::move(body));
  const int result = inner_.connect(socket, remote, sending_qos);
  expect_call(result);
  return result;
}

int RecordingProvider::ioctl(provider::Socket socket, std::uint32_t code,
                             std::span<const std::byte> in, std::span<std::byte> out,
                             std::uint32_t* bytes_returned, provider::Overlapped* overlapped,
                             provider::CompletionRoutine routine) {
  const auto found = sockets_.find(socket);
  if (found == sockets_.end() || (code != gqos::ioctl::get_qos && code != gqos::ioctl::set_qos)) {
    return inner_.ioctl(socket, code, in, out, bytes_returned, overlapped, std::move(routine));
  }
  const std::string id = found->second.id;
  const std::string mode = overlapped ? "overlapped" : "sync";
  if (code == gqos::ioctl::set_qos) {
    std::string body = "    app: set_qos\n" + key("socket", id) + key("mode", mode);
    if (in.size() >= sizeof(gqos::Qos)) body += key("qos", qos_request(in));
    add(std::move(body));
    if (routine) {
      // An overlapped SIO_SET_QOS completes too; its routine runs among the queries' routines,
      // so the replay must expect it in its place.
      routine = [this, socket, inner = std::move(routine)](std::uint32_t error, std::uint32_t bytes,
                                                           provider::Overlapped* block,
                                                           std::uint32_t flags) {
        add("    expect: completion\n" + key("socket", socket_id(socket)) +
            key("error", error_name(error)) + key("bytes", bytes));
        inner(error, bytes, block, flags);
      };
    }
    const int result =
        inner_.ioctl(socket, code, in, out, bytes_returned, overlapped, std::move(routine));
    expect_call(result);
    return result;
  }

  const bool notify_event = overlapped && !routine;
  const bool monitored = found->second.monitored;
  std::optional<std::size_t> app_step;
  if (!monitored) {
    std::string body = "    app: get_qos\n" + key("socket", id) + key("mode", mode);
    if (overlapped) body += key("notify", notify_event ? "event" : "routine");
    body += key("buffer", out.size());
    app_step = add(std::move(body));
  }
  if (notify_event) {
    event_sockets_[overlapped->event] = socket;
    event_queries_[overlapped] = Query{socket, out};
  }
  // Set when the query's data was read at once, so its later completion adds no second `sp:`.
  auto read_at_once = std::make_shared<bool>(false);
  if (routine) {
    routine = [this, socket, out, read_at_once, inner = std::move(routine)](
                  std::uint32_t error, std::uint32_t bytes, provider::Overlapped* block,
                  std::uint32_t flags) {
      if (*read_at_once) {
        add("    expect: completion\n" + key("socket", socket_id(socket)) +
            key("error", error_name(error)) + key("bytes", bytes));
      } else {
        observe_result(socket, error, bytes, out, wait_step_, "completion");
      }
      inner(error, bytes, block, flags);
    };
  }
  std::uint32_t returned = 0;
  const int result = inner_.ioctl(socket, code, in, out, &returned, overlapped, std::move(routine));
  if (bytes_returned) *bytes_returned = returned;
  const std::uint32_t error = result == provider::socket_error ? inner_.last_error() : 0;
  if ((result == 0 && returned >= sizeof(gqos::Qos)) || error == gqos::wsa::enobufs) {
    *read_at_once = error == 0;
    if (notify_event) {
      if (error == 0) {
        event_queries_[overlapped].read_at_once = true;
      } else {
        event_queries_.erase(overlapped);
      }
    }
    // A Monitor's query that finished at once is told by its completion routine.
    observe_result(socket, error, returned, out, app_step, monitored ? "" : "call");
  } else if (!monitored) {
    expect_call(result);
  }
  return result;
}

bool RecordingProvider::get_overlapped_result(provider::Socket socket,
                                              provider::Overlapped* overlapped,
                                              std::uint32_t* bytes, bool wait,
                                              std::uint32_t* flags) {
  const auto found = sockets_.find(socket);
  if (found == sockets_.end())
    return inner_.get_overlapped_result(socket, overlapped, bytes, wait, flags);
  const std::size_t app_step =
      add("    app: get_overlapped_result\n" + key("socket", found->second.id) +
          key("wait", wait ? "true" : "false"));
  std::uint32_t transferred = 0;
  const bool ok = inner_.get_overlapped_result(socket, overlapped, &transferred, wait, flags);
  if (bytes) *bytes = transferred;
  const std::uint32_t error = ok ? 0 : inner_.last_error();
  const auto query = event_queries_.find(overlapped);
  if (query != event_queries_.end() && error != gqos::wsa::io_incomplete) {
    const Query finished = query->second;
    event_queries_.erase(query);
    if (finished.read_at_once) {
      add("    expect: completion\n" + key("socket", found->second.id) +
          key("error", error_name(error)) + key("bytes", transferred));
    } else {
      observe_result(socket, error, transferred, finished.out, app_step, "completion");
    }
  } else {
    std::string body = "    expect: call\n" + key("result", ok ? "1" : "0");
    if (!ok) body += key("error", error_name(error));
    add(std::move(body));
  }
  return ok;
}

int RecordingProvider::event_select(provider::Socket socket, provider::Event event,
                                    std::uint32_t network_events) {
  const auto found = sockets_.find(socket);
  if (found == sockets_.end()) return inner_.event_select(socket, event, network_events);
  event_sockets_[event] = socket;
  add("    app: event_select\n" + key("socket", found->second.id) +
      key("events", network_event_list(network_events)));
  const int result = inner_.event_select(socket, event, network_events);
  expect_call(result);
  return result;
}

int RecordingProvider::enum_network_events(provider::Socket socket, provider::Event event_to_reset,
                                           provider::NetworkEvents* out) {
  const auto found = sockets_.find(socket);
  if (found == sockets_.end()) return inner_.enum_network_events(socket, event_to_reset, out);
  add("    app: enum_network_events\n" + key("socket", found->second.id));
  const int result = inner_.enum_network_events(socket, event_to_reset, out);
  if (result == 0 && out) {
    add("    expect: network_events\n" + key("socket", found->second.id) +
        key("events", network_event_list(out->network_events)) +
        key("status", named(gqos::NameGroup::status, out->error_codes[gqos::fd_qos_bit])));
  } else {
    expect_call(result);
  }
  return result;
}

std::uint32_t RecordingProvider::wait_for_events(std::span<const provider::Event> events,
                                                 bool wait_all, std::uint32_t timeout_ms,
                                                 bool alertable) {
  std::string ids;
  for (provider::Event event : events) {
    const std::string id = event_socket(event);
    if (id.empty()) continue;  // an event of the application's own: no scenario spelling
    ids += (ids.empty() ? "" : ", ") + id;
  }
  wait_step_ = add("    app: wait\n" + key("alertable", alertable ? "true" : "false") +
                   key("timeout", timeout(timeout_ms)) + key("events", "[" + ids + "]"));
  const std::uint32_t result = inner_.wait_for_events(events, wait_all, timeout_ms, alertable);
  wait_step_.reset();
  add("    expect: wait\n" + key("result", named(gqos::NameGroup::wait_result, result)));
  return result;
}

std::uint32_t RecordingProvider::sleep_ex(std::uint32_t timeout_ms, bool alertable) {
  wait_step_ = add("    app: wait\n" + key("alertable", alertable ? "true" : "false") +
                   key("timeout", timeout(timeout_ms)));
  const std::uint32_t result = inner_.sleep_ex(timeout_ms, alertable);
  wait_step_.reset();
  // SleepEx returns 0 when its time is up, a number WSAWaitForMultipleEvents names otherwise.
  add("    expect: wait\n" +
      key("result", result == 0 ? std::string("0") : named(gqos::NameGroup::wait_result, result)));
  return result;
}

int RecordingProvider::close(provider::Socket socket) {
  const auto found = sockets_.find(socket);
  if (found == sockets_.end()) return inner_.close(socket);
  found->second.closed = true;
  add("    app: close\n" + key("socket", found->second.id));
  const int result = inner_.close(socket);
  expect_call(result);
  return result;
}

std::string RecordingProvider::scenario_yaml(const std::string& name) const {
  std::string out = "scenario: " + name + "\n";
  out +=
      "description: >\n  A session recorded by qosbed's RecordingProvider: the application's "
      "calls,\n  the indications it observed, and what it saw.\n";
  if (emulator_options_) out += emulator_keys(*emulator_options_);
  out += "sockets:\n";
  for (provider::Socket socket : socket_order_) {
    const SocketRecord& record = sockets_.at(socket);
    out += "  " + record.id + ":\n    role: " + std::string(role_name(record.role)) + "\n";
    out += std::string("    protocol: ") +
           (record.protocol == provider::Protocol::tcp ? "tcp" : "udp") + "\n";
    if (record.local) out += "    local: " + text(*record.local) + "\n";
    if (record.remote) out += "    remote: " + text(*record.remote) + "\n";
  }
  out += "steps:\n";
  for (const Step& step : steps_) {
    out += "  - at: " + gqos::scenario_duration(step.t_us) + "\n" + step.body;
  }
  return out;
}

}  // namespace qosbed::record
