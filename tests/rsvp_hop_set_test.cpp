// HopSet against std::set: the same insertions and erasures give the same answers and the same
// contents in the same order, whether the smallest hop is inserted or erased.
#define BOOST_TEST_MODULE rsvp_hop_set
#include <boost/test/unit_test.hpp>
#include <random>
#include <set>
#include <vector>

#include "rsvp/hop_set.hpp"

using qosbed::rsvp::HopSet;
using qosbed::rsvp::NodeId;

namespace {

std::vector<NodeId> contents(const HopSet& hops) {
  std::vector<NodeId> out;
  hops.for_each([&out](NodeId hop) { out.push_back(hop); });
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(one_hop_in_and_out) {
  HopSet hops;
  BOOST_TEST(hops.empty());
  BOOST_TEST(hops.insert(4));
  BOOST_TEST(!hops.insert(4));
  BOOST_TEST(!hops.empty());
  BOOST_TEST(!hops.erase(3));
  BOOST_TEST(hops.erase(4));
  BOOST_TEST(!hops.erase(4));
  BOOST_TEST(hops.empty());
}

BOOST_AUTO_TEST_CASE(random_inserts_and_erasures_match_std_set) {
  HopSet hops;
  std::set<NodeId> model;
  std::mt19937 random(2205);
  // Few distinct hops, so the smallest changes often in both directions.
  std::uniform_int_distribution<NodeId> hop(0, 9);
  for (int round = 0; round < 100'000; ++round) {
    const NodeId h = hop(random);
    if (random() % 2 == 0) {
      BOOST_REQUIRE(hops.insert(h) == model.insert(h).second);
    } else {
      BOOST_REQUIRE(hops.erase(h) == (model.erase(h) == 1));
    }
    BOOST_REQUIRE(hops.empty() == model.empty());
    BOOST_REQUIRE(contents(hops) == std::vector<NodeId>(model.begin(), model.end()));
  }
}

BOOST_AUTO_TEST_CASE(a_set_moves_whole_and_leaves_its_source_empty) {
  HopSet many;
  for (NodeId h : {7, 3, 5}) many.insert(h);
  HopSet moved(std::move(many));
  BOOST_TEST(many.empty());
  BOOST_TEST((contents(moved) == std::vector<NodeId>{3, 5, 7}));

  HopSet one;
  one.insert(9);
  moved = std::move(one);  // the three it held are freed (AddressSanitizer would see a leak)
  BOOST_TEST((contents(moved) == std::vector<NodeId>{9}));
  BOOST_TEST(one.empty());

  HopSet two;
  two.insert(1);
  two.insert(2);
  BOOST_TEST(two.erase(1));  // back to one hop, in the word
  BOOST_TEST((contents(two) == std::vector<NodeId>{2}));
  BOOST_TEST(sizeof(HopSet) == 8u);
}
