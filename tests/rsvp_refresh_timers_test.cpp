// The applications' refresh timers, one engine event for the earliest: each fires exactly where
// an engine event of its own, scheduled when it was started, would have run; a cancelled timer
// never fires and its owner is never read; timers restarted as they fire keep their period.
#define BOOST_TEST_MODULE rsvp_refresh_timers
#include <boost/test/unit_test.hpp>
#include <memory>
#include <string>
#include <vector>

#include "engine/event_queue.hpp"
#include "rsvp/refresh_timers.hpp"

using qosbed::engine::EventQueue;
using qosbed::rsvp::RefreshTimers;

namespace {

struct Owner {
  std::string name;
  std::uint64_t timer = 0;
};

struct Fixture {
  EventQueue queue;
  std::vector<std::string> ran;
  RefreshTimers<Owner> timers{queue, [this](Owner& owner) {
                                ran.push_back(owner.name + "@" + std::to_string(queue.now_us()));
                              }};
  void event(qosbed::engine::TimeUs at_us, std::string name) {
    queue.schedule_at(at_us,
                      [this, name] { ran.push_back(name + "@" + std::to_string(queue.now_us())); });
  }
};

}  // namespace

BOOST_FIXTURE_TEST_CASE(timers_run_among_engine_events_as_events_of_their_own_would, Fixture) {
  Owner t1{"t1"};
  Owner t2{"t2"};
  Owner t3{"t3"};
  event(10, "a");
  t1.timer = timers.start(10, t1);  // after a, before b: started between them
  event(10, "b");
  t2.timer = timers.start(5, t2);  // earlier than every other: the event moves to it
  t3.timer = timers.start(10, t3);
  event(7, "c");
  BOOST_TEST(t1.timer != 0u);
  BOOST_TEST(timers.size() == 3u);
  queue.run_until(100);
  BOOST_TEST((ran == std::vector<std::string>{"t2@5", "c@7", "a@10", "t1@10", "b@10", "t3@10"}));
  BOOST_TEST(timers.size() == 0u);
  BOOST_TEST(queue.size() == 0u);
}

BOOST_FIXTURE_TEST_CASE(a_cancelled_timer_never_fires_and_its_owner_is_never_read, Fixture) {
  Owner first{"first"};
  Owner kept{"kept"};
  auto gone = std::make_unique<Owner>(Owner{"gone"});
  first.timer = timers.start(10, first);
  gone->timer = timers.start(20, *gone);
  kept.timer = timers.start(30, kept);

  timers.cancel(gone->timer);  // in the middle: it stays in the heap, its owner is freed
  BOOST_TEST(gone->timer == 0u);
  gone.reset();
  timers.cancel(first.timer);  // the front: the event moves on to the next live timer
  std::uint64_t none = 0;
  timers.cancel(none);
  BOOST_TEST(timers.size() == 1u);
  queue.run_until(100);
  BOOST_TEST((ran == std::vector<std::string>{"kept@30"}));
}

BOOST_AUTO_TEST_CASE(timers_restarted_as_they_fire_keep_their_period_and_stop_when_cancelled) {
  EventQueue queue;
  std::vector<qosbed::engine::TimeUs> fired;
  RefreshTimers<Owner>* self = nullptr;
  RefreshTimers<Owner> timers(queue, [&](Owner& owner) {
    fired.push_back(queue.now_us());
    self->cancel(owner.timer);  // the timer firing now: nothing to cancel
    owner.timer = self->start(queue.now_us() + 30, owner);
  });
  self = &timers;
  Owner owner{"o"};
  owner.timer = timers.start(30, owner);
  queue.run_until(100);
  BOOST_TEST((fired == std::vector<qosbed::engine::TimeUs>{30, 60, 90}));
  timers.cancel(owner.timer);
  queue.run_until(1000);
  BOOST_TEST(fired.size() == 3u);
  BOOST_TEST(queue.size() == 0u);
}

BOOST_FIXTURE_TEST_CASE(cancelling_all_leaves_the_engine_nothing_of_them, Fixture) {
  Owner a{"a"};
  Owner b{"b"};
  a.timer = timers.start(10, a);
  b.timer = timers.start(5, b);
  timers.cancel_all();
  BOOST_TEST(timers.size() == 0u);
  queue.run_until(100);
  BOOST_TEST(ran.empty());
  b.timer = timers.start(200, b);  // usable again
  queue.run_until(300);
  BOOST_TEST((ran == std::vector<std::string>{"b@200"}));
}

BOOST_AUTO_TEST_CASE(the_timers_may_go_before_the_queue) {
  EventQueue queue;
  int fired = 0;
  Owner owner{"o"};
  {
    RefreshTimers<Owner> timers(queue, [&](Owner&) { ++fired; });
    owner.timer = timers.start(10, owner);
  }
  queue.run_until(100);  // the event was cancelled with them (AddressSanitizer would see a use)
  BOOST_TEST(fired == 0);
}
