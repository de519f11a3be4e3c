// The benchmarks' clock: this thread's CPU time, so the figures and ratios compare work done even
// on a machine busy with other jobs (wall time there would include the time other jobs ran).
#pragma once

#include <ctime>

namespace qosbed::bench {

inline double cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

}  // namespace qosbed::bench
