// An allocator whose blocks start on a cache line, for containers laid out so that what is read
// together shares one line (the event queue's groups of four children).
#pragma once

#include <cstddef>
#include <new>

namespace qosbed::engine {

inline constexpr std::size_t cache_line = 64;

template <typename T>
struct CacheLineAllocator {
  using value_type = T;

  CacheLineAllocator() = default;
  template <typename U>
  CacheLineAllocator(const CacheLineAllocator<U>&) {}

  T* allocate(std::size_t n) {
    return static_cast<T*>(::operator new (n * sizeof(T), std::align_val_t{cache_line}));
  }
  void deallocate(T* p, std::size_t) { ::operator delete (p, std::align_val_t{cache_line}); }

  friend bool operator==(const CacheLineAllocator&, const CacheLineAllocator&) { return true; }
};

}  // namespace qosbed::engine
