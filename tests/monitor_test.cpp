// The Monitor against the emulated RSVP SP: indications scheduled in virtual time, completion
// routines run inside sleep_ex, exact updates, reissues and stops (docs/behaviour.md).
#define BOOST_TEST_MODULE monitor
#include "client/monitor.hpp"

#include <boost/test/unit_test.hpp>
#include <string>
#include <utility>
#include <vector>

#include "engine/event_queue.hpp"
#include "gqos/codec.hpp"
#include "gqos/constants.hpp"
#include "provider_stub/emulator.hpp"

using namespace qosbed;
using client::Monitor;
using client::StopReason;
using gqos::Direction;
using gqos::Indication;

namespace {

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

// One emulator in virtual time and one bound socket.
struct EmulatedSp {
  engine::EventQueue queue;
  provider_stub::Emulator emulator;
  Recorder recorder;
  provider::Socket socket;

  explicit EmulatedSp(provider_stub::EmulatorOptions options = {},
                      provider::Role role = provider::Role::receiver)
      : emulator(queue, options), socket(emulator.open(role, provider::Protocol::udp)) {
    BOOST_REQUIRE(emulator.bind(socket, {"10.0.0.2", 5000}) == 0);
  }

  void indicate_at(engine::TimeUs at_us, Indication indication) {
    queue.schedule_at(at_us, [this, indication] { emulator.indicate(socket, indication); });
  }
  std::uint32_t wait(std::uint32_t ms) { return emulator.sleep_ex(ms, true); }
};

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
gqos::FlowSpec guaranteed() {
  return gqos::FlowSpec{9000, 1500, 18000, 100, 50, gqos::service_type::guaranteed, 1400, 40};
}
gqos::FlowSpec no_change() {
  return gqos::unspecified_flowspec(gqos::service_type::no_change);
}

Indication indication(std::uint32_t status) {
  Indication result;
  result.status = status;
  return result;
}
Indication senders(gqos::FlowSpec receiving = controlled_load()) {
  auto result = indication(gqos::status::senders);
  result.receiving = receiving;
  return result;
}
Indication receivers(gqos::FlowSpec sending) {
  auto result = indication(gqos::status::receivers);
  result.sending = sending;
  return result;
}
provider_stub::EmulatorOptions on(provider_stub::Profile profile) {
  provider_stub::EmulatorOptions options;
  options.profile = profile;
  return options;
}

}  // namespace

BOOST_AUTO_TEST_CASE(an_8_byte_buffer_is_reissued_once_and_the_update_arrives) {
  EmulatedSp sp;
  Monitor monitor(sp.emulator, sp.socket, sp.recorder, {.initial_buffer = 8});
  BOOST_REQUIRE(monitor.start());
  BOOST_TEST(monitor.buffer_size() == 8u);
  auto path = senders();
  path.extended_status1 = gqos::extended_status::rsvp;
  path.extended_status2 = 56301;
  sp.indicate_at(1000, path);
  BOOST_TEST(sp.wait(10) == gqos::wsa::wait_io_completion);

  BOOST_TEST(monitor.reissues() == 1u);
  BOOST_TEST(monitor.buffer_size() == 100u);
  BOOST_REQUIRE(sp.recorder.updates.size() == 1u);
  const auto& update = sp.recorder.updates[0];
  BOOST_TEST((update.direction == Direction::receiving));
  BOOST_TEST(update.status == gqos::status::senders);
  BOOST_TEST(update.extended_status1 == gqos::extended_status::rsvp);
  BOOST_TEST(update.extended_status2 == 56301u);
  BOOST_TEST((update.flowspec == controlled_load()));
  BOOST_TEST(update.flowspec.token_rate == 8000u);
  BOOST_TEST(update.flowspec.max_sdu_size == 1500u);
  BOOST_TEST(update.objects.empty());
  BOOST_TEST(sp.recorder.errors.empty());
  BOOST_TEST((monitor.view().receiving == controlled_load()));
  BOOST_TEST((monitor.view().sending == no_change()));
  BOOST_TEST(monitor.view().last_status == gqos::status::senders);
  BOOST_TEST(monitor.active());
  BOOST_TEST(sp.emulator.pending_requests(sp.socket) == 1u);
}

