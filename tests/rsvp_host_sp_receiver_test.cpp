// The host's SP, receiver side: RESV only with receiving QoS and matching path state
// (W32:rsvp-path-and-resv-messages, W32:using-wsaconnect-to-join-unicast-rsvp-sessions), the
// default styles and the WF -> FF switch (W32:udp-unicast-receivers), RSVP_RESERVE_INFO,
// confirmation once per SIO_SET_QOS (KB195274), the FLOWSPEC completed from the Tspec (D26),
// multicast receivers and SERVICE_NO_QOS_SIGNALING.
#define BOOST_TEST_MODULE rsvp_host_sp_receiver
#include <algorithm>
#include <boost/test/unit_test.hpp>

#include "rsvp_host_sp_fixture.hpp"

using namespace rsvp_test;
namespace status = gqos::status;
namespace service = gqos::service_type;

namespace {

constexpr gqos::SocketId sender = 0x100;
constexpr gqos::SocketId sender2 = 0x104;
constexpr gqos::SocketId receiver = 0x200;
constexpr gqos::SocketId receiver2 = 0x204;

gqos::SocketQos s_sends(gqos::FlowSpec sending = controlled_load(30'000)) {
  return udp_sender(endpoint(s_address, 6000), endpoint(d_address, 5000), sending);
}

gqos::SocketQos with_reserve(gqos::SocketQos qos, std::uint32_t style, bool confirm,
                             std::vector<gqos::ReserveDescriptor> descriptors = {}) {
  qos.reserve = gqos::ReserveInfo{style, confirm, std::move(descriptors)};
  return qos;
}

}  // namespace

BOOST_AUTO_TEST_CASE(an_unconnected_receiver_reserves_wf_once_path_state_exists) {
  SpNet n;
  n.change(0, n.d, receiver, udp_receiver(endpoint(0, 5000), controlled_load(25'000)));
  n.queue.run_until(1 * s);
  BOOST_TEST(n.messages.lines.empty());  // registered, waiting for PATH
  n.change(1 * s, n.s, sender, s_sends());
  n.queue.run_until(2 * s);
  BOOST_TEST(n.sent_at(1 * s + 3 * ms) == Lines{"Resv 3->2"});
  const auto installed = n.toward(n.r2_d, n.r2);
  BOOST_TEST_REQUIRE(installed.size() == 1u);
  BOOST_TEST((installed[0].style == Style::wf));
  BOOST_TEST(installed[0].flowspec.token_rate == 25'000u);
  BOOST_TEST(n.told_to(receiver) == Lines{"1003000 WSA_QOS_SENDERS"});
  BOOST_TEST(n.told_to(sender) == Lines{"1006000 WSA_QOS_RECEIVERS"});
  BOOST_TEST(n.last_told(sender).indication.sending->token_rate == 25'000u);
}

BOOST_AUTO_TEST_CASE(a_receiver_without_receiving_qos_sends_no_resv) {
  SpNet n;
  n.change(0, n.d, receiver,
           udp_receiver(endpoint(0, 5000), gqos::unspecified_flowspec(service::best_effort)));
  n.change(0, n.s, sender, s_sends());
  n.queue.run_until(2 * 60 * s);
  BOOST_TEST(n.messages.count("sent", "Resv") == 0u);
  BOOST_TEST(n.told_to(receiver).empty());
}

BOOST_AUTO_TEST_CASE(a_connected_receiver_reserves_ff_for_its_peer_only) {
  SpNet n;
  auto qos = udp_receiver(endpoint(0, 5000), controlled_load(25'000));
  qos.peer = endpoint(s_address, 6000);
  n.change(0, n.d, receiver, qos);
  n.change(0, n.s, sender, s_sends());
  n.change(
      0, n.s2, sender2,
      udp_sender(endpoint(s2_address, 6000), endpoint(d_address, 5000), controlled_load(9'000)));
  n.queue.run_until(10 * s);
  const auto installed = n.toward(n.r2_d, n.r2);
  BOOST_TEST_REQUIRE(installed.size() == 1u);
  BOOST_TEST((installed[0].style == Style::ff));
  BOOST_TEST((installed[0].filters == std::vector<SenderId>{from_s}));
  BOOST_TEST(n.told_to(receiver) == Lines{"3000 WSA_QOS_SENDERS"});  // not s2's PATH
  BOOST_TEST(n.told_to(sender2).empty());
}

BOOST_AUTO_TEST_CASE(connect_after_set_qos_tears_down_wf_then_reserves_ff) {
  SpNet n;
  auto qos = udp_receiver(endpoint(0, 5000), controlled_load(25'000));
  n.change(0, n.d, receiver, qos);
  n.change(0, n.s, sender, s_sends());
  n.queue.run_until(10 * s);
  BOOST_TEST((n.toward(n.r2_d, n.r2).at(0).style == Style::wf));
  qos.peer = endpoint(s_address, 6000);  // WSAConnect
  n.change(10 * s, n.d, receiver, qos);
  BOOST_TEST(n.sent_at(10 * s) == (Lines{"ResvTear 3->2", "Resv 3->2"}));
  n.queue.run_until(11 * s);
  const auto installed = n.toward(n.r2_d, n.r2);
  BOOST_TEST_REQUIRE(installed.size() == 1u);
  BOOST_TEST((installed[0].style == Style::ff));
  BOOST_TEST((installed[0].filters == std::vector<SenderId>{from_s}));
  // The sender sees the teardown and the new reservation, in that order.
  BOOST_TEST(n.told_to(sender) == (Lines{"6000 WSA_QOS_RECEIVERS", "10003000 WSA_QOS_NO_RECEIVERS",
                                         "10003000 WSA_QOS_RECEIVERS"}));
}

BOOST_AUTO_TEST_CASE(a_tcp_receiver_reserves_ff_once_connected) {
  SpNet n;
  auto at_s = s_sends();
  at_s.protocol = gqos::IpProtocol::tcp;
  auto at_d = udp_receiver(endpoint(d_address, 5000), controlled_load(25'000));
  at_d.protocol = gqos::IpProtocol::tcp;
  n.change(0, n.d, receiver, at_d);  // listening: no session yet
  n.change(0, n.s, sender, at_s);
  n.queue.run_until(1 * s);
  BOOST_TEST(n.messages.count("sent", "Resv") == 0u);
  at_d.peer = endpoint(s_address, 6000);  // accepted
  n.change(1 * s, n.d, receiver, at_d);
  BOOST_TEST(n.sent_at(1 * s) == Lines{"Resv 3->2"});
  n.queue.run_until(2 * s);
  const auto installed = n.toward(n.r2_d, n.r2);
  BOOST_TEST_REQUIRE(installed.size() == 1u);
  BOOST_TEST((installed[0].session == Session{d_address, 5000, 6}));
  BOOST_TEST((installed[0].style == Style::ff));
}

BOOST_AUTO_TEST_CASE(se_through_reserve_info_shares_one_reservation_among_two_senders) {
  SpNet n;
  const gqos::ReserveDescriptor both{controlled_load(40'000),
                                     {endpoint(s_address, 6000), endpoint(s2_address, 6000)}};
  n.change(0, n.d, receiver,
           with_reserve(udp_receiver(endpoint(0, 5000), controlled_load(40'000)),
                        gqos::rsvp_style::shared_explicit, false, {both}));
  n.change(0, n.s, sender, s_sends());
  n.change(
      0, n.s2, sender2,
      udp_sender(endpoint(s2_address, 6000), endpoint(d_address, 5000), controlled_load(30'000)));
  n.queue.run_until(10 * s);
  const auto installed = n.toward(n.r1_r2, n.r1);
  BOOST_TEST_REQUIRE(installed.size() == 1u);
  BOOST_TEST((installed[0].style == Style::se));
  BOOST_TEST((installed[0].filters == std::vector<SenderId>{from_s, from_s2}));
  BOOST_TEST(n.net->reserved(Interface{n.r1_r2, n.r1}) == 40'000u);  // shared, not 80,000
  BOOST_TEST(n.last_told(sender).indication.status == status::receivers);
  BOOST_TEST(n.last_told(sender2).indication.status == status::receivers);
}

// D27: a style named without flow descriptors covers every sender the session has path state for.
BOOST_AUTO_TEST_CASE(ff_without_descriptors_reserves_for_every_sender_with_path_state) {
  SpNet n;
  n.change(0, n.d, receiver,
           with_reserve(udp_receiver(endpoint(0, 5000), controlled_load(20'000)),
                        gqos::rsvp_style::fixed_filter, false));
  n.change(0, n.s, sender, s_sends());
  n.change(
      1 * s, n.s2, sender2,
      udp_sender(endpoint(s2_address, 6000), endpoint(d_address, 5000), controlled_load(9'000)));
  n.queue.run_until(10 * s);
  const auto installed = n.toward(n.r1_r2, n.r1);
  BOOST_TEST_REQUIRE(installed.size() == 2u);
  for (const auto& reservation : installed) BOOST_TEST((reservation.style == Style::ff));
  BOOST_TEST(n.net->reserved(Interface{n.r1_r2, n.r1}) == 40'000u);  // 20,000 for each sender
}

BOOST_AUTO_TEST_CASE(confirmation_is_asked_once_per_set_qos) {
  SpNet n;
  auto qos = with_reserve(udp_receiver(endpoint(0, 5000), controlled_load(25'000)),
                          gqos::rsvp_style::default_style, true);
  n.change(0, n.d, receiver, qos);
  n.change(0, n.s, sender, s_sends());
  n.queue.run_until(5 * 60 * s);                           // about ten refreshes
  BOOST_TEST(n.messages.count("sent", "ResvConf") == 3u);  // one, over three hops
  BOOST_TEST(n.told_to(receiver) ==
             (Lines{"3000 WSA_QOS_SENDERS", "9000 WSA_QOS_REQUEST_CONFIRMED"}));
  // The same state from another call changes nothing; a new SIO_SET_QOS asks again, at once.
  n.change(5 * 60 * s, n.d, receiver, qos);
  BOOST_TEST(n.sent_at(5 * 60 * s).empty());
  qos.qos_calls = 2;
  qos.receiving_calls = 2;
  n.change(5 * 60 * s, n.d, receiver, qos);
  BOOST_TEST(n.sent_at(5 * 60 * s) == Lines{"Resv 3->2"});
  n.queue.run_until(10 * 60 * s);
  BOOST_TEST(n.messages.count("sent", "ResvConf") == 6u);
  BOOST_TEST(n.told_to(receiver).back() == "300006000 WSA_QOS_REQUEST_CONFIRMED");
}

// W32:servicetype-notraffic: NOTRAFFIC sending with NOCHANGE receiving leaves "the other
// direction's quality of service signaling unchanged": the socket may be told again, but its
// reservation is not confirmed anew.
BOOST_AUTO_TEST_CASE(a_call_that_leaves_receiving_nochange_asks_no_confirmation_anew) {
  SpNet n;
  auto qos = with_reserve(udp_receiver(endpoint(0, 5000), controlled_load(25'000)),
                          gqos::rsvp_style::default_style, true);
  n.change(0, n.d, receiver, qos);
  n.change(0, n.s, sender, s_sends());
  n.queue.run_until(60 * s);
  BOOST_TEST(n.messages.count("sent", "ResvConf") == 3u);
  qos.qos_calls = 2;  // receiving_calls stays 1: that direction was NOCHANGE
  n.change(60 * s, n.d, receiver, qos);
  n.queue.run_until(5 * 60 * s);
  BOOST_TEST(n.messages.count("sent", "ResvConf") == 3u);
  const auto told = n.told_to(receiver);
  BOOST_TEST(std::count_if(told.begin(), told.end(), [](const std::string& line) {
               return line.ends_with("WSA_QOS_REQUEST_CONFIRMED");
             }) == 1);
}

BOOST_AUTO_TEST_CASE(a_controlled_load_receiver_takes_unspecified_fields_from_the_tspec) {
  SpNet n;
  gqos::FlowSpec sending = controlled_load(30'000);
  sending.token_bucket_size = 4'000;
  sending.peak_bandwidth = 60'000;
  sending.max_sdu_size = 1'000;
  sending.minimum_policed_size = 64;
  n.change(0, n.d, receiver,
           udp_receiver(endpoint(0, 5000), gqos::unspecified_flowspec(service::controlled_load)));
  n.change(0, n.s, sender, s_sends(sending));
  n.queue.run_until(1 * s);
  const gqos::FlowSpec reserved = n.toward(n.r2_d, n.r2).at(0).flowspec;
  BOOST_TEST(reserved.token_rate == 30'000u);
  BOOST_TEST(reserved.token_bucket_size == 4'000u);
  BOOST_TEST(reserved.peak_bandwidth == 60'000u);
  BOOST_TEST(reserved.max_sdu_size == 1'000u);
  BOOST_TEST(reserved.minimum_policed_size == 64u);
  BOOST_TEST(reserved.service_type == service::controlled_load);
  // A new Tspec: the reservation follows, sent with the changed path state at once.
  sending.token_rate = 50'000;
  auto changed = s_sends(sending);
  changed.qos_calls = 2;
  n.change(10 * s, n.s, sender, changed);
  n.queue.run_until(10 * s + 10 * ms);
  BOOST_TEST(n.toward(n.r2_d, n.r2).at(0).flowspec.token_rate == 50'000u);
}

BOOST_AUTO_TEST_CASE(a_guaranteed_receiver_reserves_r_from_token_rate_and_s_from_delay_variation) {
  SpNet n;
  gqos::FlowSpec sending = controlled_load(30'000);
  sending.token_bucket_size = 4'000;
  gqos::FlowSpec receiving = asking(service::guaranteed, 40'000);
  receiving.delay_variation = 500;
  receiving.token_bucket_size = 9'999;  // the Tspec's b is the one reserved
  n.change(0, n.d, receiver, udp_receiver(endpoint(0, 5000), receiving));
  n.change(0, n.s, sender, s_sends(sending));
  n.queue.run_until(1 * s);
  const gqos::FlowSpec reserved = n.toward(n.r2_d, n.r2).at(0).flowspec;
  BOOST_TEST(reserved.service_type == service::guaranteed);
  BOOST_TEST(reserved.token_rate == 40'000u);    // R
  BOOST_TEST(reserved.delay_variation == 500u);  // S
  BOOST_TEST(reserved.token_bucket_size == 4'000u);
  BOOST_TEST(reserved.peak_bandwidth == 0xFFFFFFFEu);
  BOOST_TEST(reserved.max_sdu_size == 1'500u);
  BOOST_TEST(reserved.minimum_policed_size == 128u);
  BOOST_TEST(n.net->reserved(Interface{n.r2_d, n.r2}) == 40'000u);
}

BOOST_AUTO_TEST_CASE(two_receivers_of_a_multicast_group_each_reserve) {
  SpNet n;
  auto at_s = udp_sender(endpoint(s_address, 6000), std::nullopt, controlled_load(30'000));
  at_s.groups = {gqos::GroupJoin{endpoint(group, 5000), true, false}};  // JL_SENDER_ONLY
  auto at_d = udp_receiver(endpoint(0, 5000), controlled_load(20'000));
  at_d.groups = {gqos::GroupJoin{endpoint(group, 5000), false, true}};  // JL_RECEIVER_ONLY
  auto at_d2 = udp_receiver(endpoint(0, 5000), controlled_load(30'000));
  at_d2.groups = at_d.groups;
  n.change(0, n.d, receiver, at_d);
  n.change(0, n.d2, receiver2, at_d2);
  n.change(0, n.s, sender, at_s);
  n.queue.run_until(10 * s);
  BOOST_TEST(n.told_to(receiver) == Lines{"3000 WSA_QOS_SENDERS"});
  BOOST_TEST(n.told_to(receiver2) == Lines{"3000 WSA_QOS_SENDERS"});
  BOOST_TEST(n.toward(n.r2_d, n.r2).at(0).flowspec.token_rate == 20'000u);
  BOOST_TEST(n.toward(n.r2_d2, n.r2).at(0).flowspec.token_rate == 30'000u);
  const auto merged = n.toward(n.r1_r2, n.r1);
  BOOST_TEST_REQUIRE(merged.size() == 1u);
  BOOST_TEST((merged[0].style == Style::wf));  // the multicast default
  BOOST_TEST(merged[0].flowspec.token_rate == 30'000u);
  BOOST_TEST(n.last_told(sender).indication.sending->token_rate == 30'000u);
}

// D24: the receiver hears PATH, to choose its service, and sends no RESV until it asks with
// signalling.
BOOST_AUTO_TEST_CASE(a_receiver_with_no_qos_signaling_hears_path_and_sends_no_resv) {
  SpNet n;
  auto qos = udp_receiver(
      endpoint(0, 5000), asking(service::controlled_load | service::no_qos_signaling_flag, 25'000));
  n.change(0, n.d, receiver, qos);
  n.change(0, n.s, sender, s_sends());
  n.queue.run_until(2 * 60 * s);
  BOOST_TEST(n.told_to(receiver) == Lines{"3000 WSA_QOS_SENDERS"});
  BOOST_TEST(n.messages.count("sent", "Resv") == 0u);
  qos.receiving = controlled_load(25'000);
  qos.qos_calls = 2;
  n.change(2 * 60 * s, n.d, receiver, qos);
  BOOST_TEST(n.sent_at(2 * 60 * s) == Lines{"Resv 3->2"});
}

BOOST_AUTO_TEST_CASE(a_receiver_with_no_qos_signaling_hears_nothing_when_chosen_otherwise) {
  HostSpOptions options;
  options.unsignalled_receiver_hears_path = false;
  SpNet n(options);
  n.change(0, n.d, receiver,
           udp_receiver(endpoint(0, 5000),
                        asking(service::controlled_load | service::no_qos_signaling_flag, 25'000)));
  n.change(0, n.s, sender, s_sends());
  n.queue.run_until(1 * s);
  BOOST_TEST(n.told_to(receiver).empty());
}

// D25: the PATHs a session already has are told to a receiver that enters it, at once.
BOOST_AUTO_TEST_CASE(a_late_receiver_hears_the_path_state_at_once) {
  for (const bool told_on_join : {true, false}) {
    HostSpOptions options;
    options.told_on_join = told_on_join;
    SpNet n(options);
    n.change(0, n.s, sender, s_sends());
    n.change(10 * s, n.d, receiver, udp_receiver(endpoint(0, 5000), controlled_load(25'000)));
    BOOST_TEST(n.sent_at(10 * s) == Lines{"Resv 3->2"});
    n.queue.run_until(2 * 60 * s);
    BOOST_TEST(n.told_to(receiver) == (told_on_join ? Lines{"10000000 WSA_QOS_SENDERS"} : Lines{}));
  }
}

// D27: the host has one request per session; a socket asking another style in it is refused.
BOOST_AUTO_TEST_CASE(a_second_local_request_of_another_style_is_refused_with_bad_style) {
  SpNet n;
  n.change(0, n.d, receiver, udp_receiver(endpoint(0, 5000), controlled_load(25'000)));  // WF
  auto connected = udp_receiver(endpoint(0, 5000), controlled_load(10'000));
  connected.peer = endpoint(s_address, 6000);  // FF
  n.change(0, n.d, receiver2, connected);
  n.change(0, n.s, sender, s_sends());
  n.queue.run_until(1 * s);
  BOOST_TEST((n.toward(n.r2_d, n.r2).at(0).style == Style::wf));
  const Told& refused = n.first_told(receiver2, status::bad_style);
  BOOST_TEST(refused.indication.status == status::bad_style);
  BOOST_TEST(refused.indication.extended_status1 == gqos::extended_status::rsvp);
  BOOST_TEST(refused.indication.extended_status2 == 56303u);  // GQOS_BAD_STYLE
  BOOST_TEST(n.told_to(receiver2) == (Lines{"0 WSA_QOS_BAD_STYLE", "3000 WSA_QOS_SENDERS"}));
}
