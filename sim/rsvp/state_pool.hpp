// Storage for a network's PSBs and RSBs: every block in fixed-size chunks, named by a 32-bit
// index. A node-based container gives each block a node of its own, with a tree's or a list's
// links, a key and malloc's header; with tens of thousands of flows crossing each node, that
// overhead was more than the state itself. Here a block costs its own size: chunks never move,
// so a block stays where it is until erased, and an erased block's place is taken by the next.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>
#include <utility>
#include <vector>

namespace qosbed::rsvp {

using PoolIndex = std::uint32_t;
inline constexpr PoolIndex no_index = ~PoolIndex{0};

template <typename T>
class StatePool {
 public:
  StatePool() = default;
  StatePool(const StatePool&) = delete;
  StatePool& operator=(const StatePool&) = delete;
  ~StatePool() {
    for (PoolIndex at = 0; at < live_.size(); ++at) {
      if (live_[at]) slot(at).value.~T();
    }
  }

  std::size_t size() const { return size_; }

  template <typename... Args>
  PoolIndex emplace(Args&&... args) {
    PoolIndex at = free_;
    if (at != no_index) {
      free_ = slot(at).next_free;
    } else {
      at = static_cast<PoolIndex>(live_.size());
      if (at % chunk_size == 0) chunks_.push_back(std::make_unique<Slot[]>(chunk_size));
      live_.push_back(false);
    }
    ::new (static_cast<void*>(std::addressof(slot(at).value))) T(std::forward<Args>(args)...);
    live_[at] = true;
    ++size_;
    return at;
  }

  void erase(PoolIndex at) {
    slot(at).value.~T();
    live_[at] = false;
    slot(at).next_free = free_;
    free_ = at;
    --size_;
  }

  T& operator[](PoolIndex at) { return slot(at).value; }
  const T& operator[](PoolIndex at) const { return const_cast<StatePool*>(this)->slot(at).value; }

 private:
  // A block, or the next free place when erased: the free list costs no memory of its own.
  union Slot {
    Slot() {}
    ~Slot() {}
    T value;
    PoolIndex next_free;
  };
  // 256 blocks a chunk: small enough for a network of a few flows, and a chunk's pointer is
  // a negligible share of what it holds.
  static constexpr PoolIndex chunk_bits = 8;
  static constexpr PoolIndex chunk_size = PoolIndex{1} << chunk_bits;

  Slot& slot(PoolIndex at) { return chunks_[at >> chunk_bits][at & (chunk_size - 1)]; }

  std::vector<std::unique_ptr<Slot[]>> chunks_;
  std::vector<bool> live_;  // per place ever used: whether it holds a block
  PoolIndex free_ = no_index;
  std::size_t size_ = 0;
};

}  // namespace qosbed::rsvp
