// The clock of a live session: microseconds of the steady clock since the session began, so a
// trace or a recording of real Winsock starts at t=0 as a scenario does.
#pragma once

#include <chrono>

#include "engine/clock.hpp"

namespace qosbed::engine {

class WallClock final : public Clock {
 public:
  TimeUs now_us() const override {
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() -
                                                                 start_)
        .count();
  }

 private:
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

}  // namespace qosbed::engine
