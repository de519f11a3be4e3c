// Reservations: WF, FF and SE merging, admission control with blockade, confirmation, style and
// policy errors, and teardown. Every time is virtual and exact.
#define BOOST_TEST_MODULE rsvp_reservation
#include <boost/test/unit_test.hpp>
#include <memory>

#include "rsvp_fixture.hpp"

using namespace rsvp_test;

namespace {

constexpr Address group = 0xE0000001;  // 224.0.0.1

// s - r1 - m, m - d1, m - d2; 1 ms a link; r1 -> m may reserve `shared` bytes/s.
struct Branching {
  Topology t;
  NodeId s, r1, m, d1, d2;
  LinkId s_r1, r1_m, m_d1, m_d2;

  explicit Branching(std::uint64_t shared = 1'000'000) {
    s = t.add_host("s", 0x0A000001);
    r1 = t.add_router("r1", 0x0A0000F1);
    m = t.add_router("m", 0x0A0000F2);
    d1 = t.add_host("d1", 0x0A000002);
    d2 = t.add_host("d2", 0x0A000003);
    s_r1 = t.add_link(s, r1, link(1'000'000, 1 * ms));
    LinkSpec narrow = link(1'000'000, 1 * ms);
    narrow.reservable = shared;
    r1_m = t.add_link(r1, m, narrow);
    m_d1 = t.add_link(m, d1, link(1'000'000, 1 * ms));
    m_d2 = t.add_link(m, d2, link(1'000'000, 1 * ms));
  }
};

// s1 - r, s2 - r, r - d.
struct TwoSenders {
  Topology t;
  NodeId s1, s2, r, d;
  LinkId s1_r, s2_r, r_d;

  TwoSenders() {
    s1 = t.add_host("s1", 0x0A000001);
    s2 = t.add_host("s2", 0x0A000002);
    r = t.add_router("r", 0x0A0000F1);
    d = t.add_host("d", 0x0A000003);
    s1_r = t.add_link(s1, r, link(1'000'000, 1 * ms));
    s2_r = t.add_link(s2, r, link(1'000'000, 2 * ms));
    r_d = t.add_link(r, d, link(1'000'000, 1 * ms));
  }
};

ReservationRequest wf(std::uint32_t rate, bool confirm = false) {
  return ReservationRequest{Style::wf, {FlowDescriptor{flowspec(rate), {}}}, confirm};
}

}  // namespace

