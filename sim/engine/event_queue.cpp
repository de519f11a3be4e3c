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
  heap_.push_back(Entry{at_us, order, slot});
  std::push_heap(heap_.begin(), heap_.end(), later);
  return id_of(slot);
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
    std::pop_heap(heap_.begin(), heap_.end(), later);
    const std::uint32_t slot = heap_.back().slot;
    heap_.pop_back();
    release(slot);  // and drop what the action held
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
  std::pop_heap(heap_.begin(), heap_.end(), later);
  const Entry entry = heap_.back();
  heap_.pop_back();
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
