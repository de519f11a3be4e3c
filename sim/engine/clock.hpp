// What time it is for a trace or a recording: the event queue's virtual time when a run plays on
// the emulator, or the time since a live session began when the provider is real Winsock.
#pragma once

#include <cstdint>

namespace qosbed::engine {

using TimeUs = std::int64_t;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimeUs now_us() const = 0;
};

}  // namespace qosbed::engine
