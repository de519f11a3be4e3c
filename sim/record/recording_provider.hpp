// A Provider decorator that records what an application did through it and what the provider
// under it answered, and writes that session as a scenario: the calls as `app:` steps, each
// indication the application observed as an `sp: fd_qos` step at the time it was observed, and
// what the application saw as `expect:` steps. A session recorded against a real RSVP SP (the
// WinsockProvider on Windows 2000) so replays anywhere on the emulator.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gqos/codec.hpp"
#include "provider/provider.hpp"
#include "provider_stub/emulator_options.hpp"

namespace qosbed::record {

class RecordingProvider final : public provider::Provider {
 public:
  // `now_us` is the session's clock: the emulator's virtual time, or wall-clock time since the
  // session began on real Winsock.
  RecordingProvider(provider::Provider& inner, std::function<std::int64_t()> now_us);

  // The recording as a scenario file named `name` (a slug).
  std::string scenario_yaml(const std::string& name) const;
  // The id a socket has in the recording: "s1", "s2", ... in the order they were opened, unless
  // named (a replayed scenario keeps its own ids).
  std::string socket_id(provider::Socket socket) const;
  void name_socket(provider::Socket socket, std::string id);
  // The application starts qosbed's Monitor (sim/client) on `socket`: recorded as `app: monitor`,
  // and the Monitor's own SIO_GET_QOS calls are not steps, since the replayed Monitor makes them;
  // what they returned still is, as indications and expectations.
  void record_monitor(provider::Socket socket, std::uint32_t initial_buffer);
  // A failure a script injected into the emulator's next `call` (bind, connect, set_qos, get_qos,
  // close): recorded as `sp: fail`, since the call's failure alone cannot tell it from one the
  // provider chose by its rules.
  void record_injected_failure(provider::Socket socket, std::string_view call, std::uint32_t error);
  // The emulator's options when it is the inner provider: written as the recording's profile,
  // pending policy, admission limit and the decisions that differ from qosbed's, so the replay
  // runs on a provider that behaves the same. A recording of real Winsock has none.
  void set_emulator_options(const provider_stub::EmulatorOptions& options) {
    emulator_options_ = options;
  }

  std::vector<provider::ProtocolInfo> enum_protocols() override;
  provider::Socket open(provider::Role role, provider::Protocol protocol) override;
  int bind(provider::Socket socket, const provider::Address& local) override;
  int connect(provider::Socket socket, const provider::Address& remote,
              std::span<const std::byte> sending_qos) override;
  int ioctl(provider::Socket socket, std::uint32_t code, std::span<const std::byte> in,
            std::span<std::byte> out, std::uint32_t* bytes_returned,
            provider::Overlapped* overlapped, provider::CompletionRoutine routine) override;
  bool get_overlapped_result(provider::Socket socket, provider::Overlapped* overlapped,
                             std::uint32_t* bytes, bool wait, std::uint32_t* flags) override;
  provider::Event create_event() override { return inner_.create_event(); }
  bool set_event(provider::Event event) override { return inner_.set_event(event); }
  bool reset_event(provider::Event event) override { return inner_.reset_event(event); }
  bool close_event(provider::Event event) override { return inner_.close_event(event); }
  int event_select(provider::Socket socket, provider::Event event,
                   std::uint32_t network_events) override;
  int enum_network_events(provider::Socket socket, provider::Event event_to_reset,
                          provider::NetworkEvents* out) override;
  std::uint32_t wait_for_events(std::span<const provider::Event> events, bool wait_all,
                                std::uint32_t timeout_ms, bool alertable) override;
  std::uint32_t sleep_ex(std::uint32_t timeout_ms, bool alertable) override;
  int close(provider::Socket socket) override;
  std::uint32_t last_error() const override { return inner_.last_error(); }

 private:
  struct Step {
    std::int64_t t_us = 0;
    std::string body;  // the step's keys after `at:`, one per line, indented for the list item
  };
  struct SocketRecord {
    std::string id;
    provider::Role role = provider::Role::receiver;
    provider::Protocol protocol = provider::Protocol::udp;
    std::optional<provider::Address> local;
    std::optional<provider::Address> remote;
    bool closed = false;
    bool monitored = false;  // its queries are a Monitor's (record_monitor)
    // An indication the application learnt of only through WSAENOBUFS: its `sp: fd_qos` step,
    // filled in when a later query on the socket reads it.
    std::optional<std::size_t> unread_indication;
  };
  struct Query {
    provider::Socket socket = 0;
    std::span<std::byte> out;
    // The query returned its data at once (D4); its completion, still delivered, repeats it.
    bool read_at_once = false;
  };

  std::size_t add(std::string body);
  std::size_t insert_before(std::size_t index, std::string body);
  void expect_call(int result, std::optional<std::uint32_t> bytes = std::nullopt);
  // A query's result the application could read (at once, in its routine, or from
  // WSAGetOverlappedResult): an `sp:` step for the indication behind it, placed before step
  // `before` when given (the indication had arrived by then), and what it read as `expect`
  // (none when `expect_kind` is empty).
  void observe_result(provider::Socket socket, std::uint32_t error, std::uint32_t bytes,
                      std::span<const std::byte> out, std::optional<std::size_t> before,
                      const std::string& expect_kind);
  std::string event_socket(provider::Event event) const;

  provider::Provider& inner_;
  std::function<std::int64_t()> now_us_;
  std::optional<provider_stub::EmulatorOptions> emulator_options_;
  std::vector<Step> steps_;
  std::map<provider::Socket, SocketRecord> sockets_;
  std::vector<provider::Socket> socket_order_;
  std::map<provider::Event, provider::Socket> event_sockets_;
  std::map<const provider::Overlapped*, Query> event_queries_;
  // The `app: wait` step of the wait in progress: a completion routine that runs as the wait
  // begins read an indication that had arrived before it, so that indication's `sp:` goes before
  // the wait, as it did in the session, however long ago it arrived.
  std::optional<std::size_t> wait_step_;
};

}  // namespace qosbed::record
