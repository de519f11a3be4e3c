// The queue's own: ids and their slots, the heap it keeps its keys in, and prefetch hints. The
// ordering contract it shares with any Scheduler is tested in scheduler_test.cpp.
#define BOOST_TEST_MODULE event_queue
#include "engine/event_queue.hpp"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <ostream>
#include <random>
#include <string>
#include <vector>

#include "engine/prefetch.hpp"

using qosbed::engine::EventHeap;
using qosbed::engine::EventId;
using qosbed::engine::EventQueue;
using qosbed::engine::HeapEntry;
using qosbed::engine::TimeUs;

BOOST_AUTO_TEST_CASE(no_event_id_is_zero) {
  EventQueue queue;
  for (int i = 0; i < 3; ++i) {
    BOOST_TEST(queue.schedule_at(i, [] {}) != 0u);
    queue.run_next();  // frees the slot, which the next event reuses
  }
}

// A slot freed by an event that ran is reused: the old id names an earlier generation of it, and
// cancelling with it must not reach the event now in the slot.
BOOST_AUTO_TEST_CASE(an_old_id_never_cancels_a_later_event_in_its_slot) {
  EventQueue queue;
  const EventId first = queue.schedule_at(1, [] {});
  BOOST_TEST(queue.run_next());
  int runs = 0;
  const EventId second = queue.schedule_at(2, [&runs] { ++runs; });
  BOOST_TEST(static_cast<std::uint32_t>(second) == static_cast<std::uint32_t>(first));
  BOOST_TEST(second != first);
  queue.cancel(first);
  BOOST_TEST(queue.size() == 1u);
  queue.run_until(10);
  BOOST_TEST(runs == 1);
}

BOOST_AUTO_TEST_CASE(size_counts_what_is_still_to_run) {
  EventQueue queue;
  const EventId id = queue.schedule_at(10, [] {});
  queue.schedule_at(11, [] {});
  BOOST_TEST(queue.size() == 2u);
  queue.cancel(id);
  BOOST_TEST(queue.size() == 1u);
  queue.run_until(50);
  BOOST_TEST(queue.size() == 0u);
}

// The heap alone, with keys as the queue makes them: pushed in random order with many equal
// times, popped interleaved with pushes, at every fill of the last group of children, they come
// out sorted; and the look-ahead names the entries that pop second and third.
BOOST_AUTO_TEST_CASE(the_heap_pops_in_key_order_and_names_the_next_two) {
  std::mt19937 random(9);
  for (std::size_t count = 1; count <= 70; ++count) {
    EventHeap heap;
    std::vector<HeapEntry> reference;
    std::uint64_t order = 0;
    auto push = [&] {
      const HeapEntry entry{static_cast<TimeUs>(random() % 8), order++};
      heap.push(entry);
      reference.push_back(entry);
    };
    for (std::size_t i = 0; i < count; ++i) push();
    auto sorted = [&] {
      std::sort(reference.begin(), reference.end(), EventHeap::earlier);
      return reference;
    };
    while (!heap.empty()) {
      const std::vector<HeapEntry> expected = sorted();
      BOOST_REQUIRE(heap.size() == expected.size());
      if (heap.size() > 1) {
        const std::size_t second = heap.second_earliest();
        BOOST_REQUIRE(heap[second].order == expected[1].order);
        bool third_named = heap.size() == 2;
        heap.for_each_third_candidate(second, [&](const HeapEntry& entry) {
          third_named = third_named || entry.order == expected[2].order;
        });
        BOOST_REQUIRE(third_named);
      }
      const HeapEntry popped = heap.pop_earliest();
      BOOST_REQUIRE(popped.order == expected.front().order);
      reference.erase(reference.begin());
      if (random() % 3 == 0) push();
    }
  }
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
        hinted ? qosbed::engine::PrefetchHint{&prefetcher, key} : qosbed::engine::PrefetchHint{});
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
