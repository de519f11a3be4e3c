#include "cli/winsock_run.hpp"

#include <stdexcept>

#ifdef _WIN32
#include "engine/wall_clock.hpp"
#include "provider/winsock_provider.hpp"
#include "runner/live_run.hpp"
#endif

namespace qosbed::cli {

#ifdef _WIN32

bool winsock_available() {
  return true;
}

runner::RunResult run_on_winsock(const scenario::Scenario& scenario,
                                 const runner::RunOptions& options) {
  provider::WinsockProvider winsock;
  const engine::WallClock clock;
  runner::LiveRunOptions live;
  live.trace = options.trace;
  live.interrupt = options.interrupt;
  live.recording = options.recording;
  live.recording_name = options.recording_name;
  return runner::run_live(scenario, winsock, clock, live);
}

#else

bool winsock_available() {
  return false;
}

runner::RunResult run_on_winsock(const scenario::Scenario&, const runner::RunOptions&) {
  throw std::logic_error("--provider winsock in a build without ws2_32");
}

#endif

}  // namespace qosbed::cli
