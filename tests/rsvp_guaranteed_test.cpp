// RFC 2212's delay bound on values worked by hand, in both cases and at their edges.
#define BOOST_TEST_MODULE rsvp_guaranteed
#include <boost/test/unit_test.hpp>
#include <cmath>

#include "gqos/constants.hpp"
#include "rsvp/guaranteed.hpp"

namespace tt = boost::test_tools;
using qosbed::rsvp::delay_bound;
using qosbed::rsvp::TokenBucket;

// r 10000 B/s, b 4000 B, M 1000 B; p as each case needs.
constexpr TokenBucket bucket(double peak) {
  return TokenBucket{10'000, 4'000, peak, 1'000};
}

BOOST_AUTO_TEST_CASE(peak_above_the_reserved_rate) {
  // (4000 - 1000)/20000 * (40000 - 20000)/(40000 - 10000) = 0.15 s * 2/3 = 100000 us;
  // (1000 + 3000)/20000 = 200000 us; + Dtot 2000 us = 302000 us.
  const auto bound = delay_bound(bucket(40'000), 20'000, 3'000, 2'000);
  BOOST_TEST_REQUIRE(bound.has_value());
  BOOST_TEST(bound->peak_above_rate);
  BOOST_TEST(bound->burst_us == 100'000.0, tt::tolerance(1e-9));
  BOOST_TEST(bound->packet_us == 200'000.0, tt::tolerance(1e-9));
  BOOST_TEST(bound->d_tot_us == 2'000.0);
  BOOST_TEST(bound->total_us() == 302'000.0, tt::tolerance(1e-9));
}

BOOST_AUTO_TEST_CASE(reserved_rate_at_least_the_peak) {
  // (1000 + 1500)/25000 = 100000 us; + 1000 us.
  const auto bound = delay_bound(bucket(20'000), 25'000, 1'500, 1'000);
  BOOST_TEST_REQUIRE(bound.has_value());
  BOOST_TEST(!bound->peak_above_rate);
  BOOST_TEST(bound->burst_us == 0.0);
  BOOST_TEST(bound->total_us() == 101'000.0, tt::tolerance(1e-9));
}

BOOST_AUTO_TEST_CASE(rate_equal_to_the_peak_is_the_second_case_and_both_agree_there) {
  // (1000 + 1500)/20000 = 125000 us; + 1000 us. The first case's burst term is 0 at R = p.
  const auto bound = delay_bound(bucket(20'000), 20'000, 1'500, 1'000);
  BOOST_TEST_REQUIRE(bound.has_value());
  BOOST_TEST(!bound->peak_above_rate);
  BOOST_TEST(bound->total_us() == 126'000.0, tt::tolerance(1e-9));
}

BOOST_AUTO_TEST_CASE(rate_equal_to_the_token_rate_drains_the_whole_burst_at_r) {
  // (4000 - 1000)/10000 * 30000/30000 = 300000 us; 1000/10000 = 100000 us.
  const auto bound = delay_bound(bucket(40'000), 10'000, 0, 0);
  BOOST_TEST_REQUIRE(bound.has_value());
  BOOST_TEST(bound->total_us() == 400'000.0, tt::tolerance(1e-9));
}

BOOST_AUTO_TEST_CASE(infinite_peak_makes_the_peak_factor_one) {
  // (4000 - 1000)/20000 = 150000 us; 1000/20000 = 50000 us.
  const auto bound = delay_bound(bucket(INFINITY), 20'000, 0, 0);
  BOOST_TEST_REQUIRE(bound.has_value());
  BOOST_TEST(bound->peak_above_rate);
  BOOST_TEST(bound->burst_us == 150'000.0, tt::tolerance(1e-9));
  BOOST_TEST(bound->total_us() == 200'000.0, tt::tolerance(1e-9));
}

BOOST_AUTO_TEST_CASE(no_bound_below_the_token_rate_or_for_a_tspec_no_flow_meets) {
  BOOST_TEST(!delay_bound(bucket(40'000), 9'999, 0, 0).has_value());  // R < r
  BOOST_TEST(!delay_bound(bucket(40'000), 0, 0, 0).has_value());
  BOOST_TEST(!delay_bound(bucket(5'000), 20'000, 0, 0).has_value());  // p < r
  BOOST_TEST(!delay_bound(TokenBucket{10'000, 500, 40'000, 1'000}, 20'000, 0, 0).has_value());
}

BOOST_AUTO_TEST_CASE(a_tspec_without_r_b_or_m_gives_no_bucket_and_an_unset_peak_is_infinite) {
  qosbed::gqos::FlowSpec tspec{10'000,
                               4'000,
                               qosbed::gqos::qos_not_specified,
                               qosbed::gqos::qos_not_specified,
                               qosbed::gqos::qos_not_specified,
                               qosbed::gqos::service_type::guaranteed,
                               1'000,
                               64};
  const auto read = qosbed::rsvp::token_bucket_of(tspec);
  BOOST_TEST_REQUIRE(read.has_value());
  BOOST_TEST(std::isinf(read->p));
  BOOST_TEST(read->max_packet == 1'000.0);
  tspec.max_sdu_size = qosbed::gqos::qos_not_specified;
  BOOST_TEST(!qosbed::rsvp::token_bucket_of(tspec).has_value());
}
