// The Monitor against a hand-driven fake Provider: the cases the emulator never produces (a
// hostile WSAENOBUFS, both or neither direction valid, impossible byte counts) and the lifetime
// rules (a routine that outlives its Monitor, a listener that destroys it mid-report).
#define BOOST_TEST_MODULE monitor_fake
#include <boost/test/unit_test.hpp>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "client/monitor.hpp"
#include "gqos/codec.hpp"
#include "gqos/constants.hpp"

using namespace qosbed;
using client::Monitor;
using client::StopReason;
using gqos::Direction;

namespace {

constexpr provider::Socket fake_socket = 0x100;

// What an ioctl does at once instead of pending: fail with `error` (writing `required` and
// returning 4 bytes for WSAENOBUFS), or succeed (error 0) and leave the completion for later.
struct Immediate {
  std::uint32_t error;
  std::uint32_t required = 0;
};

// A Provider whose SIO_GET_QOS pends until the test completes it; completing calls the routine
// directly, as an alertable wait would.
class FakeProvider final : public provider::Provider {
 public:
  std::vector<std::size_t> ioctl_sizes;  // the buffer size of every SIO_GET_QOS, in order
  std::deque<Immediate> immediate;       // scripted outcomes for the next calls

  bool pending() const { return routine_ != nullptr; }

  void complete(const gqos::QosContent& content) {
    auto size = gqos::encode(content, out_);
    BOOST_REQUIRE(size.has_value());
    finish(0, *size);
  }
  void complete_enobufs(std::uint32_t required, std::uint32_t bytes = 4) {
    gqos::store_u32(out_, 0, required);
    finish(gqos::wsa::enobufs, bytes);
  }
  void finish(std::uint32_t error, std::uint32_t bytes) {
    BOOST_REQUIRE(pending());
    auto routine = std::exchange(routine_, nullptr);
    routine(error, bytes, nullptr, 0);
  }

  int ioctl(provider::Socket, std::uint32_t code, std::span<const std::byte>,
            std::span<std::byte> out, std::uint32_t* bytes_returned, provider::Overlapped*,
            provider::CompletionRoutine routine) override {
    BOOST_REQUIRE(code == gqos::ioctl::get_qos);
    BOOST_REQUIRE(!pending());  // the Monitor keeps at most one request on its buffer
    ioctl_sizes.push_back(out.size());
    if (!immediate.empty()) {
      const Immediate next = immediate.front();
      immediate.pop_front();
      if (next.error == gqos::wsa::enobufs) {
        gqos::store_u32(out, 0, next.required);
        *bytes_returned = 4;
      }
      if (next.error != 0) {
        error_ = next.error;
        return provider::socket_error;
      }
      out_ = out;
      routine_ = std::move(routine);
      return 0;
    }
    out_ = out;
    routine_ = std::move(routine);
    error_ = gqos::wsa::io_pending;
    return provider::socket_error;
  }

  // The rest of the interface is never used by the Monitor.
  std::vector<provider::ProtocolInfo> enum_protocols() override { return {}; }
  provider::Socket open(provider::Role, provider::Protocol) override { return fake_socket; }
  int bind(provider::Socket, const provider::Address&) override { return 0; }
  int connect(provider::Socket, const provider::Address&, std::span<const std::byte>) override {
    return 0;
  }
  int shutdown(provider::Socket, provider::Shutdown) override { return 0; }
  int join_leaf(provider::Socket, const provider::Address&, std::span<const std::byte>,
                provider::JoinFlags) override {
    return 0;
  }
  bool get_overlapped_result(provider::Socket, provider::Overlapped*, std::uint32_t*, bool,
                             std::uint32_t*) override {
    return false;
  }
  provider::Event create_event() override { return provider::invalid_event; }
  bool set_event(provider::Event) override { return false; }
  bool reset_event(provider::Event) override { return false; }
  bool close_event(provider::Event) override { return false; }
  int event_select(provider::Socket, provider::Event, std::uint32_t) override { return 0; }
  int enum_network_events(provider::Socket, provider::Event, provider::NetworkEvents*) override {
    return 0;
  }
  std::uint32_t wait_for_events(std::span<const provider::Event>, bool, std::uint32_t,
                                bool) override {
    return gqos::wsa::wait_timeout;
  }
  std::uint32_t sleep_ex(std::uint32_t, bool) override { return 0; }
  int close(provider::Socket) override { return 0; }
  std::uint32_t last_error() const override { return error_; }

