// The ordering contract of engine::Scheduler (engine/scheduler.hpp), written against the interface
// alone and run against every implementation in `Schedulers`, as ns-3 runs one ordering test per
// scheduler: a new implementation joins the list and must pass unchanged.
#define BOOST_TEST_MODULE scheduler
#include "engine/scheduler.hpp"

#include <boost/mpl/list.hpp>
#include <boost/test/unit_test.hpp>
#include <functional>
#include <iterator>
#include <memory>
#include <random>
#include <set>
#include <stdexcept>
#include <tuple>
#include <vector>

#include "engine/event_queue.hpp"

using qosbed::engine::EventId;
using qosbed::engine::Scheduler;
using qosbed::engine::TimeUs;

using Schedulers = boost::mpl::list<qosbed::engine::EventQueue>;

BOOST_AUTO_TEST_CASE_TEMPLATE(equal_times_run_in_scheduling_order, Implementation, Schedulers) {
  Implementation implementation;
  Scheduler& scheduler = implementation;
  std::vector<int> order;
  scheduler.schedule_at(20, [&] { order.push_back(3); });
  scheduler.schedule_at(10, [&] { order.push_back(1); });
  scheduler.schedule_at(10, [&] { order.push_back(2); });
  scheduler.run_until(100);
  BOOST_TEST(order == (std::vector<int>{1, 2, 3}));
  BOOST_TEST(scheduler.now_us() == 100);
}

BOOST_AUTO_TEST_CASE_TEMPLATE(events_scheduled_while_running_keep_the_order, Implementation,
                              Schedulers) {
  Implementation implementation;
  Scheduler& scheduler = implementation;
  std::vector<int> order;
  scheduler.schedule_at(5, [&] {
    order.push_back(1);
    scheduler.schedule_at(5, [&] { order.push_back(3); });
  });
  scheduler.schedule_at(5, [&] { order.push_back(2); });
  while (scheduler.run_next()) {
  }
  BOOST_TEST(order == (std::vector<int>{1, 2, 3}));
  BOOST_TEST(scheduler.now_us() == 5);
}

BOOST_AUTO_TEST_CASE_TEMPLATE(cancelled_events_do_not_run, Implementation, Schedulers) {
  Implementation implementation;
  Scheduler& scheduler = implementation;
  int runs = 0;
  const EventId id = scheduler.schedule_at(10, [&] { ++runs; });
  scheduler.schedule_at(11, [&] { runs += 10; });
  scheduler.cancel(id);
  scheduler.cancel(id);  // twice: nothing more
  BOOST_TEST(*scheduler.next_time_us() == 11);
  BOOST_TEST(scheduler.next_due()->at_us == 11);
  scheduler.run_until(50);
  BOOST_TEST(runs == 10);
  BOOST_TEST(!scheduler.next_due().has_value());
}

BOOST_AUTO_TEST_CASE_TEMPLATE(time_never_goes_backwards, Implementation, Schedulers) {
  Implementation implementation;
  Scheduler& scheduler = implementation;
  scheduler.run_until(100);
  BOOST_CHECK_THROW(scheduler.schedule_at(99, [] {}), std::logic_error);
  scheduler.schedule_at(150, [] {});
  BOOST_CHECK_THROW(scheduler.advance_to(200), std::logic_error);
  scheduler.advance_to(120);
  BOOST_TEST(scheduler.now_us() == 120);
  scheduler.advance_to(110);  // not backwards either
  BOOST_TEST(scheduler.now_us() == 120);
}

BOOST_AUTO_TEST_CASE_TEMPLATE(an_order_taken_early_places_a_later_scheduled_event_among_its_peers,
                              Implementation, Schedulers) {
  Implementation implementation;
  Scheduler& scheduler = implementation;
  std::vector<int> order;
  scheduler.schedule_at(10, [&] { order.push_back(1); });
  const auto taken = scheduler.take_order();
  scheduler.schedule_at(10, [&] { order.push_back(3); });
  // Scheduled last, but in the place taken before the third event was scheduled.
  scheduler.schedule_in_order(10, taken, [&] { order.push_back(2); });
  scheduler.run_until(10);
  BOOST_TEST(order == (std::vector<int>{1, 2, 3}));
}

