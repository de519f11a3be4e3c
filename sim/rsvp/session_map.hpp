// A hash table from Session to a value held inline: the per-session tables a message looks up
// at every hop. With tens of thousands of sessions these lookups miss the cache; a node-based
// table (std::unordered_map) costs a miss for the bucket, one for the node before and one for
// the entry. Here one byte per slot says whether it is used and holds 7 bits of the hash, so a
// lookup reads those bytes (64 to a cache line) and then only the slot that matches: about one
// miss for each. Open addressing with linear probing; erasing shifts the entries after it back,
// so there are no tombstones. Iteration order is the table's, not the sessions': whoever needs
// an order sorts.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

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

template <typename Value>
class SessionMap {
 public:
  struct Entry {
    Session session;
    Value value{};
  };

  std::size_t size() const { return size_; }

  // Pointers stay valid until the next insertion or erasure.
  Value* find(const Session& session) {
    const std::size_t at = position_of(session);
    return at == npos ? nullptr : &entries_[at].value;
  }
  const Value* find(const Session& session) const {
    return const_cast<SessionMap*>(this)->find(session);
  }

  // The value of `session`, value-initialised when it is new.
  Value& operator[](const Session& session) {
    if (const std::size_t at = position_of(session); at != npos) return entries_[at].value;
    if (8 * (size_ + 1) > 7 * control_.size()) grow();
    const std::size_t hash = SessionHash{}(session);
    std::size_t at = hash & mask();
    while (control_[at] != empty) at = (at + 1) & mask();
    control_[at] = tag_of(hash);
    entries_[at] = Entry{session, Value{}};
    ++size_;
    return entries_[at].value;
  }

  bool erase(const Session& session) {
    std::size_t hole = position_of(session);
    if (hole == npos) return false;
    // Backward shift: an entry after the hole moves into it unless its home slot lies after
    // the hole, which would put it before its home, where no lookup looks.
    for (std::size_t next = (hole + 1) & mask(); control_[next] != empty;
         next = (next + 1) & mask()) {
      const std::size_t home = SessionHash{}(entries_[next].session) & mask();
      if (((next - home) & mask()) >= ((next - hole) & mask())) {
        control_[hole] = control_[next];
        entries_[hole] = std::move(entries_[next]);
        hole = next;
      }
    }
    control_[hole] = empty;
    entries_[hole] = Entry{};
    --size_;
    return true;
  }

  // Calls f(session, value) for every entry, in the table's order.
  template <typename F>
  void for_each(F f) const {
    for (std::size_t at = 0; at < control_.size(); ++at) {
      if (control_[at] != empty) f(entries_[at].session, entries_[at].value);
    }
  }

 private:
  static constexpr std::uint8_t empty = 0;
  static constexpr std::size_t npos = ~std::size_t{0};

  // The top 7 bits of the hash with the high bit set, so no used slot reads as empty; the low
  // bits pick the home slot, so the two are independent.
  static std::uint8_t tag_of(std::size_t hash) {
    return static_cast<std::uint8_t>(0x80 | (hash >> (8 * sizeof(std::size_t) - 7)));
  }
  std::size_t mask() const { return control_.size() - 1; }

  std::size_t position_of(const Session& session) const {
    if (size_ == 0) return npos;
    const std::size_t hash = SessionHash{}(session);
    const std::uint8_t tag = tag_of(hash);
    for (std::size_t at = hash & mask(); control_[at] != empty; at = (at + 1) & mask()) {
      if (control_[at] == tag && entries_[at].session == session) return at;
    }
    return npos;
  }

  // Doubles the slots (16 at first) and puts every entry back. At most 7/8 of them are used:
  // the tag bytes keep the longer probe runs of so full a table cheap, and a fuller table needs
  // fewer empty slots, each as large as an entry, where a node-based table pays a pointer, a
  // bucket and malloc's header for every entry instead.
  void grow() {
    std::vector<std::uint8_t> control(control_.empty() ? 16 : 2 * control_.size(), empty);
    std::vector<Entry> entries(control.size());
    std::swap(control, control_);
    std::swap(entries, entries_);
    for (std::size_t at = 0; at < control.size(); ++at) {
      if (control[at] == empty) continue;
      const std::size_t hash = SessionHash{}(entries[at].session);
      std::size_t to = hash & mask();
      while (control_[to] != empty) to = (to + 1) & mask();
      control_[to] = control[at];
      entries_[to] = std::move(entries[at]);
    }
  }

  std::vector<std::uint8_t> control_;  // per slot: empty, or the tag of its entry's hash
  std::vector<Entry> entries_;
  std::size_t size_ = 0;
};

}  // namespace qosbed::rsvp
