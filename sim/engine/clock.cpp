#include "engine/clock.hpp"

#include <cstdio>

namespace qosbed::engine {

std::string format_time(TimeUs t_us) {
  char text[32];
  std::snprintf(text, sizeof text, "%lld.%03lld ms", static_cast<long long>(t_us / 1000),
                static_cast<long long>(t_us % 1000));
  return text;
}

}  // namespace qosbed::engine
