// The event queue's heap: a 4-ary min-heap of 16-byte keys, (time, order), with nothing else in
// it. The queue keeps each event's action and hint beside it (engine/event_queue.hpp), so that
// sifting moves 16 bytes and never a std::function.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/cache_line_allocator.hpp"
#include "engine/clock.hpp"

namespace qosbed::engine {

// One queued event as the heap sees it. `order` is whatever number the queue makes of the
// event's place in the scheduling order; the queue makes (at_us, order) unique.
struct HeapEntry {
  TimeUs at_us;
  std::uint64_t order;
};

class EventHeap {
 public:
  // The order events run in, which is the whole of the Scheduler's contract:
  // - an earlier time runs first;
  // - at equal times the lower `order` runs first, and the queue puts the scheduling order in
  //   its high bits, so equal-time events run in the order they were scheduled;
  // - no two entries are equal, so the order events run in is a function of the keys alone,
  //   never of the heap's shape or of the order they were pushed in.
  // Compared as one 128-bit number, in two instructions and without branches: which of two
  // entries comes first is as good as random, so a branch on it would be mispredicted half the
  // time. at_us is never negative (time starts at 0 and never goes backwards).
  static bool earlier(const HeapEntry& a, const HeapEntry& b) { return key(a) < key(b); }

  bool empty() const { return size() == 0; }
  std::size_t size() const { return entries_.size() - root; }
  const HeapEntry& earliest() const { return at(0); }
  void push(HeapEntry entry);
  HeapEntry pop_earliest();

  // Looking ahead, for prefetching what the next events read. The entry that pops after the
  // earliest is the earliest of the root's children, which share one line; needs size() > 1.
  std::size_t second_earliest() const;
  const HeapEntry& operator[](std::size_t position) const { return at(position); }
  // The entries among which the one that pops third is, once the second is known: the root's
  // other children and the second's children.
  template <typename Visit>
  void for_each_third_candidate(std::size_t second, Visit visit) const {
    for (const std::size_t first : {std::size_t{1}, first_child(second)}) {
      for (std::size_t i = first; i < first + arity && i < size(); ++i) visit(at(i));
    }
  }

 private:
  __extension__ using Key = unsigned __int128;
  static Key key(const HeapEntry& e) {
    return Key{static_cast<std::uint64_t>(e.at_us)} << 64 | e.order;
  }

  // Half the levels of a binary heap, and an entry's four children share one cache line: the
  // heap starts `root` entries into a line-aligned block, so the children of entry i, at
  // root + 4i + 1 ... root + 4i + 4, begin on a line. With a large network's hundreds of
  // thousands of timers, or an emulator's thousands of sockets, each level is then one cache
  // miss at most.
  static constexpr std::size_t arity = 4;
  static constexpr std::size_t root = 3;
  static_assert(arity * sizeof(HeapEntry) == cache_line, "four children fill one line");
  static_assert((root + 1) * sizeof(HeapEntry) == cache_line, "the root's children start one");
  static constexpr std::size_t first_child(std::size_t i) { return arity * i + 1; }
  HeapEntry& at(std::size_t i) { return entries_[root + i]; }
  const HeapEntry& at(std::size_t i) const { return entries_[root + i]; }

  std::vector<HeapEntry, CacheLineAllocator<HeapEntry>> entries_ =
      std::vector<HeapEntry, CacheLineAllocator<HeapEntry>>(root);
};

}  // namespace qosbed::engine
