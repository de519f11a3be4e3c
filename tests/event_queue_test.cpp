#define BOOST_TEST_MODULE event_queue
#include "engine/event_queue.hpp"

#include <boost/test/unit_test.hpp>
#include <stdexcept>
#include <vector>

using qosbed::engine::EventQueue;

BOOST_AUTO_TEST_CASE(equal_times_run_in_scheduling_order) {
  EventQueue queue;
  std::vector<int> order;
  queue.schedule_at(20, [&] { order.push_back(3); });
  queue.schedule_at(10, [&] { order.push_back(1); });
  queue.schedule_at(10, [&] { order.push_back(2); });
  queue.run_until(100);
  BOOST_TEST(order == (std::vector<int>{1, 2, 3}));
  BOOST_TEST(queue.now_us() == 100);
}

BOOST_AUTO_TEST_CASE(events_scheduled_while_running_keep_the_order) {
  EventQueue queue;
  std::vector<int> order;
  queue.schedule_at(5, [&] {
    order.push_back(1);
    queue.schedule_at(5, [&] { order.push_back(3); });
  });
  queue.schedule_at(5, [&] { order.push_back(2); });
  while (queue.run_next()) {
  }
  BOOST_TEST(order == (std::vector<int>{1, 2, 3}));
  BOOST_TEST(queue.now_us() == 5);
}

BOOST_AUTO_TEST_CASE(cancelled_events_do_not_run) {
  EventQueue queue;
  int runs = 0;
  const auto id = queue.schedule_at(10, [&] { ++runs; });
  queue.schedule_at(11, [&] { runs += 10; });
  queue.cancel(id);
  BOOST_TEST(queue.size() == 1u);
  BOOST_TEST(*queue.next_time_us() == 11);
  queue.run_until(50);
  BOOST_TEST(runs == 10);
}

BOOST_AUTO_TEST_CASE(time_never_goes_backwards) {
  EventQueue queue;
  queue.run_until(100);
  BOOST_CHECK_THROW(queue.schedule_at(99, [] {}), std::logic_error);
  queue.schedule_at(150, [] {});
  BOOST_CHECK_THROW(queue.advance_to(200), std::logic_error);
  queue.advance_to(120);
  BOOST_TEST(queue.now_us() == 120);
}

BOOST_AUTO_TEST_CASE(an_order_taken_early_places_a_later_scheduled_event_among_its_peers) {
  EventQueue queue;
  std::vector<int> order;
  queue.schedule_at(10, [&] { order.push_back(1); });
  const auto taken = queue.take_order();
  queue.schedule_at(10, [&] { order.push_back(3); });
  // Scheduled last, but in the place taken before the third event was scheduled.
  queue.schedule_in_order(10, taken, [&] { order.push_back(2); });
  queue.run_until(10);
  BOOST_TEST(order == (std::vector<int>{1, 2, 3}));
}

BOOST_AUTO_TEST_CASE(no_event_id_is_zero) {
  EventQueue queue;
  for (int i = 0; i < 3; ++i) {
    BOOST_TEST(queue.schedule_at(i, [] {}) != 0u);
    queue.run_next();  // frees the slot, which the next event reuses
  }
}
