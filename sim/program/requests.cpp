// The session's WSAIoctl, overlapped results and network events: each request the program issues
// is mirrored by one qosbed keeps (a buffer of the program's size and a provider::Overlapped), and
// what finishes is copied back to the program with the next reply.
#include "engine/tracing_provider.hpp"
#include "gqos/codec.hpp"
#include "gqos/constants.hpp"
#include "gqos/names.hpp"
#include "program/session_state.hpp"

namespace qosbed::program {

using win32::Reader;
namespace wsa = gqos::wsa;

namespace {

// A buffer larger than this is handed to the provider at this size: nothing the provider writes
// comes near it, and the program's size cannot make qosbed allocate without bound.
constexpr std::uint32_t largest_buffer = 1u << 20;

std::string ioctl_name(std::uint32_t code) {
  if (code == gqos::ioctl::get_qos) return "get_qos";
  if (code == gqos::ioctl::set_qos) return "set_qos";
  return gqos::name_or_number(gqos::NameGroup::ioctl, code);
}

}  // namespace

// A QOS from the program has ProviderSpecific.buf as an offset into the bytes that came with it;
// the provider reads it as an address, as it would the program's own.
std::vector<std::byte> qos_from_program(std::span<const std::byte> flat) {
  std::vector<std::byte> qos(flat.begin(), flat.end());
  if (qos.size() < gqos::provider_specific_buf_offset + sizeof(std::uint64_t)) return qos;
  std::uint64_t offset = 0;
  std::memcpy(&offset, qos.data() + gqos::provider_specific_buf_offset, sizeof offset);
  const std::uint64_t address = offset == 0 || offset >= qos.size()
                                    ? 0
                                    : reinterpret_cast<std::uintptr_t>(qos.data()) + offset;
  std::memcpy(qos.data() + gqos::provider_specific_buf_offset, &address, sizeof address);
  return qos;
}

Session::Request& Session::new_request(const win32::WireOverlapped& wire,
                                       const ProgramSocket& socket, std::uint32_t buffer_bytes) {
  Request& request = requests_.emplace_back();
  request.program_id = wire.request;
  request.thread = running_;
  request.socket = socket.handle;
  request.notify = wire.notify;
  request.buffer.resize(std::min(buffer_bytes, largest_buffer));
  request.overlapped.internal = wsa::io_pending;
  if (wire.notify == win32::Notify::event) {
    if (const EventObject* event = handles_.find<EventObject>(wire.event)) {
      request.overlapped.event = event->event;
    }
  }
  by_program_id_[wire.request] = &request;
  unreported_.push_back(&request);
  return request;
}

void Session::finish_own(Request& request, std::uint32_t error, std::uint32_t bytes) {
  request.overlapped.internal = error;
  request.overlapped.internal_high = bytes;
  if (request.notify == win32::Notify::routine) {
    const auto thread = threads_.find(request.thread);
    if (thread != threads_.end())
      thread->second->routines.push_back({request.program_id, error, bytes});
  } else if (request.overlapped.event != provider::invalid_event) {
    untraced_.set_event(request.overlapped.event);
  }
}

std::vector<win32::Finished> Session::collect_finished() {
  std::vector<win32::Finished> finished;
  std::erase_if(unreported_, [&finished](Request* request) {
    if (request->overlapped.internal == wsa::io_pending) return false;
    win32::Finished done{
        request->program_id, request->overlapped.internal, request->overlapped.internal_high, {}};
    engine::buffer_snapshot(request->buffer, request->overlapped.internal_high, done.data);
    finished.push_back(std::move(done));
    return true;
  });
  return finished;
}

Session::Served Session::ioctl(Reader& body) {
  const std::uint64_t handle = body.u64();
  const std::uint32_t code = body.u32();
  const auto in = body.blob();
  const std::uint32_t out_size = std::min(body.u32(), largest_buffer);
  const bool wants_bytes = body.u32() != 0;
  const win32::WireOverlapped wire = win32::get_overlapped(body);
  expect_whole(body);
  ProgramSocket* socket = find_socket(handle);
  if (!socket) {
    Answer answer = socket_error(wsa::enotsock);
    answer.fields.u32(0).blob({});
    return answer;
  }
  assign(*socket, nullptr, nullptr);
  const std::vector<std::byte> input = code == gqos::ioctl::set_qos
                                           ? qos_from_program(in)
                                           : std::vector<std::byte>(in.begin(), in.end());
  std::uint32_t bytes = 0;
  std::uint32_t* returned = wants_bytes ? &bytes : nullptr;
  Answer answer;
  if (wire.request == 0) {
    std::vector<std::byte> out(out_size);
    const int result = traced_.ioctl(socket->provider, code, input, out, returned, nullptr, {});
    answer.error = result == provider::socket_error ? traced_.last_error() : 0;
    // WSAENOBUFS leaves the required size in the first 4 bytes, asked for or not.
    const std::uint32_t written = answer.error == wsa::enobufs ? std::max(bytes, 4u) : bytes;
    std::vector<std::byte> data;
    engine::buffer_snapshot(out, result == 0 || answer.error == wsa::enobufs ? written : 0, data);
    remember(*socket, ioctl_name(code), result, answer.error,
             result == 0 || answer.error == wsa::enobufs ? std::optional(bytes) : std::nullopt);
    if (code == gqos::ioctl::get_qos)
      remember_data(*socket, out, result == 0 ? bytes : 0, answer.error);
    answer.fields.i32(result).u32(bytes).blob(data);
    return answer;
  }
  Request& request = new_request(wire, *socket, out_size);
  provider::CompletionRoutine routine;
  if (wire.notify == win32::Notify::routine) {
    routine = [this, id = request.program_id, thread = running_](
                  std::uint32_t error, std::uint32_t transferred, provider::Overlapped*,
                  std::uint32_t) {
      const auto it = threads_.find(thread);
      if (it != threads_.end() && it->second->state != ThreadState::State::exited) {
        it->second->routines.push_back({id, error, transferred});
      }
    };
  }
  const int result = traced_.ioctl(socket->provider, code, input, request.buffer, returned,
                                   &request.overlapped, std::move(routine));
  answer.error = result == provider::socket_error ? traced_.last_error() : 0;
  if (result == provider::socket_error && answer.error != wsa::io_pending) {
    std::erase(unreported_, &request);  // failed at once: nothing will finish
  }
  remember(*socket, ioctl_name(code), result, answer.error,
           result == 0 || answer.error == wsa::enobufs ? std::optional(bytes) : std::nullopt);
  if (code == gqos::ioctl::get_qos && result == 0) {
    remember_data(*socket, request.buffer, bytes, answer.error);
  }
  std::vector<std::byte> data;
  if (answer.error == wsa::enobufs) engine::buffer_snapshot(request.buffer, 4, data);
  answer.fields.i32(result).u32(bytes).blob(data);
  return answer;
}

Session::Served Session::overlapped_result(Reader& body) {
  const std::uint64_t handle = body.u64();
  const std::uint64_t id = body.u64();
  const bool wait = body.u32() != 0;
  expect_whole(body);
  ProgramSocket* socket = find_socket(handle);
  const auto found = by_program_id_.find(id);
  Answer answer;
  if (!socket || found == by_program_id_.end() || found->second->socket != handle) {
    answer.error = socket ? wsa::einval : wsa::enotsock;
    answer.fields.u32(0).u32(0).u32(0);
    return answer;
  }
  Request& request = *found->second;
  const bool pending = request.overlapped.internal == wsa::io_pending;
  if (request.own) {
    // A data call: the provider never saw it.
    if (pending) answer.error = wsa::io_incomplete;
    const bool ok = !pending && request.overlapped.internal == wsa::no_error;
    if (!pending && !ok) answer.error = request.overlapped.internal;
    answer.fields.u32(ok ? 1 : 0).u32(request.overlapped.internal_high).u32(0);
    return answer;
  }
  if (pending && wait) return block(Blocked{ResultOf{handle, id}});
  std::uint32_t bytes = 0;
  std::uint32_t flags = 0;
  const bool done =
      traced_.get_overlapped_result(socket->provider, &request.overlapped, &bytes, wait, &flags);
  if (!done) answer.error = traced_.last_error();
  remember(*socket, "get_overlapped_result", done ? 1 : 0, answer.error, bytes);
  answer.fields.u32(done ? 1 : 0).u32(bytes).u32(flags);
  return answer;
}

Session::Served Session::event_select(Reader& body) {
  const std::uint64_t handle = body.u64();
  const std::uint64_t event_handle = body.u64();
  const std::uint32_t mask = body.u32();
  expect_whole(body);
  ProgramSocket* socket = find_socket(handle);
  if (!socket) return socket_error(wsa::enotsock);
  assign(*socket, nullptr, nullptr);
  const EventObject* event = handles_.find<EventObject>(event_handle);
  const int result =
      traced_.event_select(socket->provider, event ? event->event : provider::invalid_event, mask);
  Answer answer;
  answer.error = result == provider::socket_error ? traced_.last_error() : 0;
  remember(*socket, "event_select", result, answer.error);
  answer.fields.i32(result);
  return answer;
}

Session::Served Session::async_select(Reader& body) {
  const std::uint64_t handle = body.u64();
  const std::uint64_t window = body.u64();
  const std::uint32_t message = body.u32();
  const std::uint32_t mask = body.u32();
  expect_whole(body);
  ProgramSocket* socket = find_socket(handle);
  if (!socket) return socket_error(wsa::enotsock);
  if (mask != 0 && !handles_.find<WindowObject>(window)) return socket_error(wsa::einval);
  assign(*socket, nullptr, nullptr);
  if (socket->async_event == provider::invalid_event)
    socket->async_event = untraced_.create_event();
  const int result = traced_.event_select(
      socket->provider, mask ? socket->async_event : provider::invalid_event, mask);
  Answer answer;
  answer.error = result == provider::socket_error ? traced_.last_error() : 0;
  if (result == 0) {
    socket->async_window = mask ? window : 0;
    socket->async_message = message;
    socket->async_mask = mask;
  }
  remember(*socket, "event_select", result, answer.error);
  answer.fields.i32(result);
  return answer;
}

void Session::post_async_selects() {
  for (auto& [handle, socket] : sockets_) {
    if (socket->async_window == 0) continue;
    const provider::Event events[] = {socket->async_event};
    if (untraced_.wait_for_events(events, false, 0, false) != wsa::wait_event_0) continue;
    provider::NetworkEvents happened;
    if (traced_.enum_network_events(socket->provider, socket->async_event, &happened) != 0) {
      continue;
    }
    const WindowObject* window = handles_.find<WindowObject>(socket->async_window);
    const auto owner = window ? threads_.find(window->owner) : threads_.end();
    if (owner == threads_.end()) continue;  // the window is gone: the notification is lost
    for (int bit = 0; bit < gqos::fd_max_events; ++bit) {
      const std::uint32_t event = 1u << bit;
      if (!(happened.network_events & event & socket->async_mask)) continue;
      // WSAMAKESELECTREPLY(event, error); for FD_QOS the error is the WSA_QOS_* status (R7).
      const auto reply = static_cast<std::int32_t>(event | (happened.error_codes[bit] << 16));
      owner->second->messages.push_back(
          win32::WireMessage{socket->async_window, socket->async_message, handle, reply,
                             static_cast<std::uint32_t>(queue_.now_us() / 1000)});
    }
  }
}

Session::Served Session::enum_network_events(Reader& body) {
  const std::uint64_t handle = body.u64();
  const std::uint64_t event_handle = body.u64();
  expect_whole(body);
  ProgramSocket* socket = find_socket(handle);
  provider::NetworkEvents happened;
  Answer answer;
  int result = provider::socket_error;
  if (!socket) {
    answer.error = wsa::enotsock;
  } else {
    assign(*socket, nullptr, nullptr);
    const EventObject* event = handles_.find<EventObject>(event_handle);
    result = traced_.enum_network_events(socket->provider,
                                         event ? event->event : provider::invalid_event, &happened);
    if (result != 0) answer.error = traced_.last_error();
    remember(*socket, "enum_network_events", result, answer.error);
  }
  answer.fields.i32(result).u32(happened.network_events);
  for (const std::uint32_t code : happened.error_codes) answer.fields.u32(code);
  return answer;
}

}  // namespace qosbed::program
