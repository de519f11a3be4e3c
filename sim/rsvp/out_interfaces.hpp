// The interfaces a PATH was forwarded on, in the order routing gave them. Nearly every PSB has
// one (unicast) or none (at the destination), so one is held in place and only a multicast
// fan-out goes to the heap: a vector would allocate for every PSB on the way, the largest part
// of a flow's path state after the PSB itself.
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "rsvp/topology.hpp"

namespace qosbed::rsvp {

class OutInterfaces {
 public:
  OutInterfaces() = default;
  OutInterfaces(const OutInterfaces& other) { assign(other.view()); }
  OutInterfaces& operator=(const OutInterfaces& other) {
    if (this != &other) assign(other.view());
    return *this;
  }
  OutInterfaces(OutInterfaces&&) noexcept = default;
  OutInterfaces& operator=(OutInterfaces&&) noexcept = default;

  // `interfaces` may be this list's own.
  void assign(std::span<const Interface> interfaces) {
    std::unique_ptr<Interface[]> many;
    if (interfaces.size() == 1) {
      one_ = interfaces.front();
    } else if (interfaces.size() > 1) {
      many = std::make_unique<Interface[]>(interfaces.size());
      std::copy(interfaces.begin(), interfaces.end(), many.get());
    }
    many_ = std::move(many);
    size_ = static_cast<std::uint32_t>(interfaces.size());
  }

  std::span<const Interface> view() const { return {data(), size_}; }
  const Interface* begin() const { return data(); }
  const Interface* end() const { return data() + size_; }
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  bool contains(Interface itf) const { return std::find(begin(), end(), itf) != end(); }

  friend bool operator==(const OutInterfaces& a, std::span<const Interface> b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end());
  }
  friend bool operator==(const OutInterfaces& a, const OutInterfaces& b) { return a == b.view(); }

 private:
  const Interface* data() const { return size_ <= 1 ? &one_ : many_.get(); }

  Interface one_;                      // the one, when there is one
  std::unique_ptr<Interface[]> many_;  // all of them, when there are more
  std::uint32_t size_ = 0;
};

}  // namespace qosbed::rsvp
