// The virtual clock and the event queue every part of a run shares. Events are ordered by
// (time in microseconds, scheduling order): equal-time events run in the order they were
// scheduled, so a run is a pure function of its inputs. Nothing here reads a real clock.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "engine/cache_line_allocator.hpp"
#include "engine/clock.hpp"
#include "engine/prefetch.hpp"

namespace qosbed::engine {

using EventId = std::uint64_t;

class EventQueue final : public Clock {
 public:
  using Action = std::function<void()>;

  TimeUs now_us() const override { return now_us_; }

  // Schedules `action` at `at_us`, which must not lie before now_us() (std::logic_error if it
  // does: time never goes backwards). Returns an id for cancel(); no id is ever 0. At most 2^24
  // events are queued at once and 2^40 scheduled in all (std::length_error past either).
  // `prefetch` says what the action will read: the queue has it loaded while the two events
  // before it run (engine/prefetch.hpp).
  EventId schedule_at(TimeUs at_us, Action action, Prefetch prefetch = {});

  // A place in the scheduling order, taken now for an event scheduled later: an event scheduled
  // with it runs among equal-time events as if it had been scheduled at the moment the order was
  // taken. This lets a soft-state timer that is refreshed often keep one event in the queue and
  // move it only when it comes due, instead of cancelling and scheduling on every refresh.
  std::uint64_t take_order() { return next_seq_++; }
  // As schedule_at, in the place `order` (from take_order, used once).
  EventId schedule_in_order(TimeUs at_us, std::uint64_t order, Action action,
                            Prefetch prefetch = {});

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

  std::size_t size() const { return heap_size() - cancelled_; }

 private:
  // The heap holds 16-byte keys only; actions stay put in slots_, reused through free_slots_,
  // so sifting moves no std::function. An EventId names a slot and the slot's generation, which
  // changes each time the slot is freed: cancel() is O(1), and an old id never reaches a later
  // event. `order` is the scheduling order (for ties) above the slot's index: (at_us, order) is
  // unique, so the order events run in does not depend on the heap's shape.
  static constexpr int slot_bits = 24;
  static constexpr std::uint64_t max_slots = std::uint64_t{1} << slot_bits;
  static constexpr std::uint64_t max_order = std::uint64_t{1} << (64 - slot_bits);
  struct Entry {
    TimeUs at_us;
    std::uint64_t order;  // scheduling order << slot_bits | slot
    std::uint32_t slot() const { return static_cast<std::uint32_t>(order & (max_slots - 1)); }
  };
  struct Slot {
    Action action;
    Prefetch prefetch;
    std::uint32_t generation = 1;  // from 1, so that no id is 0 and 0 can mean "no event"
    bool cancelled = false;
  };
  // (at_us, order) as one 128-bit number, compared in two instructions and without branches:
  // which of two entries comes first is as good as random, so a branch on it would be
  // mispredicted half the time. at_us is never negative.
  __extension__ using Key = unsigned __int128;
  static Key key(const Entry& e) {
    return Key{static_cast<std::uint64_t>(e.at_us)} << 64 | e.order;
  }
  static bool earlier(const Entry& a, const Entry& b) { return key(a) < key(b); }
  // heap_ is a 4-ary min-heap on (at_us, order): half the levels of a binary heap. An entry's four
  // children share one cache line: the heap starts `root` entries into a line-aligned block, so
  // the children of entry i, at root + 4i + 1 ... root + 4i + 4, begin on a line. With a large
  // network's hundreds of thousands of timers, or an emulator's thousands of sockets, each level
  // is then one cache miss at most.
  static constexpr std::size_t root = 3;
  std::size_t heap_size() const { return heap_.size() - root; }
  Entry& at(std::size_t i) { return heap_[root + i]; }
  const Entry& at(std::size_t i) const { return heap_[root + i]; }
  void push(Entry entry);
  Entry pop_earliest();
  EventId id_of(std::uint32_t slot) const {
    return (EventId{slots_[slot].generation} << 32) | slot;
  }
  Action release(std::uint32_t slot);
  // Tells the prefetchers of the next two events to run that their turn is near.
  void announce_upcoming() const;
  void drop_hint(Slot& slot);
  void drop_cancelled_top();

  std::vector<Entry, CacheLineAllocator<Entry>> heap_ =
      std::vector<Entry, CacheLineAllocator<Entry>>(root);
  std::vector<Slot> slots_;
  std::vector<std::uint32_t> free_slots_;
  std::size_t cancelled_ = 0;  // cancelled entries still in the heap
  std::size_t hinted_ = 0;     // queued events with a prefetch hint: none, nothing to announce
  TimeUs now_us_ = 0;
  std::uint64_t next_seq_ = 0;
};

}  // namespace qosbed::engine
