#include "program/turns.hpp"

#include "engine/clock.hpp"

namespace qosbed::program {

std::size_t Turns::add(Session& session, std::string name) {
  programs_.push_back(Entry{&session, std::move(name)});
  return programs_.size() - 1;
}

Turns::Next Turns::next() {
  for (;;) {
    bool live = false;
    for (std::size_t i = 0; i < programs_.size(); ++i) {
      Entry& entry = programs_[i];
      if (entry.ended) continue;
      live = true;
      if (!entry.session->connected()) return Next{Turn{i, {}}, std::nullopt};
      Outcome outcome = entry.session->resume();
      if (outcome.failure) return Next{std::nullopt, std::move(outcome.failure)};
      if (!outcome.waiting) return Next{Turn{i, std::move(outcome.frames)}, std::nullopt};
    }
    if (!live) return Next{};
    if (!advance()) {
      const bool several = programs_.size() > 1;
      std::string why = std::string(several ? "the programs wait" : "the program waits") +
                        " with nothing left to happen (t=" + engine::format_time(queue_.now_us()) +
                        "):";
      for (const std::string& line : describe()) why += "\n  " + line;
      return Next{std::nullopt, std::move(why)};
    }
  }
}

bool Turns::advance() {
  std::optional<engine::TimeUs> next = queue_.next_time_us();
  for (const Entry& entry : programs_) {
    if (entry.ended) continue;
    const std::optional<engine::TimeUs> deadline = entry.session->next_deadline();
    if (deadline && (!next || *deadline < *next)) next = deadline;
  }
  if (!next) return false;
  if (*next > queue_.now_us() && time_passing_) time_passing_(*next);
  // Everything the scenario does at an instant happens before any program runs at it.
  queue_.run_until(*next);
  return true;
}

std::vector<std::string> Turns::describe() const {
  std::vector<std::string> lines;
  for (const Entry& entry : programs_) {
    if (entry.ended) continue;
    const std::string prefix = entry.name.empty() ? "" : entry.name + ": ";
    if (!entry.session->connected()) {
      lines.push_back(prefix + "before its first call to qosbed_win32");
      continue;
    }
    for (const std::string& line : entry.session->describe_threads())
      lines.push_back(prefix + line);
  }
  return lines;
}

}  // namespace qosbed::program
