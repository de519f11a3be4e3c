// The soft-state timing of RFC 2205 section 3.7 and the one seeded generator every random draw
// of a simulation comes from (refresh jitter and message loss), so a run is a pure function of
// its inputs and its seed. The draws use their own arithmetic, not <random>'s distributions,
// whose results differ between standard libraries.
#pragma once

#include <cstdint>
#include <random>

#include "engine/clock.hpp"

namespace qosbed::rsvp {

struct SoftStateTimes {
  engine::TimeUs refresh_us = 30'000'000;  // R
  int k = 3;  // K - 1 refreshes in a row may be lost, whatever the jitter (section 3.7)
};

// L = (K + 0.5) x 1.5 x R, computed exactly in integers as (2K + 1) x 3R / 4.
constexpr engine::TimeUs lifetime_us(const SoftStateTimes& times) {
  return (2 * times.k + 1) * 3 * times.refresh_us / 4;
}

// How long a blockade lasts: Kb x R with Kb = K (RFC 2205 leaves Kb to the implementation).
constexpr engine::TimeUs blockade_us(const SoftStateTimes& times) {
  return times.k * times.refresh_us;
}

class Random {
 public:
  explicit Random(std::uint64_t seed) : seed_(seed), generator_(seed) {}

  std::uint64_t seed() const { return seed_; }
  // Uniform in [R/2, R/2 + R], whole microseconds.
  engine::TimeUs refresh_interval(engine::TimeUs refresh_us);
  // True with probability `loss`; draws nothing when loss is 0, so lossless links leave the
  // sequence of draws unchanged.
  bool lost(double loss);

 private:
  std::uint64_t seed_;
  std::mt19937_64 generator_;
};

}  // namespace qosbed::rsvp
