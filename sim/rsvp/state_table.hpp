// A node's PSBs or RSBs by session. Each node keeps one hash table of the sessions it holds state
// for (SessionSlots); a session's slots name the first of its blocks in the network's pool
// (state_pool.hpp), and each block the next, in key order. A message finds its session's blocks
// in one hash lookup and walks only those, and a block costs its own size and one link.
// What only the protocol engine reads of a session, such as where its RESV was last forwarded,
// is held in its slots too.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <stdexcept>
#include <tuple>
#include <utility>
#include <vector>

#include "rsvp/hop_set.hpp"
#include "rsvp/session.hpp"
#include "rsvp/session_map.hpp"
#include "rsvp/state_pool.hpp"

namespace qosbed::rsvp {

// A PSB or an RSB: which of the two, and its place in the network's pool of them. Blocks stay in
// place until erased, and erasing one takes it off the expiry list (expiry_list.hpp) first.
class StateRef {
 public:
  StateRef() = default;
  static StateRef psb(PoolIndex index) { return StateRef(index, 0); }
  static StateRef rsb(PoolIndex index) { return StateRef(index, rsb_bit); }

  explicit operator bool() const { return bits_ != 0; }
  bool is_rsb() const { return (bits_ & rsb_bit) != 0; }
  PoolIndex index() const { return (bits_ >> 1) - 1; }
  friend bool operator==(StateRef, StateRef) = default;

 private:
  static constexpr std::uint32_t rsb_bit = 1;
  // Zero is no block: the index is kept plus one, above the bit that tells the kinds apart.
  StateRef(PoolIndex index, std::uint32_t kind) : bits_(((index + 1) << 1) | kind) {}
  std::uint32_t bits_ = 0;
};

// One session at one node: the first of its PSBs and of its RSBs, and what the node keeps of it
// besides. Every (node, session) has one, so its size is paid for each hop of each flow.
struct SessionSlots {
  PoolIndex psbs = no_index;
  PoolIndex rsbs = no_index;
  // The previous hops this node's last RESV went to: a ResvTear is due to one when it stops
  // having anything to send there.
  HopSet forwarded;
  // True while the reservations installed for the session are what its path and reservation
  // state give, so that installing them again would change nothing: a refresh that changes
  // nothing need not recompute them. Inserting or erasing path or reservation state clears it,
  // as does changing it in place (NodeState::state_changed).
  bool installed = false;
  bool empty() const { return psbs == no_index && rsbs == no_index && forwarded.empty(); }
};
static_assert(sizeof(SessionSlots) <= 24, "paid for each hop of each flow");
using SessionTable = SessionMap<SessionSlots>;

// A block in the pool: its key and state, as a map's entry is, and the next of its session's.
template <typename Key, typename Value>
struct StateNode {
  std::pair<const Key, Value> entry;
  PoolIndex next = no_index;
};

// The blocks of one kind at one node, keyed by (session, something), over the node's sessions
// table and the network's pool. `head` is the slot that names a session's first block.
template <typename Key, typename Value, PoolIndex SessionSlots::*head, bool is_rsb>
class StateTable {
 public:
  using Entry = std::pair<const Key, Value>;
  using Node = StateNode<Key, Value>;
  using Pool = StatePool<Node>;

  // A block found, or none (end()).
  template <typename E>
  class Position {
   public:
    Position() = default;
    E& operator*() const { return *entry_; }
    E* operator->() const { return entry_; }
    // The block, for the expiry list.
    StateRef state() const { return is_rsb ? StateRef::rsb(index_) : StateRef::psb(index_); }
    friend bool operator==(const Position& a, const Position& b) { return a.entry_ == b.entry_; }

   private:
    friend class StateTable;
    Position(E* entry, PoolIndex index) : entry_(entry), index_(index) {}
    E* entry_ = nullptr;
    PoolIndex index_ = no_index;
  };
  using iterator = Position<Entry>;
  using const_iterator = Position<const Entry>;

  // One session's blocks, in key order.
  template <typename E>
  class SessionRange {
   public:
    class Cursor {
     public:
      Cursor(Pool* pool, PoolIndex at) : pool_(pool), at_(at) {}
      E& operator*() const { return (*pool_)[at_].entry; }
      E* operator->() const { return &(*pool_)[at_].entry; }
      Cursor& operator++() {
        at_ = (*pool_)[at_].next;
        return *this;
      }
      bool operator==(std::default_sentinel_t) const { return at_ == no_index; }

