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

// One session's entries in one map.
template <typename Map>
struct SessionEntries {
  typename Map::iterator first{};
  std::size_t count = 0;
};

// One session's entries in each of a node's maps, and what the node keeps of it besides.
struct SessionSlots {
  SessionEntries<decltype(NodeState::psbs)> psbs;
  SessionEntries<decltype(NodeState::rsbs)> rsbs;
  // The previous hops this node's last RESV went to: a ResvTear is due to one when it stops
  // having anything to send there.
  HopSet forwarded;
  // True while the reservations installed for the session are what its path and reservation
  // state give, so that installing them again would change nothing: a refresh that changes
  // nothing need not recompute them. Inserting or erasing path or reservation state clears it,
  // as does changing it in place (NodeIndex::state_changed).
  bool installed = false;
  bool empty() const { return psbs.count == 0 && rsbs.count == 0 && forwarded.empty(); }
};
using SessionTable = SessionMap<SessionSlots>;

// One map of a node seen by session, through the node's SessionTable.
template <typename Map, SessionEntries<Map> SessionSlots::*member>
class SessionRanges {
 public:
  using iterator = typename Map::iterator;
  using key_type = typename Map::key_type;

  SessionRanges(Map& map, SessionTable& table) : map_(&map), table_(&table) {}

  CountedRange<iterator> of(const Session& session) const {
    const SessionEntries<Map>* entries = find_entries(session);
    return entries ? CountedRange<iterator>(entries->first, entries->count)
                   : CountedRange<iterator>(map_->end(), 0);
  }
  iterator end() const { return map_->end(); }

  iterator find(const key_type& key) const {
    const SessionEntries<Map>* entries = find_entries(key.first);
    if (!entries) return map_->end();
    auto it = entries->first;
    for (std::size_t i = 0; i < entries->count; ++i, ++it) {
      if (it->first == key) return it;
    }
    return map_->end();
  }

  // As std::map::try_emplace(key) with a value-initialised entry.
  std::pair<iterator, bool> try_emplace(const key_type& key) {
    SessionSlots& slots = (*table_)[key.first];
    SessionEntries<Map>& entries = slots.*member;
    if (entries.count == 0) {
      slots.installed = false;
      entries.first = map_->try_emplace(key).first;
      entries.count = 1;
      return {entries.first, true};
    }
    // Find the key, or the entry it goes after: an exact hint makes insertion constant time.
    auto at = entries.first;
    auto before = map_->end();
    for (std::size_t i = 0; i < entries.count && !(key < at->first); ++i) {
      if (at->first == key) return {at, false};
      before = at;
      if (i + 1 < entries.count) ++at;
    }
    const auto added = map_->emplace_hint(before == map_->end() ? entries.first : std::next(before),
                                          std::piecewise_construct, std::forward_as_tuple(key),
                                          std::forward_as_tuple());
    if (before == map_->end()) entries.first = added;
    ++entries.count;
    slots.installed = false;
    return {added, true};
  }

  void erase(iterator it) {
    const Session session = it->first.first;
    SessionSlots& slots = *table_->find(session);
    SessionEntries<Map>& entries = slots.*member;
    if (entries.first == it && entries.count > 1) entries.first = std::next(it);
    --entries.count;
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
  const SessionEntries<Map>* find_entries(const Session& session) const {
    const SessionSlots* slots = table_->find(session);
    if (!slots) return nullptr;
    const SessionEntries<Map>& entries = slots->*member;
    return entries.count == 0 ? nullptr : &entries;
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
  SessionRanges<decltype(NodeState::psbs), &SessionSlots::psbs> psbs;
  SessionRanges<decltype(NodeState::rsbs), &SessionSlots::rsbs> rsbs;
};

}  // namespace qosbed::rsvp