BOOST_AUTO_TEST_CASE(the_default_buffer_holds_a_plain_indication) {
  EmulatedSp sp;
  Monitor monitor(sp.emulator, sp.socket, sp.recorder);
  BOOST_TEST(monitor.buffer_size() == 100u);
  BOOST_REQUIRE(monitor.start());
  sp.indicate_at(1000, senders());
  sp.wait(10);
  BOOST_TEST(monitor.reissues() == 0u);
  BOOST_TEST(monitor.buffer_size() == 100u);
  BOOST_REQUIRE(sp.recorder.updates.size() == 1u);
  BOOST_TEST((sp.recorder.updates[0].flowspec == controlled_load()));
}

BOOST_AUTO_TEST_CASE(adspec_and_end_of_list_are_reported_with_their_bytes) {
  EmulatedSp sp;
  gqos::Adspec adspec;
  adspec.general_params = {3, 125000, 400, 1500, 0};
  adspec.services.push_back(
      gqos::ControlService{44, gqos::service_type::guaranteed, {1, 2, 3, 4, 0}, {10, 20, 30, 40}});
  const auto adspec_object = gqos::make_adspec(adspec);
  auto path = senders();
  path.objects = {adspec_object, gqos::make_end_of_list()};

  Monitor monitor(sp.emulator, sp.socket, sp.recorder);
  BOOST_REQUIRE(monitor.start());
  sp.indicate_at(1000, path);
  sp.wait(10);

  BOOST_TEST(monitor.reissues() == 1u);
  BOOST_TEST(monitor.buffer_size() == 100u + adspec_object.encoded_size() + 8u);
  BOOST_REQUIRE(sp.recorder.updates.size() == 1u);
  const auto& objects = sp.recorder.updates[0].objects;
  BOOST_REQUIRE(objects.size() == 2u);
  BOOST_TEST(objects[0].type == gqos::object_type::adspec);
  BOOST_TEST((objects[0].body == adspec_object.body));
  BOOST_TEST(objects[0].body.size() == 68u);  // RSVP_ADSPEC (76) less its header
  BOOST_TEST(objects[1].type == gqos::object_type::end_of_list);
  BOOST_TEST(objects[1].body.empty());
}

BOOST_AUTO_TEST_CASE(queued_indications_arrive_in_order) {
  EmulatedSp sp;
  sp.emulator.indicate(sp.socket, senders(guaranteed()));
  sp.emulator.indicate(sp.socket, indication(gqos::status::no_senders));
  BOOST_TEST(sp.emulator.queued_indications(sp.socket) == 2u);

  Monitor monitor(sp.emulator, sp.socket, sp.recorder);
  BOOST_REQUIRE(monitor.start());
  BOOST_TEST(sp.recorder.updates.empty());  // finished at once, reported from the routine
  BOOST_TEST(sp.wait(10) == gqos::wsa::wait_io_completion);

  BOOST_REQUIRE(sp.recorder.updates.size() == 2u);
  BOOST_TEST(sp.recorder.updates[0].status == gqos::status::senders);
  BOOST_TEST((sp.recorder.updates[0].flowspec == guaranteed()));
  BOOST_TEST(sp.recorder.updates[1].status == gqos::status::no_senders);
  BOOST_TEST((sp.recorder.updates[1].direction == Direction::receiving));
  BOOST_TEST((sp.recorder.updates[1].flowspec ==
              gqos::unspecified_flowspec(gqos::service_type::no_traffic)));
  BOOST_TEST(monitor.view().last_status == gqos::status::no_senders);
  BOOST_TEST(sp.emulator.queued_indications(sp.socket) == 0u);
  BOOST_TEST(sp.emulator.pending_requests(sp.socket) == 1u);
}

