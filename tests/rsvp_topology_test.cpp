// Topology and routing: shortest path by delay with deterministic ties, hosts never transit,
// routes recomputed when a link goes down or up.
#define BOOST_TEST_MODULE rsvp_topology
#include <boost/test/unit_test.hpp>
#include <stdexcept>

#include "rsvp/routing.hpp"
#include "rsvp/topology.hpp"
#include "rsvp_fixture.hpp"

using namespace rsvp_test;

BOOST_AUTO_TEST_CASE(links_are_checked_and_found) {
  Topology t;
  const NodeId a = t.add_host("a", 0x0A000001);
  const NodeId r = t.add_router("r", 0x0A0000FE);
  const LinkId l = t.add_link(a, r, link(1'000'000, 2 * ms));
  BOOST_TEST(t.link(l).reservable() == 1'000'000u);
  BOOST_TEST(t.link(l).other_end(a) == r);
  BOOST_TEST(*t.link_between(r, a) == l);
  BOOST_TEST(*t.find_address(0x0A0000FE) == r);
  BOOST_TEST(*t.find_name("a") == a);
  BOOST_CHECK_THROW(t.add_link(a, a, link(1, 1)), std::invalid_argument);
  BOOST_CHECK_THROW(t.add_link(a, 9, link(1, 1)), std::invalid_argument);
  BOOST_CHECK_THROW(t.add_link(a, r, link(1, 1, 1.5)), std::invalid_argument);
  LinkSpec limited = link(1'000'000, 1);
  limited.reservable = 250'000;
  BOOST_TEST(t.link(t.add_link(a, r, limited)).reservable() == 250'000u);
}

// s - a - d (2 + 2 ms) beside s - b - c - d (1 + 1 + 1 ms): delay wins over hop count.
BOOST_AUTO_TEST_CASE(the_shortest_path_is_by_delay_and_follows_link_changes) {
  Topology t;
  const NodeId s = t.add_host("s", 1);
  const NodeId a = t.add_router("a", 2);
  const NodeId b = t.add_router("b", 3);
  const NodeId c = t.add_router("c", 4);
  const NodeId d = t.add_host("d", 5);
  const LinkId sa = t.add_link(s, a, link(1'000'000, 2 * ms));
  t.add_link(a, d, link(1'000'000, 2 * ms));
  const LinkId sb = t.add_link(s, b, link(1'000'000, 1 * ms));
  const LinkId bc = t.add_link(b, c, link(1'000'000, 1 * ms));
  t.add_link(c, d, link(1'000'000, 1 * ms));
  Routing routing(t);
  BOOST_TEST((routing.path(s, d) == std::vector<NodeId>{s, b, c, d}));
  BOOST_TEST(routing.next_hop(s, d)->link == sb);
  BOOST_TEST(!routing.next_hop(s, s));

  t.link(bc).up = false;
  routing.forget();
  BOOST_TEST((routing.path(s, d) == std::vector<NodeId>{s, a, d}));
  BOOST_TEST(routing.next_hop(s, d)->link == sa);

  t.link(sa).up = false;
  routing.forget();
  BOOST_TEST(routing.path(s, d).empty());
  BOOST_TEST(!routing.next_hop(s, d));
}

BOOST_AUTO_TEST_CASE(equal_delays_prefer_fewer_hops_then_the_lower_link) {
  Topology t;
  const NodeId s = t.add_host("s", 1);
  const NodeId a = t.add_router("a", 2);
  const NodeId b = t.add_router("b", 3);
  const NodeId c = t.add_router("c", 4);
  const NodeId d = t.add_host("d", 5);
  t.add_link(s, a, link(1, 2 * ms));  // s-a-d: 4 ms, 2 hops
  t.add_link(a, d, link(1, 2 * ms));
  t.add_link(s, b, link(1, 1 * ms));  // s-b-c-d: 4 ms, 3 hops
  t.add_link(b, c, link(1, 2 * ms));
  t.add_link(c, d, link(1, 1 * ms));
  const NodeId e = t.add_router("e", 6);
  t.add_link(s, e, link(1, 2 * ms));  // s-e-d: 4 ms, 2 hops, added later
  t.add_link(e, d, link(1, 2 * ms));
  Routing routing(t);
  BOOST_TEST((routing.path(s, d) == std::vector<NodeId>{s, a, d}));
}

BOOST_AUTO_TEST_CASE(hosts_are_never_transit_nodes) {
  Topology t;
  const NodeId s = t.add_host("s", 1);
  const NodeId h = t.add_host("h", 2);
  const NodeId r = t.add_router("r", 3);
  const NodeId d = t.add_host("d", 4);
  t.add_link(s, h, link(1, 1));
  t.add_link(h, d, link(1, 1));
  t.add_link(s, r, link(1, 5 * ms));
  t.add_link(r, d, link(1, 5 * ms));
  Routing routing(t);
  BOOST_TEST((routing.path(s, d) == std::vector<NodeId>{s, r, d}));
  BOOST_TEST((routing.path(s, h) == std::vector<NodeId>{s, h}));
}
