// The host's SP, sender side and teardown: PATH starts when the SP knows the peer and a sending
// FLOWSPEC that asks for a service (W32:sending-applications), with the Tspec of
// W32:tspec-flowspec-and-adspec, changes at once, and ends with PathTear / ResvTear at once on
// close, shutdown, disconnect, NOTRAFFIC and BESTEFFORT (3).
#define BOOST_TEST_MODULE rsvp_host_sp
#include <boost/test/unit_test.hpp>

#include "rsvp_host_sp_fixture.hpp"

using namespace rsvp_test;
namespace status = gqos::status;
namespace service = gqos::service_type;

namespace {

constexpr gqos::SocketId sender = 0x100;
constexpr gqos::SocketId receiver = 0x200;

// s:6000 sends CL 30,000 to d:5000; d:5000 asks CL 25,000, unconnected (WF).
void reserve_between_s_and_d(SpNet& n) {
  n.change(0, n.d, receiver, udp_receiver(endpoint(0, 5000), controlled_load(25'000)));
  n.change(
      0, n.s, sender,
      udp_sender(endpoint(s_address, 6000), endpoint(d_address, 5000), controlled_load(30'000)));
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_sender_that_never_connects_sends_nothing) {
  SpNet n;
  n.change(0, n.s, sender,
           udp_sender(endpoint(s_address, 6000), std::nullopt, controlled_load(30'000)));
  n.queue.run_until(5 * 60 * s);
  BOOST_TEST(n.messages.lines.empty());
  BOOST_TEST(n.net->state(n.s).psbs.empty());
  BOOST_TEST(n.told.empty());
}

BOOST_AUTO_TEST_CASE(connect_with_qos_starts_path_with_the_tspec_and_its_defaults) {
  SpNet n;
  n.change(
      0, n.s, sender,
      udp_sender(endpoint(s_address, 6000), endpoint(d_address, 5000), controlled_load(30'000)));
  BOOST_TEST(n.sent_at(0) == Lines{"Path 0->1"});
  n.queue.run_until(10 * ms);
  const auto& psbs = n.net->state(n.d).psbs;
  const auto psb = psbs.find(PsbKey{to_d, from_s});
  BOOST_TEST_REQUIRE((psb != psbs.end()));
  const gqos::FlowSpec& tspec = psb->second.path->tspec;
  BOOST_TEST(tspec.token_rate == 30'000u);
  BOOST_TEST(tspec.max_sdu_size == 1500u);               // M, W32:tspec-flowspec-and-adspec
  BOOST_TEST(tspec.minimum_policed_size == 128u);        // m
  BOOST_TEST(tspec.token_bucket_size == 1500u);          // b = M (D21)
  BOOST_TEST(tspec.peak_bandwidth == 0xFFFFFFFEu);       // p = +infinity (D22)
  BOOST_TEST(tspec.latency == gqos::qos_not_specified);  // not in a Tspec
  BOOST_TEST(tspec.service_type == service::controlled_load);
}

BOOST_AUTO_TEST_CASE(the_options_give_other_defaults_for_b_and_p) {
  HostSpOptions options;
  options.bucket_size = 4096;
  options.peak_rate = 90'000;
  SpNet n(options);
  n.change(
      0, n.s, sender,
      udp_sender(endpoint(s_address, 6000), endpoint(d_address, 5000), controlled_load(30'000)));
  n.queue.run_until(10 * ms);
  const gqos::FlowSpec& tspec = n.net->state(n.d).psbs.at(PsbKey{to_d, from_s}).path->tspec;
  BOOST_TEST(tspec.token_bucket_size == 4096u);
  BOOST_TEST(tspec.peak_bandwidth == 90'000u);
}

BOOST_AUTO_TEST_CASE(set_qos_after_connect_starts_path_then) {
  SpNet n;
  auto qos = udp_sender(endpoint(s_address, 6000), endpoint(d_address, 5000),
                        gqos::unspecified_flowspec(service::best_effort));
  n.change(0, n.s, sender, qos);  // WSAConnect without QOS
  n.queue.run_until(10 * s);
  BOOST_TEST(n.messages.lines.empty());
  qos.sending = controlled_load(30'000);
  qos.qos_calls = 2;
  n.change(10 * s, n.s, sender, qos);  // SIO_SET_QOS
  BOOST_TEST(n.sent_at(10 * s) == Lines{"Path 0->1"});
}

BOOST_AUTO_TEST_CASE(set_qos_before_connect_starts_path_at_connect) {
  SpNet n;
  auto qos = udp_sender(endpoint(s_address, 6000), std::nullopt, controlled_load(30'000));
  n.change(0, n.s, sender, qos);  // SIO_SET_QOS
  n.queue.run_until(10 * s);
  BOOST_TEST(n.messages.lines.empty());
  qos.peer = endpoint(d_address, 5000);
  n.change(10 * s, n.s, sender, qos);  // WSAConnect without QOS
  BOOST_TEST(n.sent_at(10 * s) == Lines{"Path 0->1"});
}

BOOST_AUTO_TEST_CASE(an_unconnected_udp_sender_signals_to_each_qos_destaddr) {
  SpNet n;
  auto qos = udp_sender(endpoint(s_address, 6000), std::nullopt, controlled_load(30'000));
  qos.destinations = {endpoint(d_address, 5000), endpoint(d2_address, 5002)};
  n.change(0, n.s, sender, qos);
  BOOST_TEST(n.sent_at(0) == (Lines{"Path 0->1", "Path 0->1"}));
  n.queue.run_until(10 * ms);
  BOOST_TEST(n.net->state(n.d).psbs.contains(PsbKey{to_d, from_s}));
  BOOST_TEST(n.net->state(n.d2).psbs.contains(PsbKey{Session{d2_address, 5002, 17}, from_s}));
}

BOOST_AUTO_TEST_CASE(tcp_starts_path_once_the_connection_is_up) {
  SpNet n;
  auto qos = udp_sender(endpoint(s_address, 6000), std::nullopt, controlled_load(30'000));
  qos.protocol = gqos::IpProtocol::tcp;
  n.change(0, n.s, sender, qos);  // WSAConnect with QOS, connection not up yet
  n.queue.run_until(1 * s);
  BOOST_TEST(n.messages.lines.empty());
  qos.peer = endpoint(d_address, 5000);
  n.change(1 * s, n.s, sender, qos);
  BOOST_TEST(n.sent_at(1 * s) == Lines{"Path 0->1"});
  n.queue.run_until(2 * s);
  BOOST_TEST(n.net->state(n.d).psbs.contains(PsbKey{Session{d_address, 5000, 6}, from_s}));
}

BOOST_AUTO_TEST_CASE(a_changed_tspec_sends_path_at_once_and_the_reservation_follows) {
  SpNet n;
  reserve_between_s_and_d(n);
  auto qos =
      udp_sender(endpoint(s_address, 6000), endpoint(d_address, 5000), controlled_load(30'000));
  qos.sending.token_rate = 50'000;
  qos.qos_calls = 2;
  n.change(10 * s, n.s, sender, qos);
  BOOST_TEST(n.sent_at(10 * s) == Lines{"Path 0->1"});
  n.queue.run_until(11 * s);
  const Told& senders = n.last_told(receiver);
  BOOST_TEST(senders.at_us == 10 * s + 3 * ms);
  BOOST_TEST(senders.indication.status == status::senders);
  BOOST_TEST(senders.indication.receiving->token_rate == 50'000u);
  // Changed path state sends the receiver's RESV at once (RFC 2209), one, with the 25,000 the
  // receiver asked itself.
  BOOST_TEST(n.sent_at(10 * s + 3 * ms) == Lines{"Resv 3->2"});
  BOOST_TEST(n.toward(n.r2_d, n.r2).at(0).flowspec.token_rate == 25'000u);
}

BOOST_AUTO_TEST_CASE(the_same_state_again_sends_nothing) {
  SpNet n;
  reserve_between_s_and_d(n);
  n.queue.run_until(10 * s);
  n.change(
      10 * s, n.s, sender,
      udp_sender(endpoint(s_address, 6000), endpoint(d_address, 5000), controlled_load(30'000)));
  n.change(10 * s, n.d, receiver, udp_receiver(endpoint(0, 5000), controlled_load(25'000)));
  BOOST_TEST(n.sent_at(10 * s).empty());
}

BOOST_AUTO_TEST_CASE(closing_the_sender_tears_its_path_down_at_once) {
  SpNet n;
  reserve_between_s_and_d(n);
  auto qos =
      udp_sender(endpoint(s_address, 6000), endpoint(d_address, 5000), controlled_load(30'000));
  qos.closed = true;
  n.change(10 * s, n.s, sender, qos);
  BOOST_TEST(n.sent_at(10 * s) == Lines{"PathTear 0->1"});
  n.queue.run_until(5 * 60 * s);
  BOOST_TEST(n.told_to(receiver) == (Lines{"3000 WSA_QOS_SENDERS", "10003000 WSA_QOS_NO_SENDERS"}));
  // A sender that released its session hears no WSA_QOS_NO_RECEIVERS.
  BOOST_TEST(n.told_to(sender) == Lines{"6000 WSA_QOS_RECEIVERS"});
  BOOST_TEST(n.net->state(n.d).psbs.empty());
}

BOOST_AUTO_TEST_CASE(closing_the_receiver_tears_its_reservation_down_at_once) {
  SpNet n;
  reserve_between_s_and_d(n);
  auto qos = udp_receiver(endpoint(0, 5000), controlled_load(25'000));
  qos.closed = true;
  n.change(10 * s, n.d, receiver, qos);
  BOOST_TEST(n.sent_at(10 * s) == Lines{"ResvTear 3->2"});
  n.queue.run_until(5 * 60 * s);
  BOOST_TEST(n.told_to(sender) ==
             (Lines{"6000 WSA_QOS_RECEIVERS", "10003000 WSA_QOS_NO_RECEIVERS"}));
  BOOST_TEST(n.toward(n.r2_d, n.r2).empty());
  BOOST_TEST(n.told_to(receiver) == Lines{"3000 WSA_QOS_SENDERS"});
}

BOOST_AUTO_TEST_CASE(disconnecting_ends_both_directions) {
  SpNet n;
  reserve_between_s_and_d(n);
  auto qos =
      udp_sender(endpoint(s_address, 6000), endpoint(d_address, 5000), controlled_load(30'000));
  qos.disconnected = true;
  qos.peer.reset();
  n.change(10 * s, n.s, sender, qos);
  BOOST_TEST(n.sent_at(10 * s) == Lines{"PathTear 0->1"});
}

// A socket that both sends and receives, at each end: shutting down sending at s tears down
// s's PATH and leaves the reservation s makes for d's PATH in place.
BOOST_AUTO_TEST_CASE(shutting_down_one_direction_keeps_the_other) {
  SpNet n;
  auto at_s =
      udp_sender(endpoint(s_address, 6000), endpoint(d_address, 5000), controlled_load(30'000));
  at_s.receiving = controlled_load(20'000);
  auto at_d =
      udp_sender(endpoint(d_address, 5000), endpoint(s_address, 6000), controlled_load(10'000));
  at_d.receiving = controlled_load(25'000);
  n.change(0, n.s, sender, at_s);
  n.change(0, n.d, receiver, at_d);
  n.queue.run_until(10 * s);
  BOOST_TEST(n.toward(n.r2_d, n.r2).size() == 1u);
  BOOST_TEST(n.toward(n.s_r1, n.r1).size() == 1u);

  at_s.send_shut = true;
  n.change(10 * s, n.s, sender, at_s);
  BOOST_TEST(n.sent_at(10 * s) == Lines{"PathTear 0->1"});
  n.queue.run_until(5 * 60 * s);
  BOOST_TEST(n.toward(n.r2_d, n.r2).empty());  // d's reservation for s: no PATH, none
  const auto kept = n.toward(n.s_r1, n.r1);    // s's reservation for d's PATH
  BOOST_TEST_REQUIRE(kept.size() == 1u);
  BOOST_TEST((kept[0].session == Session{s_address, 6000, 17}));
  BOOST_TEST(kept[0].flowspec.token_rate == 20'000u);
  BOOST_TEST(n.last_told(receiver).indication.status == status::no_senders);
}

BOOST_AUTO_TEST_CASE(besteffort_sending_ends_path_and_notraffic_receiving_ends_resv) {
  SpNet n;
  reserve_between_s_and_d(n);
  auto qos = udp_receiver(endpoint(0, 5000), gqos::unspecified_flowspec(service::no_traffic));
  qos.qos_calls = 2;
  n.change(10 * s, n.d, receiver, qos);
  BOOST_TEST(n.sent_at(10 * s) == Lines{"ResvTear 3->2"});
  n.change(20 * s, n.s, sender,
           udp_sender(endpoint(s_address, 6000), endpoint(d_address, 5000),
                      gqos::unspecified_flowspec(service::best_effort)));
  BOOST_TEST(n.sent_at(20 * s) == Lines{"PathTear 0->1"});
}

BOOST_AUTO_TEST_CASE(no_qos_signaling_sends_no_path) {
  SpNet n;
  n.change(0, n.s, sender,
           udp_sender(endpoint(s_address, 6000), endpoint(d_address, 5000),
                      asking(service::controlled_load | service::no_qos_signaling_flag, 30'000)));
  n.queue.run_until(5 * 60 * s);
  BOOST_TEST(n.messages.lines.empty());
}

// D23 chosen otherwise: the SP stops refreshing and the state times out along the path.
BOOST_AUTO_TEST_CASE(without_explicit_teardown_the_state_times_out) {
  HostSpOptions options;
  options.explicit_teardown = false;
  SpNet n(options);
  reserve_between_s_and_d(n);
  auto qos =
      udp_sender(endpoint(s_address, 6000), endpoint(d_address, 5000), controlled_load(30'000));
  qos.closed = true;
  n.change(10 * s, n.s, sender, qos);
  BOOST_TEST(n.sent_at(10 * s).empty());
  n.queue.run_until(5 * 60 * s);
  BOOST_TEST(n.messages.count("sent", "PathTear") == 3u);  // the timeouts, hop by hop
  BOOST_TEST(n.net->state(n.d).psbs.empty());
  BOOST_TEST(n.last_told(receiver).indication.status == status::no_senders);
}