 private:
  std::span<std::byte> out_;
  provider::CompletionRoutine routine_;
  std::uint32_t error_ = 0;
};

struct Recorder : client::MonitorListener {
  std::vector<client::Update> updates;
  std::vector<std::pair<std::uint32_t, std::string>> errors;
  std::vector<StopReason> stops;

  void on_update(const client::Update& update) override { updates.push_back(update); }
  void on_error(std::uint32_t error, std::string_view what) override {
    errors.emplace_back(error, std::string(what));
  }
  void on_stopped(StopReason reason) override { stops.push_back(reason); }
};

gqos::FlowSpec guaranteed() {
  return gqos::FlowSpec{9000, 1500, 18000, 100, 50, gqos::service_type::guaranteed, 1400, 40};
}
gqos::FlowSpec controlled_load() {
  return gqos::FlowSpec{8000,
                        2048,
                        16000,
                        gqos::qos_not_specified,
                        gqos::qos_not_specified,
                        gqos::service_type::controlled_load,
                        1500,
                        64};
}
gqos::FlowSpec no_change() {
  return gqos::unspecified_flowspec(gqos::service_type::no_change);
}

gqos::QosContent content(gqos::FlowSpec sending, gqos::FlowSpec receiving, std::uint32_t status) {
  return gqos::QosContent{sending, receiving, {gqos::make_status_info(status, 0, 0)}};
}

}  // namespace

BOOST_AUTO_TEST_CASE(enobufs_asking_for_the_current_size_stops_without_spinning) {
  FakeProvider provider;
  Recorder recorder;
  Monitor monitor(provider, fake_socket, recorder);
  BOOST_REQUIRE(monitor.start());
  provider.complete_enobufs(100);
  BOOST_TEST(provider.ioctl_sizes.size() == 1u);
  BOOST_TEST(!provider.pending());
  BOOST_REQUIRE(recorder.errors.size() == 1u);
  BOOST_TEST(recorder.errors[0].first == gqos::wsa::enobufs);
  BOOST_TEST(recorder.errors[0].second ==
             "WSAENOBUFS asks for 100 bytes, not more than the "
             "buffer's 100");
  BOOST_TEST((recorder.stops == std::vector{StopReason::error}));
  BOOST_TEST(!monitor.active());
  BOOST_TEST(monitor.reissues() == 0u);
  BOOST_TEST(monitor.buffer_size() == 100u);
}

BOOST_AUTO_TEST_CASE(enobufs_over_max_buffer_stops) {
  FakeProvider provider;
  Recorder recorder;
  Monitor monitor(provider, fake_socket, recorder, {.initial_buffer = 0, .max_buffer = 1000});
  BOOST_REQUIRE(monitor.start());
  provider.complete_enobufs(1001);
  BOOST_TEST(provider.ioctl_sizes.size() == 1u);
  BOOST_REQUIRE(recorder.errors.size() == 1u);
  BOOST_TEST(recorder.errors[0].first == gqos::wsa::enobufs);
  BOOST_TEST(recorder.errors[0].second == "WSAENOBUFS asks for 1001 bytes, over the limit of 1000");
  BOOST_TEST((recorder.stops == std::vector{StopReason::error}));
  BOOST_TEST(monitor.buffer_size() == 100u);
}

BOOST_AUTO_TEST_CASE(enobufs_with_fewer_than_4_bytes_stops) {
  FakeProvider provider;
  Recorder recorder;
  Monitor monitor(provider, fake_socket, recorder);
  BOOST_REQUIRE(monitor.start());
  provider.complete_enobufs(400, 3);
  BOOST_TEST(provider.ioctl_sizes.size() == 1u);
  BOOST_REQUIRE(recorder.errors.size() == 1u);
  BOOST_TEST(recorder.errors[0].second ==
             "WSAENOBUFS without the required size (3 bytes returned)");
  BOOST_TEST((recorder.stops == std::vector{StopReason::error}));
}

