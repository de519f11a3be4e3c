// Which program runs, and when the clock moves, in a run of one program or of one program per
// host. One thread of one program runs at a time: a session runs its own threads until every one
// of them waits (Outcome::waiting); then the first program, in the order they were added, that
// has a thread ready runs; a program that has not said hello yet runs before any clock moves.
// Only when no thread of any program can run does the clock advance, to the next scheduled event
// or wait deadline of any of them, so every program sees the same virtual time
// (docs/own-client.md, "Time" and "One program per host").
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "engine/event_queue.hpp"
#include "program/session.hpp"

namespace qosbed::program {

class Turns {
 public:
  explicit Turns(engine::EventQueue& queue) : queue_(queue) {}

  // Called before the clock moves on to `t_us`, later than now.
  void on_time_passing(std::function<void(engine::TimeUs)> listener) {
    time_passing_ = std::move(listener);
  }

  // `name` is how a report names the program: its host, or empty for the only program.
  std::size_t add(Session& session, std::string name);
  // The program's process ended: it takes no more turns.
  void ended(std::size_t program) { programs_.at(program).ended = true; }

  struct Turn {
    std::size_t program = 0;
    // To write to it; empty for a program whose hello is still to be read.
    std::vector<std::vector<std::byte>> frames;
  };
  struct Next {
    std::optional<Turn> turn;            // none: no program is left
    std::optional<std::string> failure;  // a malformed state, or every program waits for ever
  };
  // Whose turn it is, once the program that ran last found all of its threads waiting or ended.
  Next next();

  // What each program's threads are doing, one line each, for a report.
  std::vector<std::string> describe() const;

 private:
  struct Entry {
    Session* session = nullptr;
    std::string name;
    bool ended = false;
  };
  // Moves the clock to the next instant something is due; false when nothing is.
  bool advance();

  engine::EventQueue& queue_;
  std::function<void(engine::TimeUs)> time_passing_;
  std::vector<Entry> programs_;
};

}  // namespace qosbed::program