     private:
      Pool* pool_;
      PoolIndex at_;
    };
    SessionRange(Pool* pool, PoolIndex first) : pool_(pool), first_(first) {}
    Cursor begin() const { return Cursor(pool_, first_); }
    std::default_sentinel_t end() const { return {}; }

   private:
    Pool* pool_;
    PoolIndex first_;
  };

  StateTable(Pool& pool, SessionTable& sessions) : pool_(&pool), sessions_(&sessions) {}
  StateTable(const StateTable&) = delete;
  StateTable& operator=(const StateTable&) = delete;
  ~StateTable() {
    sessions_->for_each([this](const Session&, const SessionSlots& slots) {
      for (PoolIndex at = slots.*head; at != no_index;) {
        const PoolIndex next = (*pool_)[at].next;
        pool_->erase(at);
        at = next;
      }
    });
  }

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

  SessionRange<Entry> of(const Session& session) { return {pool_, first_of(session)}; }
  SessionRange<const Entry> of(const Session& session) const { return {pool_, first_of(session)}; }

  iterator end() { return {}; }
  const_iterator end() const { return {}; }
  iterator find(const Key& key) {
    for (PoolIndex at = first_of(key.first); at != no_index; at = (*pool_)[at].next) {
      if ((*pool_)[at].entry.first == key) return {&(*pool_)[at].entry, at};
    }
    return {};
  }
  const_iterator find(const Key& key) const {
    const iterator found = const_cast<StateTable*>(this)->find(key);
    return found == iterator{} ? const_iterator{} : const_iterator{&*found, found.index_};
  }
  bool contains(const Key& key) const { return find(key) != end(); }
  const Value& at(const Key& key) const {
    const auto found = find(key);
    if (found == end()) throw std::out_of_range("no such state block");
    return found->second;
  }

  // Every block, in key order (the sessions table has none): for reading, not for messages.
  std::vector<const Entry*> sorted() const {
    std::vector<const Entry*> entries;
    entries.reserve(size_);
    sessions_->for_each([&](const Session&, const SessionSlots& slots) {
      for (PoolIndex at = slots.*head; at != no_index; at = (*pool_)[at].next) {
        entries.push_back(&(*pool_)[at].entry);
      }
    });
    std::sort(entries.begin(), entries.end(),
              [](const Entry* a, const Entry* b) { return a->first < b->first; });
    return entries;
  }
  // The block of the smallest key; there must be one.
  const Entry& front() const { return *sorted().front(); }

  // As std::map::try_emplace(key) with a value-initialised block.
  std::pair<iterator, bool> try_emplace(const Key& key) {
    SessionSlots& slots = (*sessions_)[key.first];
    PoolIndex* link = &(slots.*head);
    while (*link != no_index && (*pool_)[*link].entry.first < key) link = &(*pool_)[*link].next;
    if (*link != no_index && (*pool_)[*link].entry.first == key) {
      return {iterator{&(*pool_)[*link].entry, *link}, false};
    }
    const PoolIndex added = pool_->emplace(
        Node{Entry(std::piecewise_construct, std::forward_as_tuple(key), std::forward_as_tuple()),
             *link});
    *link = added;
    slots.installed = false;
    ++size_;
    return {iterator{&(*pool_)[added].entry, added}, true};
  }

  void erase(iterator it) {
    const Session session = it->first.first;
    SessionSlots& slots = *sessions_->find(session);
    PoolIndex* link = &(slots.*head);
    while (*link != it.index_) link = &(*pool_)[*link].next;
    *link = (*pool_)[it.index_].next;
    pool_->erase(it.index_);
    --size_;
    slots.installed = false;
    if (slots.empty()) sessions_->erase(session);
  }
  bool erase(const Key& key) {
    const auto it = find(key);
    if (it == end()) return false;
    erase(it);
    return true;
  }

 private:
  PoolIndex first_of(const Session& session) const {
    const SessionSlots* slots = sessions_->find(session);
    return slots ? slots->*head : no_index;
  }

  Pool* pool_;
  SessionTable* sessions_;
  std::size_t size_ = 0;
};

}  // namespace qosbed::rsvp
