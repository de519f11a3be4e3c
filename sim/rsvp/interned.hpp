// Values that many holders share, each kept once with a count of its holders. Tens of thousands
// of flows through the same routers with the same traffic leave equal state at every node they
// cross: the same Tspec and ADSPEC from the same previous hop, the same merged request to the
// same next hop, the same reservation on the same interface. Interned, such state costs each
// holder one pointer instead of its own copy, and a value no one holds any more is freed.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <utility>

namespace qosbed::rsvp {

// Feeds 64-bit words into one hash: the structures interned are made of 32-bit fields, added two
// to a word.
class WordHash {
 public:
  WordHash& add(std::uint64_t word) {
    // splitmix64's finaliser over the running value: every word moves every bit.
    hash_ = (hash_ ^ word) * 0x9e3779b97f4a7c15ULL;
    hash_ ^= hash_ >> 29;
    return *this;
  }
  std::size_t value() const { return static_cast<std::size_t>(hash_ ^ (hash_ >> 32)); }

 private:
  std::uint64_t hash_ = 0x243f6a8885a308d3ULL;
};

template <typename T, typename Hash>
class InternTable {
  struct Holders {
    std::uint32_t count = 0;
    InternTable* table = nullptr;
  };
  using Values = std::unordered_map<T, Holders, Hash>;

 public:
  // One holder of an interned value; empty when default-constructed or moved from. Two refs to
  // equal values are one entry, so they compare equal exactly when their values do. The table
  // must outlive every ref it gave out.
  class Ref {
   public:
    Ref() = default;
    Ref(const Ref& other) : entry_(other.entry_) { hold(); }
    Ref(Ref&& other) noexcept : entry_(std::exchange(other.entry_, nullptr)) {}
    Ref& operator=(const Ref& other) {
      Ref copy(other);
      std::swap(entry_, copy.entry_);
      return *this;
    }
    Ref& operator=(Ref&& other) noexcept {
      Ref taken(std::move(other));
      std::swap(entry_, taken.entry_);
      return *this;
    }
    ~Ref() { release(); }

    explicit operator bool() const { return entry_ != nullptr; }
    const T& operator*() const { return entry_->first; }
    const T* operator->() const { return &entry_->first; }
    friend bool operator==(const Ref& a, const Ref& b) { return a.entry_ == b.entry_; }

   private:
    friend class InternTable;
    explicit Ref(typename Values::value_type* entry) : entry_(entry) { hold(); }
    void hold() {
      if (entry_) ++entry_->second.count;
    }
    void release() {
      if (entry_ && --entry_->second.count == 0) {
        Values& values = entry_->second.table->values_;
        values.erase(values.find(entry_->first));
      }
    }

    typename Values::value_type* entry_ = nullptr;
  };

  InternTable() = default;
  // Refs point at the table.
  InternTable(const InternTable&) = delete;
  InternTable& operator=(const InternTable&) = delete;

  Ref intern(T value) {
    auto [entry, added] = values_.try_emplace(std::move(value));
    if (added) entry->second.table = this;
    return Ref(&*entry);
  }
  // The number of distinct values held.
  std::size_t size() const { return values_.size(); }

 private:
  Values values_;
};

}  // namespace qosbed::rsvp
