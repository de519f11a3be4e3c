#include "engine/event_heap.hpp"

namespace qosbed::engine {

void EventHeap::push(HeapEntry entry) {
  std::size_t i = size();
  entries_.push_back(entry);
  while (i > 0) {
    const std::size_t parent = (i - 1) / arity;
    if (!earlier(entry, at(parent))) break;
    at(i) = at(parent);
    i = parent;
  }
  at(i) = entry;
}

HeapEntry EventHeap::pop_earliest() {
  const HeapEntry earliest = at(0);
  const HeapEntry last = entries_.back();
  entries_.pop_back();
  const std::size_t count = size();
  if (count == 0) return earliest;
  HeapEntry* const heap =
      entries_.data() + root;  // held here: a store through at() would reload it
  // The hole left at the root goes down to the bottom, the earliest child moving up into it at
  // each level; `last` then goes up from there. `last` came from the bottom and mostly belongs
  // near it, so this saves comparing it at every level on the way down (Floyd's method).
  std::size_t i = 0;
  for (std::size_t first = 1; first + arity <= count; first = first_child(i)) {
    // The four children's own children are the next four lines, one after another: whichever
    // child wins, the next level is then on its way. In a large queue the lower levels are out
    // of the first-level cache, and each level waits on the one before.
    if (const std::size_t grandchildren = first_child(first); grandchildren < count) {
      const auto lines = reinterpret_cast<std::uintptr_t>(heap + grandchildren);
      for (std::uintptr_t line = 0; line < arity; ++line) {
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
  if (const std::size_t first = first_child(i); first < count) {
    std::size_t child = first;
    for (std::size_t other = first + 1; other < count; ++other) {
      if (earlier(heap[other], heap[child])) child = other;
    }
    heap[i] = heap[child];
    i = child;
  }
  while (i > 0) {
    const std::size_t parent = (i - 1) / arity;
    if (!earlier(last, heap[parent])) break;
    heap[i] = heap[parent];
    i = parent;
  }
  heap[i] = last;
  return earliest;
}

std::size_t EventHeap::second_earliest() const {
  std::size_t second = 1;
  for (std::size_t i = 2; i <= arity && i < size(); ++i) {
    if (earlier(at(i), at(second))) second = i;
  }
  return second;
}

}  // namespace qosbed::engine