BOOST_AUTO_TEST_CASE_TEMPLATE(a_running_event_knows_its_place_in_the_order, Implementation,
                              Schedulers) {
  Implementation implementation;
  Scheduler& scheduler = implementation;
  std::vector<std::uint64_t> seen;
  const auto taken = scheduler.take_order();                                      // 0
  scheduler.schedule_at(5, [&] { seen.push_back(scheduler.running_order()); });   // 1
  scheduler.schedule_at(10, [&] { seen.push_back(scheduler.running_order()); });  // 2
  scheduler.schedule_in_order(10, taken, [&] { seen.push_back(scheduler.running_order()); });
  scheduler.run_until(10);
  // At 10 the event placed at the order taken first runs before the one scheduled at 2.
  BOOST_TEST(seen == (std::vector<std::uint64_t>{1, 0, 2}));
}

// Against a sorted reference, over enough events that every shape of the implementation is used
// (a heap's every level, partly filled groups of children included): each event that runs must
// be the reference's earliest (time, then scheduling order), with many equal times, orders taken
// early and used later, and cancellations.
BOOST_AUTO_TEST_CASE_TEMPLATE(events_run_in_time_then_scheduling_order_against_a_sorted_reference,
                              Implementation, Schedulers) {
  struct Pending {
    TimeUs at_us;
    std::uint64_t order;
    EventId id;
    bool operator<(const Pending& other) const {
      return std::tie(at_us, order) < std::tie(other.at_us, other.order);
    }
  };
  Implementation implementation;
  Scheduler& scheduler = implementation;
  std::set<Pending> reference;
  std::vector<std::uint64_t> taken;  // orders taken, to be used by a later event
  std::mt19937 random(4);
  std::uint64_t ran = 0;
  constexpr std::uint64_t total = 200'000;
  std::uint64_t scheduled = 0;

  std::function<void()> schedule = [&] {
    ++scheduled;
    std::uint64_t order;
    if (!taken.empty() && random() % 4 == 0) {
      order = taken.back();
      taken.pop_back();
    } else {
      order = scheduler.take_order();
    }
    const TimeUs at_us = scheduler.now_us() + static_cast<TimeUs>(random() % 40);
    auto slot = std::make_shared<EventId>(0);
    const EventId id = scheduler.schedule_in_order(at_us, order, [&, at_us, order, slot] {
      BOOST_REQUIRE(!reference.empty());
      const Pending earliest = *reference.begin();
      BOOST_REQUIRE(earliest.at_us == at_us);
      BOOST_REQUIRE(earliest.order == order);
      BOOST_REQUIRE(earliest.id == *slot);
      BOOST_REQUIRE(scheduler.now_us() == at_us);
      reference.erase(reference.begin());
      ++ran;
      if (random() % 8 == 0) taken.push_back(scheduler.take_order());
      for (int i = random() % 3; i > 0 && scheduled < total; --i) schedule();
      if (!reference.empty() && random() % 16 == 0) {
        auto victim =
            std::next(reference.begin(), static_cast<std::ptrdiff_t>(random() % reference.size()));
        scheduler.cancel(victim->id);
        reference.erase(victim);
      }
    });
    BOOST_REQUIRE(id != 0u);
    *slot = id;
    reference.insert(Pending{at_us, order, id});
  };
  for (int i = 0; i < 5'000; ++i) schedule();
  while (!reference.empty()) {
    const auto due = scheduler.next_due();
    BOOST_REQUIRE(due.has_value());
    BOOST_REQUIRE(due->at_us == reference.begin()->at_us);
    BOOST_REQUIRE(due->id == reference.begin()->id);
    // Keep events coming until the total, whatever the random fan-out did.
    if (reference.size() < 100 && scheduled < total) schedule();
    BOOST_REQUIRE(scheduler.run_next());
  }
  BOOST_TEST(!scheduler.run_next());
  BOOST_TEST(!scheduler.next_time_us().has_value());
  BOOST_TEST(ran > total / 2);
}