BOOST_AUTO_TEST_CASE(enobufs_in_the_routine_grows_and_reissues) {
  FakeProvider provider;
  Recorder recorder;
  Monitor monitor(provider, fake_socket, recorder);
  BOOST_REQUIRE(monitor.start());
  provider.complete_enobufs(140);
  BOOST_TEST((provider.ioctl_sizes == std::vector<std::size_t>{100, 140}));
  BOOST_TEST(provider.pending());
  BOOST_TEST(monitor.reissues() == 1u);
  BOOST_TEST(monitor.buffer_size() == 140u);
  BOOST_TEST(monitor.active());
  BOOST_TEST(recorder.errors.empty());
}

BOOST_AUTO_TEST_CASE(immediate_enobufs_grows_and_reissues_at_once) {
  FakeProvider provider;
  Recorder recorder;
  provider.immediate.push_back({gqos::wsa::enobufs, 300});
  Monitor monitor(provider, fake_socket, recorder);
  BOOST_TEST(monitor.start());
  BOOST_TEST((provider.ioctl_sizes == std::vector<std::size_t>{100, 300}));
  BOOST_TEST(provider.pending());
  BOOST_TEST(monitor.reissues() == 1u);
  BOOST_TEST(monitor.buffer_size() == 300u);
  BOOST_TEST(monitor.active());
}

BOOST_AUTO_TEST_CASE(immediate_enobufs_asking_for_less_fails_start) {
  FakeProvider provider;
  Recorder recorder;
  provider.immediate.push_back({gqos::wsa::enobufs, 64});
  Monitor monitor(provider, fake_socket, recorder);
  BOOST_TEST(!monitor.start());
  BOOST_TEST(provider.ioctl_sizes.size() == 1u);
  BOOST_REQUIRE(recorder.errors.size() == 1u);
  BOOST_TEST(recorder.errors[0].first == gqos::wsa::enobufs);
  BOOST_TEST((recorder.stops == std::vector{StopReason::error}));
  BOOST_TEST(!monitor.active());
}

BOOST_AUTO_TEST_CASE(start_failing_at_once_is_reported_and_stops) {
  FakeProvider provider;
  Recorder recorder;
  provider.immediate.push_back({gqos::wsa::enotconn});
  Monitor monitor(provider, fake_socket, recorder);
  BOOST_TEST(!monitor.start());
  BOOST_REQUIRE(recorder.errors.size() == 1u);
  BOOST_TEST(recorder.errors[0].first == gqos::wsa::enotconn);
  BOOST_TEST(recorder.errors[0].second == "SIO_GET_QOS failed at once with WSAENOTCONN");
  BOOST_TEST((recorder.stops == std::vector{StopReason::error}));
  BOOST_TEST(!monitor.active());
}

BOOST_AUTO_TEST_CASE(a_monitor_starts_once) {
  FakeProvider provider;
  Recorder recorder;
  Monitor monitor(provider, fake_socket, recorder);
  BOOST_TEST(!monitor.active());
  BOOST_TEST(monitor.start());
  BOOST_TEST(!monitor.start());
  BOOST_TEST(provider.ioctl_sizes.size() == 1u);
  BOOST_TEST(monitor.active());
}

BOOST_AUTO_TEST_CASE(immediate_success_waits_for_the_routine) {
  FakeProvider provider;
  Recorder recorder;
  provider.immediate.push_back({0});
  Monitor monitor(provider, fake_socket, recorder);
  BOOST_TEST(monitor.start());
  BOOST_TEST(recorder.updates.empty());
  provider.complete(content(no_change(), controlled_load(), gqos::status::senders));
  BOOST_REQUIRE(recorder.updates.size() == 1u);
  BOOST_TEST((recorder.updates[0].direction == Direction::receiving));
  BOOST_TEST(provider.ioctl_sizes.size() == 2u);
}

