#define BOOST_TEST_MODULE event_queue
#include "engine/event_queue.hpp"

#include <boost/test/unit_test.hpp>
#include <functional>
#include <iterator>
#include <memory>
#include <ostream>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <tuple>
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

// The heap against a sorted reference, over enough events that every level of it, partly
// filled groups of children included, is used: each event that runs must be the reference's
// earliest (time, then scheduling order), with many equal times, orders taken early and used
// later, and cancellations.
BOOST_AUTO_TEST_CASE(events_run_in_time_then_scheduling_order_against_a_sorted_reference) {
  using qosbed::engine::EventId;
  using qosbed::engine::TimeUs;
  struct Pending {
    TimeUs at_us;
    std::uint64_t order;
    EventId id;
    bool operator<(const Pending& other) const {
      return std::tie(at_us, order) < std::tie(other.at_us, other.order);
    }
  };
  EventQueue queue;
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
      order = queue.take_order();
    }
    const TimeUs at_us = queue.now_us() + static_cast<TimeUs>(random() % 40);
    auto slot = std::make_shared<EventId>(0);
    const EventId id = queue.schedule_in_order(at_us, order, [&, at_us, order, slot] {
      BOOST_REQUIRE(!reference.empty());
      const Pending earliest = *reference.begin();
      BOOST_REQUIRE(earliest.at_us == at_us);
      BOOST_REQUIRE(earliest.order == order);
      BOOST_REQUIRE(earliest.id == *slot);
      reference.erase(reference.begin());
      ++ran;
      if (random() % 8 == 0) taken.push_back(queue.take_order());
      for (int i = random() % 3; i > 0 && scheduled < total; --i) schedule();
      if (!reference.empty() && random() % 16 == 0) {
        auto victim =
            std::next(reference.begin(), static_cast<std::ptrdiff_t>(random() % reference.size()));
        queue.cancel(victim->id);
        reference.erase(victim);
      }
    });
    *slot = id;
    reference.insert(Pending{at_us, order, id});
  };
  for (int i = 0; i < 5'000; ++i) schedule();
  while (!reference.empty()) {
    const auto due = queue.next_due();
    BOOST_REQUIRE(due.has_value());
    BOOST_REQUIRE(due->at_us == reference.begin()->at_us);
    BOOST_REQUIRE(due->id == reference.begin()->id);
    // Keep events coming until the total, whatever the random fan-out did.
    if (reference.size() < 100 && scheduled < total) schedule();
    BOOST_REQUIRE(queue.run_next());
  }
  BOOST_TEST(!queue.run_next());
  BOOST_TEST(queue.size() == 0u);
  BOOST_TEST(ran > total / 2);
}

namespace {

using qosbed::engine::Lookahead;

// What the queue announced, in order, with each event's run among them.
struct Logged {
  std::uint64_t key;
  std::string what;  // "after_next", "next" or "ran"
  bool operator==(const Logged&) const = default;
};

std::ostream& operator<<(std::ostream& out, const Logged& logged) {
  return out << logged.what << ' ' << logged.key;
}

class RecordingPrefetcher final : public qosbed::engine::Prefetcher {
 public:
  explicit RecordingPrefetcher(std::vector<Logged>& log) : log_(log) {}
  void prefetch(std::uint64_t key, Lookahead lookahead) const override {
    log_.push_back({key, lookahead == Lookahead::next ? "next" : "after_next"});
  }

 private:
  std::vector<Logged>& log_;
};

}  // namespace

BOOST_AUTO_TEST_CASE(the_next_two_events_are_announced_before_each_event_runs) {
  std::vector<Logged> log;
  const RecordingPrefetcher prefetcher(log);
  EventQueue queue;
  auto schedule = [&](qosbed::engine::TimeUs at_us, std::uint64_t key, bool hinted) {
    queue.schedule_at(
        at_us,
        [&log, key] {
          log.push_back({key, "ran"});
        },
        hinted ? qosbed::engine::Prefetch{&prefetcher, key} : qosbed::engine::Prefetch{});
  };
  schedule(40, 4, true);
  schedule(10, 1, true);
  schedule(30, 3, true);
  schedule(20, 2, false);  // no hint: never announced
  schedule(30, 5, true);   // after 3, scheduled later at the same time
  queue.run_until(100);
  const std::vector<Logged> expected{
      {3, "after_next"}, {1, "ran"},  // 2 is next, but has no hint
      {5, "after_next"}, {3, "next"}, {2, "ran"}, {4, "after_next"}, {5, "next"},
      {3, "ran"},        {4, "next"}, {5, "ran"}, {4, "ran"},
  };
  BOOST_TEST(log == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_cancelled_event_is_not_announced) {
  std::vector<Logged> log;
  const RecordingPrefetcher prefetcher(log);
  EventQueue queue;
  queue.schedule_at(10, [&log] { log.push_back({1, "ran"}); }, {&prefetcher, 1});
  {
    // Gone before its cancelled event leaves the heap, as a provider may be.
    const RecordingPrefetcher short_lived(log);
    queue.cancel(queue.schedule_at(20, [] {}, {&short_lived, 2}));
  }
  queue.schedule_at(30, [&log] { log.push_back({3, "ran"}); }, {&prefetcher, 3});
  queue.run_until(100);
  BOOST_TEST(log == (std::vector<Logged>{{3, "after_next"}, {1, "ran"}, {3, "ran"}}),
             boost::test_tools::per_element());
}

// Across every shape of the heap, full groups of children and partial ones: before each event
// runs, `next` names the event that runs next and `after_next` the one after it.
BOOST_AUTO_TEST_CASE(announcements_name_the_events_that_run_next_over_many_events) {
  std::vector<Logged> log;
  const RecordingPrefetcher prefetcher(log);
  EventQueue queue;
  std::mt19937 random(11);
  constexpr std::uint64_t count = 5'000;
  std::vector<std::uint64_t> ran;
  for (std::uint64_t key = 0; key < count; ++key) {
    const auto at_us = static_cast<qosbed::engine::TimeUs>(random() % 2'000);  // many ties
    queue.schedule_at(at_us, [&ran, key] { ran.push_back(key); }, {&prefetcher, key});
  }
  std::vector<std::vector<Logged>> before(count);  // what was announced before each run
  for (std::uint64_t i = 0; i < count; ++i) {
    log.clear();
    BOOST_REQUIRE(queue.run_next());
    before[i] = log;
  }
  BOOST_TEST(!queue.run_next());
  BOOST_REQUIRE(ran.size() == count);
  for (std::uint64_t i = 0; i < count; ++i) {
    std::vector<Logged> expected;
    if (i + 2 < count) expected.push_back({ran[i + 2], "after_next"});
    if (i + 1 < count) expected.push_back({ran[i + 1], "next"});
    BOOST_REQUIRE(before[i] == expected);
  }
}
