// The host's SP, what sockets are told: each indication once per change and never for a refresh
// that changed nothing, errors included (W32:qos-events); a PathErr reaching its sender
// (docs/behaviour.md D20); each sender its own reservation; NO_SENDERS only after SENDERS
// (D28); and SIO_CHK_QOS answered from the network (D30).
#define BOOST_TEST_MODULE rsvp_host_sp_indication
#include <boost/test/unit_test.hpp>

#include "rsvp_host_sp_fixture.hpp"

using namespace rsvp_test;
namespace status = gqos::status;
namespace chk = gqos::chk_qos;

namespace {

constexpr gqos::SocketId sender = 0x100;
constexpr gqos::SocketId sender2 = 0x104;
constexpr gqos::SocketId receiver = 0x200;

gqos::SocketQos s_sends(std::uint32_t rate = 30'000) {
  return udp_sender(endpoint(s_address, 6000), endpoint(d_address, 5000), controlled_load(rate));
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_refresh_that_changes_nothing_tells_nothing) {
  SpNet n;
  n.change(0, n.d, receiver, udp_receiver(endpoint(0, 5000), controlled_load(25'000)));
  n.change(0, n.s, sender, s_sends());
  n.queue.run_until(10 * 60 * s);
  BOOST_TEST(n.messages.count("sent", "Path") > 3 * 15u);  // every hop refreshed all along
  BOOST_TEST(n.messages.count("sent", "Resv") > 3 * 15u);
  BOOST_TEST(n.told_to(receiver) == Lines{"3000 WSA_QOS_SENDERS"});
  BOOST_TEST(n.told_to(sender) == Lines{"6000 WSA_QOS_RECEIVERS"});
}

BOOST_AUTO_TEST_CASE(an_admission_failure_is_told_once_though_every_refresh_repeats_it) {
  SpNet n({}, 40'000);  // r1 - r2 sets aside 40,000 bytes/s
  auto qos = udp_receiver(endpoint(0, 5000), controlled_load(50'000));
  n.change(0, n.d, receiver, qos);
  n.change(0, n.s, sender, s_sends(60'000));
  n.queue.run_until(10 * 60 * s);
  BOOST_TEST(n.messages.count("recv", "ResvErr") > 2 * 15u);  // two hops, at every refresh
  BOOST_TEST(n.told_to(receiver) ==
             (Lines{"3000 WSA_QOS_SENDERS", "7000 WSA_QOS_ADMISSION_FAILURE"}));
  const Told& failure = n.last_told(receiver);
  BOOST_TEST(failure.indication.extended_status1 == gqos::extended_status::net_admission);
  BOOST_TEST(failure.indication.extended_status2 == 56103u);  // GQOS_BANDWIDTH
  BOOST_TEST(failure.indication.receiving->token_rate == 50'000u);
  BOOST_TEST(!failure.indication.sending);
  // The application renegotiates: the failure of its new request is told again.
  qos.qos_calls = 2;
  n.change(10 * 60 * s, n.d, receiver, qos);
  n.queue.run_until(11 * 60 * s);
  BOOST_TEST(n.told_to(receiver).size() == 3u);
  BOOST_TEST(n.last_told(receiver).indication.status == status::admission_failure);
}

// RFC 2205 section 3.2: a session whose DstPort is 0 beside one to the same address that is not
// conflicts; the PathErr (Appendix B code 7) travels to the sender, at every PATH refresh.
BOOST_AUTO_TEST_CASE(a_path_err_reaches_the_sender_once) {
  SpNet n;
  n.change(0, n.s2, sender2,
           udp_sender(endpoint(s2_address, 6000), endpoint(d_address, 0), controlled_load(9'000)));
  n.change(1 * s, n.s, sender, s_sends());
  n.queue.run_until(10 * 60 * s);
  BOOST_TEST(n.messages.count("recv", "PathErr") > 15u);
  BOOST_TEST(n.told_to(sender) == Lines{"1002000 WSA_QOS_GENERIC_ERROR"});  // from r1
  const Told& error = n.last_told(sender);
  BOOST_TEST(error.indication.extended_status1 == gqos::extended_status::rsvp);
  BOOST_TEST(error.indication.extended_status2 == 56305u);   // GQOS_BAD_DSTPORT
  BOOST_TEST_REQUIRE(error.indication.sending.has_value());  // D20: the sender's direction
  BOOST_TEST(error.indication.sending->token_rate == 30'000u);
  BOOST_TEST(error.indication.sending->max_sdu_size == 1'500u);  // its Tspec
  BOOST_TEST(n.told_to(sender2).empty());
}

// Two senders on one host: the host holds one reservation state for the session, and each
// socket is told the part of it that names its own sender.
BOOST_AUTO_TEST_CASE(each_sender_is_told_the_reservation_made_for_it) {
  SpNet n;
  auto at_d = udp_receiver(endpoint(0, 5000), controlled_load(0));
  at_d.reserve = gqos::ReserveInfo{gqos::rsvp_style::fixed_filter,
                                   false,
                                   {{controlled_load(20'000), {endpoint(s_address, 6000)}},
                                    {controlled_load(10'000), {endpoint(s_address, 6002)}}}};
  n.change(0, n.d, receiver, at_d);
  n.change(0, n.s, sender, s_sends());
  n.change(
      0, n.s, sender2,
      udp_sender(endpoint(s_address, 6002), endpoint(d_address, 5000), controlled_load(30'000)));
  n.queue.run_until(10 * s);
  BOOST_TEST(n.last_told(sender).indication.sending->token_rate == 20'000u);
  BOOST_TEST(n.last_told(sender2).indication.sending->token_rate == 10'000u);
}

// D25: a second sender of a session whose WF reservation the host already holds hears of it at
// once; nothing in the network would tell it, since what is reserved does not change.
BOOST_AUTO_TEST_CASE(a_sender_entering_a_reserved_session_is_told_at_once) {
  SpNet n;
  n.change(0, n.d, receiver, udp_receiver(endpoint(0, 5000), controlled_load(25'000)));
  n.change(0, n.s, sender, s_sends());
  n.change(
      10 * s, n.s, sender2,
      udp_sender(endpoint(s_address, 6002), endpoint(d_address, 5000), controlled_load(30'000)));
  n.queue.run_until(2 * 60 * s);
  BOOST_TEST(n.told_to(sender2) == Lines{"10000000 WSA_QOS_RECEIVERS"});
}

// D28: a connected receiver whose peer never sent hears neither the other sender's PATH nor
// its end.
BOOST_AUTO_TEST_CASE(no_senders_follows_only_senders) {
  SpNet n;
  auto connected = udp_receiver(endpoint(0, 5000), controlled_load(25'000));
  connected.peer = endpoint(s2_address, 6000);
  n.change(0, n.d, receiver, connected);
  auto at_s = s_sends();
  n.change(0, n.s, sender, at_s);
  at_s.closed = true;
  n.change(10 * s, n.s, sender, at_s);
  n.queue.run_until(20 * s);
  BOOST_TEST(n.net->state(n.d).psbs.empty());
  BOOST_TEST(n.told_to(receiver).empty());
}

BOOST_AUTO_TEST_CASE(check_qos_answers_the_fixed_selectors) {
  SpNet n;
  gqos::SocketQos unbound;
  const auto bound = udp_receiver(endpoint(0, 5000), controlled_load(25'000));
  BOOST_TEST((n.sp->check_qos(n.s, unbound, chk::line_rate) == CheckQosAnswer{0, 8'000}));
  BOOST_TEST((n.sp->check_qos(n.s, unbound, chk::local_traffic_control) == CheckQosAnswer{0, 1}));
  BOOST_TEST((n.sp->check_qos(n.s, unbound, chk::local_qosability) == CheckQosAnswer{0, 1}));
  BOOST_TEST((n.sp->check_qos(n.d, unbound, chk::able_to_recv_rsvp) == CheckQosAnswer{0, 0}));
  BOOST_TEST((n.sp->check_qos(n.d, bound, chk::able_to_recv_rsvp) == CheckQosAnswer{0, 1}));
  BOOST_TEST((n.sp->check_qos(n.d, bound, 50'007) == CheckQosAnswer{gqos::wsa::einval, 0}));
  BOOST_TEST((n.sp->check_qos(n.d, bound, 0) == CheckQosAnswer{gqos::wsa::einval, 0}));
}

BOOST_AUTO_TEST_CASE(check_qos_knows_end_to_end_qosability_once_rsvp_crossed_the_path) {
  SpNet n;
  const auto at_d = udp_receiver(endpoint(0, 5000), controlled_load(25'000));
  const auto at_s = s_sends();
  const CheckQosAnswer unknown{0, chk::info_not_available};
  n.change(0, n.d, receiver, at_d);
  BOOST_TEST((n.sp->check_qos(n.d, at_d, chk::end_to_end_qosability) == unknown));
  n.change(0, n.s, sender, at_s);
  BOOST_TEST((n.sp->check_qos(n.s, at_s, chk::end_to_end_qosability) == unknown));
  n.queue.run_until(3 * ms);  // PATH at d
  BOOST_TEST((n.sp->check_qos(n.d, at_d, chk::end_to_end_qosability) == CheckQosAnswer{0, 1}));
  BOOST_TEST((n.sp->check_qos(n.s, at_s, chk::end_to_end_qosability) == unknown));
  n.queue.run_until(6 * ms);  // RESV at s
  BOOST_TEST((n.sp->check_qos(n.s, at_s, chk::end_to_end_qosability) == CheckQosAnswer{0, 1}));
}

BOOST_AUTO_TEST_CASE(check_qos_allows_sending_within_the_best_effort_limit_or_once_reserved) {
  const auto at_s = s_sends(30'000);
  {
    SpNet n;  // D30's default: any rate may be sent as best effort before the reservation
    BOOST_TEST((n.sp->check_qos(n.s, at_s, chk::allowed_to_send_data) == CheckQosAnswer{0, 1}));
  }
  HostSpOptions options;
  options.best_effort_limit = 10'000;
  SpNet n(options);
  BOOST_TEST(
      (n.sp->check_qos(n.s, s_sends(10'000), chk::allowed_to_send_data) == CheckQosAnswer{0, 1}));
  n.change(0, n.d, receiver, udp_receiver(endpoint(0, 5000), controlled_load(25'000)));
  n.change(0, n.s, sender, at_s);
  BOOST_TEST((n.sp->check_qos(n.s, at_s, chk::allowed_to_send_data) == CheckQosAnswer{0, 0}));
  n.queue.run_until(6 * ms);  // the reservation reached s
  BOOST_TEST((n.sp->check_qos(n.s, at_s, chk::allowed_to_send_data) == CheckQosAnswer{0, 1}));
}