BOOST_AUTO_TEST_CASE(both_directions_valid_give_two_updates_sending_first) {
  FakeProvider provider;
  Recorder recorder;
  Monitor monitor(provider, fake_socket, recorder);
  BOOST_REQUIRE(monitor.start());
  auto both = content(guaranteed(), controlled_load(), gqos::status::request_confirmed);
  both.objects = {gqos::make_status_info(gqos::status::request_confirmed, 7, 8)};
  provider.complete(both);
  BOOST_REQUIRE(recorder.updates.size() == 2u);
  BOOST_TEST((recorder.updates[0].direction == Direction::sending));
  BOOST_TEST((recorder.updates[0].flowspec == guaranteed()));
  BOOST_TEST((recorder.updates[1].direction == Direction::receiving));
  BOOST_TEST((recorder.updates[1].flowspec == controlled_load()));
  for (const auto& update : recorder.updates) {
    BOOST_TEST(update.status == gqos::status::request_confirmed);
    BOOST_TEST(update.extended_status1 == 7u);
    BOOST_TEST(update.extended_status2 == 8u);
    BOOST_TEST(update.objects.empty());
  }
  BOOST_TEST((monitor.view().sending == guaranteed()));
  BOOST_TEST((monitor.view().receiving == controlled_load()));
  BOOST_TEST(monitor.view().last_status == gqos::status::request_confirmed);
  BOOST_TEST(provider.pending());
}

BOOST_AUTO_TEST_CASE(no_direction_valid_reports_nothing_and_rearms) {
  FakeProvider provider;
  Recorder recorder;
  Monitor monitor(provider, fake_socket, recorder);
  BOOST_REQUIRE(monitor.start());
  provider.complete(content(no_change(), no_change(), gqos::status::senders));
  BOOST_TEST(recorder.updates.empty());
  BOOST_TEST(recorder.errors.empty());
  BOOST_TEST(provider.ioctl_sizes.size() == 2u);
  BOOST_TEST((monitor.view().sending == no_change()));
  BOOST_TEST((monitor.view().receiving == no_change()));
  BOOST_TEST(monitor.view().last_status == 0u);
}

BOOST_AUTO_TEST_CASE(service_type_flags_do_not_hide_no_change) {
  FakeProvider provider;
  Recorder recorder;
  Monitor monitor(provider, fake_socket, recorder);
  BOOST_REQUIRE(monitor.start());
  auto sending = no_change();
  sending.service_type |= gqos::service_type::no_traffic_control_flag;
  auto receiving = guaranteed();
  receiving.service_type |= gqos::service_type::no_qos_signaling_flag;
  provider.complete(content(sending, receiving, gqos::status::senders));
  BOOST_REQUIRE(recorder.updates.size() == 1u);
  BOOST_TEST((recorder.updates[0].direction == Direction::receiving));
  BOOST_TEST(recorder.updates[0].flowspec.service_type ==
             (gqos::service_type::guaranteed | gqos::service_type::no_qos_signaling_flag));
}

BOOST_AUTO_TEST_CASE(without_status_info_every_object_is_extra) {
  FakeProvider provider;
  Recorder recorder;
  Monitor monitor(provider, fake_socket, recorder, {.initial_buffer = 200});
  BOOST_REQUIRE(monitor.start());
  provider.complete(
      gqos::QosContent{no_change(), controlled_load(), {gqos::make_shaping_rate(5000)}});
  BOOST_REQUIRE(recorder.updates.size() == 1u);
  const auto& update = recorder.updates[0];
  BOOST_TEST(update.status == 0u);
  BOOST_TEST(update.extended_status1 == 0u);
  BOOST_REQUIRE(update.objects.size() == 1u);
  BOOST_TEST(update.objects[0].type == gqos::object_type::shaping_rate);
  BOOST_TEST((update.objects[0].body == std::vector<std::byte>{std::byte{0x88}, std::byte{0x13},
                                                               std::byte{0}, std::byte{0}}));
}

BOOST_AUTO_TEST_CASE(more_bytes_than_the_buffer_is_reported_and_monitoring_goes_on) {
  FakeProvider provider;
  Recorder recorder;
  Monitor monitor(provider, fake_socket, recorder);
  BOOST_REQUIRE(monitor.start());
  provider.finish(0, 4096);
  BOOST_REQUIRE(recorder.errors.size() == 1u);
  BOOST_TEST(recorder.errors[0].first == gqos::status::eprovspecbuf);
  BOOST_TEST(recorder.errors[0].second == "provider reported 4096 bytes for a buffer of 100");
  BOOST_TEST(recorder.stops.empty());
  BOOST_TEST(monitor.active());
  BOOST_TEST(provider.ioctl_sizes.size() == 2u);
}