BOOST_AUTO_TEST_CASE(a_queued_indication_too_large_is_reissued_at_start) {
  EmulatedSp sp;
  sp.emulator.indicate(sp.socket, senders());
  Monitor monitor(sp.emulator, sp.socket, sp.recorder, {.initial_buffer = 8});
  BOOST_REQUIRE(monitor.start());  // WSAENOBUFS at once (D6), then success at once (D4)
  BOOST_TEST(monitor.reissues() == 1u);
  BOOST_TEST(monitor.buffer_size() == 100u);
  sp.wait(10);
  BOOST_REQUIRE(sp.recorder.updates.size() == 1u);
  BOOST_TEST((sp.recorder.updates[0].flowspec == controlled_load()));
}

BOOST_AUTO_TEST_CASE(close_stops_with_aborted_and_nothing_is_rearmed) {
  EmulatedSp sp;
  Monitor monitor(sp.emulator, sp.socket, sp.recorder);
  BOOST_REQUIRE(monitor.start());
  BOOST_TEST(sp.emulator.pending_requests(sp.socket) == 1u);
  BOOST_REQUIRE(sp.emulator.close(sp.socket) == 0);
  BOOST_TEST(monitor.active());  // until the routine runs
  BOOST_TEST(sp.wait(10) == gqos::wsa::wait_io_completion);
  BOOST_TEST((sp.recorder.stops == std::vector{StopReason::aborted}));
  BOOST_TEST(sp.recorder.errors.empty());  // a re-arm would have failed with WSAENOTSOCK
  BOOST_TEST(sp.recorder.updates.empty());
  BOOST_TEST(!monitor.active());
  BOOST_TEST(sp.emulator.queued_completions() == 0u);
}

BOOST_AUTO_TEST_CASE(a_failed_request_is_reported_and_not_rearmed) {
  EmulatedSp sp;
  Monitor monitor(sp.emulator, sp.socket, sp.recorder);
  BOOST_REQUIRE(monitor.start());
  sp.queue.schedule_at(1000,
                       [&] { BOOST_TEST(sp.emulator.fail_pending(sp.socket, gqos::wsa::einval)); });
  sp.wait(10);
  BOOST_REQUIRE(sp.recorder.errors.size() == 1u);
  BOOST_TEST(sp.recorder.errors[0].first == gqos::wsa::einval);
  BOOST_TEST(sp.recorder.errors[0].second == "SIO_GET_QOS completed with WSAEINVAL");
  BOOST_TEST((sp.recorder.stops == std::vector{StopReason::error}));
  BOOST_TEST(!monitor.active());
  BOOST_TEST(sp.emulator.pending_requests(sp.socket) == 0u);
}

