// The outgoing interfaces a PSB keeps: none, one in place, or a multicast fan-out, in routing's
// order, copied and compared like the list they stand for.
#define BOOST_TEST_MODULE rsvp_out_interfaces
#include <boost/test/unit_test.hpp>
#include <vector>

#include "rsvp/out_interfaces.hpp"

using namespace qosbed::rsvp;

BOOST_AUTO_TEST_CASE(none_one_and_several_keep_their_order) {
  OutInterfaces outs;
  BOOST_TEST(outs.empty());
  BOOST_TEST((outs == std::vector<Interface>{}));

  const std::vector<Interface> one{{3, 1}};
  outs.assign(one);
  BOOST_TEST(outs.size() == 1u);
  BOOST_TEST((outs == one));
  BOOST_TEST(outs.contains(Interface{3, 1}));
  BOOST_TEST(!outs.contains(Interface{3, 2}));

  const std::vector<Interface> fan_out{{7, 1}, {2, 1}, {5, 1}};  // not sorted: routing's order
  outs.assign(fan_out);
  BOOST_TEST((std::vector<Interface>(outs.begin(), outs.end()) == fan_out));
  BOOST_TEST((outs != one));
  BOOST_TEST(outs.contains(Interface{5, 1}));

  outs.assign(one);  // back to one, in place
  BOOST_TEST((outs == one));
  outs.assign({});
  BOOST_TEST(outs.empty());
}

BOOST_AUTO_TEST_CASE(copies_are_equal_and_independent) {
  OutInterfaces fan_out;
  fan_out.assign(std::vector<Interface>{{1, 0}, {2, 0}});
  OutInterfaces copy = fan_out;
  BOOST_TEST((copy == fan_out));
  copy.assign(std::vector<Interface>{{4, 0}});
  BOOST_TEST((fan_out == std::vector<Interface>{{1, 0}, {2, 0}}));

  OutInterfaces one;
  one.assign(std::vector<Interface>{{9, 3}});
  fan_out = one;
  BOOST_TEST((fan_out == one));
  OutInterfaces moved = std::move(fan_out);
  BOOST_TEST((moved == std::vector<Interface>{{9, 3}}));

  OutInterfaces three;  // from its own view
  three.assign(std::vector<Interface>{{1, 0}, {2, 0}, {3, 0}});
  three.assign(three.view());
  BOOST_TEST((three == std::vector<Interface>{{1, 0}, {2, 0}, {3, 0}}));
  three.assign(three.view().subspan(2));
  BOOST_TEST((three == std::vector<Interface>{{3, 0}}));
}
