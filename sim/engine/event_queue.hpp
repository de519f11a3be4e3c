// The virtual clock and the event queue every part of a run shares. Events are ordered by
// (time in microseconds, scheduling order): equal-time events run in the order they were
// scheduled, so a run is a pure function of its inputs. Nothing here reads a real clock.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <unordered_set>
#include <vector>

namespace qosbed::engine {

using TimeUs = std::int64_t;
using EventId = std::uint64_t;

class EventQueue {
 public:
  using Action = std::function<void()>;

  TimeUs now_us() const { return now_us_; }

  // Schedules `action` at `at_us`, which must not lie before now_us() (std::logic_error if it
  // does: time never goes backwards). Returns an id for cancel().
  EventId schedule_at(TimeUs at_us, Action action);

  // Cancelling marks the event; it is dropped, not run, when its turn comes.
  void cancel(EventId id);

  // The time of the earliest event still to run, if any.
  std::optional<TimeUs> next_time_us();

  // The time and id of the earliest event still to run, if any: lets a driver decide whether an
  // event due at the same time as its own next step comes before it.
  struct Due {
    TimeUs at_us;
    EventId id;
  };
  std::optional<Due> next_due();

  // Runs the earliest event after moving the clock to its time; false when none is left.
  bool run_next();

  // Runs every event due at or before `t_us`, then moves the clock to `t_us`.
  void run_until(TimeUs t_us);

  // Moves the clock forward without running anything; events due before `t_us` must not exist.
  void advance_to(TimeUs t_us);

  std::size_t size() const { return heap_.size() - cancelled_.size(); }

 private:
  struct Entry {
    TimeUs at_us;
    EventId id;
    Action action;
  };
  // A min-heap on (at_us, id); std::push_heap builds max-heaps, hence "later".
  static bool later(const Entry& a, const Entry& b) {
    return a.at_us != b.at_us ? a.at_us > b.at_us : a.id > b.id;
  }
  void drop_cancelled_top();

  std::vector<Entry> heap_;
  std::unordered_set<EventId> cancelled_;
  TimeUs now_us_ = 0;
  EventId next_id_ = 0;
};

}  // namespace qosbed::engine
