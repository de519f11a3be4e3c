// A small sorted set of nodes held in one word: the previous hops a node last sent one session's
// RESV to. Nearly every session has one hop, kept in the word itself; only a session with more
// keeps them on the heap, behind the same word. A node's sessions table holds one per session,
// so its size is paid for each hop of each flow, and a RESV reads it at every hop without a
// cache miss of its own.
#pragma once

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

#include "rsvp/session.hpp"

namespace qosbed::rsvp {

class HopSet {
 public:
  HopSet() = default;
  HopSet(HopSet&& other) noexcept : bits_(std::exchange(other.bits_, 0)) {}
  HopSet& operator=(HopSet&& other) noexcept {
    if (this != &other) {
      delete many();
      bits_ = std::exchange(other.bits_, 0);
    }
    return *this;
  }
  ~HopSet() { delete many(); }

  bool empty() const { return bits_ == 0; }

  // False when `hop` was there already.
  bool insert(NodeId hop) {
    if (empty()) {
      set_one(hop);
      return true;
    }
    if (std::vector<NodeId>* hops = many()) {
      const auto at = std::lower_bound(hops->begin(), hops->end(), hop);
      if (at != hops->end() && *at == hop) return false;
      hops->insert(at, hop);
      return true;
    }
    const NodeId first = one();
    if (hop == first) return false;
    set_many(new std::vector<NodeId>{std::min(first, hop), std::max(first, hop)});
    return true;
  }

  // False when `hop` was not there.
  bool erase(NodeId hop) {
    if (empty()) return false;
    std::vector<NodeId>* hops = many();
    if (!hops) {
      if (one() != hop) return false;
      bits_ = 0;
      return true;
    }
    const auto at = std::lower_bound(hops->begin(), hops->end(), hop);
    if (at == hops->end() || *at != hop) return false;
    hops->erase(at);
    if (hops->size() == 1) {
      const NodeId left = hops->front();
      delete hops;
      set_one(left);
    }
    return true;
  }

  // Calls f(hop) for every hop, in ascending order.
  template <typename F>
  void for_each(F f) const {
    if (empty()) return;
    if (const std::vector<NodeId>* hops = many()) {
      for (NodeId hop : *hops) f(hop);
    } else {
      f(one());
    }
  }

 private:
  // The word: 0 when empty; one hop in its upper half, with the low bit set; or a pointer to
  // two or more (a pointer to a vector is aligned, so its low bit is clear).
  static constexpr std::uint64_t one_bit = 1;
  NodeId one() const { return static_cast<NodeId>(bits_ >> 32); }
  void set_one(NodeId hop) { bits_ = (std::uint64_t{hop} << 32) | one_bit; }
  std::vector<NodeId>* many() const {
    return bits_ == 0 || (bits_ & one_bit) != 0
               ? nullptr
               : reinterpret_cast<std::vector<NodeId>*>(static_cast<std::uintptr_t>(bits_));
  }
  void set_many(std::vector<NodeId>* hops) {
    bits_ = static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(hops));
  }

  std::uint64_t bits_ = 0;
};

}  // namespace qosbed::rsvp
