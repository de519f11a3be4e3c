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

// A stop at step index `step` (the step count: past the last), pointing at `mark`.
inline Stop stop_at(std::size_t step, engine::TimeUs t_us, std::string reason,
                    scenario::Mark mark) {
  Stop stop;
  stop.step = step + 1;
  stop.mark = std::move(mark);
  stop.t_us = t_us;
  stop.reason = std::move(reason);
  return stop;
}

// At the step's own mark, or the file's past the last step. (No std::optional<Mark> default
// argument: GCC 12 at -O2 warns that destroying the empty optional reads an uninitialized string.)
inline Stop stop_at(const scenario::Scenario& scenario, std::size_t step, engine::TimeUs t_us,
                    std::string reason) {
  scenario::Mark mark = step < scenario.steps.size() ? scenario.steps[step].mark
                                                     : scenario::Mark{scenario.file, 0, 0};
  return stop_at(step, t_us, std::move(reason), std::move(mark));
}

}  // namespace qosbed::runner
