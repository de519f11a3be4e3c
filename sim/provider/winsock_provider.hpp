// WinsockProvider: the Provider over the real ws2_32, so the client logic written against
// provider::Provider runs on Windows against the system's own RSVP service provider. The header is
// portable (it names no Winsock type); the implementation builds on Windows only.
//
// GQoS needs a protocol entry with XP1_QOS_SUPPORTED. No Windows since Vista has one, nor has
// Wine, so there open() fails with error_no_qos_provider at once instead of giving a socket whose
// SIO_GET_QOS could never complete: on those systems the emulator (provider_stub/) is the way to
// exercise GQoS code.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <span>
#include <string_view>
#include <vector>

#include "provider/provider.hpp"

namespace qosbed::provider {

// last_error() after open() found no QoS-capable protocol entry. Bit 29 marks an
// application-defined code, so it can never be mistaken for a Windows or Winsock error.
inline constexpr std::uint32_t error_no_qos_provider = 0x20000001;

// What to tell a user who met error_no_qos_provider.
inline constexpr std::string_view no_qos_provider_message =
    "no Winsock protocol entry supports QoS (XP1_QOS_SUPPORTED): the RSVP service provider and "
    "GQoS are gone since Windows Vista, and Wine never had them; use the emulator (provider_stub) "
    "to run GQoS code";

struct WinsockOptions {
  // When no entry supports QoS, open a plain overlapped socket instead of failing, to observe
  // what this system does with GQoS requests (it fails or never completes them).
  bool allow_plain_socket = false;
};

class WinsockProvider final : public Provider {
 public:
  // Calls WSAStartup; if that fails, every call fails with its error.
  explicit WinsockProvider(WinsockOptions options = {});
  // Closes the sockets still open (their pending requests are aborted) and calls WSACleanup.
  // Completions that reach an alertable wait after this are dropped: there is no provider left
  // for their routines to use.
  ~WinsockProvider() override;
  WinsockProvider(const WinsockProvider&) = delete;
  WinsockProvider& operator=(const WinsockProvider&) = delete;

  std::vector<ProtocolInfo> enum_protocols() override;
  Socket open(Role role, Protocol protocol) override;
  int bind(Socket socket, const Address& local) override;
  int connect(Socket socket, const Address& remote,
              std::span<const std::byte> sending_qos) override;
  int shutdown(Socket socket, Shutdown how) override;
  int join_leaf(Socket socket, const Address& group, std::span<const std::byte> sending_qos,
                JoinFlags flags) override;
  int ioctl(Socket socket, std::uint32_t code, std::span<const std::byte> in,
            std::span<std::byte> out, std::uint32_t* bytes_returned, Overlapped* overlapped,
            CompletionRoutine routine) override;
  bool get_overlapped_result(Socket socket, Overlapped* overlapped, std::uint32_t* bytes, bool wait,
                             std::uint32_t* flags) override;
  Event create_event() override;
  bool set_event(Event event) override;
  bool reset_event(Event event) override;
  bool close_event(Event event) override;
  int event_select(Socket socket, Event event, std::uint32_t network_events) override;
  int enum_network_events(Socket socket, Event event_to_reset, NetworkEvents* out) override;
  std::uint32_t wait_for_events(std::span<const Event> events, bool wait_all,
                                std::uint32_t timeout_ms, bool alertable) override;
  std::uint32_t sleep_ex(std::uint32_t timeout_ms, bool alertable) override;
  int close(Socket socket) override;
  std::uint32_t last_error() const override { return last_error_; }

  // Overlapped requests handed to Winsock whose completion has not been delivered yet.
  std::size_t requests_in_flight() const { return requests_.size(); }

 private:
  struct Request;  // one overlapped call; its completion trampoline lives there

  int fail(std::uint32_t error);
  int fail_with_last_winsock_error();
  bool ready();

  WinsockOptions options_;
  std::uint32_t startup_error_ = 0;
  std::uint32_t last_error_ = 0;
  std::set<Socket> sockets_;  // opened here and not closed yet
  // Keyed by the application's OVERLAPPED; each Request holds the WSAOVERLAPPED Winsock writes.
  std::map<Overlapped*, std::unique_ptr<Request>> requests_;
};

}  // namespace qosbed::provider
