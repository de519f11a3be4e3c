// Finding a session's state in one hash lookup. A node's state lives in ordered maps keyed by
// (session, something): ordered, so that state reads and iterates deterministically. With tens of
// thousands of sessions, every message walking those trees from the root costs a cache miss per
// level; SessionRanges remembers where each session's entries begin, so a message goes straight
// to them. Every insertion and erasure must go through it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "rsvp/session.hpp"

namespace qosbed::rsvp {

struct SessionHash {
  std::size_t operator()(const Session& session) const {
    std::uint64_t key = (std::uint64_t{session.destination} << 24) |
                        (std::uint64_t{session.port} << 8) | session.protocol;
    // splitmix64's finaliser: sessions that differ in a few low bits spread over the buckets.
    key = (key ^ (key >> 30)) * 0xbf58476d1ce4e5b9ULL;
    key = (key ^ (key >> 27)) * 0x94d049bb133111ebULL;
    return static_cast<std::size_t>(key ^ (key >> 31));
  }
};

// Over a std::map whose key is a pair (Session, X). A session has few entries, so finding one
// key scans them from the first.
template <typename Map>
class SessionRanges {
 public:
  using iterator = typename Map::iterator;
  using key_type = typename Map::key_type;

  explicit SessionRanges(Map& map) : map_(&map) {}

  // The session's first entry, or end(); its entries follow while the key's session matches.
  iterator first(const Session& session) const {
    const auto found = first_.find(session);
    return found == first_.end() ? map_->end() : found->second;
  }
  bool in_session(iterator it, const Session& session) const {
    return it != map_->end() && it->first.first == session;
  }
  iterator end() const { return map_->end(); }

  iterator find(const key_type& key) const {
    for (auto it = first(key.first); in_session(it, key.first); ++it) {
      if (it->first == key) return it;
    }
    return map_->end();
  }

  // As std::map::try_emplace(key) with a value-initialised entry.
  std::pair<iterator, bool> try_emplace(const key_type& key) {
    const auto found = first_.find(key.first);
    if (found == first_.end()) {
      const auto added = map_->try_emplace(key).first;
      first_.emplace(key.first, added);
      return {added, true};
    }
    auto at = found->second;
    for (; in_session(at, key.first) && !(key < at->first); ++at) {
      if (at->first == key) return {at, false};
    }
    // `at` is the entry the new one goes before: an exact hint, so insertion takes constant time.
    const auto added = map_->emplace_hint(at, std::piecewise_construct, std::forward_as_tuple(key),
                                          std::forward_as_tuple());
    if (key < found->second->first) found->second = added;
    return {added, true};
  }

  void erase(iterator it) {
    const Session session = it->first.first;
    const auto found = first_.find(session);
    if (found->second == it) {
      const auto next = std::next(it);
      if (in_session(next, session)) {
        found->second = next;
      } else {
        first_.erase(found);
      }
    }
    map_->erase(it);
  }
  bool erase(const key_type& key) {
    const auto it = find(key);
    if (it == map_->end()) return false;
    erase(it);
    return true;
  }

 private:
  Map* map_;
  std::unordered_map<Session, iterator, SessionHash> first_;
};

}  // namespace qosbed::rsvp
