// A node's PSBs and RSBs by session, in the network's pool: each session's blocks in key order,
// found, added and erased without disturbing other sessions' or moving any block, erased places
// taken again, and every block destroyed with its table or its pool.
#define BOOST_TEST_MODULE rsvp_state_table
#include <boost/test/unit_test.hpp>
#include <iterator>
#include <vector>

#include "rsvp/state.hpp"

using namespace qosbed::rsvp;

namespace {

const Session to_d{0x0A000002, 5000, 17};
const Session to_d2{0x0A000002, 5002, 17};

SenderId sender(std::uint16_t port) {
  return SenderId{0x0A000001, port};
}

std::vector<std::uint16_t> ports_of(const PsbTable& psbs, const Session& session) {
  std::vector<std::uint16_t> ports;
  for (const auto& [key, psb] : psbs.of(session)) ports.push_back(key.second.port);
  return ports;
}

// Counts its live instances, for the pool's destruction.
struct Counted {
  explicit Counted(int& live) : live_(&live) { ++*live_; }
  Counted(const Counted& other) : live_(other.live_) { ++*live_; }
  Counted& operator=(const Counted&) = delete;
  ~Counted() { --*live_; }
  int* live_;
};

}  // namespace

BOOST_AUTO_TEST_CASE(a_sessions_blocks_are_in_key_order_whatever_order_they_came_in) {
  StateStore store;
  NodeState node(store);
  for (std::uint16_t port : {6003, 6001, 6004, 6002}) {
    BOOST_TEST(node.psbs.try_emplace(PsbKey{to_d, sender(port)}).second);
  }
  node.psbs.try_emplace(PsbKey{to_d2, sender(6000)});
  BOOST_TEST(!node.psbs.try_emplace(PsbKey{to_d, sender(6002)}).second);  // there already

  BOOST_TEST((ports_of(node.psbs, to_d) == std::vector<std::uint16_t>{6001, 6002, 6003, 6004}));
  BOOST_TEST((ports_of(node.psbs, to_d2) == std::vector<std::uint16_t>{6000}));
  BOOST_TEST((ports_of(node.psbs, Session{0x0A000003, 5000, 17}).empty()));
  BOOST_TEST(node.psbs.size() == 5u);
  BOOST_TEST(store.psbs.size() == 5u);
  BOOST_TEST(node.rsbs.empty());

  const auto sorted = node.psbs.sorted();
  BOOST_TEST_REQUIRE(sorted.size() == 5u);
  for (std::size_t i = 1; i < sorted.size(); ++i)
    BOOST_TEST((sorted[i - 1]->first < sorted[i]->first));
  BOOST_TEST((node.psbs.front().first == PsbKey{to_d, sender(6001)}));
}

