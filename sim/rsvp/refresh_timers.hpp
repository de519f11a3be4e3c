// The refresh timers of the hosts' applications (HostApi), kept in one heap with one engine
// event, for the earliest. Every flow has a sender's timer and a receiver's, each due at a time
// drawn at random (RFC 2205 section 3.7), so they come due in no order a list could keep; as
// engine events of their own they cost each flow two event slots and two heap entries, about 150
// bytes, where an entry here costs 24. Each timer takes its place in the engine's order when it
// is started (Scheduler::take_order) and the event for the front is scheduled in that place, so
// every timer fires exactly where an event of its own would have.
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <unordered_set>
#include <utility>
#include <vector>

#include "engine/scheduler.hpp"

namespace qosbed::rsvp {

// `Owner` is what a timer refreshes; it must stay in place while its timer runs.
template <typename Owner>
class RefreshTimers {
 public:
  using Fire = std::function<void(Owner&)>;

  RefreshTimers(engine::Scheduler& queue, Fire fire) : queue_(queue), fire_(std::move(fire)) {}
  // Cancels the engine event: the queue may outlive the timers.
  ~RefreshTimers() { cancel_all(); }
  RefreshTimers(const RefreshTimers&) = delete;
  RefreshTimers& operator=(const RefreshTimers&) = delete;

  // Starts a timer for `owner` at `at_us`; its id is never 0.
  std::uint64_t start(engine::TimeUs at_us, Owner& owner) {
    const Timer timer{at_us, queue_.take_order(), &owner};
    heap_.push_back(timer);
    std::push_heap(heap_.begin(), heap_.end(), later);
    // A timer started now takes the latest order: it comes first only by an earlier time.
    if (event_ != 0 && at_us < front_us_) {
      queue_.cancel(event_);
      event_ = 0;
    }
    schedule_front();
    return timer.order + 1;
  }

  // Ignores 0, and the timer firing now. A cancelled timer leaves the heap when it reaches the
  // front; until then its owner may be gone, so it is never read.
  void cancel(std::uint64_t& id) {
    const std::uint64_t order = id - 1;
    if (id == 0 || order == firing_) return;
    id = 0;
    cancelled_.insert(order);
    if (event_ != 0 && order == front_order_) {
      queue_.cancel(event_);
      event_ = 0;
      schedule_front();
    }
  }

  // Every timer: none fires.
  void cancel_all() {
    if (event_ != 0) queue_.cancel(event_);
    event_ = 0;
    heap_.clear();
    cancelled_.clear();
  }

  std::size_t size() const { return heap_.size() - cancelled_.size(); }

 private:
  struct Timer {
    engine::TimeUs at_us;
    std::uint64_t order;
    Owner* owner;
  };
  static bool later(const Timer& a, const Timer& b) {
    return a.at_us != b.at_us ? a.at_us > b.at_us : a.order > b.order;
  }

  void pop() {
    std::pop_heap(heap_.begin(), heap_.end(), later);
    heap_.pop_back();
  }

  // The engine event for the earliest timer not cancelled, when there is none.
  void schedule_front() {
    if (event_ != 0) return;
    while (!heap_.empty() && cancelled_.erase(heap_.front().order) != 0) pop();
    if (heap_.empty()) return;
    front_us_ = heap_.front().at_us;
    front_order_ = heap_.front().order;
    event_ = queue_.schedule_in_order(front_us_, front_order_, [this] { due(); });
  }

  void due() {
    event_ = 0;
    Owner& owner = *heap_.front().owner;
    firing_ = heap_.front().order;
    pop();
    fire_(owner);  // which may start its next timer
    firing_ = none;
    schedule_front();
  }

  engine::Scheduler& queue_;
  Fire fire_;
  std::vector<Timer> heap_;  // earliest first
  std::unordered_set<std::uint64_t> cancelled_;
  engine::EventId event_ = 0;  // for the front, at front_us_ in front_order_
  engine::TimeUs front_us_ = 0;
  std::uint64_t front_order_ = 0;
  static constexpr std::uint64_t none = ~std::uint64_t{0};
  std::uint64_t firing_ = none;  // the timer whose owner is being refreshed
};

}  // namespace qosbed::rsvp