BOOST_AUTO_TEST_CASE(wf_merges_two_receivers_to_the_larger_request_on_the_shared_link) {
  engine::EventQueue queue;
  Branching b;
  Network net(queue, b.t);
  net.join(b.d1, group);
  net.join(b.d2, group);
  const Session session = session_to(group);
  net.start_sender(b.s, session, 6000, flowspec(50'000));
  net.reserve(b.d1, session, wf(10'000));
  net.reserve(b.d2, session, wf(30'000));
  queue.run_until(1 * s);

  BOOST_TEST(net.reserved(Interface{b.m_d1, b.m}) == 10'000u);
  BOOST_TEST(net.reserved(Interface{b.m_d2, b.m}) == 30'000u);
  BOOST_TEST(net.reserved(Interface{b.r1_m, b.r1}) == 30'000u);  // max, not sum
  BOOST_TEST(net.reserved(Interface{b.s_r1, b.s}) == 30'000u);
  const auto shared = net.reservations(Interface{b.r1_m, b.r1});
  BOOST_TEST_REQUIRE(shared.size() == 1u);
  BOOST_TEST(name_of(shared[0].style) == "WF");
  BOOST_TEST(shared[0].filters.empty());
  BOOST_TEST(net.state(b.m).rsbs.size() == 2u);  // one per downstream receiver
  BOOST_TEST(net.state(b.r1).rsbs.size() == 1u);

  // The larger receiver leaves: the shared link shrinks to the other's request.
  net.release(b.d2, session);
  queue.run_until(2 * s);
  BOOST_TEST(net.reserved(Interface{b.m_d2, b.m}) == 0u);
  BOOST_TEST(net.reserved(Interface{b.r1_m, b.r1}) == 10'000u);
}

BOOST_AUTO_TEST_CASE(ff_with_two_senders_keeps_two_reservations) {
  engine::EventQueue queue;
  TwoSenders two;
  Network net(queue, two.t);
  std::vector<std::string> log;
  Recorder at_s1(queue, "s1", log);
  net.set_host_observer(two.s1, &at_s1);
  const Session session = session_to(0x0A000003);
  net.start_sender(two.s1, session, 6001, flowspec(20'000));
  net.start_sender(two.s2, session, 6002, flowspec(20'000));
  net.reserve(two.d, session,
              ReservationRequest{Style::ff,
                                 {FlowDescriptor{flowspec(15'000), {SenderId{0x0A000001, 6001}}},
                                  FlowDescriptor{flowspec(5'000), {SenderId{0x0A000002, 6002}}}},
                                 false});
  queue.run_until(1 * s);

  const auto on_r_d = net.reservations(Interface{two.r_d, two.r});
  BOOST_TEST_REQUIRE(on_r_d.size() == 2u);
  BOOST_TEST(on_r_d[0].filters.front().port == 6001);
  BOOST_TEST(on_r_d[0].flowspec.token_rate == 15'000u);
  BOOST_TEST(on_r_d[1].filters.front().port == 6002);
  BOOST_TEST(on_r_d[1].flowspec.token_rate == 5'000u);
  BOOST_TEST(net.reserved(Interface{two.r_d, two.r}) == 20'000u);  // FF adds up
  BOOST_TEST(net.reserved(Interface{two.s1_r, two.s1}) == 15'000u);
  BOOST_TEST(net.reserved(Interface{two.s2_r, two.s2}) == 5'000u);
  // RESV reaches s1 over d -> r (1 ms) -> s1 (1 ms), after PATH took 2 ms: at 4 ms.
  BOOST_TEST((log == std::vector<std::string>{"4000 s1 reservation FF 15000"}));
}

BOOST_AUTO_TEST_CASE(se_shares_one_reservation_at_the_max_among_its_senders) {
  engine::EventQueue queue;
  TwoSenders two;
  Network net(queue, two.t);
  const Session session = session_to(0x0A000003);
  net.start_sender(two.s1, session, 6001, flowspec(20'000));
  net.start_sender(two.s2, session, 6002, flowspec(20'000));
  const SenderId one{0x0A000001, 6001};
  const SenderId two_id{0x0A000002, 6002};
  net.reserve(
      two.d, session,
      ReservationRequest{Style::se, {FlowDescriptor{flowspec(12'000), {one, two_id}}}, false});
  queue.run_until(1 * s);

  const auto on_r_d = net.reservations(Interface{two.r_d, two.r});
  BOOST_TEST_REQUIRE(on_r_d.size() == 1u);
  BOOST_TEST(name_of(on_r_d[0].style) == "SE");
  BOOST_TEST((on_r_d[0].filters == std::vector<SenderId>{one, two_id}));
  BOOST_TEST(net.reserved(Interface{two.r_d, two.r}) == 12'000u);  // shared, not 24,000
  // Upstream of r each sender's branch carries the shared request for that sender alone.
  const auto on_s1 = net.reservations(Interface{two.s1_r, two.s1});
  BOOST_TEST_REQUIRE(on_s1.size() == 1u);
  BOOST_TEST((on_s1[0].filters == std::vector<SenderId>{one}));
  BOOST_TEST(net.reserved(Interface{two.s2_r, two.s2}) == 12'000u);
}

BOOST_AUTO_TEST_CASE(admission_failure_at_a_bottleneck_reaches_the_receiver_and_blockades) {
  engine::EventQueue queue;
  Branching b(20'000);  // r1 -> m may reserve 20,000 bytes/s
  Network net(queue, b.t);
  std::vector<std::string> log;
  Recorder at_d1(queue, "d1", log);
  Recorder at_d2(queue, "d2", log);
  Recorder at_s(queue, "s", log);
  net.set_host_observer(b.d1, &at_d1);
  net.set_host_observer(b.d2, &at_d2);
  net.set_host_observer(b.s, &at_s);
  net.join(b.d1, group);
  net.join(b.d2, group);
  const Session session = session_to(group);
  net.start_sender(b.s, session, 6000, flowspec(50'000));
  queue.run_until(10 * ms);
  net.reserve(b.d1, session, wf(30'000));  // too large for r1 -> m
  queue.run_until(20 * ms);

  // d1's RESV fails at r1 at 12 ms; the ResvErr is back at d1 two links later.
  BOOST_TEST(net.reserved(Interface{b.r1_m, b.r1}) == 0u);
  BOOST_TEST(net.reserved(Interface{b.m_d1, b.m}) == 30'000u);  // downstream of the failure
  BOOST_TEST(count(log, "14000 d1 resv_err admission failure 30000") == 1u);
  // m keeps the blockade for the previous hop r1 (WF: for no one sender), Kb x R = 90 s.
  const auto& blockades = net.state(b.m).blockades;
  BOOST_TEST_REQUIRE(blockades.size() == 1u);
  const BlockadeKey key{session, b.r1, std::nullopt};
  BOOST_TEST_REQUIRE(blockades.count(key) == 1u);
  BOOST_TEST(blockades.at(key).flowspec.token_rate == 30'000u);
  BOOST_TEST(blockades.at(key).expires_us == 13 * ms + 90 * s);

  // d2 asks for less in every component: m leaves the blockaded request out of the merge, and
  // d2's fits.
  net.reserve(b.d2, session, ReservationRequest{Style::wf, {{smaller(15'000), {}}}, false});
  queue.run_until(30 * ms);
  BOOST_TEST(net.reserved(Interface{b.r1_m, b.r1}) == 15'000u);
  BOOST_TEST(net.reserved(Interface{b.s_r1, b.s}) == 15'000u);
  BOOST_TEST(count(log, "d2 resv_err") == 0u);
  BOOST_TEST(count(log, "23000 s reservation WF 15000") == 1u);
}

BOOST_AUTO_TEST_CASE(a_receiver_that_asked_gets_one_resv_conf) {
  engine::EventQueue queue;
  Branching b;
  Network net(queue, b.t);
  std::vector<std::string> log;
  Recorder at_d1(queue, "d1", log);
  net.set_host_observer(b.d1, &at_d1);
  const Session session = session_to(0x0A000002);  // unicast to d1
  net.start_sender(b.s, session, 6000, flowspec(50'000));
  net.reserve(b.d1, session, wf(10'000, true));
  queue.run_until(5 * 60 * s);
  // PATH at d1 at 3 ms sets off the RESV; at s at 6 ms; ResvConf back at d1 at 9 ms. Refreshes
  // afterwards ask for nothing more.
  BOOST_TEST(
      (log == std::vector<std::string>{"3000 d1 path 6000 rate 50000", "9000 d1 confirmed 10000"}));
}

BOOST_AUTO_TEST_CASE(conflicting_styles_fail_with_a_style_error) {
  engine::EventQueue queue;
  Branching b;
  Network net(queue, b.t);
  std::vector<std::string> log;
  Recorder at_d2(queue, "d2", log);
  net.set_host_observer(b.d2, &at_d2);
  net.join(b.d1, group);
  net.join(b.d2, group);
  const Session session = session_to(group);
  net.start_sender(b.s, session, 6000, flowspec(50'000));
  net.reserve(b.d1, session, wf(10'000));
  queue.run_until(10 * ms);
  net.reserve(
      b.d2, session,
      ReservationRequest{
          Style::ff, {FlowDescriptor{flowspec(5'000), {SenderId{0x0A000001, 6000}}}}, false});
  queue.run_until(20 * ms);
  BOOST_TEST(count(log, "12000 d2 resv_err conflicting style 5000") == 1u);
  BOOST_TEST(net.reserved(Interface{b.m_d2, b.m}) == 0u);
}

BOOST_AUTO_TEST_CASE(a_policy_refusal_fails_with_a_policy_error) {
  engine::EventQueue queue;
  Branching b;
  Network net(queue, b.t);
  std::vector<std::string> log;
  Recorder at_d1(queue, "d1", log);
  net.set_host_observer(b.d1, &at_d1);
  net.set_policy(b.r1, [](const Session&, const FlowDescriptor& d, const PolicyElements&) {
    return d.flowspec.token_rate <= 8'000;
  });
  const Session session = session_to(0x0A000002);
  net.start_sender(b.s, session, 6000, flowspec(50'000));
  net.reserve(b.d1, session, wf(10'000));
  queue.run_until(20 * ms);
  BOOST_TEST(count(log, "7000 d1 resv_err policy failure 10000") == 1u);
  BOOST_TEST(net.reserved(Interface{b.r1_m, b.r1}) == 0u);
}

// A sender refused by a node's policy (RFC 2205 section 2.5, Appendix B code 2 in a PathErr): its
// PATH goes no further and leaves no path state there; the sender's host hears the PathErr.
BOOST_AUTO_TEST_CASE(a_policy_refusing_a_sender_sends_a_path_err) {
  engine::EventQueue queue;
  Branching b;
  Network net(queue, b.t);
  std::vector<std::string> log;
  Recorder at_s(queue, "s", log);
  Recorder at_d1(queue, "d1", log);
  net.set_host_observer(b.s, &at_s);
  net.set_host_observer(b.d1, &at_d1);
  net.set_path_policy(b.r1, [](const Session&, const gqos::FlowSpec& tspec, const PolicyElements&) {
    return tspec.token_rate <= 8'000;
  });
  const Session session = session_to(0x0A000002);
  net.start_sender(b.s, session, 6000, flowspec(50'000));
  queue.run_until(20 * ms);
  BOOST_TEST(count(log, "s path_err policy failure") == 1u);
  BOOST_TEST(net.state(b.s).psbs.size() == 1u);  // its own, which it keeps refreshing
  BOOST_TEST(net.state(b.r1).psbs.empty());
  BOOST_TEST(net.state(b.m).psbs.empty());
  BOOST_TEST(count(log, "d1 path") == 0u);
  // A Tspec within the policy passes.
  net.start_sender(b.s, session, 6001, flowspec(8'000));
  queue.run_until(40 * ms);
  BOOST_TEST(net.state(b.r1).psbs.size() == 1u);
  BOOST_TEST(count(log, "d1 path 6001 rate 8000") == 1u);
}

BOOST_AUTO_TEST_CASE(path_tear_removes_state_downstream_at_once) {
  engine::EventQueue queue;
  Branching b;
  Network net(queue, b.t);
  std::vector<std::string> log;
  Recorder at_d1(queue, "d1", log);
  Recorder at_s(queue, "s", log);
  net.set_host_observer(b.d1, &at_d1);
  net.set_host_observer(b.s, &at_s);
  const Session session = session_to(0x0A000002);
  net.start_sender(b.s, session, 6000, flowspec(50'000));
  net.reserve(b.d1, session, wf(10'000));
  queue.run_until(1 * s);
  BOOST_TEST(net.state(b.m).psbs.size() == 1u);
  BOOST_TEST(net.reserved(Interface{b.r1_m, b.r1}) == 10'000u);

  net.stop_sender(b.s, session, 6000);
  BOOST_TEST(net.state(b.s).psbs.empty());
  BOOST_TEST(net.reserved(Interface{b.s_r1, b.s}) == 0u);  // no sender left behind it
  queue.run_until(1 * s + 1 * ms);
  BOOST_TEST(net.state(b.r1).psbs.empty());
  BOOST_TEST(net.reserved(Interface{b.r1_m, b.r1}) == 0u);
  BOOST_TEST(net.state(b.m).psbs.size() == 1u);  // the tear is one link further on
  queue.run_until(1 * s + 3 * ms);
  BOOST_TEST(net.state(b.m).psbs.empty());
  BOOST_TEST(net.state(b.d1).psbs.empty());
  BOOST_TEST(count(log, "1003000 d1 no_senders teardown") == 1u);
  // The sender released its session: its application hears nothing more of it, not even that
  // the reservations for it are gone.
  BOOST_TEST(count(log, "s no_reservations") == 0u);
}

BOOST_AUTO_TEST_CASE(resv_tear_removes_the_reservation_upstream) {
  engine::EventQueue queue;
  Branching b;
  Network net(queue, b.t);
  std::vector<std::string> log;
  Recorder at_s(queue, "s", log);
  net.set_host_observer(b.s, &at_s);
  MessageLog messages(queue);
  net.set_message_observer(&messages);
  const Session session = session_to(0x0A000002);
  net.start_sender(b.s, session, 6000, flowspec(50'000));
  net.reserve(b.d1, session, wf(10'000));
  queue.run_until(1 * s);
  net.release(b.d1, session);
  queue.run_until(1 * s + 3 * ms);
  BOOST_TEST(messages.count("recv", "ResvTear") == 3u);
  BOOST_TEST(net.state(b.r1).rsbs.empty());
  BOOST_TEST(net.reserved(Interface{b.s_r1, b.s}) == 0u);
  BOOST_TEST(count(log, "1003000 s no_reservations teardown") == 1u);
  BOOST_TEST(net.state(b.d1).psbs.size() == 1u);  // path state is the sender's, untouched
}
