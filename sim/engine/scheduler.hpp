// engine: what every run is built on. The Scheduler below (virtual time and the events ordered
// in it) and its implementation, EventQueue (event_queue.hpp), whose 4-ary heap is in
// event_heap.hpp and whose prefetching is in prefetch.hpp; the Clock a trace reads (clock.hpp:
// virtual time, or wall_clock.hpp in a live run); the trace records and sinks (trace.hpp) and
// the TracingProvider that writes them for any Provider.
//
// May include: gqos/, provider/ and the standard library. Nothing of the emulator, the network
// model, the scenario, the recorder or the runner: they all build on it.
//
// The Scheduler is what the emulator, the RSVP network model and the runners schedule and run
// their events through; a test of its ordering contract runs against every implementation
// (tests/scheduler_test.cpp). The contract: events run in order of their time, and events due
// at the same time in the order they were scheduled (or the order taken for them, see
// take_order), so a run is a pure function of its inputs. Time never goes backwards, and nothing
// here reads a real clock.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <utility>

#include "engine/clock.hpp"

namespace qosbed::engine {

using EventId = std::uint64_t;  // never 0: 0 can mean "no event"
using Action = std::function<void()>;

class Prefetcher;  // engine/prefetch.hpp

// What an event is going to read, as a key its Prefetcher knows: a scheduler may have it loaded
// while the events before it run. No prefetcher, no hint. Only the code that owns the state a
// key names attaches hints (the emulator's script events); callers of the emulator never do.
struct PrefetchHint {
  const Prefetcher* prefetcher = nullptr;
  std::uint64_t key = 0;
};

class Scheduler : public Clock {
 public:
  // Schedules `action` at `at_us`, which must not lie before now_us() (std::logic_error if it
  // does: time never goes backwards). Returns an id for cancel().
  EventId schedule_at(TimeUs at_us, Action action, PrefetchHint hint = {}) {
    return schedule(at_us, take_order(), std::move(action), hint);
  }

  // A place in the scheduling order, taken now for an event scheduled later: an event scheduled
  // with it runs among equal-time events as if it had been scheduled at the moment the order was
  // taken. This lets a soft-state timer that is refreshed often keep one event in the scheduler
  // and move it only when it comes due, instead of cancelling and scheduling on every refresh.
  virtual std::uint64_t take_order() = 0;
  // The place in the scheduling order of the event now running: the order it was scheduled in,
  // or the one given to schedule_in_order. A timer that is moved only when it comes due (see
  // take_order) tells by it whether it is still the state's latest place, without carrying it.
  virtual std::uint64_t running_order() const = 0;
  // As schedule_at, in the place `order` (from take_order, used once).
  EventId schedule_in_order(TimeUs at_us, std::uint64_t order, Action action,
                            PrefetchHint hint = {}) {
    return schedule(at_us, order, std::move(action), hint);
  }

  // The event does not run. An id whose event ran or was cancelled is ignored.
  virtual void cancel(EventId id) = 0;

  // The time and id of the earliest event still to run, if any: lets a driver decide whether an
  // event due at the same time as its own next step comes before it.
  struct Due {
    TimeUs at_us;
    EventId id;
  };
  virtual std::optional<Due> next_due() = 0;
  // Its time alone.
  virtual std::optional<TimeUs> next_time_us() = 0;

  // Runs the earliest event after moving the clock to its time; false when none is left.
  virtual bool run_next() = 0;

  // Runs every event due at or before `t_us`, then moves the clock to `t_us`.
  virtual void run_until(TimeUs t_us) = 0;

  // Moves the clock forward without running anything; events due before `t_us` must not exist
  // (std::logic_error if they do).
  virtual void advance_to(TimeUs t_us) = 0;

 protected:
  virtual EventId schedule(TimeUs at_us, std::uint64_t order, Action&& action,
                           PrefetchHint hint) = 0;
};

}  // namespace qosbed::engine
