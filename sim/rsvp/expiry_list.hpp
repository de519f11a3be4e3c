// The soft-state cleanup timers of a network's PSBs and RSBs (RFC 2205 section 3.7), kept as
// one list rather than one engine event each. Every refresh sets a state's expiry to now + L,
// and L is the same for all of them, so the order of refreshes is the order of expiries: a
// refresh moves its state to the back of the list, and the front is always the next to time
// out. The list is intrusive, two 32-bit links in each state: an engine event of its own costs a
// state several times that, and with tens of thousands of flows the timers were a seventh of
// the heap. NodeProtocol keeps one engine event, for the front.
#pragma once

#include "rsvp/state.hpp"

namespace qosbed::rsvp {

// States in the order they expire: by (expires_us, order), as the engine would run their events.
class ExpiryList {
 public:
  explicit ExpiryList(StateStore& store) : store_(&store) {}

  bool empty() const { return !front_; }
  StateRef front() const { return front_; }
  // A state is on the list when it has a neighbour there or is all of it: a flag would cost
  // each state another word.
  bool contains(StateRef state) const {
    const Expiry& expiry = expiry_of(state);
    return expiry.prev || expiry.next || front_ == state;
  }

  // A refreshed state, whose expiry is now the latest of all.
  void move_to_back(StateRef state) {
    remove(state);
    link_after(back_, state);
  }

  // A state whose expiry may lie before others' (a local sender that fell silent: it expires L
  // after its last PATH). Found from the back, so the cost is the number of states refreshed
  // since; that happens once per silent sender, where refreshes happen all the time.
  void insert_in_order(StateRef state) {
    remove(state);
    const Expiry& expiry = expiry_of(state);
    StateRef before = back_;
    while (before && later(expiry_of(before), expiry)) before = expiry_of(before).prev;
    link_after(before, state);
  }

  // Does nothing to a state not on the list.
  void remove(StateRef state) {
    if (!contains(state)) return;
    Expiry& expiry = expiry_of(state);
    (expiry.prev ? expiry_of(expiry.prev).next : front_) = expiry.next;
    (expiry.next ? expiry_of(expiry.next).prev : back_) = expiry.prev;
    expiry.prev = expiry.next = StateRef{};
  }

  // Takes every state off the list: none of them expires.
  void clear() {
    while (front_) remove(front_);
  }

 private:
  Expiry& expiry_of(StateRef state) const { return store_->expiry(state); }
  static bool later(const Expiry& a, const Expiry& b) {
    return a.expires_us != b.expires_us ? a.expires_us > b.expires_us : a.order > b.order;
  }
  // After `before`, or at the front when there is none.
  void link_after(StateRef before, StateRef state) {
    Expiry& expiry = expiry_of(state);
    expiry.prev = before;
    expiry.next = before ? expiry_of(before).next : front_;
    (expiry.next ? expiry_of(expiry.next).prev : back_) = state;
    (before ? expiry_of(before).next : front_) = state;
  }

  StateStore* store_;
  StateRef front_;
  StateRef back_;
};

}  // namespace qosbed::rsvp