BOOST_AUTO_TEST_CASE(a_hostile_object_is_reported_and_monitoring_goes_on) {
  EmulatedSp sp;
  auto hostile = senders();
  hostile.objects = {gqos::ProviderObject{
      gqos::object_type::sd_mode, {std::byte{1}, std::byte{0}, std::byte{0}, std::byte{0}}, 0}};
  Monitor monitor(sp.emulator, sp.socket, sp.recorder, {.initial_buffer = 200});
  BOOST_REQUIRE(monitor.start());
  sp.indicate_at(1000, hostile);
  sp.indicate_at(2000, senders(guaranteed()));
  sp.wait(10);
  BOOST_REQUIRE(sp.recorder.errors.size() == 1u);
  BOOST_TEST(sp.recorder.errors[0].first == gqos::status::eprovspecbuf);
  BOOST_TEST(
      sp.recorder.errors[0].second ==
      "ProviderSpecific: " + std::string(gqos::describe(gqos::DecodeError::object_length_zero)) +
          " at offset 100");
  BOOST_TEST(sp.recorder.updates.empty());
  BOOST_TEST(sp.recorder.stops.empty());
  BOOST_TEST(monitor.active());
  BOOST_TEST(sp.emulator.pending_requests(sp.socket) == 1u);

  sp.wait(10);
  BOOST_REQUIRE(sp.recorder.updates.size() == 1u);
  BOOST_TEST((sp.recorder.updates[0].flowspec == guaranteed()));
  BOOST_TEST(sp.recorder.errors.size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_sender_update_merges_into_the_sending_view) {
  EmulatedSp sp({}, provider::Role::both);
  Monitor monitor(sp.emulator, sp.socket, sp.recorder);
  BOOST_TEST((monitor.view().sending == no_change()));
  BOOST_TEST((monitor.view().receiving == no_change()));
  BOOST_REQUIRE(monitor.start());
  sp.indicate_at(1000, senders());
  sp.indicate_at(2000, receivers(guaranteed()));
  sp.wait(10);
  sp.wait(10);
  BOOST_REQUIRE(sp.recorder.updates.size() == 2u);
  BOOST_TEST((sp.recorder.updates[1].direction == Direction::sending));
  BOOST_TEST(sp.recorder.updates[1].status == gqos::status::receivers);
  BOOST_TEST((monitor.view().sending == guaranteed()));
  BOOST_TEST((monitor.view().receiving == controlled_load()));
  BOOST_TEST(monitor.view().last_status == gqos::status::receivers);
}

BOOST_AUTO_TEST_CASE(windows_xp_never_completes_until_close) {
  EmulatedSp sp(on(provider_stub::Profile::windows_xp));
  Monitor monitor(sp.emulator, sp.socket, sp.recorder);
  BOOST_REQUIRE(monitor.start());
  sp.indicate_at(1000, senders());
  BOOST_TEST(sp.wait(10) == 0u);
  BOOST_TEST(sp.recorder.updates.empty());
  BOOST_TEST(monitor.active());
  sp.emulator.close(sp.socket);
  sp.wait(10);
  BOOST_TEST((sp.recorder.stops == std::vector{StopReason::aborted}));
}

// Without a QoS provider the overlapped SIO_GET_QOS fails at once with WSAENOPROTOOPT (D18):
// the monitor cannot start, and says why.
BOOST_AUTO_TEST_CASE(no_qos_provider_fails_the_request_at_once_with_enoprotoopt) {
  EmulatedSp sp(on(provider_stub::Profile::no_qos_provider));
  Monitor monitor(sp.emulator, sp.socket, sp.recorder);
  BOOST_TEST(!monitor.start());
  BOOST_REQUIRE(sp.recorder.errors.size() == 1u);
  BOOST_TEST(sp.recorder.errors[0].first == gqos::wsa::enoprotoopt);
  BOOST_TEST((sp.recorder.stops == std::vector{StopReason::error}));
  BOOST_TEST(!monitor.active());
}

BOOST_AUTO_TEST_CASE(an_unbound_receiver_cannot_start) {
  engine::EventQueue queue;
  provider_stub::Emulator emulator(queue);
  Recorder recorder;
  const auto socket = emulator.open(provider::Role::receiver, provider::Protocol::udp);
  Monitor monitor(emulator, socket, recorder);
  BOOST_TEST(!monitor.start());
  BOOST_REQUIRE(recorder.errors.size() == 1u);
  BOOST_TEST(recorder.errors[0].first == gqos::wsa::einval);
  BOOST_TEST((recorder.stops == std::vector{StopReason::error}));
}

BOOST_AUTO_TEST_CASE(a_request_outliving_its_monitor_completes_harmlessly) {
  EmulatedSp sp;
  {
    Monitor monitor(sp.emulator, sp.socket, sp.recorder);
    BOOST_REQUIRE(monitor.start());
  }
  // The emulator still writes the indication into the Monitor's buffer and runs its routine.
  sp.indicate_at(1000, senders());
  BOOST_TEST(sp.wait(10) == gqos::wsa::wait_io_completion);
  BOOST_TEST(sp.recorder.updates.empty());
  BOOST_TEST(sp.recorder.errors.empty());
  BOOST_TEST(sp.recorder.stops.empty());
  BOOST_TEST(sp.emulator.pending_requests(sp.socket) == 0u);
  BOOST_TEST(sp.emulator.queued_completions() == 0u);
}
