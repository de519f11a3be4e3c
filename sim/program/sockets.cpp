// The session's sockets: which scenario socket each program socket stands for, the socket calls
// the provider serves (bind, connect, close), and those qosbed answers itself because the
// provider has no data path (listen, accept, shutdown, the data calls).
#include <algorithm>
#include <cstdio>

#include "gqos/constants.hpp"
#include "program/session_state.hpp"
#include "runner/qos_encoding.hpp"

namespace qosbed::program {

using win32::Reader;
namespace wsa = gqos::wsa;

namespace {

constexpr std::uint32_t wsa_econnrefused = 10061;
constexpr std::uint32_t wsa_eopnotsupp = wsa::eopnotsupp;
constexpr std::uint32_t wsa_try_again = 11002;
constexpr std::uint32_t cf_accept = 0;
constexpr std::uint32_t cf_reject = 1;
// Where the ports of sockets that were never bound start, as on Windows 2000.
constexpr std::uint32_t first_ephemeral_port = 1025;

std::string dotted(std::uint32_t ip) {
  char text[16];
  std::snprintf(text, sizeof text, "%u.%u.%u.%u", (ip >> 24) & 0xff, (ip >> 16) & 0xff,
                (ip >> 8) & 0xff, ip & 0xff);
  return text;
}

provider::Address address_of(const win32::WireAddress& wire) {
  return provider::Address{dotted(wire.ip), static_cast<std::uint16_t>(wire.port)};
}

win32::WireAddress wire_of(const provider::Address& address) {
  unsigned parts[4] = {};
  std::sscanf(address.host.c_str(), "%u.%u.%u.%u", &parts[0], &parts[1], &parts[2], &parts[3]);
  return {(parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8) | parts[3], address.port};
}

// A scenario's address and the program's name the same endpoint; 0.0.0.0 on either side stands
// for any host, as binding to INADDR_ANY does.
bool same_endpoint(const provider::Address& scenario, const win32::WireAddress& program) {
  if (scenario.port != program.port) return false;
  return program.ip == 0 || scenario.host == "0.0.0.0" || scenario.host == dotted(program.ip);
}

}  // namespace

Session::ProgramSocket* Session::find_socket(std::uint64_t handle) {
  const auto it = sockets_.find(handle);
  return it == sockets_.end() ? nullptr : it->second.get();
}

Session::Answer Session::succeeded() {
  Answer answer;
  answer.fields.i32(0);
  return answer;
}

Session::Answer Session::socket_error(std::uint32_t error) {
  Answer answer;
  answer.error = error;
  answer.fields.i32(provider::socket_error);
  return answer;
}

Session::Answer Session::data_error(std::uint32_t error) {
  Answer answer = socket_error(error);
  answer.fields.u32(0);
  return answer;
}

void Session::assign(ProgramSocket& socket, const win32::WireAddress* bound,
                     const win32::WireAddress* connected) {
  if (socket.provider != provider::invalid_socket) return;
  auto free_with = [&](auto matches) -> std::optional<std::size_t> {
    for (std::size_t i = 0; i < scenario_sockets_.size(); ++i) {
      const scenario::SocketSpec& spec = *scenario_sockets_[i].spec;
      if (!taken_[i] && spec.protocol == socket.protocol && matches(spec)) return i;
    }
    return std::nullopt;
  };
  // The scenario socket with the address the program's names; else one that names no such
  // address; a socket used before it is bound or connected takes the first free one.
  std::optional<std::size_t> pick;
  if (socket.handed_over) {
    // A listener whose connection took its scenario socket over stands for none.
  } else if (bound) {
    pick = free_with([&](const scenario::SocketSpec& spec) {
      return spec.local && same_endpoint(*spec.local, *bound);
    });
    if (!pick) pick = free_with([](const scenario::SocketSpec& spec) { return !spec.local; });
  } else if (connected) {
    pick = free_with([&](const scenario::SocketSpec& spec) {
      return spec.remote && same_endpoint(*spec.remote, *connected);
    });
    if (!pick) pick = free_with([](const scenario::SocketSpec& spec) { return !spec.remote; });
  } else {
    pick = free_with([](const scenario::SocketSpec&) { return true; });
  }
  if (pick) {
    taken_[*pick] = true;
    socket.scenario = *pick;
    socket.provider = scenario_sockets_[*pick].handle;
    socket.name = scenario_sockets_[*pick].spec->id;
    return;
  }
  // More sockets than the scenario names: the rest are the program's own, sending and
  // receiving as it decides.
  socket.provider = untraced_.open(provider::Role::both, socket.protocol);
  socket.name = own_name(socket.order);
  traced_.name_socket(socket.provider, socket.name);
  if (own_socket_) own_socket_(socket.name, socket.protocol);
}

void Session::trace_call(const ProgramSocket& socket, std::string call, int result,
                         std::uint32_t error) {
  auto record =
      engine::record_at<engine::CallRecord>(engine::RecordHead{queue_.now_us(), socket.name});
  record.call = std::move(call);
  record.result = result;
  if (result == provider::socket_error) record.error = error;
  record.began_us = record.t_us;
  trace_.record(engine::TraceRecord(std::move(record)));
}

void Session::remember(const ProgramSocket& socket, std::string call, std::int64_t result,
                       std::uint32_t error, std::optional<std::uint32_t> bytes) {
  last_socket_ = socket.name;
  runner::CallResult& last = last_calls_[socket.name];
  last = runner::CallResult{};
  last.socket = socket.name;
  last.call = std::move(call);
  last.result = result;
  last.error = error;
  last.bytes = bytes;
}

void Session::remember_data(const ProgramSocket& socket, std::span<const std::byte> buffer,
                            std::uint32_t bytes, std::uint32_t error) {
  last_calls_[socket.name].remember_returned_data(buffer, bytes, error);
}

Session::Served Session::open_socket(Reader& body) {
  const std::uint32_t protocol = body.u32();
  expect_whole(body);
  if (protocol != 17 && protocol != 6) return socket_error(wsa::einval);
  auto socket = std::make_unique<ProgramSocket>();
  socket->handle = handles_.next();
  socket->protocol = protocol == 17 ? provider::Protocol::udp : provider::Protocol::tcp;
  socket->order = ++sockets_opened_;
  socket->name = own_name(socket->order);
  Answer answer;
  answer.fields.u64(socket->handle);
  sockets_[socket->handle] = std::move(socket);
  return answer;
}

Session::Served Session::bind(Reader& body) {
  const std::uint64_t handle = body.u64();
  const win32::WireAddress local = win32::get_address(body);
  expect_whole(body);
  ProgramSocket* socket = find_socket(handle);
  if (!socket) return socket_error(wsa::enotsock);
  assign(*socket, &local, nullptr);
  const int result = traced_.bind(socket->provider, address_of(local));
  Answer answer;
  answer.error = result == provider::socket_error ? traced_.last_error() : 0;
  if (result == 0) socket->local = local;
  remember(*socket, "bind", result, answer.error);
  answer.fields.i32(result);
  return answer;
}

Session::Served Session::connect(Reader& body) {
  const std::uint64_t handle = body.u64();
  const win32::WireAddress remote = win32::get_address(body);
  const std::vector<std::byte> qos = qos_from_program(body.blob());
  expect_whole(body);
  ProgramSocket* socket = find_socket(handle);
  if (!socket) return socket_error(wsa::enotsock);
  assign(*socket, nullptr, &remote);
  const int result = traced_.connect(socket->provider, address_of(remote), qos);
  Answer answer;
  answer.error = result == provider::socket_error ? traced_.last_error() : 0;
  if (result == 0) {
    socket->peer = remote;
    if (!socket->local) {
      // Connecting binds implicitly: to the scenario's local address, or an ephemeral port.
      const scenario::SocketSpec* spec =
          socket->scenario ? scenario_sockets_[*socket->scenario].spec : nullptr;
      socket->local = spec && spec->local
                          ? wire_of(*spec->local)
                          : win32::WireAddress{0, first_ephemeral_port +
                                                      static_cast<std::uint32_t>(socket->order)};
    }
  }
  remember(*socket, "connect", result, answer.error);
  answer.fields.i32(result);
  return answer;
}

Session::Served Session::listen(Reader& body) {
  const std::uint64_t handle = body.u64();
  expect_whole(body);
  ProgramSocket* socket = find_socket(handle);
  if (!socket) return socket_error(wsa::enotsock);
  assign(*socket, nullptr, nullptr);
  std::uint32_t error = 0;
  if (socket->protocol != provider::Protocol::tcp) error = wsa_eopnotsupp;
  if (!socket->local) error = wsa::einval;
  if (error == 0) socket->listening = true;
  trace_call(*socket, "listen", error ? provider::socket_error : 0, error);
  if (error) return socket_error(error);
  return succeeded();
}

// The one connection of a listening socket comes from its scenario socket's `remote:`, asking for
// the scenario socket's `qos:` (the condition function's lpSQOS).
Session::Served Session::accept(Reader& body) {
  const std::uint64_t handle = body.u64();
  const bool nonblocking = body.u32() != 0;
  expect_whole(body);
  ProgramSocket* socket = find_socket(handle);
  auto refused = [this](std::uint32_t error) {
    Answer answer = socket_error(error);
    put(answer.fields, win32::WireAddress{});
    answer.fields.blob({});
    return answer;
  };
  if (!socket) return refused(wsa::enotsock);
  if (!socket->listening) return refused(wsa::einval);
  const scenario::SocketSpec* spec =
      socket->scenario ? scenario_sockets_[*socket->scenario].spec : nullptr;
  if (!spec || !spec->remote || socket->peer_offered) {
    if (nonblocking) return refused(wsa::ewouldblock);
    return block(Blocked{DataOn{handle, "accept"}});
  }
  Answer answer = succeeded();
  put(answer.fields, wire_of(*spec->remote));
  answer.fields.blob(spec->qos ? runner::encode_request(*spec->qos) : std::vector<std::byte>());
  return answer;
}

Session::Served Session::accept_decision(Reader& body) {
  const std::uint64_t handle = body.u64();
  const std::uint32_t decision = body.u32();
  const std::vector<std::byte> qos = qos_from_program(body.blob());
  expect_whole(body);
  ProgramSocket* listener = find_socket(handle);
  if (!listener || !listener->listening || !listener->scenario || listener->peer_offered ||
      !scenario_sockets_[*listener->scenario].spec->remote) {
    return socket_error(wsa::einval);
  }
  if (decision != cf_accept) {
    const std::uint32_t error = decision == cf_reject ? wsa_econnrefused : wsa_try_again;
    listener->peer_offered = decision == cf_reject;
    trace_call(*listener, "accept", provider::socket_error, error);
    return socket_error(error);
  }
  listener->peer_offered = true;
  // The accepted connection stands for the scenario socket from now on; the listening socket
  // for none.
  auto connection = std::make_unique<ProgramSocket>();
  connection->handle = handles_.next();
  connection->protocol = listener->protocol;
  connection->order = ++sockets_opened_;
  connection->provider = listener->provider;
  connection->name = listener->name;
  connection->scenario = listener->scenario;
  connection->local = listener->local;
  connection->peer = wire_of(*scenario_sockets_[*listener->scenario].spec->remote);
  listener->name = own_name(listener->order);
  listener->provider = provider::invalid_socket;
  listener->scenario.reset();
  listener->handed_over = true;
  // Connected to its peer, the connection is in the peer's RSVP session (D38).
  traced_.accept(connection->provider, *scenario_sockets_[*connection->scenario].spec->remote, {});
  if (!qos.empty()) {
    std::uint32_t bytes = 0;
    const int result =
        traced_.ioctl(connection->provider, gqos::ioctl::set_qos, qos, {}, &bytes, nullptr, {});
    remember(*connection, "set_qos", result,
             result == provider::socket_error ? traced_.last_error() : 0);
  }
  Answer answer = succeeded();
  answer.fields.u64(connection->handle);
  sockets_[connection->handle] = std::move(connection);
  return answer;
}

Session::Served Session::shutdown(Reader& body) {
  const std::uint64_t handle = body.u64();
  const std::uint32_t how = body.u32();
  expect_whole(body);
  ProgramSocket* socket = find_socket(handle);
  if (!socket) return socket_error(wsa::enotsock);
  assign(*socket, nullptr, nullptr);
  // The socket's QoS ends in the directions shut (W32:closing-the-qos-connection): the provider
  // hears of it when the socket stands for one of the scenario's.
  if (socket->provider != provider::invalid_socket && how <= 2) {
    if (traced_.shutdown(socket->provider, static_cast<provider::Shutdown>(how)) != 0) {
      return socket_error(traced_.last_error());
    }
    Answer answer;
    answer.fields.i32(0);
    return answer;
  }
  const bool connected = socket->peer || socket->protocol == provider::Protocol::udp;
  trace_call(*socket, "shutdown", connected ? 0 : provider::socket_error, wsa::enotconn);
  if (!connected) return socket_error(wsa::enotconn);
  return succeeded();
}

Session::Served Session::close_socket(Reader& body) {
  const std::uint64_t handle = body.u64();
  expect_whole(body);
  ProgramSocket* socket = find_socket(handle);
  if (!socket) return socket_error(wsa::enotsock);
  // A socket that stands for none (opened and closed unused, or a listener whose connection took
  // its scenario socket over) has nothing on the provider to close.
  if (socket->provider != provider::invalid_socket) {
    const int result = traced_.close(socket->provider);
    Answer answer;
    answer.error = result == provider::socket_error ? traced_.last_error() : 0;
    remember(*socket, "close", result, answer.error);
    if (result != 0) {
      answer.fields.i32(result);
      return answer;  // an injected failure: the socket stays open
    }
  }
  for (Request* request : unreported_) {
    if (request->own && request->socket == handle) finish_own(*request, wsa::operation_aborted, 0);
  }
  if (socket->async_event != provider::invalid_event) untraced_.close_event(socket->async_event);
  sockets_.erase(handle);
  return succeeded();
}

Session::Served Session::socket_name(Reader& body) {
  const std::uint64_t handle = body.u64();
  const bool peer = body.u32() != 0;
  expect_whole(body);
  const ProgramSocket* socket = find_socket(handle);
  const std::optional<win32::WireAddress>* name =
      socket ? (peer ? &socket->peer : &socket->local) : nullptr;
  if (!name || !*name) {
    Answer answer = socket_error(!socket ? wsa::enotsock : peer ? wsa::enotconn : wsa::einval);
    put(answer.fields, win32::WireAddress{});
    return answer;
  }
  Answer answer = succeeded();
  put(answer.fields, **name);
  return answer;
}

Session::Served Session::send(Reader& body) {
  const std::uint64_t handle = body.u64();
  const std::uint32_t bytes = body.u32();
  const bool addressed = body.u32() != 0;
  const win32::WireAddress to = win32::get_address(body);
  const win32::WireOverlapped wire = win32::get_overlapped(body);
  expect_whole(body);
  ProgramSocket* socket = find_socket(handle);
  if (!socket) return data_error(wsa::enotsock);
  assign(*socket, nullptr, addressed ? &to : nullptr);
  const bool can_send = socket->peer || (addressed && socket->protocol == provider::Protocol::udp);
  trace_call(*socket, "send", can_send ? static_cast<int>(bytes) : provider::socket_error,
             wsa::enotconn);
  if (!can_send) return data_error(wsa::enotconn);
  // The data goes nowhere, at once: an overlapped send finishes in the call.
  if (wire.request != 0) {
    Request& request = new_request(wire, *socket, 0);
    request.own = true;
    finish_own(request, wsa::no_error, bytes);
  }
  Answer answer = succeeded();
  answer.fields.u32(bytes);
  return answer;
}

Session::Served Session::receive(Reader& body) {
  const std::uint64_t handle = body.u64();
  const bool nonblocking = body.u32() != 0;
  const win32::WireOverlapped wire = win32::get_overlapped(body);
  expect_whole(body);
  ProgramSocket* socket = find_socket(handle);
  if (!socket) return data_error(wsa::enotsock);
  assign(*socket, nullptr, nullptr);
  // Nothing ever arrives: an overlapped receive pends until closesocket aborts it.
  if (wire.request != 0) {
    new_request(wire, *socket, 0).own = true;
    trace_call(*socket, "recv", provider::socket_error, wsa::io_pending);
    return data_error(wsa::io_pending);
  }
  if (nonblocking) {
    trace_call(*socket, "recv", provider::socket_error, wsa::ewouldblock);
    return data_error(wsa::ewouldblock);
  }
  return block(Blocked{DataOn{handle, "recv"}});
}

}  // namespace qosbed::program
