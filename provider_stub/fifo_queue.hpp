// A first-in first-out queue kept in one vector: a socket's queued indications, the requests
// pending behind its oldest one, and the completion routines queued for the next alertable wait.
// std::deque allocates a 512-byte block for every socket even while it is empty; this allocates
// only what it holds, so the state of 10,000 sockets stays small enough to stay in cache.
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

namespace qosbed::provider_stub {

template <typename T>
class FifoQueue {
 public:
  using iterator = typename std::vector<T>::iterator;
  using const_iterator = typename std::vector<T>::const_iterator;

  bool empty() const { return head_ == items_.size(); }
  std::size_t size() const { return items_.size() - head_; }
  T& front() { return items_[head_]; }
  const T& front() const { return items_[head_]; }
  iterator begin() { return items_.begin() + static_cast<std::ptrdiff_t>(head_); }
  iterator end() { return items_.end(); }
  const_iterator begin() const { return items_.begin() + static_cast<std::ptrdiff_t>(head_); }
  const_iterator end() const { return items_.end(); }

  void push_back(T item) { items_.push_back(std::move(item)); }

  // Releases what the front item holds at once. The space it took is reused when the queue
  // empties, or given back once the taken items are half the vector: each item moves at most
  // once more, so a long queue drains in linear time.
  void pop_front() {
    items_[head_] = T{};
    ++head_;
    if (head_ == items_.size()) {
      clear();
    } else if (head_ * 2 >= items_.size()) {
      items_.erase(items_.begin(), begin());
      head_ = 0;
    }
  }

  // `position` is one of this queue's items.
  void erase(iterator position) { items_.erase(position); }

  void clear() {
    items_.clear();
    head_ = 0;
  }

 private:
  std::vector<T> items_;
  std::size_t head_ = 0;  // items before it were taken
};

}  // namespace qosbed::provider_stub
