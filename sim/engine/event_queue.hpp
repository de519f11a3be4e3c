// The Scheduler of every run: the heap of (time, order) keys (engine/event_heap.hpp), with each
// event's action and prefetch hint kept in slots beside it, and ids that stay valid for cancel().
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "engine/event_heap.hpp"
#include "engine/scheduler.hpp"

namespace qosbed::engine {

// At most 2^24 events are queued at once and 2^40 scheduled in all (std::length_error past
// either). No id is ever 0.
//
// Before each event runs, the queue tells the prefetchers of the next two events' hints that
// their turn is near (engine/prefetch.hpp), so that what those events read is loaded while this
// one runs. A hint never changes what an event sees.
class EventQueue final : public Scheduler {
 public:
  TimeUs now_us() const override { return now_us_; }
  std::uint64_t take_order() override { return next_order_++; }
  std::uint64_t running_order() const override { return running_order_; }
  void cancel(EventId id) override;
  std::optional<Due> next_due() override;
  std::optional<TimeUs> next_time_us() override;
  bool run_next() override;
  void run_until(TimeUs t_us) override;
  void advance_to(TimeUs t_us) override;

  std::size_t size() const { return heap_.size() - cancelled_; }

 private:
  // An EventId names a slot and the slot's generation, which changes each time the slot is
  // freed: cancel() is O(1), and an old id never reaches a later event. A heap entry's `order`
  // is the scheduling order above the slot's index, which keeps (at_us, order) unique.
  static constexpr int slot_bits = 24;
  static constexpr std::uint64_t max_slots = std::uint64_t{1} << slot_bits;
  static constexpr std::uint64_t max_order = std::uint64_t{1} << (64 - slot_bits);
  static std::uint32_t slot_of(const HeapEntry& entry) {
    return static_cast<std::uint32_t>(entry.order & (max_slots - 1));
  }
  struct Slot {
    Action action;
    PrefetchHint hint;
    std::uint32_t generation = 1;  // from 1, so that no id is 0
    bool cancelled = false;
  };

  EventId schedule(TimeUs at_us, std::uint64_t order, Action&& action, PrefetchHint hint) override;
  EventId id_of(std::uint32_t slot) const {
    return (EventId{slots_[slot].generation} << 32) | slot;
  }
  Action release(std::uint32_t slot);
  // Tells the prefetchers of the next two events to run that their turn is near.
  void announce_upcoming() const;
  void drop_hint(Slot& slot);
  void drop_cancelled_earliest();

  EventHeap heap_;
  std::vector<Slot> slots_;
  std::vector<std::uint32_t> free_slots_;
  std::size_t cancelled_ = 0;  // cancelled entries still in the heap
  std::size_t hinted_ = 0;     // queued events with a hint: none, nothing to announce
  TimeUs now_us_ = 0;
  std::uint64_t next_order_ = 0;
  std::uint64_t running_order_ = 0;
};

}  // namespace qosbed::engine
