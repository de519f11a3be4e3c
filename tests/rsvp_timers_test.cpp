// Soft state on the virtual clock: timeouts after exactly L, refresh through loss, reservations
// following a route change, and the same seed giving the same run.
#define BOOST_TEST_MODULE rsvp_timers
#include <boost/test/unit_test.hpp>

#include "rsvp_fixture.hpp"

using namespace rsvp_test;

namespace {

// s - r1 - r2 - d, 1 ms a link.
struct Chain {
  Topology t;
  NodeId s, r1, r2, d;
  LinkId s_r1, r1_r2, r2_d;

  explicit Chain(double middle_loss = 0.0) {
    s = t.add_host("s", 0x0A000001);
    r1 = t.add_router("r1", 0x0A0000F1);
    r2 = t.add_router("r2", 0x0A0000F2);
    d = t.add_host("d", 0x0A000002);
    s_r1 = t.add_link(s, r1, link(1'000'000, 1 * ms));
    r1_r2 = t.add_link(r1, r2, link(1'000'000, 1 * ms, middle_loss));
    r2_d = t.add_link(r2, d, link(1'000'000, 1 * ms));
  }
};

const Session to_d = session_to(0x0A000002);

ReservationRequest wf(std::uint32_t rate) {
  return ReservationRequest{Style::wf, {FlowDescriptor{flowspec(rate), {}}}, false};
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_silent_sender_times_out_into_no_senders_after_the_lifetime) {
  engine::EventQueue queue;
  Chain c;
  Network net(queue, c.t);
  BOOST_TEST(net.lifetime_us() == 157'500'000);
  std::vector<std::string> log;
  Recorder at_d(queue, "d", log);
  Recorder at_s(queue, "s", log);
  net.set_host_observer(c.d, &at_d);
  net.set_host_observer(c.s, &at_s);
  net.start_sender(c.s, to_d, 6000, flowspec(50'000));
  net.reserve(c.d, to_d, wf(10'000));
  queue.run_until(1 * ms);
  net.silence_sender(c.s, to_d, 6000);  // the PATH of 0 ms is its last
  queue.run_until(10 * 60 * s);

  // The PATH reached d at 3 ms; its state there lives L = 157.5 s after that, to the microsecond.
  BOOST_TEST(count(log, "d no_senders") == 1u);
  BOOST_TEST(count(log, "157503000 d no_senders timeout") == 1u);
  BOOST_TEST(net.state(c.r1).psbs.empty());
  BOOST_TEST(net.state(c.d).psbs.empty());
  BOOST_TEST(net.reserved(Interface{c.r2_d, c.r2}) == 0u);
}

BOOST_AUTO_TEST_CASE(state_at_each_node_lives_l_after_its_last_refresh) {
  engine::EventQueue queue;
  Chain c;
  Network net(queue, c.t);
  net.start_sender(c.s, to_d, 6000, flowspec(50'000));
  queue.run_until(0);
  net.silence_sender(c.s, to_d, 6000);
  queue.run_until(3 * ms);
  BOOST_TEST(net.state(c.r1).psbs.front().second.expiry.expires_us == 1 * ms + 157'500'000);
  BOOST_TEST(net.state(c.d).psbs.front().second.expiry.expires_us == 3 * ms + 157'500'000);
  queue.run_until(1 * ms + 157'500'000 - 1);
  BOOST_TEST(net.state(c.r1).psbs.size() == 1u);
  queue.run_until(1 * ms + 157'500'000);
  BOOST_TEST(net.state(c.r1).psbs.empty());
}

// A sender that falls silent leaves path state at its own host that expires L after its last
// PATH: earlier than the state downstream, refreshed by that PATH a hop later, whose expiry was
// due first until then.
BOOST_AUTO_TEST_CASE(a_silent_senders_own_state_expires_before_state_refreshed_after_it) {
  engine::EventQueue queue;
  Chain c;
  Network net(queue, c.t);
  net.start_sender(c.s, to_d, 6000, flowspec(50'000));
  queue.run_until(2 * ms);  // PSBs at r1 (1 ms) and r2 (2 ms)
  net.silence_sender(c.s, to_d, 6000);
  BOOST_TEST(net.state(c.s).psbs.front().second.expiry.expires_us == 157'500'000);
  queue.run_until(157'500'000 - 1);
  BOOST_TEST(net.state(c.s).psbs.size() == 1u);
  BOOST_TEST(net.state(c.r1).psbs.size() == 1u);
  queue.run_until(157'500'000);
  BOOST_TEST(net.state(c.s).psbs.empty());
  // Its PathTear is on its way; r1's own timer would have taken it 1 ms later.
  BOOST_TEST(net.state(c.r1).psbs.size() == 1u);
  queue.run_until(157'500'000 + 1 * ms);
  BOOST_TEST(net.state(c.r1).psbs.empty());
}

BOOST_AUTO_TEST_CASE(refreshes_keep_state_for_as_long_as_they_come) {
  engine::EventQueue queue;
  Chain c;
  Network net(queue, c.t);
  std::vector<std::string> log;
  Recorder at_d(queue, "d", log);
  Recorder at_s(queue, "s", log);
  net.set_host_observer(c.d, &at_d);
  net.set_host_observer(c.s, &at_s);
  MessageLog messages(queue);
  net.set_message_observer(&messages);
  net.start_sender(c.s, to_d, 6000, flowspec(50'000));
  net.reserve(c.d, to_d, wf(10'000));
  queue.run_until(60 * 60 * s);
  BOOST_TEST((log == std::vector<std::string>{"3000 d path 6000 rate 50000",
                                              "6000 s reservation WF 10000"}));
  // About one PATH a sender per R: 3600 s / 30 s = 120, with jitter.
  const auto paths = messages.count("sent", "Path") / 3;
  BOOST_TEST(paths > 100u);
  BOOST_TEST(paths < 140u);
}

// State dies only when every refresh within L is lost: at 30% on one link that happens about once
// an hour for some seeds (3, 5, 6, 8-11 of 1-12 lose it within the hour), not for seed 1.
BOOST_AUTO_TEST_CASE(thirty_percent_loss_with_k_3_keeps_state_alive_for_seed_1) {
  engine::EventQueue queue;
  Chain c(0.3);  // r1 - r2 loses 30% of messages, both ways
  Network net(queue, c.t, NetworkOptions{SoftStateTimes{30 * s, 3}, 1});
  BOOST_TEST(net.seed() == 1u);
  std::vector<std::string> log;
  Recorder at_d(queue, "d", log);
  Recorder at_s(queue, "s", log);
  net.set_host_observer(c.d, &at_d);
  net.set_host_observer(c.s, &at_s);
  MessageLog messages(queue);
  net.set_message_observer(&messages);
  net.start_sender(c.s, to_d, 6000, flowspec(50'000));
  net.reserve(c.d, to_d, wf(10'000));
  queue.run_until(60 * 60 * s);

  const auto lost = messages.count("lost", "Path") + messages.count("lost", "Resv");
  const auto sent = messages.count("sent", "Path") / 3 + messages.count("sent", "Resv") / 3;
  BOOST_TEST(lost > sent / 5);  // the loss is real: around 30% of what crosses r1 - r2
  BOOST_TEST(lost < sent * 2 / 5);
  BOOST_TEST(count(log, "no_senders") == 0u);
  BOOST_TEST(count(log, "no_reservations") == 0u);
  BOOST_TEST(net.reserved(Interface{c.r1_r2, c.r1}) == 10'000u);
  BOOST_TEST(net.state(c.d).psbs.size() == 1u);
}

BOOST_AUTO_TEST_CASE(the_same_seed_gives_the_same_run) {
  auto run = [](std::uint64_t seed) {
    engine::EventQueue queue;
    Chain c(0.3);
    Network net(queue, c.t, NetworkOptions{SoftStateTimes{}, seed});
    MessageLog messages(queue);
    net.set_message_observer(&messages);
    net.start_sender(c.s, to_d, 6000, flowspec(50'000));
    net.reserve(c.d, to_d, wf(10'000));
    queue.run_until(30 * 60 * s);
    return messages.lines;
  };
  const auto first = run(11);
  BOOST_TEST(first.size() > 100u);
  BOOST_TEST((run(11) == first));
  BOOST_TEST((run(12) != first));
}

// s - a - d (1 + 1 ms) beside s - b - d (2 + 2 ms): the route goes through a until a - d fails.
BOOST_AUTO_TEST_CASE(a_link_failure_moves_the_reservation_to_the_new_route_after_a_refresh) {
  engine::EventQueue queue;
  Topology t;
  const NodeId src = t.add_host("s", 0x0A000001);
  const NodeId a = t.add_router("a", 0x0A0000F1);
  const NodeId b = t.add_router("b", 0x0A0000F2);
  const NodeId d = t.add_host("d", 0x0A000002);
  const LinkId s_a = t.add_link(src, a, link(1'000'000, 1 * ms));
  const LinkId a_d = t.add_link(a, d, link(1'000'000, 1 * ms));
  const LinkId s_b = t.add_link(src, b, link(1'000'000, 2 * ms));
  const LinkId b_d = t.add_link(b, d, link(1'000'000, 2 * ms));
  Network net(queue, t);
  std::vector<std::string> log;
  Recorder at_d(queue, "d", log);
  net.set_host_observer(d, &at_d);
  net.start_sender(src, to_d, 6000, flowspec(50'000));
  net.reserve(d, to_d, wf(10'000));
  queue.run_until(1 * s);
  BOOST_TEST(net.reserved(Interface{a_d, a}) == 10'000u);
  BOOST_TEST(net.reserved(Interface{s_b, src}) == 0u);

  net.set_link_up(a_d, false);
  BOOST_TEST(*net.state(d).psbs.front().second.path->phop == a);
  // The next PATH refresh (at most 1.5 R later) takes s - b - d; d answers it at once.
  queue.run_until(1 * s + 45 * s + 8 * ms);
  BOOST_TEST(*net.state(d).psbs.front().second.path->phop == b);
  BOOST_TEST(net.reserved(Interface{b_d, b}) == 10'000u);
  BOOST_TEST(net.reserved(Interface{s_b, src}) == 10'000u);
  BOOST_TEST(net.reserved(Interface{s_a, src}) == 0u);  // s no longer sends that way
  BOOST_TEST(count(log, "d path 6000") == 2u);          // new previous hop: a new PATH state
  BOOST_TEST(count(log, "no_senders") == 0u);
  // a keeps what it has until its state times out: soft state, nobody tears it down.
  BOOST_TEST(net.reserved(Interface{a_d, a}) == 10'000u);
  queue.run_until(1 * s + 200 * s);
  BOOST_TEST(net.reserved(Interface{a_d, a}) == 0u);
  BOOST_TEST(net.state(a).psbs.empty());
  BOOST_TEST(net.reserved(Interface{b_d, b}) == 10'000u);
}

// No route to the destination is no RSVP error (RFC 2205 Appendix B has no code for it): the
// PATH goes nowhere and the path state waits for a route, which the next refresh takes.
BOOST_AUTO_TEST_CASE(a_path_with_no_route_is_no_error_and_goes_on_once_there_is_one) {
  engine::EventQueue queue;
  Chain c;
  Network net(queue, c.t);
  std::vector<std::string> log;
  Recorder at_s(queue, "s", log);
  Recorder at_d(queue, "d", log);
  net.set_host_observer(c.s, &at_s);
  net.set_host_observer(c.d, &at_d);
  MessageLog messages(queue);
  net.set_message_observer(&messages);
  net.set_link_up(c.r2_d, false);
  net.start_sender(c.s, to_d, 6000, flowspec(50'000));
  queue.run_until(1 * s);
  // Routes are global: s already knows d is unreachable and sends nothing; nobody hears of it.
  BOOST_TEST(log.empty());
  BOOST_TEST(messages.lines.empty());
  BOOST_TEST(net.state(c.s).psbs.size() == 1u);
  BOOST_TEST(net.state(c.r1).psbs.empty());
  net.set_link_up(c.r2_d, true);
  queue.run_until(1 * s + 45 * s + 3 * ms);  // the next refresh, at most 1.5 R later
  BOOST_TEST(count(log, "d path 6000") == 1u);
  BOOST_TEST(messages.count("sent", "PathErr") == 0u);
}

BOOST_AUTO_TEST_CASE(the_network_cancels_its_events_when_destroyed) {
  engine::EventQueue queue;
  {
    Chain c;
    Network net(queue, c.t);
    net.start_sender(c.s, to_d, 6000, flowspec(50'000));
    BOOST_TEST(queue.size() > 0u);
  }
  BOOST_TEST(queue.size() == 0u);
  BOOST_TEST(!queue.run_next());
}
