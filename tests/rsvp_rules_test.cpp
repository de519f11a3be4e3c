// RFC 2205 and RFC 2209 to the letter where the model once took short cuts: PathTear matching
// the previous hop, ResvConf only for requests admitted all the way, blockade state per previous
// hop and sender with its expiry, admission on every installation, merging by the services'
// order, the error codes each error message may carry, and the refreshes state survives losing.
#define BOOST_TEST_MODULE rsvp_rules
#include <boost/test/unit_test.hpp>

#include "rsvp/merge.hpp"
#include "rsvp/sp_adapter.hpp"
#include "rsvp_fixture.hpp"
#include "rsvp_indication_adapter.hpp"

using namespace rsvp_test;
namespace status = gqos::status;

namespace {

constexpr Address group = 0xE0000001;

ReservationRequest wf(const gqos::FlowSpec& flowspec, bool confirm = false) {
  return ReservationRequest{Style::wf, {FlowDescriptor{flowspec, {}}}, confirm};
}

// s - a - d (1 + 1 ms) beside s - b - d (2 + 2 ms): routes go through a while s - a is up.
struct Diamond {
  Topology t;
  NodeId s, a, b, d;
  LinkId s_a, a_d, s_b, b_d;

  explicit Diamond(std::uint64_t s_a_reservable = 1'000'000) {
    s = t.add_host("s", 0x0A000001);
    a = t.add_router("a", 0x0A0000F1);
    b = t.add_router("b", 0x0A0000F2);
    d = t.add_host("d", 0x0A000002);
    LinkSpec first = link(1'000'000, 1 * ms);
    first.reservable = s_a_reservable;
    s_a = t.add_link(s, a, first);
    a_d = t.add_link(a, d, link(1'000'000, 1 * ms));
    s_b = t.add_link(s, b, link(1'000'000, 2 * ms));
    b_d = t.add_link(b, d, link(1'000'000, 2 * ms));
  }
};

// s - r1 - m, m - d1, m - d2; 1 ms a link; r1 -> m may reserve `shared` bytes/s.
struct Branching {
  Topology t;
  NodeId s, r1, m, d1, d2;
  LinkId s_r1, r1_m, m_d1, m_d2;

