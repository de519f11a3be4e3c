// What time it is for a trace or a recording: the event queue's virtual time when a run plays on
// the emulator, or the time since a live session began when the provider is real Winsock.
#pragma once

#include <cstdint>
#include <string>

namespace qosbed::engine {

using TimeUs = std::int64_t;

// A trace's time as every output writes it: "10.000 ms" for 10000 us.
std::string format_time(TimeUs t_us);

class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimeUs now_us() const = 0;
};

}  // namespace qosbed::engine
