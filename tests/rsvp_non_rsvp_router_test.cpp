// A router that does not run RSVP (RFC 2205 section 2.9): s - r1 - x - r2 - d with x forwarding
// every message untouched. Its neighbours take each other for previous and next hops, the
// ADSPEC's break bit is set past it, and teardown and errors still find their way through it.
#define BOOST_TEST_MODULE rsvp_non_rsvp_router
#include <boost/test/unit_test.hpp>

#include "rsvp_fixture.hpp"

using namespace rsvp_test;

namespace {

constexpr TimeUs second = rsvp_test::s;

struct Cloud {
  engine::EventQueue queue;
  NodeId sender = 0, r1 = 0, x = 0, r2 = 0, d = 0;
  LinkId s_r1 = 0, r1_x = 0, x_r2 = 0, r2_d = 0;
  std::unique_ptr<Network> net;
  MessageLog messages{queue};
  std::vector<std::string> log;
  Recorder at_d{queue, "d", log};
  const Session session = session_to(0x0A000002);

  explicit Cloud(std::uint64_t r1_x_reservable = 1'000'000) {
    Topology t;
    sender = t.add_host("s", 0x0A000001);
    r1 = t.add_router("r1", 0x0A0001F1);
    x = t.add_non_rsvp_router("x", 0x0A0001F9);
    r2 = t.add_router("r2", 0x0A0001F2);
    d = t.add_host("d", 0x0A000002);
    LinkSpec with_terms = link(1'000'000, 1 * ms);
    with_terms.c = 1000;
    with_terms.d_us = 1 * ms;
    s_r1 = t.add_link(sender, r1, with_terms);
    LinkSpec narrow = with_terms;
    narrow.reservable = r1_x_reservable;
    r1_x = t.add_link(r1, x, narrow);
    LinkSpec unseen = with_terms;
    unseen.mtu = 576;
    unseen.c = 5000;
    x_r2 = t.add_link(x, r2, unseen);
    r2_d = t.add_link(r2, d, with_terms);
    net = std::make_unique<Network>(queue, std::move(t));
    net->set_message_observer(&messages);
    net->set_host_observer(d, &at_d);
    net->start_sender(sender, session, 6000, flowspec(8000));
    net->reserve(d, session, {Style::wf, {{flowspec(8000), {}}}, false});
    queue.run_until(second);
  }
  const PathState& psb(NodeId node) const { return *net->state(node).psbs.front().second.path; }
};

}  // namespace

BOOST_AUTO_TEST_CASE(the_router_keeps_nothing_and_its_neighbours_take_each_other_for_hops) {
  Cloud cloud;
  BOOST_TEST(cloud.net->state(cloud.x).psbs.empty());
  BOOST_TEST(cloud.net->state(cloud.x).rsbs.empty());
  BOOST_REQUIRE(cloud.net->state(cloud.r2).psbs.size() == 1u);
  BOOST_TEST(*cloud.psb(cloud.r2).phop == cloud.r1);
  BOOST_TEST(*cloud.psb(cloud.r2).in_link == cloud.x_r2);
  // r1's request state names r2 as its next hop, on r1's link toward x.
  const auto& rsbs = cloud.net->state(cloud.r1).rsbs;
  BOOST_REQUIRE(rsbs.size() == 1u);
  BOOST_TEST(rsbs.front().first.second == cloud.r2);
  BOOST_TEST(*rsbs.front().second.resv->link == cloud.r1_x);
  BOOST_TEST(cloud.net->reserved({cloud.r1_x, cloud.r1}) == 8000u);
  BOOST_TEST(cloud.net->reserved({cloud.x_r2, cloud.x}) == 0u);
  BOOST_TEST(cloud.net->reserved({cloud.s_r1, cloud.sender}) == 8000u);
  // x put each on its next link, as the messages' own addresses route them.
  const std::string x = std::to_string(cloud.x);
  BOOST_TEST(cloud.messages.count("sent", "Path") == 4u);
  BOOST_TEST(cloud.messages.count("sent", "Resv") == 4u);
  BOOST_TEST(count(cloud.messages.lines, " sent Path " + x + "->") == 1u);
  BOOST_TEST(count(cloud.messages.lines, " sent Resv " + x + "->") == 1u);
}

BOOST_AUTO_TEST_CASE(past_the_router_the_adspec_has_its_break_bit_and_lacks_its_link) {
  Cloud cloud;
  const gqos::AdGeneralParams& at_r1 = cloud.psb(cloud.r1).adspec.general;
  BOOST_TEST(at_r1.flags == 0u);
  const gqos::AdGeneralParams& at_d = cloud.psb(cloud.d).adspec.general;
  BOOST_TEST(at_d.flags == gqos::ad_flag_break_bit);
  BOOST_TEST(at_d.intserv_aware_hop_count == 3u);  // s, r1, r2: x composed nothing
  BOOST_TEST(at_d.path_mtu == 1500u);              // x - r2's 576 unseen
  BOOST_TEST(cloud.psb(cloud.d).adspec.guaranteed.c_total == 3000u);
}

BOOST_AUTO_TEST_CASE(teardown_and_errors_cross_the_router_too) {
  Cloud refused(4000);  // r1 cannot admit 8000 toward x
  BOOST_TEST(count(refused.log, "d resv_err admission failure 8000") >= 1u);
  // r2 holds the blockade for r1, the previous hop the ResvErr came from past x.
  BOOST_TEST(has_blockade(refused.net->state(refused.r2), refused.session));
  BOOST_TEST(refused.net->state(refused.r2).blockades.begin()->first.phop == refused.r1);

  Cloud torn;
  torn.net->stop_sender(torn.sender, torn.session, 6000);
  torn.queue.run_until(2 * second);
  BOOST_TEST(torn.net->state(torn.r2).psbs.empty());
  BOOST_TEST(torn.net->state(torn.d).psbs.empty());
  BOOST_TEST(count(torn.log, "d no_senders teardown") == 1u);
}
