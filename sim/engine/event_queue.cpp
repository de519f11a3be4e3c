#include "engine/event_queue.hpp"

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <utility>

namespace qosbed::engine {

EventId EventQueue::schedule_at(TimeUs at_us, Action action, Prefetch prefetch) {
  return schedule_in_order(at_us, take_order(), std::move(action), prefetch);
}

EventId EventQueue::schedule_in_order(TimeUs at_us, std::uint64_t order, Action action,
                                      Prefetch prefetch) {
  if (at_us < now_us_) {
    throw std::logic_error("event scheduled at " + std::to_string(at_us) + " us, before now (" +
                           std::to_string(now_us_) + " us)");
  }
  if (order >= max_order) throw std::length_error("more than 2^40 events scheduled");
  if (prefetch.prefetcher) ++hinted_;
  std::uint32_t slot;
  if (free_slots_.empty()) {
    if (slots_.size() == max_slots) throw std::length_error("more than 2^24 events queued");
    slot = static_cast<std::uint32_t>(slots_.size());
    slots_.push_back(Slot{std::move(action), prefetch});
  } else {
    slot = free_slots_.back();
    free_slots_.pop_back();
    slots_[slot].action = std::move(action);
    slots_[slot].prefetch = prefetch;
  }
  push(Entry{at_us, order << slot_bits | slot});
  return id_of(slot);
}

void EventQueue::push(Entry entry) {
  std::size_t i = heap_size();
  heap_.push_back(entry);
  while (i > 0) {
    const std::size_t parent = (i - 1) / 4;
    if (!earlier(entry, at(parent))) break;
    at(i) = at(parent);
    i = parent;
  }
  at(i) = entry;
}

EventQueue::Entry EventQueue::pop_earliest() {
  const Entry earliest = at(0);
  const Entry last = heap_.back();
  heap_.pop_back();
  const std::size_t size = heap_size();
  if (size == 0) return earliest;
  Entry* const heap = heap_.data() + root;  // held here: a store through at() would reload it
  // The hole left at the root goes down to the bottom, the earliest child moving up into it at
  // each level; `last` then goes up from there. `last` came from the bottom and mostly belongs
  // near it, so this saves comparing it at every level on the way down (Floyd's method).
  std::size_t i = 0;
  for (std::size_t first = 1; first + 4 <= size; first = 4 * i + 1) {
    // The four children's own children are the next four lines, one after another: whichever
    // child wins, the next level is then on its way. In a large queue the lower levels are out
    // of the first-level cache, and each level waits on the one before.
    if (const std::size_t grandchildren = 4 * first + 1; grandchildren < size) {
      const auto lines = reinterpret_cast<std::uintptr_t>(heap + grandchildren);
      for (std::uintptr_t line = 0; line < 4; ++line) {
        __builtin_prefetch(reinterpret_cast<const void*>(lines + line * cache_line));
      }
    }
    // All four children present (the common case): a tournament in arithmetic, as the compiler
    // turns a conditional here into a branch.
    const std::size_t left = first + earlier(heap[first + 1], heap[first]);
    const std::size_t right = first + 2 + earlier(heap[first + 3], heap[first + 2]);
    const std::size_t child = left + (right - left) * earlier(heap[right], heap[left]);
    heap[i] = heap[child];
    i = child;
  }
  if (const std::size_t first = 4 * i + 1; first < size) {
    std::size_t child = first;
    for (std::size_t other = first + 1; other < size; ++other) {
      if (earlier(heap[other], heap[child])) child = other;
    }
    heap[i] = heap[child];
    i = child;
  }
  while (i > 0) {
    const std::size_t parent = (i - 1) / 4;
    if (!earlier(last, heap[parent])) break;
    heap[i] = heap[parent];
    i = parent;
  }
  heap[i] = last;
  return earliest;
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

EventQueue::Action EventQueue::release(std::uint32_t slot) {
  Slot& entry = slots_[slot];
  Action action = std::move(entry.action);
  entry.action = nullptr;
  drop_hint(entry);
  entry.cancelled = false;
  if (++entry.generation == 0) entry.generation = 1;  // 0 stays free: no id is 0
  free_slots_.push_back(slot);
  return action;
}

void EventQueue::drop_cancelled_top() {
  while (cancelled_ > 0 && heap_size() > 0 && slots_[at(0).slot()].cancelled) {
    release(pop_earliest().slot());  // and drop what the action held
    --cancelled_;
  }
}

std::optional<TimeUs> EventQueue::next_time_us() {
  drop_cancelled_top();
  if (heap_size() == 0) return std::nullopt;
  return at(0).at_us;
}

std::optional<EventQueue::Due> EventQueue::next_due() {
  drop_cancelled_top();
  if (heap_size() == 0) return std::nullopt;
  return Due{at(0).at_us, id_of(at(0).slot())};
}

bool EventQueue::run_next() {
  drop_cancelled_top();
  if (heap_size() == 0) return false;
  const Entry entry = pop_earliest();
  Action action = release(entry.slot());
  now_us_ = entry.at_us;
  announce_upcoming();
  action();
  return true;
}

void EventQueue::drop_hint(Slot& slot) {
  if (slot.prefetch.prefetcher) --hinted_;
  slot.prefetch = {};
}

void EventQueue::announce_upcoming() const {
  const std::size_t size = heap_size();
  if (size == 0 || hinted_ == 0) return;
  auto announce = [this](const Entry& entry, Lookahead lookahead) {
    const Prefetch& prefetch = slots_[entry.slot()].prefetch;
    if (prefetch.prefetcher) prefetch.prefetcher->prefetch(prefetch.key, lookahead);
  };
  // The event after the next is the earliest of the root's children, which share one line.
  if (size > 1) {
    std::size_t after_next = 1;
    for (std::size_t i = 2; i <= 4 && i < size; ++i) {
      if (earlier(at(i), at(after_next))) after_next = i;
    }
    announce(at(after_next), Lookahead::after_next);
    // The event after that is one of the root's other children or one of after_next's: the
    // next announce reads its hint.
    for (const std::size_t first : {std::size_t{1}, 4 * after_next + 1}) {
      for (std::size_t i = first; i < first + 4 && i < size; ++i) {
        __builtin_prefetch(&slots_[at(i).slot()].prefetch);
      }
    }
  }
  announce(at(0), Lookahead::next);
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