BOOST_AUTO_TEST_CASE(finding_and_erasing_touch_only_the_block_named) {
  StateStore store;
  NodeState node(store);
  for (std::uint16_t port : {6001, 6002, 6003}) node.psbs.try_emplace(PsbKey{to_d, sender(port)});
  node.psbs.try_emplace(PsbKey{to_d2, sender(6002)});
  node.psbs.find(PsbKey{to_d, sender(6002)})->second.expiry.expires_us = 42;

  const NodeState& reader = node;
  BOOST_TEST(reader.psbs.at(PsbKey{to_d, sender(6002)}).expiry.expires_us == 42);
  BOOST_TEST(reader.psbs.at(PsbKey{to_d2, sender(6002)}).expiry.expires_us == 0);
  BOOST_TEST(!reader.psbs.contains(PsbKey{to_d, sender(6004)}));
  BOOST_TEST((reader.psbs.find(PsbKey{to_d, sender(6004)}) == reader.psbs.end()));
  BOOST_CHECK_THROW(reader.psbs.at(PsbKey{to_d2, sender(6001)}), std::out_of_range);

  BOOST_TEST(node.psbs.erase(PsbKey{to_d, sender(6002)}));  // the middle
  BOOST_TEST((ports_of(node.psbs, to_d) == std::vector<std::uint16_t>{6001, 6003}));
  BOOST_TEST(!node.psbs.erase(PsbKey{to_d, sender(6002)}));
  node.psbs.erase(node.psbs.find(PsbKey{to_d, sender(6001)}));  // the first
  BOOST_TEST((ports_of(node.psbs, to_d) == std::vector<std::uint16_t>{6003}));
  node.psbs.erase(PsbKey{to_d, sender(6003)});  // the last
  BOOST_TEST((node.psbs.of(to_d).begin() == std::default_sentinel));
  BOOST_TEST((ports_of(node.psbs, to_d2) == std::vector<std::uint16_t>{6002}));
  BOOST_TEST(node.psbs.size() == 1u);
  BOOST_TEST(store.psbs.size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_sessions_slots_live_while_it_has_blocks_or_hops_forwarded_to) {
  StateStore store;
  NodeState node(store);
  node.psbs.try_emplace(PsbKey{to_d, sender(6001)});
  node.set_installed(to_d);
  BOOST_TEST(node.installed(to_d));
  node.rsbs.try_emplace(RsbKey{to_d, 3});  // new state: what is installed may be out of date
  BOOST_TEST(!node.installed(to_d));
  node.set_installed(to_d);
  node.add_forwarded(to_d, 1);

  node.psbs.erase(PsbKey{to_d, sender(6001)});
  node.rsbs.erase(RsbKey{to_d, 3});
  BOOST_TEST(!node.installed(to_d));
  BOOST_TEST_REQUIRE(node.forwarded(to_d) != nullptr);  // kept for the ResvTear it owes
  BOOST_TEST(node.remove_forwarded(to_d, 1));
  BOOST_TEST(node.forwarded(to_d) == nullptr);
  BOOST_TEST(!node.remove_forwarded(to_d, 1));
}

BOOST_AUTO_TEST_CASE(blocks_stay_in_place_and_an_erased_place_is_taken_again) {
  StateStore store;
  NodeState node(store);
  std::vector<const RsbTable::Entry*> places;
  for (NodeId nhop = 0; nhop < 1000; ++nhop) {  // several chunks
    places.push_back(&*node.rsbs.try_emplace(RsbKey{to_d, nhop}).first);
  }
  for (NodeId nhop = 0; nhop < 1000; ++nhop) {
    BOOST_TEST((&*node.rsbs.find(RsbKey{to_d, nhop}) == places[nhop]));
  }
  const StateRef erased = node.rsbs.find(RsbKey{to_d, 500}).state();
  BOOST_TEST(erased.is_rsb());
  node.rsbs.erase(RsbKey{to_d, 500});
  const auto added = node.rsbs.try_emplace(RsbKey{to_d2, 7}).first;
  BOOST_TEST((added.state() == erased));
  BOOST_TEST((&store.rsb(erased) == &*added));
  BOOST_TEST(store.rsbs.size() == 1000u);
}

BOOST_AUTO_TEST_CASE(blocks_are_destroyed_with_their_table_or_their_pool) {
  int live = 0;
  {
    StatePool<Counted> pool;
    const PoolIndex a = pool.emplace(live);
    pool.emplace(live);
    pool.emplace(live);
    pool.erase(a);
    BOOST_TEST(live == 2);
    BOOST_TEST(pool.size() == 2u);
  }
  BOOST_TEST(live == 0);

  StateStore store;
  {
    NodeState node(store);
    node.psbs.try_emplace(PsbKey{to_d, sender(6001)});
    node.rsbs.try_emplace(RsbKey{to_d2, 1});
    BOOST_TEST(store.psbs.size() == 1u);
  }
  BOOST_TEST(store.psbs.size() == 0u);
  BOOST_TEST(store.rsbs.size() == 0u);
}
