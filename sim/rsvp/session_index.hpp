// Finding a session's state in one hash lookup. A node's state lives in ordered maps keyed by
// (session, something): ordered, so that state reads and iterates deterministically. With tens of
// thousands of sessions, a message walking those trees from the root costs a cache miss per
// level; the index remembers, per session, where its entries begin in each map and how many
// there are, so a message goes straight to them and never steps onto another session's entry.
// Every insertion and erasure must go through the index. What only the protocol engine reads,
// such as where a session's RESV was last forwarded, is held in the index itself.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <tuple>
#include <utility>

#include "rsvp/hop_set.hpp"
#include "rsvp/session.hpp"
#include "rsvp/session_map.hpp"
#include "rsvp/state.hpp"

namespace qosbed::rsvp {

// `count` entries of a map from `first` on, iterated without stepping past the last.
template <typename Iterator>
class CountedRange {
 public:
  class Cursor {
   public:
    Cursor(Iterator it, std::size_t left) : it_(it), left_(left) {}
    decltype(auto) operator*() const { return *it_; }
    Iterator operator->() const { return it_; }
    Cursor& operator++() {
      if (--left_ != 0) ++it_;
      return *this;
    }
    bool operator==(std::default_sentinel_t) const { return left_ == 0; }

   private:
    Iterator it_;
    std::size_t left_;
  };
  CountedRange(Iterator first, std::size_t count) : first_(first), count_(count) {}
  Cursor begin() const { return Cursor(first_, count_); }
  std::default_sentinel_t end() const { return {}; }

 private:
  Iterator first_;
  std::size_t count_;
};

// One session's entries in each of a node's maps, and what the node keeps of it besides. The
// iterators first and the counts after them, as 32 bits: every (node, session) has one, so its
// size is paid for each hop of each flow.
struct SessionSlots {
  decltype(NodeState::psbs)::iterator psbs_first{};
  decltype(NodeState::rsbs)::iterator rsbs_first{};
  std::uint32_t psbs_count = 0;
  std::uint32_t rsbs_count = 0;
  // The previous hops this node's last RESV went to: a ResvTear is due to one when it stops
  // having anything to send there.
  HopSet forwarded;
  // True while the reservations installed for the session are what its path and reservation
  // state give, so that installing them again would change nothing: a refresh that changes
  // nothing need not recompute them. Inserting or erasing path or reservation state clears it,
  // as does changing it in place (NodeIndex::state_changed).
  bool installed = false;
  bool empty() const { return psbs_count == 0 && rsbs_count == 0 && forwarded.empty(); }
};
using SessionTable = SessionMap<SessionSlots>;

// One map of a node seen by session, through the node's SessionTable: `first` and `count` are
// where the session's entries in it begin and how many there are.
template <typename Map, typename Map::iterator SessionSlots::*first,
          std::uint32_t SessionSlots::*count>
class SessionRanges {
 public:
  using iterator = typename Map::iterator;
  using key_type = typename Map::key_type;

  SessionRanges(Map& map, SessionTable& table) : map_(&map), table_(&table) {}

  CountedRange<iterator> of(const Session& session) const {
    const SessionSlots* slots = find_slots(session);
    return slots ? CountedRange<iterator>(slots->*first, slots->*count)
                 : CountedRange<iterator>(map_->end(), 0);
  }
  iterator end() const { return map_->end(); }

  iterator find(const key_type& key) const {
    const SessionSlots* slots = find_slots(key.first);
    if (!slots) return map_->end();
    auto it = slots->*first;
    for (std::uint32_t i = 0; i < slots->*count; ++i, ++it) {
      if (it->first == key) return it;
    }
    return map_->end();
  }

  // As std::map::try_emplace(key) with a value-initialised entry.
  std::pair<iterator, bool> try_emplace(const key_type& key) {
    SessionSlots& slots = (*table_)[key.first];
    iterator& begin = slots.*first;
    std::uint32_t& entries = slots.*count;
    if (entries == 0) {
      slots.installed = false;
      begin = map_->try_emplace(key).first;
      entries = 1;
      return {begin, true};
    }
    // Find the key, or the entry it goes after: an exact hint makes insertion constant time.
    auto at = begin;
    auto before = map_->end();
    for (std::uint32_t i = 0; i < entries && !(key < at->first); ++i) {
      if (at->first == key) return {at, false};
      before = at;
      if (i + 1 < entries) ++at;
    }
    const auto added = map_->emplace_hint(before == map_->end() ? begin : std::next(before),
                                          std::piecewise_construct, std::forward_as_tuple(key),
                                          std::forward_as_tuple());
    if (before == map_->end()) begin = added;
    ++entries;
    slots.installed = false;
    return {added, true};
  }

  void erase(iterator it) {
    const Session session = it->first.first;
    SessionSlots& slots = *table_->find(session);
    if (slots.*first == it && slots.*count > 1) slots.*first = std::next(it);
    --(slots.*count);
    slots.installed = false;
    map_->erase(it);
    if (slots.empty()) table_->erase(session);
  }
  bool erase(const key_type& key) {
    const auto it = find(key);
    if (it == map_->end()) return false;
    erase(it);
    return true;
  }

 private:
  // The session's slots when it has entries in this map.
  const SessionSlots* find_slots(const Session& session) const {
    const SessionSlots* slots = table_->find(session);
    return slots && slots->*count != 0 ? slots : nullptr;
  }

  Map* map_;
  SessionTable* table_;
};

// A node's state by session: the two maps a message looks up, over one table.
class NodeIndex {
 public:
  explicit NodeIndex(NodeState& state) : psbs(state.psbs, table_), rsbs(state.rsbs, table_) {}
  NodeIndex(const NodeIndex&) = delete;
  NodeIndex& operator=(const NodeIndex&) = delete;

  // Whether the reservations installed for `session` are known to be what its state gives.
  bool installed(const Session& session) const {
    const SessionSlots* slots = table_.find(session);
    return slots && slots->installed;
  }
  // The reservations installed for `session` were just computed from its state.
  void set_installed(const Session& session) {
    if (SessionSlots* slots = table_.find(session)) slots->installed = true;
  }
  // The session's path or reservation state changed in place: the installed reservations may
  // no longer be what it gives.
  void state_changed(const Session& session) {
    if (SessionSlots* slots = table_.find(session)) slots->installed = false;
  }

  // The previous hops the session's last RESV went to; none when there are none.
  const HopSet* forwarded(const Session& session) const {
    const SessionSlots* slots = table_.find(session);
    return slots ? &slots->forwarded : nullptr;
  }
  void add_forwarded(const Session& session, NodeId hop) { table_[session].forwarded.insert(hop); }
  // False when no RESV went to `hop`.
  bool remove_forwarded(const Session& session, NodeId hop) {
    SessionSlots* slots = table_.find(session);
    if (!slots || !slots->forwarded.erase(hop)) return false;
    if (slots->empty()) table_.erase(session);
    return true;
  }

 private:
  SessionTable table_;  // declared first: the views below point at it

 public:
  SessionRanges<decltype(NodeState::psbs), &SessionSlots::psbs_first, &SessionSlots::psbs_count>
      psbs;
  SessionRanges<decltype(NodeState::rsbs), &SessionSlots::rsbs_first, &SessionSlots::rsbs_count>
      rsbs;
};

}  // namespace qosbed::rsvp
