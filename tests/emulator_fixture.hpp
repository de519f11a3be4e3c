// What the emulator's tests share: the indications and QOS buffers they use, an observer that
// records what the emulator reports, and one emulator on its own queue with the calls the tests
// repeat.
#pragma once

#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "engine/event_queue.hpp"
#include "gqos/codec.hpp"
#include "gqos/constants.hpp"
#include "provider_stub/emulator.hpp"

using namespace qosbed;
using namespace qosbed::provider_stub;
using provider::Overlapped;
using provider::socket_error;
using qosbed::gqos::Direction;
using qosbed::gqos::Indication;
using qosbed::provider::Call;
namespace wsa = gqos::wsa;
namespace status = gqos::status;
namespace service = gqos::service_type;

inline constexpr std::uint32_t plain_indication_size = 100;  // QOS 80 + RSVP_STATUS_INFO 20

inline gqos::FlowSpec controlled_load(std::uint32_t token_rate) {
  return gqos::FlowSpec{token_rate,
                        2048,
                        16000,
                        gqos::qos_not_specified,
                        gqos::qos_not_specified,
                        service::controlled_load,
                        1500,
                        64};
}

inline Indication path_arrived(std::uint32_t token_rate = 8000) {
  Indication indication;
  indication.status = status::senders;
  indication.receiving = controlled_load(token_rate);
  return indication;
}

inline Indication bare(std::uint32_t status_code) {
  Indication indication;
  indication.status = status_code;
  return indication;
}

// A QOS as an application builds it for SIO_SET_QOS or WSAConnect.
inline std::vector<std::byte> qos_input(gqos::FlowSpec sending, gqos::FlowSpec receiving,
                                        std::vector<gqos::ProviderObject> objects = {}) {
  const gqos::QosContent content{sending, receiving, std::move(objects)};
  std::vector<std::byte> buffer(gqos::required_size(content));
  BOOST_REQUIRE(gqos::encode(content, buffer).has_value());
  return buffer;
}

inline gqos::FlowSpec no_change() {
  return gqos::unspecified_flowspec(service::no_change);
}

inline gqos::DecodedQos decoded(const std::vector<std::byte>& buffer, std::uint32_t bytes) {
  const gqos::DecodeResult result = gqos::decode(std::span(buffer.data(), bytes));
  BOOST_REQUIRE_MESSAGE(result.ok(), gqos::describe(result.error));
  return result.qos;
}

inline std::uint32_t status_in(const std::vector<std::byte>& buffer, std::uint32_t bytes) {
  const gqos::DecodedQos qos = decoded(buffer, bytes);
  BOOST_REQUIRE(qos.status_info.has_value());
  return qos.status_info->status_code;
}

inline EmulatorOptions options_with(Profile profile) {
  EmulatorOptions options;
  options.profile = profile;
  return options;
}

inline EmulatorOptions options_with(PendingPolicy policy) {
  EmulatorOptions options;
  options.pending_policy = policy;
  return options;
}

struct Recorder final : EmulatorObserver {
  struct Seen {
    Socket socket;
    std::uint32_t status;
    IndicationOutcome outcome;
  };
  struct Finished {
    Socket socket;
    std::uint32_t error;
    std::uint32_t bytes;
  };
  std::vector<Seen> indications;
  std::vector<Finished> finished;
  int stalls = 0;

  void on_indication(Socket socket, const Indication& indication,
                     IndicationOutcome outcome) override {
    indications.push_back({socket, indication.status, outcome});
  }
  void on_request_finished(Socket socket, const provider::Overlapped*, std::uint32_t error,
                           std::uint32_t bytes) override {
    finished.push_back({socket, error, bytes});
  }
  void on_stalled() override { ++stalls; }

  std::vector<IndicationOutcome> outcomes() const {
    std::vector<IndicationOutcome> out;
    for (const Seen& seen : indications) out.push_back(seen.outcome);
    return out;
  }
};

struct Completion {
  std::uint32_t error;
  std::uint32_t bytes;
  Overlapped* overlapped;
  std::uint32_t flags;
};

// The emulated SP on its own queue, as an application sees it, with the calls the tests repeat.
struct EmulatedSp {
  explicit EmulatedSp(EmulatorOptions options = {}) : emulator(queue, options) {
    emulator.set_observer(&recorder);
  }

  Socket receiver() {
    const Socket socket = emulator.open(provider::Role::receiver, provider::Protocol::udp);
    BOOST_REQUIRE_EQUAL(emulator.bind(socket, {"10.0.0.2", 5000}), 0);
    return socket;
  }
  Socket sender() {
    const Socket socket = emulator.open(provider::Role::sender, provider::Protocol::udp);
    BOOST_REQUIRE_EQUAL(emulator.connect(socket, {"10.0.0.2", 5000}, {}), 0);
    return socket;
  }

  provider::CompletionRoutine routine() {
    return [this](std::uint32_t error, std::uint32_t bytes, Overlapped* overlapped,
                  std::uint32_t flags) {
      completions.push_back({error, bytes, overlapped, flags});
    };
  }

  int query(Socket socket, std::vector<std::byte>& out, std::uint32_t* bytes,
            Overlapped* overlapped, provider::CompletionRoutine routine = {}) {
    return emulator.ioctl(socket, gqos::ioctl::get_qos, {}, out, bytes, overlapped,
                          std::move(routine));
  }
  int set_qos(Socket socket, const std::vector<std::byte>& in, std::uint32_t* bytes,
              Overlapped* overlapped = nullptr, provider::CompletionRoutine routine = {}) {
    return emulator.ioctl(socket, gqos::ioctl::set_qos, in, {}, bytes, overlapped,
                          std::move(routine));
  }

  void indicate_at(engine::TimeUs at_us, Socket socket, Indication indication) {
    queue.schedule_at(at_us, [this, socket, indication] { emulator.indicate(socket, indication); });
  }

  engine::EventQueue queue;
  Recorder recorder;
  Emulator emulator;
  std::vector<Completion> completions;
};
