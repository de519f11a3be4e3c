#include "rsvp/soft_state.hpp"

namespace qosbed::rsvp {

engine::TimeUs Random::refresh_interval(engine::TimeUs refresh_us) {
  // The modulo bias is below 2^-30 for any R under an hour: irrelevant next to determinism.
  const auto span = static_cast<std::uint64_t>(refresh_us) + 1;
  return refresh_us / 2 + static_cast<engine::TimeUs>(generator_() % span);
}

bool Random::lost(double loss) {
  if (loss <= 0.0) return false;
  const double draw = static_cast<double>(generator_() >> 11) * 0x1.0p-53;  // [0, 1)
  return draw < loss;
}

}  // namespace qosbed::rsvp
