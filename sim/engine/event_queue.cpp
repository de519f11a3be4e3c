#include "engine/event_queue.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <utility>

namespace qosbed::engine {

EventId EventQueue::schedule_at(TimeUs at_us, Action action) {
  return schedule_in_order(at_us, take_order(), std::move(action));
}

EventId EventQueue::schedule_in_order(TimeUs at_us, std::uint64_t order, Action action) {
  if (at_us < now_us_) {
    throw std::logic_error("event scheduled at " + std::to_string(at_us) + " us, before now (" +
                           std::to_string(now_us_) + " us)");
  }
  std::uint32_t slot;
  if (free_slots_.empty()) {
    slot = static_cast<std::uint32_t>(slots_.size());
    slots_.push_back(Slot{std::move(action)});
  } else {
    slot = free_slots_.back();
    free_slots_.pop_back();
    slots_[slot].action = std::move(action);
  }
  push(Entry{at_us, order, slot});
  return id_of(slot);
}

void EventQueue::push(Entry entry) {
  std::size_t at = heap_.size();
  heap_.push_back(entry);
  while (at > 0) {
    const std::size_t parent = (at - 1) / 4;
    if (!earlier(entry, heap_[parent])) break;
    heap_[at] = heap_[parent];
    at = parent;
  }
  heap_[at] = entry;
}

EventQueue::Entry EventQueue::pop_earliest() {
  const Entry earliest = heap_.front();
  const Entry last = heap_.back();
  heap_.pop_back();
  if (heap_.empty()) return earliest;
  // `last` goes down from the root, each earliest child moving up past it.
  std::size_t at = 0;
  while (true) {
    const std::size_t first = 4 * at + 1;
    if (first >= heap_.size()) break;
    const std::size_t end = std::min(first + 4, heap_.size());
    std::size_t child = first;
    for (std::size_t other = first + 1; other < end; ++other) {
      if (earlier(heap_[other], heap_[child])) child = other;
    }
    if (!earlier(heap_[child], last)) break;
    heap_[at] = heap_[child];
    at = child;
  }
  heap_[at] = last;
  return earliest;
}

void EventQueue::cancel(EventId id) {
  const auto slot = static_cast<std::uint32_t>(id);
  // An id whose event ran or was dropped names a later generation of its slot, or a free one.
  if (slot >= slots_.size() || id_of(slot) != id || !slots_[slot].action) return;
  if (slots_[slot].cancelled) return;
  slots_[slot].cancelled = true;
  ++cancelled_;
}

EventQueue::Action EventQueue::release(std::uint32_t slot) {
  Slot& entry = slots_[slot];
  Action action = std::move(entry.action);
  entry.action = nullptr;
  entry.cancelled = false;
  if (++entry.generation == 0) entry.generation = 1;  // 0 stays free: no id is 0
  free_slots_.push_back(slot);
  return action;
}

void EventQueue::drop_cancelled_top() {
  while (cancelled_ > 0 && !heap_.empty() && slots_[heap_.front().slot].cancelled) {
    release(pop_earliest().slot);  // and drop what the action held
    --cancelled_;
  }
}

std::optional<TimeUs> EventQueue::next_time_us() {
  drop_cancelled_top();
  if (heap_.empty()) return std::nullopt;
  return heap_.front().at_us;
}

std::optional<EventQueue::Due> EventQueue::next_due() {
  drop_cancelled_top();
  if (heap_.empty()) return std::nullopt;
  return Due{heap_.front().at_us, id_of(heap_.front().slot)};
}

bool EventQueue::run_next() {
  drop_cancelled_top();
  if (heap_.empty()) return false;
  const Entry entry = pop_earliest();
  Action action = release(entry.slot);
  now_us_ = entry.at_us;
  action();
  return true;
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
