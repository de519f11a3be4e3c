// How a run, virtual or live, ends early: an interrupt seen between steps or waits, or an
// internal error; either way it stops where it was, with a Stop saying so.
#pragma once

#include <csignal>
#include <exception>
#include <optional>
#include <string>

#include "runner/runner.hpp"
#include "scenario/scenario.hpp"

namespace qosbed::runner {

// Thrown by a check of the interrupt flag, caught by play_until_stopped.
struct Interrupted {};

inline void check_interrupt(const volatile std::sig_atomic_t* interrupt) {
  if (interrupt && *interrupt) throw Interrupted{};
}

// Runs `play`; when it ends early, the reason: "interrupted" or "internal error: ...".
template <typename Play>
std::optional<std::string> play_until_stopped(Play&& play) {
  try {
    play();
  } catch (const Interrupted&) {
    return "interrupted";
  } catch (const std::exception& error) {
    return std::string("internal error: ") + error.what();
  }
  return std::nullopt;
}

// A stop at `scenario.steps[step]`, or past the last step when `step` is the step count; `mark`
// overrides where it points.
inline Stop stop_at(const scenario::Scenario& scenario, std::size_t step, engine::TimeUs t_us,
                    std::string reason, std::optional<scenario::Mark> mark = std::nullopt) {
  Stop stop;
  stop.step = step + 1;
  if (mark) {
    stop.mark = std::move(*mark);
  } else {
    stop.mark = step < scenario.steps.size() ? scenario.steps[step].mark
                                             : scenario::Mark{scenario.file, 0, 0};
  }
  stop.t_us = t_us;
  stop.reason = std::move(reason);
  return stop;
}

}  // namespace qosbed::runner
