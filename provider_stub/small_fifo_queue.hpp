// A FifoQueue with room for its front item inside itself, as LLVM's SmallVector<T, 1> has for
// its first: a socket's pending requests. Nearly always exactly one request pends, and an
// indication reads it; kept inline, its address follows from the socket's state, so with
// thousands of sockets the state and the request are loaded together (the SP's rules prefetch
// them as one range) instead of one after the other. Items past the front live in a FifoQueue.
#pragma once

#include <cstddef>
#include <iterator>
#include <optional>
#include <utility>

#include "provider_stub/fifo_queue.hpp"

namespace qosbed::provider_stub {

template <typename T>
class SmallFifoQueue {
 public:
  // Position i is the front for 0 and rest_'s item i - 1 after it.
  template <typename Queue, typename Item>
  class Iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = T;
    using difference_type = std::ptrdiff_t;
    using pointer = Item*;
    using reference = Item&;

    Iterator() = default;
    Iterator(Queue* queue, std::size_t position) : queue_(queue), position_(position) {}
    reference operator*() const {
      return position_ == 0 ? *queue_->front_ : *(queue_->rest_.begin() + offset());
    }
    pointer operator->() const { return &**this; }
    Iterator& operator++() {
      ++position_;
      return *this;
    }
    Iterator operator++(int) {
      Iterator before = *this;
      ++position_;
      return before;
    }
    bool operator==(const Iterator& other) const { return position_ == other.position_; }

   private:
    friend class SmallFifoQueue;
    difference_type offset() const { return static_cast<difference_type>(position_ - 1); }
    Queue* queue_ = nullptr;
    std::size_t position_ = 0;
  };
  using iterator = Iterator<SmallFifoQueue, T>;
  using const_iterator = Iterator<const SmallFifoQueue, const T>;

  bool empty() const { return !front_; }
  std::size_t size() const { return front_ ? 1 + rest_.size() : 0; }
  T& front() { return *front_; }
  const T& front() const { return *front_; }
  iterator begin() { return {this, 0}; }
  iterator end() { return {this, size()}; }
  const_iterator begin() const { return {this, 0}; }
  const_iterator end() const { return {this, size()}; }

  void push_back(T item) {
    if (front_) {
      rest_.push_back(std::move(item));
    } else {
      front_.emplace(std::move(item));
    }
  }

  // Releases what the front item holds at once, as FifoQueue does.
  void pop_front() {
    if (rest_.empty()) {
      front_.reset();
    } else {
      *front_ = std::move(rest_.front());
      rest_.pop_front();
    }
  }

  // `position` is one of this queue's items.
  void erase(iterator position) {
    if (position.position_ == 0) {
      pop_front();
    } else {
      rest_.erase(rest_.begin() + position.offset());
    }
  }

  void clear() {
    front_.reset();
    rest_.clear();
  }

 private:
  std::optional<T> front_;  // empty only while rest_ is
  FifoQueue<T> rest_;
};

}  // namespace qosbed::provider_stub