  explicit Branching(std::uint64_t shared) {
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

const Session to_d = session_to(0x0A000002);

}  // namespace

// RFC 2205 section 3.1.5: path state matches a PathTear only with its PHOP.
BOOST_AUTO_TEST_CASE(a_late_path_tear_from_the_old_hop_leaves_the_new_path_state) {
  engine::EventQueue queue;
  Diamond g;
  Network net(queue, g.t);
  std::vector<std::string> log;
  Recorder at_d(queue, "d", log);
  net.set_host_observer(g.d, &at_d);
  MessageLog messages(queue);
  net.set_message_observer(&messages);
  net.start_sender(g.s, to_d, 6000, flowspec(50'000));
  net.reserve(g.d, to_d, wf(flowspec(10'000)));
  queue.run_until(1 * s);
  net.set_link_up(g.s_a, false);  // s now reaches d over b; a's path state is left to time out
  queue.run_until(1 * s + 45 * s + 10 * ms);
  BOOST_TEST(*net.state(g.d).psbs.front().second.path->phop == g.b);
  queue.run_until(10 * 60 * s);
  // a's PSB timed out and a sent its PathTear on to d, which has path state from b: dropped.
  BOOST_TEST(messages.count("recv", "PathTear") == 1u);
  BOOST_TEST(net.state(g.a).psbs.empty());
  BOOST_TEST(net.state(g.d).psbs.size() == 1u);
  BOOST_TEST(count(log, "no_senders") == 0u);
  BOOST_TEST(net.reserved(Interface{g.b_d, g.b}) == 10'000u);
}

// RFC 2205 section 3.5: a request a blockade leaves out of the merge is not what goes upstream,
// so the sender's ResvConf is not for it.
BOOST_AUTO_TEST_CASE(no_resv_conf_for_a_request_a_blockade_left_out) {
  engine::EventQueue queue;
  Branching g(20'000);
  Network net(queue, g.t);
  std::vector<std::string> log;
  Recorder at_d1(queue, "d1", log);
  Recorder at_d2(queue, "d2", log);
  net.set_host_observer(g.d1, &at_d1);
  net.set_host_observer(g.d2, &at_d2);
  net.join(g.d1, group);
  net.join(g.d2, group);
  const Session session = session_to(group);
  net.start_sender(g.s, session, 6000, flowspec(50'000));
  net.reserve(g.d1, session, wf(smaller(10'000)));
  queue.run_until(10 * ms);
  net.reserve(g.d2, session, wf(flowspec(30'000), true));  // too large for r1 -> m
  queue.run_until(10 * 60 * s);
  BOOST_TEST(count(log, "d2 resv_err admission failure 30000") >= 1u);
  BOOST_TEST(count(log, "confirmed") == 0u);
  BOOST_TEST(net.reserved(Interface{g.r1_m, g.r1}) == 10'000u);  // d1's, merged without d2's
}

BOOST_AUTO_TEST_CASE(a_blockade_is_per_previous_hop_and_sender_and_deleted_after_kb_r) {
  engine::EventQueue queue;
  Branching g(20'000);
  Network net(queue, g.t);
  const Session session = session_to(0x0A000002);
  const SenderId sender{0x0A000001, 6000};
  net.start_sender(g.s, session, 6000, flowspec(50'000));
  net.reserve(g.d1, session, ReservationRequest{Style::ff, {{flowspec(30'000), {sender}}}, false});
  queue.run_until(6 * ms);  // the ResvErr from r1 reached m at 6 ms
  const auto& blockades = net.state(g.m).blockades;
  BOOST_TEST_REQUIRE(blockades.size() == 1u);
  const BlockadeKey key{session, g.r1, sender};
  BOOST_TEST_REQUIRE(blockades.count(key) == 1u);
  BOOST_TEST(blockades.at(key).expires_us == 6 * ms + 90 * s);
  BOOST_TEST(has_blockade(net.state(g.m), session));
  // Refreshes keep failing and keep it; once the receiver leaves, it is deleted Kb x R after the
  // last ResvErr refreshed it, at most 1.5 R before.
  queue.run_until(5 * 60 * s);
  BOOST_TEST(has_blockade(net.state(g.m), session));
  net.silence_receiver(g.d1, session);
  queue.run_until(5 * 60 * s + 90 * s + 10 * ms);
  BOOST_TEST(!has_blockade(net.state(g.m), session));
  BOOST_TEST(net.state(g.m).blockades.empty());
}

// RFC 2205 section 3.5: Qb blockades Qi when Qb is not strictly greater, i.e. when Qi is at least
// as large in some component; the token rate is one of five.
BOOST_AUTO_TEST_CASE(a_blockade_blocks_a_request_at_least_as_large_in_any_component) {
  const gqos::FlowSpec qb = flowspec(30'000);
  BOOST_TEST(blockades_request(qb, flowspec(30'000)));
  BOOST_TEST(!blockades_request(qb, smaller(10'000)));
  gqos::FlowSpec bucket = smaller(10'000);
  bucket.token_bucket_size = qb.token_bucket_size;
  BOOST_TEST(blockades_request(qb, bucket));
  gqos::FlowSpec packet = smaller(10'000);
  packet.max_sdu_size = 9000;
  BOOST_TEST(blockades_request(qb, packet));
  gqos::FlowSpec policed = smaller(10'000);
  policed.minimum_policed_size = 32;
  BOOST_TEST(blockades_request(qb, policed));
  gqos::FlowSpec peak = smaller(10'000);
  peak.peak_bandwidth = gqos::qos_not_specified;  // +infinity
  BOOST_TEST(blockades_request(qb, peak));
}

// RFC 2209 UPDATE TRAFFIC CONTROL: every installation goes through admission control, also the
// one a route change makes; one that does not fit keeps what was installed and sends ResvErr
// downstream, and no ResvConf comes back for it.
BOOST_AUTO_TEST_CASE(a_reinstallation_after_a_route_change_goes_through_admission) {
  engine::EventQueue queue;
  Diamond g(50'000);  // s -> a may reserve 50,000 bytes/s
  // A second receiver e behind a takes what s -> a has while the first session is away.
  const NodeId e = g.t.add_host("e", 0x0A000003);
  g.t.add_link(g.a, e, link(1'000'000, 1 * ms));
  Network net(queue, g.t);
  std::vector<std::string> log;
  Recorder at_d(queue, "d", log);
  net.set_host_observer(g.d, &at_d);
  net.start_sender(g.s, to_d, 6000, flowspec(50'000));
  net.reserve(g.d, to_d, wf(flowspec(40'000), true));
  queue.run_until(1 * s);
  BOOST_TEST(net.reserved(Interface{g.s_a, g.s}) == 40'000u);
  BOOST_TEST(count(log, "d confirmed 40000") == 1u);

  net.set_link_up(g.a_d, false);  // the session moves to s - b - d at its next PATH refresh
  queue.run_until(1 * s + 45 * s + 10 * ms);
  BOOST_TEST(net.reserved(Interface{g.s_a, g.s}) == 0u);
  const Session to_e = session_to(0x0A000003);
  net.start_sender(g.s, to_e, 6001, flowspec(40'000));
  net.reserve(e, to_e, wf(flowspec(40'000)));
  queue.run_until(1 * s + 46 * s);
  BOOST_TEST(net.reserved(Interface{g.s_a, g.s}) == 40'000u);

  // a - d comes back: the PATH returns to s - a - d, where s and a still hold the first
  // session's reservation state. Re-installing it on s -> a would take 80,000 of 50,000.
  net.set_link_up(g.a_d, true);
  queue.run_until(1 * s + 46 * s + 60 * s);
  BOOST_TEST(net.reserved(Interface{g.s_a, g.s}) == 40'000u);  // e's alone
  BOOST_TEST(count(log, "d resv_err admission failure 40000") >= 1u);
}

// RFC 2210 section 3, RFC 2211 and RFC 2212 "Ordering and Merging": each field by its service's
// rule, the service by the services' order.
BOOST_AUTO_TEST_CASE(merging_follows_the_services_order_and_each_fields_rule) {
  gqos::FlowSpec guaranteed = flowspec(10'000);
  guaranteed.service_type = gqos::service_type::guaranteed;
  guaranteed.delay_variation = 5'000;
  gqos::FlowSpec unspecified = flowspec(20'000);
  unspecified.service_type = gqos::qos_not_specified;
  unspecified.delay_variation = 8'000;
  const gqos::FlowSpec merged = lub(guaranteed, unspecified);
  BOOST_TEST(merged.service_type == gqos::service_type::guaranteed);  // not 0xFFFFFFFF
  BOOST_TEST(merged.token_rate == 20'000u);                           // r and R: the largest
  BOOST_TEST(merged.delay_variation == 5'000u);                       // S: the smallest
  BOOST_TEST((lub(unspecified, guaranteed) == merged));

  const gqos::FlowSpec controlled = flowspec(10'000);
  BOOST_TEST(lub(controlled, unspecified).service_type == gqos::service_type::controlled_load);
  BOOST_TEST(lub(controlled, guaranteed).service_type == gqos::service_type::guaranteed);
  gqos::FlowSpec best_effort = flowspec(10'000);
  best_effort.service_type = gqos::service_type::best_effort;
  BOOST_TEST(lub(best_effort, controlled).service_type == gqos::service_type::controlled_load);
  gqos::FlowSpec no_signalling = guaranteed;
  no_signalling.service_type |= gqos::service_type::no_qos_signaling_flag;
  BOOST_TEST(lub(no_signalling, controlled).service_type == no_signalling.service_type);
}

// RFC 2205 Appendix B: "Except where noted, these Error Codes may appear only in ResvErr".
BOOST_AUTO_TEST_CASE(path_err_carries_only_the_codes_appendix_b_allows_it) {
  BOOST_TEST(may_appear_in_path_err(ErrorCode::policy_failure));
  BOOST_TEST(may_appear_in_path_err(ErrorCode::conflicting_dest_ports));
  BOOST_TEST(!may_appear_in_path_err(ErrorCode::admission_failure));
  BOOST_TEST(!may_appear_in_path_err(ErrorCode::no_path));
  BOOST_TEST(!may_appear_in_path_err(ErrorCode::no_sender));
  BOOST_TEST(!may_appear_in_path_err(ErrorCode::conflicting_style));
}

// A RESV that reaches a node after its path state left: "No path information" (code 3), and the
// receiver's SP says WSA_QOS_GENERIC_ERROR [GQOS_RSVP, GQOS_NO_PATH].
BOOST_AUTO_TEST_CASE(a_resv_without_path_state_is_a_resv_err_no_path) {
  engine::EventQueue queue;
  Topology t;
  const NodeId src = t.add_host("s", 0x0A000001);
  const NodeId r = t.add_router("r", 0x0A0000F1);
  const NodeId d = t.add_host("d", 0x0A000002);
  t.add_link(src, r, link(1'000'000, 1 * ms));
  t.add_link(r, d, link(1'000'000, 1 * ms));
  Network net(queue, t);
  std::vector<gqos::Indication> seen;
  IndicationAdapter sp([&](const Session&, gqos::Indication i) { seen.push_back(std::move(i)); });
  net.set_host_observer(d, &sp);
  net.start_sender(src, to_d, 6000, flowspec(50'000));
  queue.run_until(1 * s);
  net.stop_sender(src, to_d, 6000);  // the PathTear is at r at 1 s + 1 ms, at d 1 ms later
  queue.run_until(1 * s + 1 * ms + 500);
  net.reserve(d, to_d, wf(flowspec(10'000)));  // d still has path state: its RESV goes to r
  queue.run_until(2 * s);
  BOOST_TEST_REQUIRE(seen.size() == 3u);  // SENDERS, the error, NO_SENDERS
  const auto& error = seen[2].status == status::generic_error ? seen[2] : seen[1];
  BOOST_TEST(error.status == status::generic_error);
  BOOST_TEST(error.extended_status1 == gqos::extended_status::rsvp);
  BOOST_TEST(error.extended_status2 == 56301u);  // GQOS_NO_PATH
  BOOST_TEST(error.receiving->token_rate == 10'000u);
}

// A PATH whose session conflicts with another's DstPort (RFC 2205 section 3.2): PathErr code 7,
// to the sender, whose SP says WSA_QOS_GENERIC_ERROR [GQOS_RSVP, GQOS_BAD_DSTPORT] with its
// Tspec in SendingFlowspec (docs/behaviour.md D20).
BOOST_AUTO_TEST_CASE(a_path_err_reaches_the_sender_as_an_indication_for_the_sender) {
  engine::EventQueue queue;
  Topology t;
  const NodeId s1 = t.add_host("s1", 0x0A000001);
  const NodeId s2 = t.add_host("s2", 0x0A000003);
  const NodeId r = t.add_router("r", 0x0A0000F1);
  const NodeId d = t.add_host("d", 0x0A000002);
  t.add_link(s1, r, link(1'000'000, 1 * ms));
  t.add_link(s2, r, link(1'000'000, 1 * ms));
  t.add_link(r, d, link(1'000'000, 1 * ms));
  Network net(queue, t);
  std::vector<gqos::Indication> seen;
  IndicationAdapter sp([&](const Session&, gqos::Indication i) { seen.push_back(std::move(i)); });
  net.set_host_observer(s2, &sp);
  net.start_sender(s1, to_d, 6000, flowspec(50'000));
  queue.run_until(1 * s);
  net.start_sender(s2, Session{0x0A000002, 0, 17}, 6001, flowspec(20'000));
  queue.run_until(2 * s);
  BOOST_TEST_REQUIRE(seen.size() == 1u);
  BOOST_TEST(seen[0].status == status::generic_error);
  BOOST_TEST(seen[0].extended_status1 == gqos::extended_status::rsvp);
  BOOST_TEST(seen[0].extended_status2 == 56305u);  // GQOS_BAD_DSTPORT
  BOOST_TEST_REQUIRE(seen[0].sending.has_value());
  BOOST_TEST(seen[0].sending->token_rate == 20'000u);
  BOOST_TEST(!seen[0].receiving);
  BOOST_TEST(net.state(d).psbs.size() == 1u);  // the conflicting PATH went no further than r

  // The session with a DstPort conflicts while any of its senders has path state at r; once
  // the last is gone, the session without has no conflict left.
  net.start_sender(s1, to_d, 6002, flowspec(50'000));
  queue.run_until(3 * s);
  net.stop_sender(s1, to_d, 6000);
  queue.run_until(4 * s);
  net.start_sender(s2, Session{0x0A000002, 0, 17}, 6001, flowspec(20'000));
  queue.run_until(5 * s);
  BOOST_TEST_REQUIRE(seen.size() == 2u);
  BOOST_TEST(seen[1].extended_status2 == 56305u);  // GQOS_BAD_DSTPORT again
  net.stop_sender(s1, to_d, 6002);
  queue.run_until(6 * s);
  net.start_sender(s2, Session{0x0A000002, 0, 17}, 6001, flowspec(20'000));
  queue.run_until(7 * s);
  BOOST_TEST(seen.size() == 2u);
  BOOST_TEST(
      net.state(d).psbs.contains(PsbKey{Session{0x0A000002, 0, 17}, SenderId{0x0A000003, 6001}}));
}

namespace {

// Loses exactly the PATHs numbered [first, first + n) that cross `link` from `from` (counted
// from 1), by giving the link a loss of 1 for those alone: a deterministic loss pattern.
class DropPaths final : public MessageObserver {
 public:
  DropPaths(Network& net, LinkId link, NodeId from, int first, int n)
      : net_(net), link_(link), from_(from), first_(first), n_(n) {}
  void on_sent(NodeId from, NodeId, LinkId link, const Message& message) override {
    if (link != link_ || from != from_ || !std::holds_alternative<Path>(message)) {
      net_.set_link_loss(link_, 0.0);
      return;
    }
    ++count_;
    net_.set_link_loss(link_, count_ >= first_ && count_ < first_ + n_ ? 1.0 : 0.0);
  }
  void on_received(NodeId, NodeId, LinkId, const Message&) override {}
  void on_dropped(NodeId, NodeId, LinkId, const Message&, Drop) override { ++lost; }
  int lost = 0;

 private:
  Network& net_;
  LinkId link_;
  NodeId from_;
  int first_;
  int n_;
  int count_ = 0;
};

// Whether d's path state survives losing `n` PATHs in a row on the middle link, with seed
// `seed`; `gap_us` is the longest time between two PATHs reaching d.
bool survives(int n, std::uint64_t seed, TimeUs& gap_us) {
  engine::EventQueue queue;
  Topology t;
  const NodeId src = t.add_host("s", 0x0A000001);
  const NodeId r1 = t.add_router("r1", 0x0A0000F1);
  const NodeId r2 = t.add_router("r2", 0x0A0000F2);
  const NodeId d = t.add_host("d", 0x0A000002);
  t.add_link(src, r1, link(1'000'000, 1 * ms));
  const LinkId middle = t.add_link(r1, r2, link(1'000'000, 1 * ms));
  t.add_link(r2, d, link(1'000'000, 1 * ms));
  Network net(queue, t, NetworkOptions{SoftStateTimes{30 * s, 3}, seed});
  DropPaths drop(net, middle, r1, 3, n);
  net.set_message_observer(&drop);
  std::vector<std::string> log;
  Recorder at_d(queue, "d", log);
  net.set_host_observer(d, &at_d);
  net.start_sender(src, to_d, 6000, flowspec(50'000));
  TimeUs last = 0;
  gap_us = 0;
  // Dead path state comes back with the next PATH: the gap then exceeds L.
  while (queue.now_us() < 20 * 60 * s && queue.run_next()) {
    if (net.state(d).psbs.empty()) continue;
    const TimeUs expires = net.state(d).psbs.front().second.expiry.expires_us;
    const TimeUs arrived = expires - net.lifetime_us();
    if (arrived != last) {
      if (last != 0) gap_us = std::max(gap_us, arrived - last);
      last = arrived;
    }
  }
  BOOST_TEST(drop.lost == n);
  return count(log, "no_senders") == 0;
}

}  // namespace

// RFC 2205 section 3.7: with L = (K + 0.5) x 1.5 R, K - 1 refreshes in a row may be lost. Here
// K = 3: two lost PATHs leave d at most 3 x 1.5 R = 135 s without one, under L = 157.5 s, for
// every seed. More losses kill the state exactly when the gap they leave exceeds L, which the
// jitter decides: 4 intervals of [R/2, 3R/2] (3 lost) rarely add up to more than L, 5 (4 lost)
// often.
BOOST_AUTO_TEST_CASE(state_survives_k_minus_1_lost_refreshes_and_more_only_by_the_jitter) {
  for (std::uint64_t seed = 1; seed <= 6; ++seed) {
    TimeUs gap = 0;
    BOOST_TEST(survives(2, seed, gap), "seed " << seed);
    BOOST_TEST(gap <= 3 * 45 * s);
  }
  for (int n : {3, 4}) {
    int kept = 0;
    int lost = 0;
    for (std::uint64_t seed = 1; seed <= 12; ++seed) {
      TimeUs gap = 0;
      const bool alive = survives(n, seed, gap);
      BOOST_TEST(alive == (gap <= 157'500'000), n << " lost, seed " << seed << ", gap " << gap);
      (alive ? kept : lost) += 1;
    }
    BOOST_TEST(kept > 0);
    if (n == 4) BOOST_TEST(lost > 0);
  }
}