BOOST_AUTO_TEST_CASE(other_completion_errors_stop) {
  FakeProvider provider;
  Recorder recorder;
  Monitor monitor(provider, fake_socket, recorder);
  BOOST_REQUIRE(monitor.start());
  provider.finish(gqos::wsa::eopnotsupp, 0);
  BOOST_REQUIRE(recorder.errors.size() == 1u);
  BOOST_TEST(recorder.errors[0].first == gqos::wsa::eopnotsupp);
  BOOST_TEST(recorder.errors[0].second == "SIO_GET_QOS completed with WSAEOPNOTSUPP");
  BOOST_TEST((recorder.stops == std::vector{StopReason::error}));
  BOOST_TEST(!provider.pending());
  BOOST_TEST(!monitor.active());
}

BOOST_AUTO_TEST_CASE(a_routine_outliving_its_monitor_does_nothing) {
  FakeProvider provider;
  Recorder recorder;
  {
    Monitor monitor(provider, fake_socket, recorder);
    BOOST_REQUIRE(monitor.start());
  }
  // The provider still writes into the buffer and runs the routine, as Winsock would.
  provider.complete(content(no_change(), controlled_load(), gqos::status::senders));
  BOOST_TEST(recorder.updates.empty());
  BOOST_TEST(recorder.errors.empty());
  BOOST_TEST(recorder.stops.empty());
  BOOST_TEST(provider.ioctl_sizes.size() == 1u);
  BOOST_TEST(!provider.pending());
}

BOOST_AUTO_TEST_CASE(a_listener_may_destroy_the_monitor_while_reporting) {
  struct Destroyer : Recorder {
    std::unique_ptr<Monitor> monitor;
    void on_update(const client::Update& update) override {
      Recorder::on_update(update);
      monitor.reset();
    }
  };
  FakeProvider provider;
  Destroyer destroyer;
  destroyer.monitor = std::make_unique<Monitor>(provider, fake_socket, destroyer);
  BOOST_REQUIRE(destroyer.monitor->start());
  provider.complete(content(guaranteed(), controlled_load(), gqos::status::senders));
  BOOST_TEST(destroyer.updates.size() == 1u);  // the second direction is not reported
  BOOST_TEST(destroyer.errors.empty());
  BOOST_TEST(provider.ioctl_sizes.size() == 1u);  // and nothing is re-armed
}

// Monitors share where they decode. A listener that waits alertably inside on_update lets
// another Monitor's completion decode meanwhile; the first Monitor still reports its own second
// direction and objects.
BOOST_AUTO_TEST_CASE(a_completion_inside_a_report_leaves_the_outer_report_intact) {
  struct Nester : Recorder {
    FakeProvider* other = nullptr;
    gqos::QosContent other_content;
    void on_update(const client::Update& update) override {
      Recorder::on_update(update);
      // Once: the inner Monitor re-arms, and the outer reports twice.
      if (FakeProvider* inner = std::exchange(other, nullptr)) inner->complete(other_content);
    }
  };
  FakeProvider outer_provider;
  FakeProvider inner_provider;
  Nester nester;
  Recorder inner_recorder;
  Monitor outer(outer_provider, fake_socket, nester, client::MonitorOptions{256});
  Monitor inner(inner_provider, fake_socket, inner_recorder);
  BOOST_REQUIRE(outer.start());
  BOOST_REQUIRE(inner.start());
  nester.other = &inner_provider;
  nester.other_content = content(no_change(), guaranteed(), gqos::status::no_senders);

  auto both = content(guaranteed(), controlled_load(), gqos::status::request_confirmed);
  both.objects.push_back(
      gqos::ProviderObject{0x2000, std::vector<std::byte>(4, std::byte{1}), std::nullopt});
  outer_provider.complete(both);

  BOOST_REQUIRE(inner_recorder.updates.size() == 1u);
  BOOST_TEST((inner_recorder.updates[0].flowspec == guaranteed()));
  BOOST_REQUIRE(nester.updates.size() == 2u);
  BOOST_TEST((nester.updates[1].direction == Direction::receiving));
  BOOST_TEST((nester.updates[1].flowspec == controlled_load()));
  BOOST_TEST(nester.updates[1].status == gqos::status::request_confirmed);
  BOOST_REQUIRE(nester.updates[1].objects.size() == 1u);
  BOOST_TEST(nester.updates[1].objects[0].type == 0x2000u);
  BOOST_TEST((outer.view().receiving == controlled_load()));
}
