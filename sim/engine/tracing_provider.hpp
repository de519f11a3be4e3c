// A Provider decorator that traces what the application does and learns: every call with its
// result, every completion at the moment the application sees it (inside its completion routine,
// or when it reads an event-notified result), every wait's result. It works over any Provider,
// so a run on the emulator, a run on real Winsock and a user's program are traced alike, and a
// recording (sim/record) can be made of any of them from the records alone.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "engine/clock.hpp"
#include "engine/trace.hpp"
#include "gqos/codec.hpp"
#include "provider/provider.hpp"

namespace qosbed::engine {

class TracingProvider final : public provider::Provider {
 public:
  TracingProvider(provider::Provider& inner, const Clock& clock, TraceSink& sink);

  // Traces name sockets by the application's own ids ("rx"), not by handle.
  void name_socket(provider::Socket socket, std::string id);
  std::string socket_name(provider::Socket socket) const;

  // The id of the socket an event belongs to (WSAEventSelect, or an overlapped request's hEvent);
  // empty for an event of the application's own.
  std::string event_socket(provider::Event event) const;

  // The call ("get_qos", "set_qos") of the overlapped request with this OVERLAPPED, from its
  // ioctl until the application learns its result; empty for a request it does not know.
  std::string_view request_call(const provider::Overlapped* overlapped) const;

  std::vector<provider::ProtocolInfo> enum_protocols() override;
  provider::Socket open(provider::Role role, provider::Protocol protocol) override;
  int bind(provider::Socket socket, const provider::Address& local) override;
  int connect(provider::Socket socket, const provider::Address& remote,
              std::span<const std::byte> sending_qos) override;
  int shutdown(provider::Socket socket, provider::Shutdown how) override;
  int join_leaf(provider::Socket socket, const provider::Address& group,
                std::span<const std::byte> sending_qos, provider::JoinFlags flags) override;
  int ioctl(provider::Socket socket, std::uint32_t code, std::span<const std::byte> in,
            std::span<std::byte> out, std::uint32_t* bytes_returned,
            provider::Overlapped* overlapped, provider::CompletionRoutine routine) override;
  bool get_overlapped_result(provider::Socket socket, provider::Overlapped* overlapped,
                             std::uint32_t* bytes, bool wait, std::uint32_t* flags) override;
  provider::Event create_event() override;
  bool set_event(provider::Event event) override;
  bool reset_event(provider::Event event) override;
  bool close_event(provider::Event event) override;
  int event_select(provider::Socket socket, provider::Event event,
                   std::uint32_t network_events) override;
  int enum_network_events(provider::Socket socket, provider::Event event_to_reset,
                          provider::NetworkEvents* out) override;
  std::uint32_t wait_for_events(std::span<const provider::Event> events, bool wait_all,
                                std::uint32_t timeout_ms, bool alertable) override;
  std::uint32_t sleep_ex(std::uint32_t timeout_ms, bool alertable) override;
  int close(provider::Socket socket) override;
  std::uint32_t last_error() const override { return inner_.last_error(); }

  // listen and WSAAccept, which the provider has no calls for (docs/behaviour.md D38): listen
  // only records the call; accept makes the listening socket the connection from `peer`, which
  // the condition function accepted leaving `qos` in lpSQOS: the provider connects it with that
  // QOS, as WSAConnect would, and the trace records `accept`.
  int listen(provider::Socket socket);
  int accept(provider::Socket socket, const provider::Address& peer,
             std::span<const std::byte> qos);

 private:
  RecordHead head(provider::Socket socket) const;
  // `qos`: the QOS the call passed (connect, SIO_SET_QOS), shown decoded.
  void trace_call(provider::Socket socket, std::string_view call, int result, TimeUs began_us,
                  std::string_view detail = {}, std::span<const std::byte> qos = {});
  void trace_completion(provider::Socket socket, std::string_view call, CompletionSource source,
                        std::uint32_t error, std::uint32_t bytes,
                        std::span<const std::byte> buffer);
  // What a query returned in `buffer`, as the application reads it: the FLOWSPECs and the
  // RSVP_STATUS_INFO. Returns where a broken object list stops decoding, or nothing.
  std::string read_returned(ReadQos& read, std::span<const std::byte> buffer, std::uint32_t bytes);
  void trace_wait(std::string_view call, std::uint32_t result, std::uint32_t timeout_ms,
                  bool alertable, TimeUs began_us, std::span<const provider::Event> events = {});

  void forget_request(const provider::Overlapped* overlapped);

  // An overlapped request whose result the application has not learnt yet. Few at a time, so a
  // vector whose storage is reused: tracing a request allocates nothing once it has grown.
  struct IssuedRequest {
    const provider::Overlapped* overlapped;
    std::string_view call;
  };

  struct EventRequest {
    provider::Socket socket;
    std::string call;  // "get_qos", "set_qos": a completion says which request it finishes
    std::span<std::byte> buffer;
  };

  provider::Provider& inner_;
  const Clock& clock_;
  TraceSink& sink_;
  std::map<provider::Socket, std::string> names_;
  std::map<const provider::Overlapped*, EventRequest> event_requests_;
  // The socket each event belongs to, by the call that tied them (WSAEventSelect, or an
  // overlapped request's hEvent): a wait's record names whose events it waited on.
  std::map<provider::Event, provider::Socket> event_sockets_;
  std::vector<IssuedRequest> issued_;
  gqos::DecodeResult decoded_;  // reused by every completion, so decoding allocates nothing
  // Storage lent to a record and taken back once the sink has seen it, so that tracing allocates
  // nothing for it after the first time: a completion's buffer snapshot, and an ioctl call's
  // detail ("overlapped routine" is too long for the bytes a std::string holds in itself).
  std::vector<std::byte> spare_buffer_;
  std::string spare_detail_;
};

// The record of a wait (SleepEx: "sleep_ex", the others "wait_for_events") that began at
// `began_us` and returned `result` at `t_us`, as TracingProvider writes it; for a caller that
// runs waits itself. `events`: whose events it waited on, as WaitRecord says.
WaitRecord wait_record(TimeUs t_us, std::string_view call, std::uint32_t result,
                       std::uint32_t timeout_ms, bool alertable, TimeUs began_us,
                       std::vector<std::string> events = {});

// Makes `copy` the first `bytes` bytes of a completed query's buffer, with ProviderSpecific.buf
// (offset 72) rewritten as an offset from the buffer's start (0 stays 0).
void buffer_snapshot(std::span<const std::byte> buffer, std::uint32_t bytes,
                     std::vector<std::byte>& copy);

}  // namespace qosbed::engine
