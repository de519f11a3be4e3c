// The RSVP SP's mapping rules on their own, no network: which service types it signals, the
// SENDER_TSPEC of a sending FLOWSPEC (W32:tspec-flowspec-and-adspec), the FLOWSPEC of a RESV (D26),
// and which sessions a socket's state puts it in, with which style (1.2, 2.2, 2.3, 3).
#define BOOST_TEST_MODULE rsvp_sp_mapping
#include <boost/test/unit_test.hpp>

#include "gqos/constants.hpp"
#include "rsvp/socket_plan.hpp"
#include "rsvp/sp_flowspec.hpp"

using namespace qosbed;
using namespace qosbed::rsvp;
namespace service = gqos::service_type;
using gqos::Direction;

namespace {

constexpr Address host = 0x0A000002;
constexpr std::uint32_t unspecified = gqos::qos_not_specified;

gqos::FlowSpec asking(std::uint32_t service_type, std::uint32_t token_rate) {
  gqos::FlowSpec flowspec = gqos::unspecified_flowspec(service_type);
  flowspec.token_rate = token_rate;
  return flowspec;
}

gqos::SocketQos receiving_at(std::optional<gqos::Endpoint> local) {
  gqos::SocketQos qos;
  qos.local = local;
  qos.receiving = asking(service::controlled_load, 10'000);
  return qos;
}

gqos::SocketQos sending_from(std::uint16_t port) {
  gqos::SocketQos qos;
  qos.local = gqos::Endpoint{host, port};
  qos.sending = asking(service::controlled_load, 10'000);
  return qos;
}

}  // namespace

BOOST_AUTO_TEST_CASE(rsvp_signals_the_services_and_no_other_service_type) {
  for (const auto type : {service::controlled_load, service::guaranteed, service::qualitative}) {
    BOOST_TEST(asks_for_service(type, Direction::sending));
    BOOST_TEST(asks_for_service(type, Direction::receiving));
    BOOST_TEST(asks_for_service(type | service::no_traffic_control_flag, Direction::receiving));
  }
  BOOST_TEST(asks_for_service(service::general_information, Direction::sending));
  BOOST_TEST(!asks_for_service(service::general_information, Direction::receiving));
  for (const auto type : {service::no_traffic, service::best_effort, service::no_change,
                          service::network_control, service::network_unavailable}) {
    BOOST_TEST(!asks_for_service(type, Direction::sending));
    BOOST_TEST(!asks_for_service(type, Direction::receiving));
  }
  BOOST_TEST(signalling_suppressed(service::guaranteed | service::no_qos_signaling_flag));
  BOOST_TEST(!signalling_suppressed(service::guaranteed | service::no_traffic_control_flag));
}

BOOST_AUTO_TEST_CASE(a_sender_tspec_keeps_what_the_application_gave) {
  const gqos::FlowSpec sending{30'000, 4'000, 60'000, 100, 200, service::guaranteed, 1'000, 64};
  const gqos::FlowSpec tspec = sender_tspec(sending, HostSpOptions{});
  BOOST_TEST((tspec == gqos::FlowSpec{30'000, 4'000, 60'000, unspecified, unspecified,
                                      service::guaranteed, 1'000, 64}));
}

BOOST_AUTO_TEST_CASE(a_sender_tspec_fills_what_the_application_left_unspecified) {
  const auto sending = asking(service::controlled_load | service::no_traffic_control_flag, 30'000);
  BOOST_TEST((sender_tspec(sending, HostSpOptions{}) ==
              gqos::FlowSpec{30'000, 1'500, gqos::positive_infinity_rate, unspecified, unspecified,
                             service::controlled_load, 1'500, 128}));
  gqos::FlowSpec small = sending;
  small.max_sdu_size = 576;
  BOOST_TEST(sender_tspec(small, HostSpOptions{}).token_bucket_size == 576u);  // b = M (D21)
  HostSpOptions options;
  options.bucket_size = 8'192;
  options.peak_rate = 45'000;
  const gqos::FlowSpec chosen = sender_tspec(sending, options);
  BOOST_TEST(chosen.token_bucket_size == 8'192u);
  BOOST_TEST(chosen.peak_bandwidth == 45'000u);
}

BOOST_AUTO_TEST_CASE(a_controlled_load_or_qualitative_request_is_completed_from_the_tspec) {
  const gqos::FlowSpec tspec{
      30'000, 4'000, 60'000, unspecified, unspecified, service::controlled_load, 1'000, 64};
  gqos::FlowSpec receiving = asking(service::qualitative | service::no_traffic_control_flag, 0);
  receiving.token_rate = unspecified;
  receiving.peak_bandwidth = 50'000;
  BOOST_TEST((reservation_flowspec(receiving, tspec) ==
              gqos::FlowSpec{30'000, 4'000, 50'000, unspecified, unspecified, service::qualitative,
                             1'000, 64}));
  // No PATH yet: what was asked, nothing invented.
  BOOST_TEST((reservation_flowspec(receiving, std::nullopt) ==
              gqos::FlowSpec{unspecified, unspecified, 50'000, unspecified, unspecified,
                             service::qualitative, unspecified, unspecified}));
}

BOOST_AUTO_TEST_CASE(a_guaranteed_request_reserves_r_and_s_over_the_tspec) {
  const gqos::FlowSpec tspec{30'000, 4'000, 60'000, unspecified, unspecified, service::guaranteed,
                             1'000,  64};
  gqos::FlowSpec receiving{45'000, 1, 2, 70'000, 800, service::guaranteed, 3, 4};
  BOOST_TEST(
      (reservation_flowspec(receiving, tspec) ==
       gqos::FlowSpec{45'000, 4'000, 60'000, unspecified, 800, service::guaranteed, 1'000, 64}));
  receiving.token_rate = unspecified;       // R from the PATH (D26)
  receiving.delay_variation = unspecified;  // S 0
  const gqos::FlowSpec inferred = reservation_flowspec(receiving, tspec);
  BOOST_TEST(inferred.token_rate == 30'000u);
  BOOST_TEST(inferred.delay_variation == 0u);
}

BOOST_AUTO_TEST_CASE(a_receiver_is_in_the_session_it_is_bound_to) {
  BOOST_TEST(plan_of(receiving_at(std::nullopt), host, {}).receiving.empty());  // not bound
  const auto any = plan_of(receiving_at(gqos::Endpoint{0, 5000}), host, {});
  BOOST_TEST((any.receiving == std::vector<Session>{Session{host, 5000, 17}}));
  BOOST_TEST((any.style == Style::wf));
  BOOST_TEST(any.reserves);
  BOOST_TEST(!any.peer);
  const auto other = plan_of(receiving_at(gqos::Endpoint{0x0A000009, 5000}), host, {});
  BOOST_TEST((other.receiving == std::vector<Session>{Session{0x0A000009, 5000, 17}}));

  auto connected = receiving_at(gqos::Endpoint{0, 5000});
  connected.peer = gqos::Endpoint{0x0A000001, 6000};
  const auto ff = plan_of(connected, host, {});
  BOOST_TEST((ff.style == Style::ff));
  BOOST_TEST((ff.peer == SenderId{0x0A000001, 6000}));
  connected.reserve = gqos::ReserveInfo{gqos::rsvp_style::wildcard, true, {}};
  const auto overridden = plan_of(connected, host, {});
  BOOST_TEST((overridden.style == Style::wf));
  BOOST_TEST(overridden.confirm);
}

BOOST_AUTO_TEST_CASE(a_tcp_receiver_is_in_no_session_before_its_connection) {
  auto qos = receiving_at(gqos::Endpoint{0, 5000});
  qos.protocol = gqos::IpProtocol::tcp;
  BOOST_TEST(plan_of(qos, host, {}).receiving.empty());
  qos.peer = gqos::Endpoint{0x0A000001, 6000};
  const auto plan = plan_of(qos, host, {});
  BOOST_TEST((plan.receiving == std::vector<Session>{Session{host, 5000, 6}}));
  BOOST_TEST((plan.style == Style::ff));
}

BOOST_AUTO_TEST_CASE(a_multicast_receiver_is_in_each_group_it_joined_to_receive) {
  auto qos = receiving_at(gqos::Endpoint{0, 5000});
  qos.peer = gqos::Endpoint{0x0A000001, 6000};
  qos.groups = {gqos::GroupJoin{{0xE0000001, 5000}, false, true},
                gqos::GroupJoin{{0xE0000002, 5002}, true, false},
                gqos::GroupJoin{{0xE0000003, 5004}, true, true}};
  const auto plan = plan_of(qos, host, {});
  BOOST_TEST((plan.receiving ==
              std::vector<Session>{Session{0xE0000001, 5000, 17}, Session{0xE0000003, 5004, 17}}));
  BOOST_TEST((plan.style == Style::wf));
  BOOST_TEST(!plan.peer);
}

BOOST_AUTO_TEST_CASE(reserve_info_descriptors_name_their_senders) {
  auto qos = receiving_at(gqos::Endpoint{0, 5000});
  qos.reserve = gqos::ReserveInfo{
      gqos::rsvp_style::shared_explicit,
      false,
      {{asking(service::controlled_load, 9'000), {{0x0A000001, 6000}, {0x0A000003, 6002}}}}};
  const auto plan = plan_of(qos, host, {});
  BOOST_TEST((plan.style == Style::se));
  BOOST_TEST_REQUIRE(plan.descriptors.size() == 1u);
  BOOST_TEST((plan.descriptors[0].filters ==
              std::vector<SenderId>{{0x0A000001, 6000}, {0x0A000003, 6002}}));
}

BOOST_AUTO_TEST_CASE(a_sender_sends_to_its_group_else_its_peer_else_its_destinations) {
  auto qos = sending_from(6000);
  BOOST_TEST(plan_of(qos, host, {}).sending.empty());
  qos.destinations = {{0x0A000004, 5000}, {0x0A000005, 5002}};
  BOOST_TEST((plan_of(qos, host, {}).sending ==
              std::vector<Session>{Session{0x0A000004, 5000, 17}, Session{0x0A000005, 5002, 17}}));
  qos.peer = gqos::Endpoint{0x0A000006, 5000};
  BOOST_TEST(
      (plan_of(qos, host, {}).sending == std::vector<Session>{Session{0x0A000006, 5000, 17}}));
  qos.groups = {gqos::GroupJoin{{0xE0000001, 5000}, true, false}};
  const auto plan = plan_of(qos, host, {});
  BOOST_TEST((plan.sending == std::vector<Session>{Session{0xE0000001, 5000, 17}}));
  BOOST_TEST(plan.port == 6000u);
  BOOST_TEST(plan.tspec.token_rate == 10'000u);
}

BOOST_AUTO_TEST_CASE(what_ends_signalling_ends_it_in_its_direction) {
  auto both = sending_from(6000);
  both.peer = gqos::Endpoint{0x0A000001, 5000};
  both.receiving = asking(service::guaranteed, 20'000);
  const auto directions = [&](const gqos::SocketQos& qos) {
    const auto plan = plan_of(qos, host, {});
    return std::pair{plan.sending.size(), plan.receiving.size()};
  };
  BOOST_TEST((directions(both) == std::pair<std::size_t, std::size_t>{1, 1}));
  auto changed = both;
  changed.send_shut = true;
  BOOST_TEST((directions(changed) == std::pair<std::size_t, std::size_t>{0, 1}));
  changed = both;
  changed.receive_shut = true;
  BOOST_TEST((directions(changed) == std::pair<std::size_t, std::size_t>{1, 0}));
  for (auto flag : {&gqos::SocketQos::closed, &gqos::SocketQos::disconnected}) {
    changed = both;
    changed.*flag = true;
    BOOST_TEST((directions(changed) == std::pair<std::size_t, std::size_t>{0, 0}));
  }
  changed = both;
  changed.sending.service_type = service::no_traffic;
  changed.receiving.service_type = service::best_effort;
  BOOST_TEST((directions(changed) == std::pair<std::size_t, std::size_t>{0, 0}));
  changed = both;
  changed.sending.service_type |= service::no_qos_signaling_flag;
  changed.receiving.service_type |= service::no_qos_signaling_flag;
  BOOST_TEST((directions(changed) == std::pair<std::size_t, std::size_t>{0, 1}));  // D24
  BOOST_TEST(!plan_of(changed, host, {}).reserves);
  HostSpOptions deaf;
  deaf.unsignalled_receiver_hears_path = false;
  BOOST_TEST(plan_of(changed, host, deaf).receiving.empty());
}
