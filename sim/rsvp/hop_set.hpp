// A small sorted set of nodes held in place: the previous hops a node last sent one session's
// RESV to. Nearly every session has one, so the smallest is kept inline and only the others go
// to the heap, behind a pointer that costs the common case one word; a node's index holds one
// per session, and a RESV reads it at every hop without a cache miss of its own.
#pragma once

#include <algorithm>
#include <memory>
#include <vector>

#include "rsvp/session.hpp"

namespace qosbed::rsvp {

class HopSet {
 public:
  bool empty() const { return !has_first_; }

  // False when `hop` was there already.
  bool insert(NodeId hop) {
    if (!has_first_) {
      first_ = hop;
      has_first_ = true;
      return true;
    }
    if (hop == first_) return false;
    if (!rest_) rest_ = std::make_unique<std::vector<NodeId>>();
    if (hop < first_) {
      rest_->insert(rest_->begin(), first_);
      first_ = hop;
      return true;
    }
    const auto at = std::lower_bound(rest_->begin(), rest_->end(), hop);
    if (at != rest_->end() && *at == hop) return false;
    rest_->insert(at, hop);
    return true;
  }

  // False when `hop` was not there.
  bool erase(NodeId hop) {
    if (!has_first_) return false;
    if (hop == first_) {
      if (!rest_) {
        has_first_ = false;
      } else {
        first_ = rest_->front();
        rest_->erase(rest_->begin());
        if (rest_->empty()) rest_.reset();
      }
      return true;
    }
    if (!rest_) return false;
    const auto at = std::lower_bound(rest_->begin(), rest_->end(), hop);
    if (at == rest_->end() || *at != hop) return false;
    rest_->erase(at);
    if (rest_->empty()) rest_.reset();
    return true;
  }

  // Calls f(hop) for every hop, in ascending order.
  template <typename F>
  void for_each(F f) const {
    if (!has_first_) return;
    f(first_);
    if (rest_) {
      for (NodeId hop : *rest_) f(hop);
    }
  }

 private:
  NodeId first_ = 0;  // the smallest, when has_first_
  bool has_first_ = false;
  std::unique_ptr<std::vector<NodeId>> rest_;  // the others, ascending; none rather than empty
};

}  // namespace qosbed::rsvp
