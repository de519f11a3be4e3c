// Soft-state timing: the lifetime formula, the refresh jitter bounds and the seeded generator.
#define BOOST_TEST_MODULE rsvp_soft_state
#include <boost/test/unit_test.hpp>
#include <vector>

#include "rsvp/soft_state.hpp"

using namespace qosbed::rsvp;

BOOST_AUTO_TEST_CASE(lifetime_is_k_plus_half_times_one_and_a_half_r) {
  BOOST_TEST(lifetime_us(SoftStateTimes{}) == 157'500'000);  // R = 30 s, K = 3: 157.5 s
  BOOST_TEST(lifetime_us(SoftStateTimes{30'000'000, 3}) == 157'500'000);
  BOOST_TEST(lifetime_us(SoftStateTimes{10'000'000, 1}) == 22'500'000);  // 1.5 x 1.5 x 10 s
  BOOST_TEST(lifetime_us(SoftStateTimes{1'000, 5}) == 8'250);            // 5.5 x 1.5 x 1 ms
  BOOST_TEST(blockade_us(SoftStateTimes{}) == 90'000'000);
}

BOOST_AUTO_TEST_CASE(refresh_intervals_stay_within_half_and_one_and_a_half_r) {
  Random random(42);
  constexpr qosbed::engine::TimeUs r = 30'000'000;
  qosbed::engine::TimeUs low = r * 2;
  qosbed::engine::TimeUs high = 0;
  for (int i = 0; i < 100'000; ++i) {
    const auto interval = random.refresh_interval(r);
    BOOST_REQUIRE(interval >= 15'000'000);
    BOOST_REQUIRE(interval <= 45'000'000);
    low = std::min(low, interval);
    high = std::max(high, interval);
  }
  // The draws spread over the whole range, not a corner of it.
  BOOST_TEST(low < 15'100'000);
  BOOST_TEST(high > 44'900'000);
}

BOOST_AUTO_TEST_CASE(the_same_seed_draws_the_same_sequence) {
  Random a(7);
  Random b(7);
  Random c(8);
  std::vector<qosbed::engine::TimeUs> from_a, from_b, from_c;
  for (int i = 0; i < 50; ++i) {
    from_a.push_back(a.refresh_interval(30'000'000));
    from_b.push_back(b.refresh_interval(30'000'000));
    from_c.push_back(c.refresh_interval(30'000'000));
  }
  BOOST_TEST(from_a == from_b);
  BOOST_TEST(from_a != from_c);
  BOOST_TEST(a.seed() == 7u);
}

BOOST_AUTO_TEST_CASE(loss_draws_follow_the_probability) {
  Random random(1);
  int lost = 0;
  for (int i = 0; i < 100'000; ++i) lost += random.lost(0.3) ? 1 : 0;
  BOOST_TEST(lost > 29'000);
  BOOST_TEST(lost < 31'000);
  BOOST_TEST(!random.lost(0.0));
  BOOST_TEST(random.lost(1.0));
}
