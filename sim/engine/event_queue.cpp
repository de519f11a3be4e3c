#include "engine/event_queue.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace qosbed::engine {

EventId EventQueue::schedule_at(TimeUs at_us, Action action) {
  if (at_us < now_us_) {
    throw std::logic_error("event scheduled at " + std::to_string(at_us) + " us, before now (" +
                           std::to_string(now_us_) + " us)");
  }
  const EventId id = next_id_++;
  heap_.push_back(Entry{at_us, id, std::move(action)});
  std::push_heap(heap_.begin(), heap_.end(), later);
  return id;
}

void EventQueue::cancel(EventId id) {
  const bool queued =
      std::any_of(heap_.begin(), heap_.end(), [id](const Entry& entry) { return entry.id == id; });
  if (queued) cancelled_.insert(id);
}

void EventQueue::drop_cancelled_top() {
  while (!heap_.empty() && !cancelled_.empty() && cancelled_.erase(heap_.front().id) > 0) {
    std::pop_heap(heap_.begin(), heap_.end(), later);
    heap_.pop_back();
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
  return Due{heap_.front().at_us, heap_.front().id};
}

bool EventQueue::run_next() {
  drop_cancelled_top();
  if (heap_.empty()) return false;
  std::pop_heap(heap_.begin(), heap_.end(), later);
  Entry entry = std::move(heap_.back());
  heap_.pop_back();
  now_us_ = entry.at_us;
  entry.action();
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
