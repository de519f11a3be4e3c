// The expiry list that holds every PSB's and RSB's cleanup timer: a refreshed state goes to the
// back, a silent local sender's goes to its place by expiry, and a deleted one leaves without
// disturbing the others.
#define BOOST_TEST_MODULE rsvp_expiry_list
#include <boost/test/unit_test.hpp>
#include <vector>

#include "rsvp/expiry_list.hpp"

using namespace qosbed::rsvp;

namespace {

struct States {
  StateStore store;
  NodeState node{store};

  StateRef psb(std::uint16_t port, qosbed::engine::TimeUs expires_us, std::uint64_t order) {
    const auto it = node.psbs.try_emplace(PsbKey{Session{0x0A000002, port, 17}, SenderId{}}).first;
    it->second.expiry.expires_us = expires_us;
    it->second.expiry.order = order;
    return it.state();
  }
  StateRef rsb(std::uint16_t port, qosbed::engine::TimeUs expires_us, std::uint64_t order) {
    const auto it = node.rsbs.try_emplace(RsbKey{Session{0x0A000002, port, 17}, 1}).first;
    it->second.expiry.expires_us = expires_us;
    it->second.expiry.order = order;
    return it.state();
  }
  Expiry& expiry_of(StateRef state) { return store.expiry(state); }

  // The states from front to back, checking the links both ways.
  std::vector<StateRef> in_order(const ExpiryList& list) {
    std::vector<StateRef> states;
    StateRef before;
    for (StateRef at = list.front(); at; at = expiry_of(at).next) {
      BOOST_TEST((expiry_of(at).prev == before));
      BOOST_TEST(list.contains(at));
      states.push_back(at);
      before = at;
    }
    return states;
  }
};

}  // namespace

BOOST_AUTO_TEST_CASE(a_state_ref_tells_a_psb_from_an_rsb) {
  States states;
  const StateRef p = states.psb(1, 10, 1);
  const StateRef r = states.rsb(1, 20, 2);
  BOOST_TEST(!p.is_rsb());
  BOOST_TEST(r.is_rsb());
  BOOST_TEST(&states.store.psb(p) ==
             &*states.node.psbs.find(PsbKey{Session{0x0A000002, 1, 17}, SenderId{}}));
  BOOST_TEST(&states.store.rsb(r) ==
             &*states.node.rsbs.find(RsbKey{Session{0x0A000002, 1, 17}, 1}));
  BOOST_TEST(states.expiry_of(r).expires_us == 20);
  BOOST_TEST(states.expiry_of(p).expires_us == 10);
  BOOST_TEST(!StateRef{});
}

BOOST_AUTO_TEST_CASE(refreshed_states_go_to_the_back_and_the_front_is_the_earliest) {
  States states;
  ExpiryList list(states.store);
  BOOST_TEST(list.empty());
  const StateRef a = states.psb(1, 100, 1);
  const StateRef b = states.rsb(1, 100, 2);
  const StateRef c = states.psb(2, 150, 3);
  list.move_to_back(a);
  list.move_to_back(b);
  list.move_to_back(c);
  BOOST_TEST((states.in_order(list) == std::vector{a, b, c}));

  // a is refreshed: it expires last now.
  states.expiry_of(a).expires_us = 200;
  states.expiry_of(a).order = 4;
  list.move_to_back(a);
  BOOST_TEST((states.in_order(list) == std::vector{b, c, a}));
  BOOST_TEST((list.front() == b));
}

BOOST_AUTO_TEST_CASE(removing_keeps_the_rest_linked_and_ignores_states_not_listed) {
  States states;
  ExpiryList list(states.store);
  const StateRef a = states.psb(1, 100, 1);
  const StateRef b = states.psb(2, 110, 2);
  const StateRef c = states.rsb(1, 120, 3);
  const StateRef idle = states.rsb(2, 0, 0);
  for (StateRef s : {a, b, c}) list.move_to_back(s);

  list.remove(b);  // the middle
  BOOST_TEST((states.in_order(list) == std::vector{a, c}));
  BOOST_TEST(!list.contains(b));
  BOOST_TEST(!states.expiry_of(b).prev);
  BOOST_TEST(!states.expiry_of(b).next);
  list.remove(b);  // twice
  list.remove(idle);
  BOOST_TEST((states.in_order(list) == std::vector{a, c}));

  list.remove(c);  // the back: a new state still goes after a
  list.move_to_back(b);
  BOOST_TEST((states.in_order(list) == std::vector{a, b}));
  list.remove(a);  // the front
  BOOST_TEST((states.in_order(list) == std::vector{b}));
  BOOST_TEST(list.contains(b));  // all of it
  list.clear();
  BOOST_TEST(list.empty());
  BOOST_TEST(!list.contains(b));
}

BOOST_AUTO_TEST_CASE(a_silent_sender_goes_to_its_place_by_expiry_then_order) {
  States states;
  ExpiryList list(states.store);
  const StateRef a = states.rsb(1, 100, 1);
  const StateRef b = states.rsb(2, 120, 5);
  const StateRef c = states.rsb(3, 140, 9);
  for (StateRef s : {a, b, c}) list.move_to_back(s);

  // Its last PATH was before b's refresh; its order is taken when it falls silent, after all.
  const StateRef silent = states.psb(1, 120, 12);
  list.insert_in_order(silent);
  BOOST_TEST((states.in_order(list) == std::vector{a, b, silent, c}));

  const StateRef first = states.psb(2, 90, 13);  // before every other
  list.insert_in_order(first);
  BOOST_TEST((states.in_order(list) == std::vector{first, a, b, silent, c}));

  const StateRef last = states.psb(3, 150, 14);
  list.insert_in_order(last);
  BOOST_TEST((states.in_order(list) == std::vector{first, a, b, silent, c, last}));
}
