// Prefetching: what an event is going to read, so that the event queue can have it loaded before
// the event's turn comes. With thousands of sockets or sessions, the state an event works on is
// rarely in cache, and each miss costs about as much as the event's whole work; the queue knows
// which events come next, so their loads can overlap the events before them. A prefetch changes
// nothing any event sees: a hint that is wrong or stale costs a little time, never a different
// run.
//
// An event's PrefetchHint (engine/scheduler.hpp) names a Prefetcher and a key. This header is for
// the queue and for the one class that owns the state a key names (the emulator's SP rules,
// which attach the hint to the script events they schedule), not for those who schedule events.
#pragma once

#include <cstddef>
#include <cstdint>

#include "engine/cache_line_allocator.hpp"

namespace qosbed::engine {

// How far ahead of its turn an event is.
enum class Lookahead {
  after_next,  // runs after the next event: start loading what it reads first
  next,        // runs next: what after_next loaded is in cache by now, so start loading what
               // it points at
};

// Knows what an event with a given key reads (a PrefetchHint names it and the key). It must
// change nothing: it is called for events that may yet be cancelled, and how often is not fixed.
// It must outlive the events that carry its hints until they run or are cancelled, as their
// actions' captures must.
class Prefetcher {
 public:
  virtual void prefetch(std::uint64_t key, Lookahead lookahead) const = 0;

 protected:
  ~Prefetcher() = default;
};

// Starts loading the cache lines that the bytes [begin, end) lie on, for reading or for writing.
// Only a hint to the processor: it never faults, whatever the addresses. Addresses as integers,
// so that a range may reach past the object it is about.
inline void prefetch_range(std::uintptr_t begin, std::uintptr_t end, bool for_write) {
  constexpr std::uintptr_t line = cache_line;
  for (std::uintptr_t at = begin & ~(line - 1); at < end; at += line) {
    const auto* address = reinterpret_cast<const void*>(at);
    if (for_write) {
      __builtin_prefetch(address, 1);
    } else {
      __builtin_prefetch(address, 0);
    }
  }
}

// The lines of [data, data + bytes).
inline void prefetch_lines(const void* data, std::size_t bytes, bool for_write) {
  const auto begin = reinterpret_cast<std::uintptr_t>(data);
  prefetch_range(begin, begin + bytes, for_write);
}

}  // namespace qosbed::engine
