#include "engine/event_queue.hpp"

#include <cstdint>
#include <stdexcept>
#include <string>
#include <utility>

#include "engine/prefetch.hpp"

namespace qosbed::engine {

EventId EventQueue::schedule(TimeUs at_us, std::uint64_t order, Action&& action,
                             PrefetchHint hint) {
  if (at_us < now_us_) {
    throw std::logic_error("event scheduled at " + std::to_string(at_us) + " us, before now (" +
                           std::to_string(now_us_) + " us)");
  }
  if (order >= max_order) throw std::length_error("more than 2^40 events scheduled");
  if (hint.prefetcher) ++hinted_;
  std::uint32_t slot;
  if (free_slots_.empty()) {
    if (slots_.size() == max_slots) throw std::length_error("more than 2^24 events queued");
    slot = static_cast<std::uint32_t>(slots_.size());
    slots_.push_back(Slot{std::move(action), hint});
  } else {
    slot = free_slots_.back();
    free_slots_.pop_back();
    slots_[slot].action = std::move(action);
    slots_[slot].hint = hint;
  }
  heap_.push(HeapEntry{at_us, order << slot_bits | slot});
  return id_of(slot);
}

void EventQueue::cancel(EventId id) {
  const auto slot = static_cast<std::uint32_t>(id);
  // An id whose event ran or was dropped names a later generation of its slot, or a free one.
  if (slot >= slots_.size() || id_of(slot) != id || !slots_[slot].action) return;
  if (slots_[slot].cancelled) return;
  slots_[slot].cancelled = true;
  drop_hint(slots_[slot]);  // its prefetcher may be gone before the entry leaves the heap
  ++cancelled_;
}

Action EventQueue::release(std::uint32_t slot) {
  Slot& entry = slots_[slot];
  Action action = std::move(entry.action);
  entry.action = nullptr;
  drop_hint(entry);
  entry.cancelled = false;
  if (++entry.generation == 0) entry.generation = 1;  // 0 stays free: no id is 0
  free_slots_.push_back(slot);
  return action;
}

void EventQueue::drop_cancelled_earliest() {
  while (cancelled_ > 0 && !heap_.empty() && slots_[slot_of(heap_.earliest())].cancelled) {
    release(slot_of(heap_.pop_earliest()));  // and drop what the action held
    --cancelled_;
  }
}

std::optional<TimeUs> EventQueue::next_time_us() {
  drop_cancelled_earliest();
  if (heap_.empty()) return std::nullopt;
  return heap_.earliest().at_us;
}

std::optional<Scheduler::Due> EventQueue::next_due() {
  drop_cancelled_earliest();
  if (heap_.empty()) return std::nullopt;
  return Due{heap_.earliest().at_us, id_of(slot_of(heap_.earliest()))};
}

bool EventQueue::run_next() {
  drop_cancelled_earliest();
  if (heap_.empty()) return false;
  const HeapEntry entry = heap_.pop_earliest();
  Action action = release(slot_of(entry));
  now_us_ = entry.at_us;
  running_order_ = entry.order >> slot_bits;
  announce_upcoming();
  action();
  return true;
}

void EventQueue::drop_hint(Slot& slot) {
  if (slot.hint.prefetcher) --hinted_;
  slot.hint = {};
}

void EventQueue::announce_upcoming() const {
  if (heap_.empty() || hinted_ == 0) return;
  auto announce = [this](const HeapEntry& entry, Lookahead lookahead) {
    const PrefetchHint& hint = slots_[slot_of(entry)].hint;
    if (hint.prefetcher) hint.prefetcher->prefetch(hint.key, lookahead);
  };
  if (heap_.size() > 1) {
    const std::size_t second = heap_.second_earliest();
    announce(heap_[second], Lookahead::after_next);
    // The next announce reads the hint of the event after that: one of these.
    heap_.for_each_third_candidate(second, [this](const HeapEntry& entry) {
      __builtin_prefetch(&slots_[slot_of(entry)].hint);
    });
  }
  announce(heap_.earliest(), Lookahead::next);
}

void EventQueue::run_until(TimeUs t_us) {
  while (true) {
    const auto next = next_time_us();
    if (!next || *next > t_us) break;
    run_next();
  }
  if (t_us > now_us_) now_us_ = t_us;
}

void EventQueue::advance_to(TimeUs t_us) {
  const auto next = next_time_us();
  if (next && *next < t_us) {
    throw std::logic_error("advancing the clock past an event due at " + std::to_string(*next) +
                           " us");
  }
  if (t_us > now_us_) now_us_ = t_us;
}

}  // namespace qosbed::engine
