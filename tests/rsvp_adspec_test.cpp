// ADSPEC composition hop by hop (RFC 2210, RFC 2215, RFC 2212's C and D), on values worked by hand.
#define BOOST_TEST_MODULE rsvp_adspec
#include <boost/test/unit_test.hpp>

#include "gqos/constants.hpp"
#include "rsvp/adspec.hpp"
#include "rsvp_fixture.hpp"

using namespace rsvp_test;

BOOST_AUTO_TEST_CASE(a_sender_starts_with_nothing_limiting_and_both_fragments) {
  const gqos::Adspec adspec = adspec_object(PathAdspec{});
  const gqos::AdGeneralParams& general = adspec.general_params;
  BOOST_TEST(general.intserv_aware_hop_count == 0u);
  BOOST_TEST(general.path_bandwidth_estimate == gqos::positive_infinity_rate);
  BOOST_TEST(general.minimum_latency == 0u);
  BOOST_TEST(general.path_mtu == gqos::qos_not_specified);
  BOOST_TEST(general.flags == 0u);
  BOOST_TEST_REQUIRE(adspec.services.size() == 2u);
  BOOST_TEST(adspec.services[0].service == gqos::service_type::guaranteed);
  BOOST_TEST(adspec.services[1].service == gqos::service_type::controlled_load);
  for (const gqos::ControlService& service : adspec.services) {
    BOOST_TEST(service.overrides.path_mtu == gqos::qos_not_specified);
    BOOST_TEST(service.overrides.flags == 0u);
  }
  BOOST_TEST(adspec.services[0].guaranteed.c_total == 0u);
  BOOST_TEST(adspec.services[0].guaranteed.d_total == 0u);
}

BOOST_AUTO_TEST_CASE(each_hop_adds_one_and_its_latency_c_and_d_and_keeps_the_minima) {
  PathAdspec adspec;
  compose_hop(adspec, gs_link(1'000'000, 2 * ms, 1500, 1500, 1 * ms));
  compose_hop(adspec, gs_link(125'000, 3 * ms, 576, 500, 500));
  compose_hop(adspec, gs_link(250'000, 0, 9000, 0, 0));
  const gqos::AdGeneralParams& general = adspec.general;
  BOOST_TEST(general.intserv_aware_hop_count == 3u);
  BOOST_TEST(general.path_bandwidth_estimate == 125'000u);
  BOOST_TEST(general.minimum_latency == 5'000u);
  BOOST_TEST(general.path_mtu == 576u);
  const gqos::AdGuaranteed& terms = adspec.guaranteed;
  BOOST_TEST(terms.c_total == 2'000u);
  BOOST_TEST(terms.d_total == 1'500u);
  // No reshaping point on the path: the sums since the last one are the totals.
  BOOST_TEST(terms.c_sum == 2'000u);
  BOOST_TEST(terms.d_sum == 1'500u);
  // The RSVP_ADSPEC carries them in the Guaranteed fragment; Controlled Load has no terms.
  const gqos::Adspec object = adspec_object(adspec);
  BOOST_TEST_REQUIRE(object.services.size() == 2u);
  BOOST_TEST(object.services[0].guaranteed.c_total == 2'000u);
  BOOST_TEST(object.services[0].guaranteed.d_sum == 1'500u);
  BOOST_TEST(object.services[1].guaranteed.c_total == 0u);
}

BOOST_AUTO_TEST_CASE(sums_stop_at_infinity) {
  PathAdspec adspec;
  compose_hop(adspec, gs_link(1'000, 0, 1500, 0xFFFF'0000u, 0xFFFF'0000));
  compose_hop(adspec, gs_link(1'000, 0, 1500, 0xFFFF'0000u, 0xFFFF'0000));
  BOOST_TEST(adspec.guaranteed.c_total == gqos::positive_infinity_rate);
  BOOST_TEST(adspec.guaranteed.d_total == gqos::positive_infinity_rate);
}
