// The program's handles, as qosbed hands them out: events (each backed by a provider event, so
// the provider can set it), threads, windows and sockets share one numbering, multiples of 4 from
// win32::first_handle, as Windows handles are multiples of 4, in a range of their own; a value
// names one object for the whole run.
#pragma once

#include <cstdint>
#include <map>
#include <variant>

#include "provider/provider.hpp"
#include "win32/protocol.hpp"

namespace qosbed::program {

struct EventObject {
  provider::Event event = provider::invalid_event;
  bool auto_reset = false;  // CreateEvent(bManualReset FALSE): a satisfied wait resets it
};
struct ThreadObject {
  std::uint32_t thread = 0;
};
struct WindowObject {
  std::uint32_t owner = 0;  // the thread whose queue its messages go to
};
using Object = std::variant<EventObject, ThreadObject, WindowObject>;

class Handles {
 public:
  // A new value, for an object here or a socket.
  std::uint64_t next() {
    const std::uint64_t value = next_;
    next_ += 4;
    return value;
  }
  std::uint64_t add(Object object) {
    const std::uint64_t handle = next();
    objects_[handle] = object;
    return handle;
  }
  template <typename T>
  T* find(std::uint64_t handle) {
    const auto it = objects_.find(handle);
    return it == objects_.end() ? nullptr : std::get_if<T>(&it->second);
  }
  template <typename T>
  const T* find(std::uint64_t handle) const {
    const auto it = objects_.find(handle);
    return it == objects_.end() ? nullptr : std::get_if<T>(&it->second);
  }
  bool erase(std::uint64_t handle) { return objects_.erase(handle) > 0; }

 private:
  std::map<std::uint64_t, Object> objects_;
  std::uint64_t next_ = win32::first_handle;
};

}  // namespace qosbed::program
