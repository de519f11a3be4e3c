#include "engine/tracing_provider.hpp"

#include <algorithm>
#include <cstring>

#include "gqos/codec.hpp"
#include "gqos/constants.hpp"
#include "gqos/names.hpp"

namespace qosbed::engine {
namespace {

// The calls an overlapped request can be: "" for any other code.
std::string_view request_name(std::uint32_t code) {
  if (code == gqos::ioctl::get_qos) return "get_qos";
  if (code == gqos::ioctl::set_qos) return "set_qos";
  return {};
}

std::string ioctl_name(std::uint32_t code) {
  const std::string_view name = request_name(code);
  return name.empty() ? gqos::name_or_number(gqos::NameGroup::ioctl, code) : std::string(name);
}

// A view of a literal: only the record's own copy of it is allocated.
std::string_view mode_of(const provider::Overlapped* overlapped,
                         const provider::CompletionRoutine& routine) {
  if (overlapped == nullptr) return "sync";
  return routine ? "overlapped routine" : "overlapped event";
}

PassedQos passed_qos(std::span<const std::byte> bytes) {
  PassedQos qos;
  const gqos::DecodeResult decoded = gqos::decode(bytes);
  if (decoded.error == gqos::DecodeError::qos_truncated) {
    qos.decode_error = std::to_string(bytes.size()) + " bytes, fewer than a QOS (80)";
    return qos;
  }
  qos.sending = decoded.qos.sending;
  qos.receiving = decoded.qos.receiving;
  for (const gqos::DecodedObject& object : decoded.qos.objects) {
    PassedObject& passed = qos.objects.emplace_back();
    passed.type = object.type;
    passed.length = object.length;
    const bool one_value = object.body.size() >= 4;
    if (object.type == gqos::object_type::reserve_info) {
      passed.reserve_info = gqos::read_reserve_info(object);
    } else if (object.type == gqos::object_type::sd_mode && one_value) {
      passed.shape_discard_mode = gqos::load_u32(object.body, 0);
    } else if (object.type == gqos::object_type::shaping_rate && one_value) {
      passed.shaping_rate = gqos::load_u32(object.body, 0);
    } else if (const auto dest = gqos::read_dest_addr(
                   object, bytes, reinterpret_cast<std::uint64_t>(bytes.data()))) {
      // The address it points at, not the pointer, which differs from run to run.
      const std::uint32_t a = dest->address;
      passed.destination = std::to_string(a >> 24) + "." + std::to_string((a >> 16) & 0xFF) + "." +
                           std::to_string((a >> 8) & 0xFF) + "." + std::to_string(a & 0xFF) + ":" +
                           std::to_string(dest->port);
    }
    // An RSVP_RESERVE_INFO that `style` and `confirm` cannot spell again (cut short, or naming
    // flow descriptors) keeps its bytes too, so a recording passes the same object.
    const bool plain_reserve = passed.reserve_info && passed.reserve_info->whole &&
                               passed.reserve_info->num_flow_desc == 0;
    if (!plain_reserve && !passed.shape_discard_mode && !passed.shaping_rate &&
        !passed.destination) {
      passed.body.assign(object.body.begin(), object.body.end());
    }
  }
  if (!decoded.ok()) {
    qos.decode_error = std::string(gqos::describe(decoded.error)) + " at offset " +
                       std::to_string(decoded.error_offset);
  }
  return qos;
}

}  // namespace

void buffer_snapshot(std::span<const std::byte> buffer, std::uint32_t bytes,
                     std::vector<std::byte>& copy) {
  const std::size_t kept = std::min<std::size_t>(bytes, buffer.size());
  copy.assign(buffer.begin(), buffer.begin() + kept);
  if (kept >= gqos::provider_specific_buf_offset + 8) {
    std::uint64_t buf = 0;
    std::memcpy(&buf, copy.data() + gqos::provider_specific_buf_offset, sizeof buf);
    if (buf != 0) buf -= reinterpret_cast<std::uintptr_t>(buffer.data());
    std::memcpy(copy.data() + gqos::provider_specific_buf_offset, &buf, sizeof buf);
  }
}

TracingProvider::TracingProvider(provider::Provider& inner, const Clock& clock, TraceSink& sink)
    : inner_(inner), clock_(clock), sink_(sink) {}

void TracingProvider::name_socket(provider::Socket socket, std::string id) {
  names_[socket] = std::move(id);
}

std::string TracingProvider::socket_name(provider::Socket socket) const {
  auto it = names_.find(socket);
  return it != names_.end() ? it->second : std::to_string(socket);
}

std::string TracingProvider::event_socket(provider::Event event) const {
  const auto found = event_sockets_.find(event);
  return found == event_sockets_.end() ? std::string() : socket_name(found->second);
}

std::string_view TracingProvider::request_call(const provider::Overlapped* overlapped) const {
  for (const IssuedRequest& request : issued_) {
    if (request.overlapped == overlapped) return request.call;
  }
  return {};
}

void TracingProvider::forget_request(const provider::Overlapped* overlapped) {
  std::erase_if(issued_, [overlapped](const IssuedRequest& request) {
    return request.overlapped == overlapped;
  });
}

RecordHead TracingProvider::head(provider::Socket socket) const {
  return RecordHead{clock_.now_us(), socket_name(socket)};
}

void TracingProvider::trace_call(provider::Socket socket, std::string_view call, int result,
                                 TimeUs began_us, std::string_view detail,
                                 std::span<const std::byte> qos) {
  auto record = record_at<CallRecord>(head(socket));
  record.call = call;
  record.detail = detail;
  record.result = result;
  if (result == provider::socket_error) record.error = inner_.last_error();
  if (!qos.empty()) record.qos = passed_qos(qos);
  record.began_us = began_us;
  sink_.record(TraceRecord(std::move(record)));
}

void TracingProvider::trace_completion(provider::Socket socket, std::string_view call,
                                       CompletionSource source, std::uint32_t error,
                                       std::uint32_t bytes, std::span<const std::byte> buffer) {
  TraceRecord traced(record_at<CompletionRecord>(head(socket)));
  CompletionRecord& record = std::get<CompletionRecord>(traced);
  record.call = call;
  record.source = source;
  record.error = error;
  record.bytes = bytes;
  record.buffer_size = static_cast<std::uint32_t>(buffer.size());
  if (bytes >= 4) record.required = gqos::required_size_in(error, buffer);
  if (error == gqos::wsa::no_error) record.decode_error = read_returned(record.read, buffer, bytes);
  record.buffer = std::move(spare_buffer_);
  buffer_snapshot(buffer, bytes, record.buffer);
  sink_.record(traced);
  spare_buffer_ = std::move(record.buffer);
}

std::string TracingProvider::read_returned(ReadQos& read, std::span<const std::byte> buffer,
                                           std::uint32_t bytes) {
  if (bytes == 0 || bytes > buffer.size()) return {};
  gqos::decode(buffer.first(bytes), reinterpret_cast<std::uintptr_t>(buffer.data()), decoded_);
  const gqos::DecodeResult& decoded = decoded_;
  // What lies before a broken object is still what the application reads: the two
  // FLOWSPECs sit at fixed offsets and a status object may precede the damage.
  if (decoded.error != gqos::DecodeError::qos_truncated) {
    read.sending = decoded.qos.sending;
    read.receiving = decoded.qos.receiving;
  }
  read.status_info = decoded.qos.status_info;
  read.adspec = gqos::first_adspec(decoded.qos);
  if (decoded.ok()) return {};
  return std::string(gqos::describe(decoded.error)) + " at offset " +
         std::to_string(decoded.error_offset);
}

WaitRecord wait_record(TimeUs t_us, std::string_view call, std::uint32_t result,
                       std::uint32_t timeout_ms, bool alertable, TimeUs began_us,
                       std::vector<std::string> events) {
  auto record = record_at<WaitRecord>(RecordHead{t_us, {}});
  record.call = call;
  record.result = result;
  record.alertable = alertable;
  record.timeout_ms = timeout_ms;
  record.began_us = began_us;
  record.events = std::move(events);
  return record;
}

void TracingProvider::trace_wait(std::string_view call, std::uint32_t result,
                                 std::uint32_t timeout_ms, bool alertable, TimeUs began_us,
                                 std::span<const provider::Event> events) {
  std::vector<std::string> sockets;
  for (const provider::Event event : events) sockets.push_back(event_socket(event));
  sink_.record(wait_record(clock_.now_us(), call, result, timeout_ms, alertable, began_us,
                           std::move(sockets)));
}

std::vector<provider::ProtocolInfo> TracingProvider::enum_protocols() {
  return inner_.enum_protocols();
}

provider::Socket TracingProvider::open(provider::Role role, provider::Protocol protocol) {
  return inner_.open(role, protocol);
}

int TracingProvider::bind(provider::Socket socket, const provider::Address& local) {
  const TimeUs began_us = clock_.now_us();
  const int result = inner_.bind(socket, local);
  trace_call(socket, "bind", result, began_us, local.host + ":" + std::to_string(local.port));
  return result;
}

int TracingProvider::connect(provider::Socket socket, const provider::Address& remote,
                             std::span<const std::byte> sending_qos) {
  const TimeUs began_us = clock_.now_us();
  const int result = inner_.connect(socket, remote, sending_qos);
  trace_call(socket, "connect", result, began_us, remote.host + ":" + std::to_string(remote.port),
             sending_qos);
  return result;
}

int TracingProvider::listen(provider::Socket socket) {
  trace_call(socket, "listen", 0, clock_.now_us());
  return 0;
}

int TracingProvider::accept(provider::Socket socket, const provider::Address& peer,
                            std::span<const std::byte> qos) {
  const TimeUs began_us = clock_.now_us();
  const int result = inner_.connect(socket, peer, qos);
  trace_call(socket, "accept", result, began_us, peer.host + ":" + std::to_string(peer.port), qos);
  return result;
}

int TracingProvider::shutdown(provider::Socket socket, provider::Shutdown how) {
  const TimeUs began_us = clock_.now_us();
  const int result = inner_.shutdown(socket, how);
  trace_call(socket, "shutdown", result, began_us, provider::name_of(how));
  return result;
}

int TracingProvider::join_leaf(provider::Socket socket, const provider::Address& group,
                               std::span<const std::byte> sending_qos, provider::JoinFlags flags) {
  const TimeUs began_us = clock_.now_us();
  const int result = inner_.join_leaf(socket, group, sending_qos, flags);
  trace_call(
      socket, "join_leaf", result, began_us,
      group.host + ":" + std::to_string(group.port) + " " + std::string(provider::name_of(flags)),
      sending_qos);
  return result;
}

int TracingProvider::ioctl(provider::Socket socket, std::uint32_t code,
                           std::span<const std::byte> in, std::span<std::byte> out,
                           std::uint32_t* bytes_returned, provider::Overlapped* overlapped,
                           provider::CompletionRoutine routine) {
  const TimeUs began_us = clock_.now_us();
  const std::string_view mode = mode_of(overlapped, routine);
  const std::string call = ioctl_name(code);
  if (overlapped != nullptr) {
    // Known before the call: a request may finish inside it (D4, an overlapped SIO_SET_QOS).
    forget_request(overlapped);
    issued_.push_back({overlapped, request_name(code)});
    if (!routine) {
      event_requests_[overlapped] = {socket, call, out};
      if (overlapped->event != provider::invalid_event) event_sockets_[overlapped->event] = socket;
    }
  }
  provider::CompletionRoutine traced;
  if (routine) {
    traced = [this, socket, call, out, routine = std::move(routine)](
                 std::uint32_t error, std::uint32_t bytes, provider::Overlapped* ov,
                 std::uint32_t flags) {
      forget_request(ov);
      trace_completion(socket, call, CompletionSource::routine, error, bytes, out);
      routine(error, bytes, ov, flags);
    };
  }
  const int result =
      inner_.ioctl(socket, code, in, out, bytes_returned, overlapped, std::move(traced));
  TraceRecord traced_call(record_at<CallRecord>(head(socket)));
  CallRecord& record = std::get<CallRecord>(traced_call);
  record.call = call;
  record.detail = std::move(spare_detail_);
  record.detail = mode;
  record.result = result;
  record.began_us = began_us;
  record.buffer_size = static_cast<std::uint32_t>(out.size());
  if (result == provider::socket_error) record.error = inner_.last_error();
  const bool has_bytes = result == 0 || record.error == gqos::wsa::enobufs;
  if (bytes_returned != nullptr && has_bytes) record.bytes = *bytes_returned;
  record.required = gqos::required_size_in(record.error.value_or(0), out);
  if (code == gqos::ioctl::set_qos && !in.empty()) record.qos = passed_qos(in);
  if (code == gqos::ioctl::chk_qos) {
    if (in.size() >= 4) record.selector = gqos::load_u32(in, 0);
    if (result == 0 && out.size() >= 4) record.value = gqos::load_u32(out, 0);
  }
  if (code == gqos::ioctl::get_qos && result == 0 && record.bytes) {
    // A synchronous query's data is read at once; an overlapped one's shows in its completion.
    if (overlapped == nullptr) read_returned(record.read, out, *record.bytes);
    buffer_snapshot(out, *record.bytes, record.buffer.emplace());
  }
  sink_.record(traced_call);
  spare_detail_ = std::move(record.detail);
  if (result == provider::socket_error && record.error != gqos::wsa::io_pending) {
    // Failed at once: there will be no result to read.
    event_requests_.erase(overlapped);
    forget_request(overlapped);
  }
  return result;
}

bool TracingProvider::get_overlapped_result(provider::Socket socket,
                                            provider::Overlapped* overlapped, std::uint32_t* bytes,
                                            bool wait, std::uint32_t* flags) {
  const TimeUs began_us = clock_.now_us();
  const bool done = inner_.get_overlapped_result(socket, overlapped, bytes, wait, flags);
  const std::uint32_t error = done ? gqos::wsa::no_error : inner_.last_error();
  auto call = record_at<CallRecord>(head(socket));
  call.call = "get_overlapped_result";
  call.result = done ? 1 : 0;  // BOOL: FALSE reports failure, not SOCKET_ERROR
  if (!done) call.error = error;
  call.began_us = began_us;
  call.wait = wait;
  sink_.record(TraceRecord(std::move(call)));
  if (!done && error == gqos::wsa::io_incomplete) return done;
  forget_request(overlapped);
  auto request = event_requests_.find(overlapped);
  if (request != event_requests_.end()) {
    const std::uint32_t transferred =
        done ? (bytes != nullptr ? *bytes : 0) : overlapped->internal_high;
    trace_completion(request->second.socket, request->second.call,
                     CompletionSource::get_overlapped_result, error, transferred,
                     request->second.buffer);
    event_requests_.erase(request);
  }
  return done;
}

provider::Event TracingProvider::create_event() {
  return inner_.create_event();
}
bool TracingProvider::set_event(provider::Event event) {
  return inner_.set_event(event);
}
bool TracingProvider::reset_event(provider::Event event) {
  return inner_.reset_event(event);
}
bool TracingProvider::close_event(provider::Event event) {
  return inner_.close_event(event);
}

int TracingProvider::event_select(provider::Socket socket, provider::Event event,
                                  std::uint32_t network_events) {
  const TimeUs began_us = clock_.now_us();
  const int result = inner_.event_select(socket, event, network_events);
  if (event != provider::invalid_event) event_sockets_[event] = socket;
  auto record = record_at<CallRecord>(head(socket));
  record.call = "event_select";
  record.result = result;
  if (result == provider::socket_error) record.error = inner_.last_error();
  record.began_us = began_us;
  record.asked_events = network_events;
  sink_.record(TraceRecord(std::move(record)));
  return result;
}

int TracingProvider::enum_network_events(provider::Socket socket, provider::Event event_to_reset,
                                         provider::NetworkEvents* out) {
  const TimeUs began_us = clock_.now_us();
  const int result = inner_.enum_network_events(socket, event_to_reset, out);
  if (result != 0 || out == nullptr) {
    trace_call(socket, "enum_network_events", result, began_us);
    return result;
  }
  auto record = record_at<NetworkEventsRecord>(head(socket));
  record.network_events = out->network_events;
  if (out->network_events & gqos::fd_qos) record.status = out->error_codes[gqos::fd_qos_bit];
  sink_.record(TraceRecord(std::move(record)));
  return result;
}

std::uint32_t TracingProvider::wait_for_events(std::span<const provider::Event> events,
                                               bool wait_all, std::uint32_t timeout_ms,
                                               bool alertable) {
  const TimeUs began_us = clock_.now_us();
  const std::uint32_t result = inner_.wait_for_events(events, wait_all, timeout_ms, alertable);
  trace_wait("wait_for_events", result, timeout_ms, alertable, began_us, events);
  return result;
}

std::uint32_t TracingProvider::sleep_ex(std::uint32_t timeout_ms, bool alertable) {
  const TimeUs began_us = clock_.now_us();
  const std::uint32_t result = inner_.sleep_ex(timeout_ms, alertable);
  trace_wait("sleep_ex", result, timeout_ms, alertable, began_us);
  return result;
}

int TracingProvider::close(provider::Socket socket) {
  const TimeUs began_us = clock_.now_us();
  const int result = inner_.close(socket);
  trace_call(socket, "close", result, began_us);
  return result;
}

}  // namespace qosbed::engine
